//! A cover request (`coverRequests/search` items, functional notifications) as a neutral
//! [`Decision`]: its id is the `requestId` (or the `coverId` when it has none), its status the
//! `requestStatusCode`. A request carries what was asked, not what was granted; once decided,
//! its `lastUpdateDate` is taken as the decision date.

use super::cover::{buyer_of, requested_amount};
use super::date::iso_date;
use super::response::malformed;
use super::status::{request_status_report, REQUEST_STATUS_SCHEME};
use super::wire::{loose_text, CoverRequestItemBody, DEFAULT_PRODUCT};
use crate::decision::Decision;
use crate::insurer::Insurer;
use crate::insurer_error::InsurerError;
use crate::lifecycle::{RawStatus, Status, StatusReport};

pub(super) fn request_to_decision(item: CoverRequestItemBody) -> Result<Decision, InsurerError> {
    let id = loose_text(&item.request_id)
        .or_else(|| loose_text(&item.cover_id))
        .ok_or_else(|| malformed("a cover request has no requestId"))?
        .to_owned();
    let (buyer_id, buyer_identifiers) = buyer_of(loose_text(&item.company_id));
    let status = match loose_text(&item.request_status_code) {
        Some(code) => request_status_report(code),
        None => StatusReport {
            status: None,
            raw: RawStatus::new(REQUEST_STATUS_SCHEME, ""),
        },
    };
    let last_update = iso_date("lastUpdateDate", loose_text(&item.last_update_date))?;
    let decided = matches!(status.status, Some(Status::Decided(_)));
    Ok(Decision {
        insurer: Insurer::AllianzTrade,
        id,
        buyer_id,
        buyer_name: loose_text(&item.company_name).map(str::to_owned),
        buyer_identifiers,
        product: loose_text(&item.request_type_code)
            .unwrap_or(DEFAULT_PRODUCT)
            .to_owned(),
        requested: requested_amount(item.credit_limit_details.as_ref(), None)?,
        granted: None,
        status,
        applied_on: iso_date("creationDate", loose_text(&item.creation_date))?,
        decided_on: last_update.filter(|_| decided),
        effective_from: None,
        expires_on: None,
        customer_reference: loose_text(&item.customer_reference).map(str::to_owned),
        order_id: None,
        conditions: Vec::new(),
    })
}
