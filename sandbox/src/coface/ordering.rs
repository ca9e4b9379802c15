//! Ordering or updating a product:
//! - `POST /coface/companies/{easyNumber}/products` (most products; also `STOP`),
//! - `POST /coface/companies/{easyNumber}/products/topliner` (TOPLINER),
//! - `POST /coface/companies/{easyNumber}/products/awaitingdeliveries-manufacturing`
//!   (awaiting-delivery or manufacturing cover on a changeable cover),
//! - `POST /coface/companies/unknown/products` (first order on a company without EASY
//!   number: answered `STATUS_PENDING_DEBTOR_VALIDATION` with a temporary `Z…` number).
//!
//! Body: `{"productCode", "actionCode", "amount" (major units, covers), "currencyCode",
//! "customerReference", "comment", "company" (unknown companies: "companyName", "address"
//! {…, "countryCode"}, "legalIdentifiers", "phoneNumber")}`. The answer (201) is the order's
//! product state: decided at once (`STATUS_CLOSED` with its delivery) when the underwriting
//! policy decides immediately, else pending until the referral delay has passed. An amount of
//! zero or less is `STATUS_REJECTED` with `rejectionReasons`. Rules of the catalog:
//! [`super::catalog`]. With an `Idempotency-Key` header: [`super::idempotency`].

use super::catalog::{check_order, head_office, path_param};
use super::decision::decide;
use super::idempotency::key_of;
use super::order_line::{Action, ClaimedCompany, OrderLine, OrderStatus};
use super::products::{product, Product, ProductKind, Resource};
use super::push::notify;
use super::{authorize, CofaceState};
use crate::error::ApiError;
use crate::params::country_param;
use crate::underwriting::{underwrite, Timing};
use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::Value;
use std::sync::Arc;

/// Longest customer reference (the core's field rule).
pub(crate) const MAX_REFERENCE_CHARS: usize = 35;

