//! Atradius covers (cover management): the portfolio, decisions, pending applications and
//! history, as neutral [`Decision`]s.
//!
//! Amounts are always read in the policy currency (`…InPolicyCurrency`, `policyCurrencyCode`);
//! the `…InUserCurrency` twins are ignored. The amount granted is `totalDecision`'s (else
//! `firstAmtDecision`'s), never the amount applied for. The expiry is `effectiveToDate`, else
//! `withdrawalDate`, else `totalDecision.decisionExpiryDate`, else `firstAmtDecision`'s expiry
//! when no second amount follows it. No pagination is documented for these lists.

use serde::{Deserialize, Serialize};

use super::amount::read_amount;
use super::buyers::identifiers_of;
use super::date::{read_date, DateFilter};
use super::policy::{buyer_id, AtradiusPolicy};
use super::request_error::AtradiusRequestError;
use super::response::{malformed, parse_data_each};
use super::status::{cover_report, CoverCodes};
use super::wire::{
    owned_scalar, owned_text, scalar_text, text, AmountDecisionBody, CoverBody, Scalar,
    APPLICATIONS_PATH, BUYER_ID, COVERS_PATH, COVER_TYPE, CREDIT_CHECK, CREDIT_LIMIT,
    DECISIONS_PATH, FROM_DATE, HISTORIC_PATH, INDICATION,
};
use crate::cover_application::CoverType;
use crate::currency::Currency;
use crate::decision::Decision;
use crate::http_request::HttpRequest;
use crate::http_response::HttpResponse;
use crate::insurer::Insurer;
use crate::insurer_error::InsurerError;
use crate::money::Money;

/// Narrows a cover list to one buyer and / or one cover type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CoverFilter {
    /// Only this buyer (an Atradius buyer id).
    pub buyer_id: Option<String>,
    /// Only this cover type.
    pub cover_type: Option<CoverType>,
}

/// The wire `coverType` of a neutral cover type (`credit-limit`, `credit-check`, and the
/// chosen `indication`).
pub(super) fn wire_cover_type(cover_type: CoverType) -> &'static str {
    match cover_type {
        CoverType::CreditLimit => CREDIT_LIMIT,
        CoverType::CreditCheck => CREDIT_CHECK,
        CoverType::Indication => INDICATION,
    }
}

/// The neutral cover type of a [`Decision::product`] from Atradius (`credit-limit`, …); `None`
/// for a type this library does not know. Widgets use it to tell indications (which can be
/// converted) from credit limits.
pub fn cover_type_of(product: &str) -> Option<CoverType> {
    let product = product.trim();
    [
        CoverType::CreditLimit,
        CoverType::CreditCheck,
        CoverType::Indication,
    ]
    .into_iter()
    .find(|cover_type| wire_cover_type(*cover_type).eq_ignore_ascii_case(product))
}

fn list_request(
    path: &str,
    policy: &AtradiusPolicy,
    filter: &CoverFilter,
) -> Result<HttpRequest, AtradiusRequestError> {
    let buyer = filter
        .buyer_id
        .as_deref()
        .map(buyer_id)
        .transpose()?
        .map(|id| id.to_string());
    Ok(policy
        .get(path)?
        .with_optional_query(BUYER_ID, buyer.as_deref())
        .with_optional_query(COVER_TYPE, filter.cover_type.map(wire_cover_type)))
}

/// The covers in force on the policy (the portfolio): `GET …/covers`.
pub fn covers_request(
    policy: &AtradiusPolicy,
    filter: &CoverFilter,
) -> Result<HttpRequest, AtradiusRequestError> {
    list_request(COVERS_PATH, policy, filter)
}

