//! Performing an action on a row, end to end through the proxy, for every insurer: what the
//! core's state machine allows ([`allowed_actions`](tradecover_core::lifecycle::allowed_actions))
//! is performable. One file per insurer:
//! - [`atradius`]: `PUT …/covers` (supersede, reduce, cancel, update-reference) and
//!   `PUT …/covers/{coverId}/cover-type` (convert);
//! - [`coface`]: `POST /companies/{easyNumber}/products` (`UPDT` for a new amount, `STOP`),
//!   `DELETE /companies/{easyNumber}/products/{deliveryId}` (after reading the catalog),
//!   `PATCH` of the customer reference;
//! - [`allianz_trade`]: `POST /riskinfo/v3/covers` (a new request superseding the cover, or a
//!   cancellation), its job followed until processed, then the cover read again.
//!
//! **Idempotency.** The key is created when the user opens the confirmation and kept across
//! retries. It travels as the `idempotency-key` header on every request; the insurers honour it
//! (as the sandbox simulates them) on Coface orders (`UPDT`, `STOP`) and Allianz Trade cover
//! requests ([`honours_idempotency_key`]). For the others (Atradius changes and conversion,
//! Coface deletion and reference), a retry after an answer that never came (network failure,
//! insurer unavailable) first reads the row again ([`reread`]): when the insurer already
//! reports it changed (or gone), the first attempt went through and nothing is sent again.

pub mod allianz_trade;
pub mod atradius;
pub mod batch;
pub mod coface;
pub mod new_amount;

use tradecover_core::decision::Decision;
use tradecover_core::lifecycle::{Action, RawStatus, Status, StatusReport};
use tradecover_core::locale::Language;
use tradecover_core::messages::text;
use tradecover_core::money::Money;
use tradecover_core::{HttpRequest, Insurer};

use super::loader::PortfolioSource;
use super::pending_check::check_pending;
use crate::proxy_client::{ProxyClient, ProxyResponse};
use crate::widget_error::WidgetError;

/// Header carrying the idempotency key.
pub const IDEMPOTENCY_HEADER: &str = "idempotency-key";

/// Scheme of the raw status the tracker gives a row it changed itself (e.g. the row an
/// increase replaced), as the lifecycle names the library's own steps.
pub const ACTION_SCHEME: &str = "tradecover.action";

/// An action the tracker performs, with what the user entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowAction {
    /// Ask for a higher amount.
    Increase(Money),
    /// Ask for a lower amount.
    Reduce(Money),
    /// End the cover.
    Cancel,
    /// Delete the product (Coface).
    Delete,
    /// Stop the monitoring (Coface).
    Stop,
    /// Turn an indication into a credit limit (Atradius).
    Convert,
    /// Set the customer reference (blank erases it).
    SetReference(String),
}

impl RowAction {
    /// The core's action this performs.
    pub fn action(&self) -> Action {
        match self {
            RowAction::Increase(_) => Action::Increase,
            RowAction::Reduce(_) => Action::Reduce,
            RowAction::Cancel => Action::Cancel,
            RowAction::Delete => Action::Delete,
            RowAction::Stop => Action::Stop,
            RowAction::Convert => Action::Convert,
            RowAction::SetReference(_) => Action::SetReference,
        }
    }
}

/// Where the actions are sent, and with which policies.
#[derive(Debug, Clone, Copy)]
pub struct ActionTarget<'a> {
    /// The proxy.
    pub client: &'a ProxyClient,
    /// The policies the tracker lists (Atradius and Allianz Trade requests need them).
    pub source: &'a PortfolioSource,
    /// The language of messages.
    pub language: Language,
}

/// Whether the insurer honours the idempotency key on `action` (a retry with the same key
/// creates nothing twice), as the sandbox simulates it.
pub fn honours_idempotency_key(insurer: Insurer, action: Action) -> bool {
    match insurer {
        Insurer::AllianzTrade => {
            matches!(action, Action::Increase | Action::Reduce | Action::Cancel)
        }
        Insurer::Coface => matches!(action, Action::Increase | Action::Reduce | Action::Stop),
        _ => false,
    }
}