/// Reason given when an order's amount is not positive.
const AMOUNT_REASON: (&str, &str) = ("RJ010", "The requested amount must be greater than zero");

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OrderBody {
    product_code: Option<String>,
    action_code: Option<String>,
    amount: Option<Value>,
    currency_code: Option<String>,
    customer_reference: Option<String>,
    company: Option<CompanyBody>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CompanyBody {
    company_name: Option<String>,
    address: Option<AddressBody>,
    #[serde(default)]
    legal_identifiers: Vec<IdentifierBody>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AddressBody {
    country_code: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct IdentifierBody {
    identifier_type: Option<String>,
    identifier_value: Option<String>,
}

/// Who the order is for.
enum Target {
    Known { easy: String, resource: Resource },
    Unknown,
}

/// `POST …/{easyNumber}/products`.
pub(crate) async fn products(
    State(state): State<Arc<CofaceState>>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let easy = path_param(path)?;
    place(&state, &headers, known(easy, Resource::Products), body)
}

/// `POST …/{easyNumber}/products/topliner`.
pub(crate) async fn topliner(
    State(state): State<Arc<CofaceState>>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let easy = path_param(path)?;
    place(&state, &headers, known(easy, Resource::TopLiner), body)
}

/// `POST …/{easyNumber}/products/awaitingdeliveries-manufacturing`.
pub(crate) async fn awaiting_deliveries_manufacturing(
    State(state): State<Arc<CofaceState>>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let easy = path_param(path)?;
    let target = known(easy, Resource::AwaitingDeliveriesManufacturing);
    place(&state, &headers, target, body)
}

/// `POST /companies/unknown/products`.
pub(crate) async fn unknown_company(
    State(state): State<Arc<CofaceState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    place(&state, &headers, Target::Unknown, body)
}

fn known(easy: String, resource: Resource) -> Target {
    Target::Known {
        easy: easy.trim().to_owned(),
        resource,
    }
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "InvalidOrder", message)
}

fn place(
    state: &CofaceState,
    headers: &HeaderMap,
    target: Target,
    body: Bytes,
) -> Result<Response, ApiError> {
    authorize(state, headers)?;
    let key = key_of(headers)?;
    let request: Value =
        serde_json::from_slice(&body).map_err(|_| invalid("The body must be a JSON object"))?;
    let path = match &target {
        Target::Known { easy, resource } => format!("{easy}/{resource:?}"),
        Target::Unknown => "unknown".to_owned(),
    };
    let mut book = state.settled_book();
    if let Some(key) = &key {
        if let Some((status, answer)) = book.idempotency.replay(key, &path, &request)? {
            return Ok((status, Json(answer)).into_response());
        }
    }
    let order: OrderBody = serde_json::from_value(request.clone())
        .map_err(|e| invalid(format!("The body does not have the order's shape: {e}")))?;
    let now = state.clock.now();
    let index = match target {
        Target::Known { easy, resource } => order_known(state, &mut book, &easy, resource, order)?,
        Target::Unknown => order_unknown(state, &mut book, order)?,
    };
    let line = &book.lines[index];
    let answer = line.to_json(book.reference(&line.easy_number));
    if let Some(key) = &key {
        let stored = (StatusCode::CREATED, answer.clone());
        book.idempotency.remember(key, &path, request, stored, now);
    }
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

/// The product and action of an order, checked against `resource`.
fn product_and_action(
    order: &OrderBody,
    resource: Resource,
) -> Result<(&'static Product, Action), ApiError> {
    let code = order
        .product_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .ok_or_else(|| invalid("productCode is required"))?;
    let product = product(code).ok_or_else(|| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "ProductNotAllowed",
            format!("The product {code} is not allowed by your contract for this company"),
        )
    })?;
    if !product.ordered_through(resource) {
        return Err(invalid(format!(
            "{} cannot be ordered through this resource",
            product.code
        )));
    }
    let raw = order.action_code.as_deref().unwrap_or_default().trim();
    let action = Action::parse(raw).ok_or_else(|| {
        if raw.eq_ignore_ascii_case("DELE") {
            invalid("DELE is done with DELETE /companies/{easyNumber}/products/{deliveryId}")
        } else {
            invalid("actionCode must be CREA, UPDT, CHANGE or STOP")
        }
    })?;
    Ok((product, action))
}

/// The requested amount of a cover in whole major units (`None`: zero or less, to reject);
/// 400 when missing or not a number.
fn amount(order: &OrderBody) -> Result<Option<u64>, ApiError> {
    let number = match &order.amount {
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(s)) => s.trim().parse::<f64>().ok(),
        _ => None,
    }
    .filter(|n| n.is_finite())
    .ok_or_else(|| invalid("amount is required for this product, in major units"))?;
    if number < 1.0 {
        return Ok(None);
    }
    // Whole major units, as the underwriting policy counts them; saturates far above any limit.
    Ok(Some(number.floor().min(1e15) as u64))
}

fn currency(order: &OrderBody) -> Result<Option<String>, ApiError> {
    match order.currency_code.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(code) if code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Ok(Some(code.to_ascii_uppercase()))
        }
        Some(_) => Err(invalid("currencyCode must be an ISO 4217 code")),
    }
}

/// The order's customer reference, checked (blank: none).
pub(crate) fn checked_reference(reference: Option<&str>) -> Result<Option<String>, ApiError> {
    let Some(reference) = reference.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    if reference.chars().count() > MAX_REFERENCE_CHARS || reference.chars().any(char::is_control) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "InvalidCustomerReference",
            format!("customerReference must be 1 to {MAX_REFERENCE_CHARS} printable characters"),
        ));
    }
    Ok(Some(reference.to_owned()))
}

