//! Performing an action on a row, end to end through the proxy. Today: Atradius, the actions
//! "cancel" and "set or erase the customer reference" (`PUT …/covers`, built and read by the
//! core's [`modification_request`] and [`parse_modification_response`]), each sent with an
//! `idempotency-key` created when the user opened the confirmation (kept across retries).

use tradecover_core::atradius::{
    cover_type_of, modification_request, parse_modification_response, AtradiusPolicy, CoverAction,
    CoverModification,
};
use tradecover_core::cover_application::CoverType;
use tradecover_core::decision::Decision;
use tradecover_core::http_response::HttpResponse;
use tradecover_core::lifecycle::Action;
use tradecover_core::locale::Language;
use tradecover_core::messages::text;
use tradecover_core::Insurer;

use crate::proxy_client::ProxyClient;
use crate::widget_error::WidgetError;

/// Header carrying the idempotency key.
pub const IDEMPOTENCY_HEADER: &str = "idempotency-key";

/// An action the tracker can perform, with what the user entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowAction {
    /// End the cover.
    Cancel,
    /// Set the customer reference (blank erases it).
    SetReference(String),
}

impl RowAction {
    /// The core's action this performs.
    pub fn action(&self) -> Action {
        match self {
            RowAction::Cancel => Action::Cancel,
            RowAction::SetReference(_) => Action::SetReference,
        }
    }
}

/// Whether the tracker can perform `action` on rows of `insurer` (the core decides whether the
/// row's status allows it).
pub fn can_perform(insurer: Insurer, action: Action) -> bool {
    insurer == Insurer::Atradius && matches!(action, Action::Cancel | Action::SetReference)
}

/// Performs `action` on `row` and returns the row as it now is.
pub async fn perform(
    client: &ProxyClient,
    policy: Option<&AtradiusPolicy>,
    row: &Decision,
    action: &RowAction,
    idempotency_key: &str,
    language: Language,
) -> Result<Decision, WidgetError> {
    let problem = |code: &str, key: &str| WidgetError {
        code: code.to_owned(),
        field: None,
        message: text(language, key, &[("insurer", row.insurer.display_name())]),
        retryable: false,
    };
    let policy = match (row.insurer, policy) {
        (Insurer::Atradius, Some(policy)) => policy,
        (Insurer::Atradius, None) => return Err(problem("policy.required", "policy.required")),
        _ => return Err(problem("insurer.unsupported", "insurer.unsupported")),
    };
    let modification = CoverModification {
        buyer_id: row.buyer_id.clone(),
        cover_type: cover_type_of(&row.product).unwrap_or(CoverType::CreditLimit),
        action: match action {
            RowAction::Cancel => CoverAction::Cancel,
            RowAction::SetReference(reference) => CoverAction::UpdateReference {
                customer_reference: reference.trim().to_owned(),
            },
        },
        customer_reference: row.customer_reference.clone(),
    };
    let request = modification_request(policy, &modification)
        .map_err(|error| problem(error.code(), "insurer.rejected"))?
        .with_header(IDEMPOTENCY_HEADER, idempotency_key);
    let response = client.send(row.insurer, &request, language, None).await?;
    let outcome = parse_modification_response(
        &HttpResponse::new(response.status, response.body),
        &modification,
    )
    .map_err(|error| WidgetError::from_insurer(&error, language))?;
    let mut updated = row.clone();
    if let Some(status) = outcome.status {
        updated.status = status;
    }
    if let RowAction::SetReference(reference) = action {
        let reference = reference.trim();
        updated.customer_reference = (!reference.is_empty()).then(|| reference.to_owned());
    }
    Ok(updated)
}