/// Decided covers, since `from` when given: `GET …/covers/decisions?…&fromDate=YYYY-MM-DDTHH:MM:SS`
/// (the filter is seen in one client; another reports it undocumented and filters itself).
pub fn decisions_request(
    policy: &AtradiusPolicy,
    filter: &CoverFilter,
    from: Option<DateFilter>,
) -> Result<HttpRequest, AtradiusRequestError> {
    let from = from.map(|from| from.date_time());
    Ok(list_request(DECISIONS_PATH, policy, filter)?
        .with_optional_query(FROM_DATE, from.as_deref()))
}

/// Applications not decided yet (referred to an underwriter): `GET …/covers/applications`.
pub fn applications_request(
    policy: &AtradiusPolicy,
    filter: &CoverFilter,
) -> Result<HttpRequest, AtradiusRequestError> {
    list_request(APPLICATIONS_PATH, policy, filter)
}

/// Covers that are history (cancelled, expired, superseded, …): `GET …/covers/historic`.
pub fn historic_request(
    policy: &AtradiusPolicy,
    filter: &CoverFilter,
) -> Result<HttpRequest, AtradiusRequestError> {
    list_request(HISTORIC_PATH, policy, filter)
}

/// Reads the answer of any cover list (covers, decisions, applications, historic). A cover
/// without `coverId` or `buyerId`, with an unreadable amount or date, or with amounts but no
/// known policy currency is [`InsurerError::Malformed`].
pub fn parse_cover_list(response: &HttpResponse) -> Result<Vec<Decision>, InsurerError> {
    let capacity = expected_covers(&response.body);
    parse_data_each(response, capacity, |cover: CoverBody| {
        to_decision(cover, None)
    })
}

/// How many covers a list answer holds, as a capacity hint: its `"coverId"` keys (one quick
/// pass over the bytes; a `coverId` inside a text value would count too), at most one per 64
/// bytes of body, so that an odd body cannot make the list reserve far more than it holds.
fn expected_covers(body: &[u8]) -> usize {
    let keys = body
        .split(|&byte| byte == b'"')
        .filter(|part| *part == b"coverId")
        .count();
    keys.min(body.len() / 64)
}

/// What the request knew, for an answer item that does not repeat it (POST / PUT answers).
#[derive(Debug, Clone)]
pub(super) struct Known {
    /// Buyer id applied for.
    pub buyer_id: String,
    /// Wire cover type applied for.
    pub product: &'static str,
    /// Amount applied for.
    pub requested: Option<Money>,
    /// Customer reference sent.
    pub customer_reference: Option<String>,
}