fn order_known(
    state: &CofaceState,
    book: &mut super::book::Book,
    easy: &str,
    resource: Resource,
    order: OrderBody,
) -> Result<usize, ApiError> {
    let company = head_office(state, book, easy)?;
    let (product, action) = product_and_action(&order, resource)?;
    check_order(book, easy, product, action)?;
    let reference = checked_reference(order.customer_reference.as_deref())?;
    let currency = currency(&order)?;
    let (requested, rejected) = if product.kind == ProductKind::Cover && action != Action::Stop {
        let amount = amount(&order)?;
        (amount, amount.is_none())
    } else {
        (None, false)
    };
    let now = state.clock.now();
    if let Some(reference) = reference {
        book.references.insert(easy.to_owned(), reference);
    }
    let order_id = book.next_order_id();
    let previous = book.current(easy, product.code).cloned();
    let mut line = OrderLine {
        order_id,
        easy_number: easy.to_owned(),
        temporary_easy_number: None,
        company: Some(company.index()),
        company_name: company.name().to_owned(),
        country: company.country(),
        claimed: None,
        product,
        action,
        requested,
        currency: currency.or_else(|| requested.map(|_| "EUR".to_owned())),
        ordered_at: now,
        due_at: None,
        status: OrderStatus::PendingUnderwriting,
        delivery: None,
        rejection_reasons: Vec::new(),
        stopped: false,
    };
    if rejected {
        line.status = OrderStatus::Rejected;
        line.rejection_reasons.push(AMOUNT_REASON);
        book.lines.push(line);
        return Ok(book.lines.len() - 1);
    }
    if action == Action::Stop {
        line.status = OrderStatus::Closed;
        line.stopped = true;
        line.delivery = previous.and_then(|p| p.delivery);
        book.lines.push(line);
        let index = book.lines.len() - 1;
        notify(state, book, index, now);
        return Ok(index);
    }
    let immediate = match (product.kind, requested) {
        (ProductKind::Cover, Some(amount)) => {
            underwrite(company, amount).timing == Timing::Immediate
        }
        _ => true,
    };
    if !immediate {
        line.due_at = Some(now.saturating_add(state.referral_delay));
    }
    book.lines.push(line);
    let index = book.lines.len() - 1;
    if immediate {
        decide(state, book, index, now);
    }
    Ok(index)
}

fn order_unknown(
    state: &CofaceState,
    book: &mut super::book::Book,
    order: OrderBody,
) -> Result<usize, ApiError> {
    let (product, action) = product_and_action(&order, Resource::Products)?;
    if action != Action::Crea {
        return Err(invalid(
            "Only a first order (CREA) can be made on an unknown company",
        ));
    }
    let company = order
        .company
        .as_ref()
        .ok_or_else(|| invalid("company is required for an unknown company"))?;
    let name = company
        .company_name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "InvalidCompany",
                "companyName is required",
            )
        })?;
    let address = company.address.as_ref();
    let code = address
        .and_then(|a| a.country_code.as_deref())
        .map(str::trim)
        .unwrap_or_default();
    if code.is_empty() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "InvalidCompany",
            "address.countryCode is required",
        ));
    }
    let country = country_param(code)?;
    let reference = checked_reference(order.customer_reference.as_deref())?;
    let currency = currency(&order)?;
    let requested = if product.kind == ProductKind::Cover {
        amount(&order)?
    } else {
        None
    };
    let claimed = ClaimedCompany {
        identifiers: company
            .legal_identifiers
            .iter()
            .filter_map(|id| {
                Some((
                    id.identifier_type.as_deref()?.trim().to_owned(),
                    id.identifier_value.as_deref()?.trim().to_owned(),
                ))
            })
            .collect(),
    };
    let now = state.clock.now();
    let temporary = book.next_temporary();
    if let Some(reference) = reference {
        book.references.insert(temporary.clone(), reference);
    }
    let order_id = book.next_order_id();
    let rejected = product.kind == ProductKind::Cover && requested.is_none();
    let line = OrderLine {
        order_id,
        easy_number: temporary.clone(),
        temporary_easy_number: Some(temporary),
        company: None,
        company_name: name.to_owned(),
        country,
        claimed: Some(claimed),
        product,
        action,
        requested,
        currency: currency.or_else(|| requested.map(|_| "EUR".to_owned())),
        ordered_at: now,
        due_at: (!rejected).then(|| now.saturating_add(state.referral_delay)),
        status: if rejected {
            OrderStatus::Rejected
        } else {
            OrderStatus::PendingDebtorValidation
        },
        delivery: None,
        rejection_reasons: if rejected {
            vec![AMOUNT_REASON]
        } else {
            vec![]
        },
        stopped: false,
    };
    book.lines.push(line);
    Ok(book.lines.len() - 1)
}