/// Performs `action` on `row`; returns the decisions to merge: the row as it now is first
/// (same id), then whatever else the insurer reported (e.g. the cover that replaced it).
/// With `retry` after an unknown outcome, an action whose insurer ignores the key is not sent
/// again when the row already changed (see the module documentation).
pub async fn perform(
    target: ActionTarget<'_>,
    row: &Decision,
    action: &RowAction,
    idempotency_key: &str,
    retry: bool,
) -> Result<Vec<Decision>, WidgetError> {
    if retry && !honours_idempotency_key(row.insurer, action.action()) {
        if let Some(landed) = reread(target, row).await?.filter(|now| changed(row, now)) {
            return Ok(landed);
        }
    }
    match row.insurer {
        Insurer::Atradius => atradius::perform(target, row, action, idempotency_key).await,
        Insurer::Coface => coface::perform(target, row, action, idempotency_key).await,
        Insurer::AllianzTrade => allianz_trade::perform(target, row, action, idempotency_key).await,
        _ => Err(problem(target.language, row, "insurer.unsupported")),
    }
}

/// The decisions the insurer now reports for `row`'s cover or buyer, the row first (a
/// [`Status::Withdrawn`] copy when the insurer no longer lists it); `None` when the insurer
/// cannot be asked.
pub async fn reread(
    target: ActionTarget<'_>,
    row: &Decision,
) -> Result<Option<Vec<Decision>>, WidgetError> {
    let mut found = check_pending(target.client, row, target.source, target.language).await?;
    if found.is_empty()
        && row.insurer == Insurer::Atradius
        && target.source.atradius_policy.is_none()
    {
        return Ok(None);
    }
    let now = match found.iter().position(|decision| decision.id == row.id) {
        Some(position) => found.remove(position),
        None => with_status(row, Status::Withdrawn, "gone"),
    };
    found.insert(0, now);
    Ok(Some(found))
}

/// Whether the insurer's `now` report of a row differs from `before` in what an action changes.
fn changed(before: &Decision, now: &[Decision]) -> bool {
    now.first().is_some_and(|now| {
        now.status.status != before.status.status
            || now.status.raw != before.status.raw
            || now.granted != before.granted
            || now.product != before.product
            || now.customer_reference != before.customer_reference
    })
}

/// A copy of `row` with the neutral `status`, raw code `code` of [`ACTION_SCHEME`].
pub fn with_status(row: &Decision, status: Status, code: &str) -> Decision {
    let mut changed = row.clone();
    changed.status = StatusReport {
        status: Some(status),
        raw: RawStatus::new(ACTION_SCHEME, code),
    };
    changed
}

/// Sends `request`, an action on `row`, through the proxy with the action's idempotency key.
async fn send_keyed(
    target: ActionTarget<'_>,
    row: &Decision,
    request: HttpRequest,
    idempotency_key: &str,
) -> Result<ProxyResponse, WidgetError> {
    let request = request.with_header(IDEMPOTENCY_HEADER, idempotency_key);
    target
        .client
        .send(row.insurer, &request, target.language, None)
        .await
}

/// The error `key` about `row`'s insurer, in `language`.
pub(crate) fn problem(language: Language, row: &Decision, key: &str) -> WidgetError {
    WidgetError {
        code: key.to_owned(),
        field: None,
        message: text(language, key, &[("insurer", row.insurer.display_name())]),
        retryable: false,
    }
}

/// The error for a request the core would not build (`code` from its request error).
pub(crate) fn cannot_build(language: Language, row: &Decision, code: &str) -> WidgetError {
    WidgetError {
        code: code.to_owned(),
        ..problem(language, row, "insurer.rejected")
    }
}