/// A cover (or an answer item) as a neutral decision; `known` fills what the item leaves out.
pub(super) fn to_decision(
    cover: CoverBody,
    known: Option<&Known>,
) -> Result<Decision, InsurerError> {
    let id = scalar_text(&cover.cover_id).ok_or_else(|| malformed("a cover has no coverId"))?;
    if scalar_text(&cover.buyer_id).is_none() && known.is_none() {
        return Err(malformed(format!("cover {id} has no buyerId")));
    }
    let currency = match text(&cover.policy_currency_code) {
        Some(code) => Some(
            Currency::from_code(code)
                .ok_or_else(|| malformed(format!("cover {id} has an unknown currency {code:?}")))?,
        ),
        None => known
            .and_then(|known| known.requested)
            .map(|money| money.currency),
    };
    let amount = |value: &Option<Scalar>, field: &str| match currency {
        Some(currency) => read_amount(value, currency, field),
        None if scalar_text(value).is_some() => Err(malformed(format!(
            "cover {id} has {field} but no policyCurrencyCode"
        ))),
        None => Ok(None),
    };
    let decision_amount = |decision: &Option<AmountDecisionBody>, field: &str| match decision {
        Some(decision) => amount(&decision.decision_amt_in_policy_currency, field),
        None => Ok(None),
    };
    let requested = amount(
        &cover.credit_limit_application_amount_in_policy_currency,
        "creditLimitApplicationAmountInPolicyCurrency",
    )?
    .or_else(|| known.and_then(|known| known.requested));
    let total = decision_amount(&cover.total_decision, "totalDecision")?;
    let first = decision_amount(&cover.first_amt_decision, "firstAmtDecision")?;
    let second = decision_amount(&cover.second_amt_decision, "secondAmtDecision")?;
    let granted = total.or(first);

    let expiry = |decision: &Option<AmountDecisionBody>, field: &str| match decision {
        Some(decision) => read_date(&decision.decision_expiry_date, field),
        None => Ok(None),
    };
    let mut expires_on = read_date(&cover.effective_to_date, "effectiveToDate")?
        .or(read_date(&cover.withdrawal_date, "withdrawalDate")?)
        .or(expiry(
            &cover.total_decision,
            "totalDecision.decisionExpiryDate",
        )?);
    if expires_on.is_none() && second.is_none() {
        expires_on = expiry(
            &cover.first_amt_decision,
            "firstAmtDecision.decisionExpiryDate",
        )?;
    }

    let status = cover_report(
        &codes_of(&cover),
        granted.map(|money| money.minor),
        requested.map(|money| money.minor),
    );
    let applied_on = read_date(&cover.application_date, "applicationDate")?;
    let decided_on = read_date(&cover.decision_date, "decisionDate")?;
    let effective_from = read_date(&cover.effect_from_date, "effectFromDate")?;
    let buyer_identifiers = identifiers_of(cover.unique_identifiers.as_deref(), None);
    let conditions = conditions(&cover);
    // The strings kept as they are move out of the wire cover rather than being copied.
    let CoverBody {
        cover_id,
        buyer_id,
        buyer_name,
        cover_type,
        customer_ref_number,
        ..
    } = cover;
    Ok(Decision {
        insurer: Insurer::Atradius,
        id: owned_scalar(cover_id).unwrap_or_default(),
        buyer_id: owned_scalar(buyer_id)
            .or_else(|| known.map(|known| known.buyer_id.clone()))
            .unwrap_or_default(),
        buyer_name: owned_text(buyer_name),
        buyer_identifiers,
        product: owned_text(cover_type)
            .or_else(|| known.map(|known| known.product.to_owned()))
            .unwrap_or_default(),
        requested,
        granted,
        status,
        applied_on,
        decided_on,
        effective_from,
        expires_on,
        customer_reference: owned_scalar(customer_ref_number)
            .or_else(|| known.and_then(|known| known.customer_reference.clone())),
        order_id: None,
        conditions,
    })
}

/// The raw status codes of a cover or answer item.
pub(super) fn codes_of(cover: &CoverBody) -> CoverCodes<'_> {
    CoverCodes {
        cover_status: cover.cover_status.as_deref(),
        decision_code: cover.decision_code.as_deref(),
        historic_code: cover.historic_code.as_deref(),
        pending_process_indicator: cover.pending_process_indicator.as_deref(),
    }
}

