//! Atradius actions: `PUT /credit-insurance/cover-management/v1/covers` with the action
//! (`supersede` for an increase, `reduce`, `cancel`, `update-reference`) and
//! `PUT …/covers/{coverId}/cover-type` to convert an indication, built and read by the core.
//! After an increase, a reduction or a conversion, the buyer's covers are read again: a
//! superseding cover has a new id (the old row becomes [`Status::Superseded`]), and the answer
//! does not always tell the new amount.

use tradecover_core::atradius::{
    convert_indication_request, cover_type_of, modification_request, parse_conversion_response,
    parse_modification_response, ActionOutcome, CoverAction, CoverModification,
};
use tradecover_core::cover_application::CoverType;
use tradecover_core::decision::Decision;
use tradecover_core::http_response::HttpResponse;
use tradecover_core::lifecycle::Status;

use super::{cannot_build, problem, reread, send_keyed, with_status, ActionTarget, RowAction};
use crate::widget_error::WidgetError;

/// Performs `action` on the Atradius `row` (see [`super::perform`]).
pub async fn perform(
    target: ActionTarget<'_>,
    row: &Decision,
    action: &RowAction,
    idempotency_key: &str,
) -> Result<Vec<Decision>, WidgetError> {
    let language = target.language;
    let Some(policy) = target.source.atradius_policy.as_ref() else {
        return Err(problem(language, row, "policy.required"));
    };
    let cover_action = match action {
        RowAction::Increase(amount) => CoverAction::Supersede { amount: *amount },
        RowAction::Reduce(amount) => CoverAction::Reduce { amount: *amount },
        RowAction::Cancel => CoverAction::Cancel,
        RowAction::SetReference(reference) => CoverAction::UpdateReference {
            customer_reference: reference.trim().to_owned(),
        },
        RowAction::Convert => {
            let request = convert_indication_request(policy, &row.id)
                .map_err(|error| cannot_build(language, row, error.code()))?;
            let response = send_keyed(target, row, request, idempotency_key).await?;
            let outcome =
                parse_conversion_response(&HttpResponse::new(response.status, response.body))
                    .map_err(|error| WidgetError::from_insurer(&error, language))?;
            let mut converted = applied(row, &outcome);
            converted.product = "credit-limit".to_owned();
            return with_buyer_covers(target, converted).await;
        }
        RowAction::Delete | RowAction::Stop => {
            return Err(problem(language, row, "insurer.unsupported"))
        }
    };
    let modification = CoverModification {
        buyer_id: row.buyer_id.clone(),
        cover_type: cover_type_of(&row.product).unwrap_or(CoverType::CreditLimit),
        action: cover_action,
        customer_reference: row.customer_reference.clone(),
    };
    let request = modification_request(policy, &modification)
        .map_err(|error| cannot_build(language, row, error.code()))?;
    let response = send_keyed(target, row, request, idempotency_key).await?;
    let outcome = parse_modification_response(
        &HttpResponse::new(response.status, response.body),
        &modification,
    )
    .map_err(|error| WidgetError::from_insurer(&error, language))?;
    match action {
        RowAction::SetReference(reference) => {
            let mut updated = row.clone();
            let reference = reference.trim();
            updated.customer_reference = (!reference.is_empty()).then(|| reference.to_owned());
            Ok(vec![updated])
        }
        RowAction::Cancel => Ok(vec![applied(row, &outcome)]),
        _ => {
            let replaced = outcome
                .cover_id
                .as_deref()
                .is_some_and(|cover| cover != row.id);
            let updated = if replaced {
                with_status(row, Status::Superseded, "supersede")
            } else {
                applied(row, &outcome)
            };
            with_buyer_covers(target, updated).await
        }
    }
}

/// `row` with the status the answer reported, when it reported one the lifecycle knows.
fn applied(row: &Decision, outcome: &ActionOutcome) -> Decision {
    let mut updated = row.clone();
    if let Some(status) = outcome
        .status
        .clone()
        .filter(|status| status.status.is_some())
    {
        updated.status = status;
    }
    updated
}

/// `updated`, then the buyer's covers as Atradius now lists them (the row's own entry, when
/// listed, replacing `updated`: it tells the new amount).
async fn with_buyer_covers(
    target: ActionTarget<'_>,
    updated: Decision,
) -> Result<Vec<Decision>, WidgetError> {
    let Ok(Some(mut found)) = reread(target, &updated).await else {
        return Ok(vec![updated]);
    };
    // `reread` puts a row it no longer finds first as withdrawn: the row as the action left it
    // is more exact then.
    if found
        .first()
        .is_some_and(|first| first.status.raw.scheme == super::ACTION_SCHEME)
    {
        found[0] = updated;
    }
    Ok(found)
}
