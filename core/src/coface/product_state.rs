//! One product's state on one company — a portfolio line, an order answer, order or delivery
//! details — as the neutral [`Decision`].

use super::company_search::EASY_KIND;
use super::date::wire_date_owned;
use super::identifier_types::{compact, to_identifier};
use super::status::{DeliveryStatus, OrderStatus, DELIVERY_SCHEME, ORDER_SCHEME};
use super::wire::{ConditionBody, LegalIdentifierBody, ProductStateBody};
use crate::buyer::Identifier;
use crate::currency::Currency;
use crate::decision::Decision;
use crate::insurer::Insurer;
use crate::insurer_error::InsurerError;
use crate::lifecycle::{RawStatus, Status, StatusReport};

/// What the company around a product line says, for lines that do not repeat it.
#[derive(Debug, Default)]
pub(super) struct CompanyFacts<'a> {
    pub easy_number: Option<&'a str>,
    pub name: Option<&'a str>,
    pub customer_reference: Option<&'a str>,
    /// Its legal identifiers, already neutral (without the EASY number).
    pub identifiers: &'a [Identifier],
}

/// How strict to be with a line.
#[derive(Debug, Clone, Copy)]
pub(super) struct LineRules {
    /// Whether a line without `productCode` is malformed (an order answer may omit it).
    pub product_required: bool,
    /// The status of a line without any status code; `None`: a line without status is
    /// reported with no neutral status.
    pub status_if_absent: Option<Status>,
}

fn malformed(reason: String) -> InsurerError {
    InsurerError::Malformed { reason }
}

/// Neutral identifiers of CofaServe legal identifiers (unknown types kept as `other.<type>`).
pub(super) fn legal_identifiers(legal: &[LegalIdentifierBody]) -> Vec<Identifier> {
    legal
        .iter()
        .filter_map(|legal| to_identifier(&legal.identifier_type, &legal.identifier_value))
        .collect()
}

/// The decision of one product line.
pub(super) fn to_decision(
    line: ProductStateBody,
    company: &CompanyFacts<'_>,
    rules: LineRules,
) -> Result<Decision, InsurerError> {
    let buyer_id = match non_blank(line.easy_number) {
        Some(easy) if easy.bytes().all(|b| b.is_ascii_digit() || b == b'Z') => easy,
        Some(easy) => compact(&easy),
        None => company.easy_number.map(compact).unwrap_or_default(),
    };
    if buyer_id.is_empty() {
        return Err(malformed("a product line has no easyNumber".into()));
    }
    let id = match (&line.delivery_id, &line.order_id) {
        (Some(delivery), _) => delivery.clone(),
        (None, Some(order)) => order.clone(),
        (None, None) => {
            return Err(malformed(format!(
                "a product of {buyer_id} has neither deliveryId nor orderId"
            )))
        }
    };
    let mut product = non_blank(line.product_code).unwrap_or_default();
    product.make_ascii_uppercase();
    if product.is_empty() && rules.product_required {
        return Err(malformed(format!("product line {id} has no productCode")));
    }
    let currency = match non_blank(line.currency_code) {
        None => None,
        Some(code) => Some(Currency::from_code(&code).ok_or_else(|| {
            malformed(format!(
                "product line {id} has an unknown currencyCode {code:?}"
            ))
        })?),
    };
    let status =
        owned_status_report(line.delivery_status, line.order_status).unwrap_or(StatusReport {
            status: rules.status_if_absent,
            raw: RawStatus::new(ORDER_SCHEME, ""),
        });
    let legal = if line.legal_identifiers.is_empty() {
        company.identifiers.to_vec()
    } else {
        legal_identifiers(&line.legal_identifiers)
    };
    let mut buyer_identifiers = Vec::with_capacity(legal.len() + 1);
    buyer_identifiers.push(Identifier {
        kind: EASY_KIND.to_owned(),
        value: buyer_id.clone(),
    });
    buyer_identifiers.extend(legal);
    Ok(Decision {
        insurer: Insurer::Coface,
        id,
        buyer_id,
        buyer_name: non_blank(line.company_name).or_else(|| borrowed(company.name)),
        buyer_identifiers,
        product,
        requested: line
            .requested_amount
            .to_money(currency, "requestedAmount")?,
        granted: line.granted_amount.to_money(currency, "grantedAmount")?,
        status,
        applied_on: wire_date_owned(line.order_date, "orderDate")?,
        decided_on: wire_date_owned(line.decision_date, "decisionDate")?,
        effective_from: wire_date_owned(line.effect_date, "effectDate")?,
        expires_on: wire_date_owned(line.expiry_date, "expiryDate")?,
        customer_reference: non_blank(line.customer_reference)
            .or_else(|| borrowed(company.customer_reference)),
        order_id: line.order_id,
        conditions: line
            .conditions
            .into_iter()
            .filter_map(condition_text)
            .collect(),
    })
}

/// `super::status::product_status_report` of owned codes, moving them into the report.
fn owned_status_report(
    delivery_status: Option<String>,
    order_status: Option<String>,
) -> Option<StatusReport> {
    let (scheme, code) = match (non_blank(delivery_status), non_blank(order_status)) {
        (Some(code), _) => (DELIVERY_SCHEME, code),
        (None, Some(code)) => (ORDER_SCHEME, code),
        (None, None) => return None,
    };
    let status = if scheme == DELIVERY_SCHEME {
        DeliveryStatus::parse(&code).status()
    } else {
        OrderStatus::parse(&code).status()
    };
    Some(StatusReport {
        status,
        raw: RawStatus {
            scheme: scheme.to_owned(),
            code,
        },
    })
}

fn borrowed(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|text| !text.is_empty())
        .map(str::to_owned)
}

/// A condition as one text: `code: label`, or whichever of the two is given.
fn condition_text(condition: ConditionBody) -> Option<String> {
    let text = match condition {
        ConditionBody::Text(text) => text.trim().to_owned(),
        ConditionBody::Coded { code, label } => match (code, non_blank(label)) {
            (Some(code), Some(label)) => format!("{code}: {label}"),
            (Some(code), None) => code,
            (None, Some(label)) => label,
            (None, None) => String::new(),
        },
    };
    (!text.is_empty()).then_some(text)
}

/// Trimmed (without copying when there is nothing to trim), `None` when blank.
pub(super) fn non_blank(text: Option<String>) -> Option<String> {
    let text = text?;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == text.len() {
        Some(text)
    } else {
        Some(trimmed.to_owned())
    }
}