/// The conditions' texts (description, else category, else code), each once, in order.
fn conditions(cover: &CoverBody) -> Vec<String> {
    let mut texts: Vec<String> = Vec::new();
    let decisions = [
        &cover.total_decision,
        &cover.first_amt_decision,
        &cover.second_amt_decision,
    ];
    let conditions = decisions
        .into_iter()
        .flatten()
        .filter_map(|decision| decision.decision_conditions.as_deref())
        .flatten();
    for condition in conditions {
        let found = text(&condition.condition_description)
            .or_else(|| text(&condition.condition_category_description))
            .or_else(|| scalar_text(&condition.condition_code));
        if let Some(found) = found {
            if !texts.iter().any(|known| known == found) {
                texts.push(found.to_owned());
            }
        }
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::{Outcome, Status};

    fn policy() -> AtradiusPolicy {
        AtradiusPolicy {
            customer_id: 10_000_001,
            policy_id: "POL-1".into(),
        }
    }

    #[test]
    fn the_capacity_hint_counts_cover_keys_within_the_body_bound() {
        let cover = r#"{"coverId":"C-1","buyerId":"B-1","coverType":"credit-limit","policyCurrencyCode":"EUR"}"#;
        let list = |count: usize| format!(r#"{{"data":[{}]}}"#, vec![cover; count].join(","));
        assert_eq!(expected_covers(list(0).as_bytes()), 0);
        assert_eq!(expected_covers(list(3).as_bytes()), 3);
        assert_eq!(expected_covers(list(500).as_bytes()), 500);
        // Keys packed tighter than one per 64 bytes are not all believed.
        let packed = r#""coverId""#.repeat(100);
        assert_eq!(expected_covers(packed.as_bytes()), packed.len() / 64);
    }

    #[test]
    fn list_requests() {
        let filter = CoverFilter {
            buyer_id: Some("11223344".into()),
            cover_type: Some(CoverType::CreditLimit),
        };
        assert_eq!(
            covers_request(&policy(), &filter).unwrap().path_and_query(),
            "/credit-insurance/cover-management/v1/covers?customerId=10000001&policyId=POL-1\
             &buyerId=11223344&coverType=credit-limit"
        );
        let from = DateFilter::parse("2026-08-01");
        assert_eq!(
            decisions_request(&policy(), &CoverFilter::default(), from)
                .unwrap()
                .path_and_query(),
            "/credit-insurance/cover-management/v1/covers/decisions?customerId=10000001\
             &policyId=POL-1&fromDate=2026-08-01T00%3A00%3A00"
        );
        let bad = CoverFilter {
            buyer_id: Some("x1".into()),
            cover_type: None,
        };
        assert_eq!(
            historic_request(&policy(), &bad).unwrap_err().code(),
            "atradius.buyer_id_invalid"
        );
        assert_eq!(
            applications_request(&policy(), &CoverFilter::default())
                .unwrap()
                .path,
            "/credit-insurance/cover-management/v1/covers/applications"
        );
    }

    #[test]
    fn cover_types() {
        assert_eq!(cover_type_of("credit-limit"), Some(CoverType::CreditLimit));
        assert_eq!(cover_type_of(" INDICATION "), Some(CoverType::Indication));
        assert_eq!(cover_type_of("start-cover"), None);
    }

    #[test]
    fn decision_without_code_is_judged_by_its_amounts() {
        let body = |total: &str| {
            format!(
                r#"{{"data":[{{"coverId":1,"buyerId":2,"coverStatus":"DECISION","policyCurrencyCode":"EUR",
                "creditLimitApplicationAmountInPolicyCurrency":"50000",
                "totalDecision":{{"decisionAmtInPolicyCurrency":{total}}}}}]}}"#
            )
        };
        let status = |total: &str| {
            parse_cover_list(&HttpResponse::new(200, body(total)))
                .unwrap()
                .remove(0)
                .status
                .status
        };
        assert_eq!(status("50000"), Some(Status::Decided(Outcome::Full)));
        assert_eq!(status("\"20000\""), Some(Status::Decided(Outcome::Partial)));
        assert_eq!(status("0"), Some(Status::Decided(Outcome::Refused)));
        assert_eq!(status("\"\""), None);
    }

    #[test]
    fn amounts_need_a_currency() {
        let body = r#"{"data":[{"coverId":1,"buyerId":2,
            "creditLimitApplicationAmountInPolicyCurrency":"5000"}]}"#;
        let error = parse_cover_list(&HttpResponse::new(200, body)).unwrap_err();
        assert_eq!(error.code(), "insurer.malformed");
        let blank = r#"{"data":[{"coverId":1,"buyerId":2,
            "creditLimitApplicationAmountInPolicyCurrency":""}]}"#;
        assert!(parse_cover_list(&HttpResponse::new(200, blank)).is_ok());
        let unknown = r#"{"data":[{"coverId":1,"buyerId":2,"policyCurrencyCode":"EURO"}]}"#;
        let error = parse_cover_list(&HttpResponse::new(200, unknown)).unwrap_err();
        assert_eq!(error.code(), "insurer.malformed");
    }
}
