//! A cover: `GET /riskinfo/v3/covers/{coverId}` (the resource of a processed job), also the items
//! of `covers/search` and the payload of technical notifications, as a neutral [`Decision`].
//!
//! A cover holds its credit limits in `creditLimitsAggregation.creditLimits[]`. The decision row
//! shows the current one: the limit with the latest `startDate` (the first one on a tie or when
//! none has a date). Its `technicalDecisionStatusCode` gives the status, or else the cover's
//! `coverStatusCode`. A limit granted in full status for less than was requested (same
//! currency) is shown as a partial decision.

use super::amount::parse_amount;
use super::company_search::{company_id, COMPANY_ID_KIND};
use super::date::iso_date;
use super::request_error::{path_segment, RequestError};
use super::response::{malformed, parse_json};
use super::status::{cover_status_report, technical_decision_status_report, COVER_STATUS_SCHEME};
use super::wire::{
    loose_text, CoverBody, CreditLimitBody, CreditLimitDetailsBody, DEFAULT_PRODUCT,
};
use crate::buyer::Identifier;
use crate::decision::Decision;
use crate::http_request::{HttpRequest, Method};
use crate::insurer::Insurer;
use crate::insurer_error::InsurerError;
use crate::lifecycle::{Outcome, RawStatus, Status, StatusReport};
use crate::money::Money;

/// Path pattern of a cover, relative to the Allianz Trade base.
pub const COVER_PATH: &str = "/riskinfo/v3/covers/{coverId}";

/// The cover request: `GET /riskinfo/v3/covers/{coverId}`; [`RequestError::InvalidId`] when the
/// id cannot be one path segment.
pub fn cover_get_request(cover_id: &str) -> Result<HttpRequest, RequestError> {
    let id = path_segment(cover_id)?;
    Ok(HttpRequest::new(
        Method::Get,
        COVER_PATH.replace("{coverId}", id),
    ))
}

/// Parses a cover into a decision row. A cover without `coverId`, an unreadable amount or
/// date, or an amount without a currency gives [`InsurerError::Malformed`]; a missing
/// `companyId` leaves `buyer_id` empty; unknown status codes give `status: None`.
pub fn parse_cover(status: u16, body: &[u8]) -> Result<Decision, InsurerError> {
    let cover: CoverBody = parse_json(status, body)?;
    cover_to_decision(cover)
}

/// The requested amount of `details`, in its currency or else `fallback_currency`.
pub(super) fn requested_amount(
    details: Option<&CreditLimitDetailsBody>,
    fallback_currency: Option<&str>,
) -> Result<Option<Money>, InsurerError> {
    let Some(details) = details else {
        return Ok(None);
    };
    parse_amount(
        "creditLimitDetails.requestedAmount",
        details.requested_amount.as_ref(),
        loose_text(&details.currency_code).or(fallback_currency),
    )
}

/// The buyer's key and identifiers from a `companyId`, if any.
pub(super) fn buyer_of(company: Option<&str>) -> (String, Vec<Identifier>) {
    match company.map(company_id) {
        Some(id) => {
            let identifiers = vec![Identifier {
                kind: COMPANY_ID_KIND.to_owned(),
                value: id.clone(),
            }];
            (id, identifiers)
        }
        None => (String::new(), Vec::new()),
    }
}

/// `Decided(Full)` for less than requested, in the same currency, is `Decided(Partial)`.
pub(super) fn partial_if_less(
    mut report: StatusReport,
    requested: Option<Money>,
    granted: Option<Money>,
) -> StatusReport {
    if let (Some(Status::Decided(Outcome::Full)), Some(requested), Some(granted)) =
        (report.status, requested, granted)
    {
        if requested.currency == granted.currency && granted.minor < requested.minor {
            report.status = Some(Status::Decided(Outcome::Partial));
        }
    }
    report
}

/// The current limit: latest `startDate`, first on a tie; with its ISO start date.
fn current_limit(
    limits: &[CreditLimitBody],
) -> Result<Option<(&CreditLimitBody, Option<String>)>, InsurerError> {
    let mut current: Option<(&CreditLimitBody, Option<String>)> = None;
    for limit in limits {
        let start = iso_date("creditLimits[].startDate", loose_text(&limit.start_date))?;
        let later = match &current {
            None => true,
            Some((_, best)) => start > *best,
        };
        if later {
            current = Some((limit, start));
        }
    }
    Ok(current)
}

pub(super) fn cover_to_decision(cover: CoverBody) -> Result<Decision, InsurerError> {
    let id = loose_text(&cover.cover_id)
        .ok_or_else(|| malformed("a cover has no coverId"))?
        .to_owned();
    let (buyer_id, buyer_identifiers) = buyer_of(loose_text(&cover.company_id));
    let cover_currency = loose_text(&cover.currency_code);
    let requested = requested_amount(cover.credit_limit_details.as_ref(), cover_currency)?;
    let limits = cover
        .credit_limits_aggregation
        .as_ref()
        .map(|aggregation| aggregation.credit_limits.as_slice())
        .unwrap_or_default();
    let current = current_limit(limits)?;
    let (granted, report, decided_on, effective_from, expires_on) = match current {
        Some((limit, start)) => {
            let currency = loose_text(&limit.currency_code)
                .or(cover_currency)
                .or_else(|| requested.map(|money| money.currency.code()));
            let granted = parse_amount("creditLimits[].amount", limit.amount.as_ref(), currency)?;
            let report = match loose_text(&limit.technical_decision_status_code) {
                Some(code) => technical_decision_status_report(code),
                None => cover_report(&cover),
            };
            (
                granted,
                report,
                iso_date(
                    "creditLimits[].decisionDate",
                    loose_text(&limit.decision_date),
                )?,
                start,
                iso_date("creditLimits[].endDate", loose_text(&limit.end_date))?,
            )
        }
        None => (None, cover_report(&cover), None, None, None),
    };
    Ok(Decision {
        insurer: Insurer::AllianzTrade,
        id,
        buyer_id,
        buyer_name: loose_text(&cover.company_name).map(str::to_owned),
        buyer_identifiers,
        product: loose_text(&cover.cover_type_code)
            .unwrap_or(DEFAULT_PRODUCT)
            .to_owned(),
        requested,
        granted,
        status: partial_if_less(report, requested, granted),
        applied_on: iso_date("creationDate", loose_text(&cover.creation_date))?,
        decided_on,
        effective_from,
        expires_on,
        customer_reference: loose_text(&cover.customer_reference).map(str::to_owned),
        order_id: None,
        conditions: Vec::new(),
    })
}

/// The cover's own `coverStatusCode`, or an empty raw code of that scheme when it has none.
fn cover_report(cover: &CoverBody) -> StatusReport {
    match loose_text(&cover.cover_status_code) {
        Some(code) => cover_status_report(code),
        None => StatusReport {
            status: None,
            raw: RawStatus::new(COVER_STATUS_SCHEME, ""),
        },
    }
}
