//! CofaServe OVERDUE service: declaring an unpaid debt (notification of overdue account, "NOA")
//! on a known or unknown debtor, following it up, converting it into debt collection, and
//! attaching documents.
//!
//! The steps the seed describes: read the overdue catalog of the debtor (what debt types —
//! `CI`, a covered debt; `NGD`, debt collection on an uncovered debt — and actions — `CREA`,
//! `UPDT`, `MOVE` — the contract allows, and the `overdueId` of an existing case); declare the
//! overdue (for a debtor with an EASY number, or an unknown one, which CofaServe then searches
//! and rejects if it cannot identify it); attach documents; update the case while it is
//! pending; convert a refused covered case into debt collection (`MOVE`); list and read cases.
//!
//! Only the paths, codes and variables named in the seed are documented; the JSON field names
//! of the bodies and answers are chosen (see `wire`), as is the path of the list,
//! [`OVERDUE_LIST_PATH`].

mod wire;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use self::wire::{
    AddressBody, CatalogBody, ContactBody, ConvertBody, DebtorBody, DeclarationBody, DocumentBody,
    DocumentListBody, IndemnificationBody, InvoiceBody, InvoiceLineBody, LegalIdentifierBody,
    OverdueBody, OverdueListBody, PaymentBody, PaymentLineBody, ReceiptBody, UpdateBody,
    CUSTOMER_REFERENCE_QUERY, DOCUMENT_PART, EASY_NUMBER_QUERY, STATUS_QUERY,
};
use super::amount::{to_wire_number, WireAmount};
use super::code_enum::code_enum;
use super::date::{wire_date, IsoDate};
use super::identifier_types::wire_identifier_type;
use super::notification::decode::{non_blank, text};
use super::path::{definitive_easy_number, easy_number, id};
use super::request_error::CofaceRequestError;
use super::response::parse_json;
use crate::buyer::{Address, Identifier};
use crate::currency::Currency;
use crate::field::{document_media_type, validate_document, DocumentUpload};
use crate::http_request::{HttpRequest, Method};
use crate::insurer::Insurer;
use crate::insurer_error::InsurerError;
use crate::money::Money;
use crate::operation::Operation;
use crate::validation_error::ValidationError;

/// Path of the overdue catalog of a company.
pub const CATALOG_OVERDUE_PATH: &str = "/companies/{easyNumber}/catalog-overdue";
/// Path of the overdues of a known debtor (declare).
pub const OVERDUES_PATH: &str = "/companies/{easyNumber}/overdues";
/// Path of the overdues of an unknown debtor (declare without EASY number).
pub const UNKNOWN_OVERDUES_PATH: &str = "/companies/unknown/overdues";
/// Path of one overdue case (read, update, convert).
pub const OVERDUE_PATH: &str = "/companies/{easyNumber}/overdues/{overdueId}";
/// Path of the documents of one overdue case (upload, list).
pub const DOCUMENTS_PATH: &str = "/companies/{easyNumber}/overdues/{overdueId}/documents";
/// Path of the list of overdues (chosen: the seed describes the service, not its path; it
/// mirrors the portfolio's `/companies/products`).
pub const OVERDUE_LIST_PATH: &str = "/companies/overdues";

const fn operation(name: &'static str, method: Method, path: &'static str) -> Operation {
    Operation {
        insurer: Insurer::Coface,
        name,
        method,
        path,
    }
}

/// The overdue calls a browser may ask the proxy to forward. The unknown-debtor declaration
/// comes before the known one, whose `{easyNumber}` would also match `unknown`.
pub const OVERDUE_OPERATIONS: &[Operation] = &[
    operation("overdue.catalog", Method::Get, CATALOG_OVERDUE_PATH),
    operation(
        "overdue.create_unknown",
        Method::Post,
        UNKNOWN_OVERDUES_PATH,
    ),
    operation("overdue.create", Method::Post, OVERDUES_PATH),
    operation("overdue.details", Method::Get, OVERDUE_PATH),
    operation("overdue.update", Method::Put, OVERDUE_PATH),
    operation("overdue.convert", Method::Patch, OVERDUE_PATH),
    operation("overdue.document_upload", Method::Post, DOCUMENTS_PATH),
    operation("overdue.documents", Method::Get, DOCUMENTS_PATH),
    operation("overdue.list", Method::Get, OVERDUE_LIST_PATH),
];

code_enum! {
    /// The type of debt of an overdue case.
    pub enum DebtType {
        /// `CI`: notification of overdue account on a covered debt.
        Covered = "CI",
        /// `NGD` (non guarantee debt): Coface's debt collection on an uncovered debt.
        NotCovered = "NGD",
    }
}

code_enum! {
    /// An action the overdue catalog allows.
    pub enum OverdueAction {
        /// `CREA`: create a case.
        Create = "CREA",
        /// `UPDT`: update the case.
        Update = "UPDT",
        /// `MOVE`: convert the notification of overdue account into debt collection.
        Move = "MOVE",
    }
}

code_enum! {
    /// The status of an overdue case. The seed names two (`Pending`, `Pending_debtor_validation`:
    /// the unknown debtor is being identified); any other is kept as received.
    pub enum OverdueStatus {
        /// `PENDING`: the case is being handled; it can be updated.
        Pending = "PENDING",
        /// `PENDING_DEBTOR_VALIDATION`: Coface is identifying the debtor.
        PendingDebtorValidation = "PENDING_DEBTOR_VALIDATION",
    }
}

code_enum! {
    /// Why the debtor has not paid (codes chosen: the seed asks for "the non-payment reason"
    /// without listing them; an `Other` code is sent as given).
    pub enum NonPaymentReason {
        /// `FINANCIAL_DIFFICULTIES`: the debtor cannot pay.
        FinancialDifficulties = "FINANCIAL_DIFFICULTIES",
        /// `COMMERCIAL_DISPUTE`: the debtor disputes the goods, services or invoice.
        CommercialDispute = "COMMERCIAL_DISPUTE",
        /// `INSOLVENCY`: the debtor is in insolvency proceedings.
        Insolvency = "INSOLVENCY",
        /// `NO_REASON`: no reason given by the debtor.
        NoReason = "NO_REASON",
    }
}

code_enum! {
    /// What was received from the debtor (codes chosen; the seed lists "payments, settlement and
    /// credit note").
    pub enum PaymentKind {
        /// `PAYMENT`: a payment.
        Payment = "PAYMENT",
        /// `SETTLEMENT`: a settlement.
        Settlement = "SETTLEMENT",
        /// `CREDIT_NOTE`: a credit note.
        CreditNote = "CREDIT_NOTE",
    }
}

impl OverdueStatus {
    /// Whether the seed says the case is to be updated with recoveries, new invoices or an
    /// intervention request in this status.
    pub fn takes_updates(&self) -> bool {
        matches!(
            self,
            OverdueStatus::Pending | OverdueStatus::PendingDebtorValidation
        )
    }
}

/// Why an overdue request was not built.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum OverdueRequestError {
    /// An EASY number or id that cannot go in the path (see [`CofaceRequestError`]).
    #[error(transparent)]
    Request(#[from] CofaceRequestError),
    /// The debtor has only a temporary (`Z…`) EASY number: the case cannot be updated or
    /// converted until Coface has identified it.
    #[error("the debtor {easy_number} is not identified yet: its case cannot be changed")]
    DebtorNotIdentified {
        /// The temporary EASY number.
        easy_number: String,
    },
    /// A declaration needs at least one invoice.
    #[error("an overdue declaration needs at least one invoice")]
    NoInvoices,
    /// An invoice without reference.
    #[error("an invoice has no reference")]
    InvoiceReferenceMissing,
    /// The same invoice reference twice (compared without case and surrounding blanks): an
    /// invoice reference can be given only once.
    #[error("invoice reference {reference} is given twice")]
    DuplicateInvoiceReference {
        /// The reference.
        reference: String,
    },
    /// An invoice or payment amount that is zero or negative.
    #[error("{field} must be a positive amount")]
    AmountNotPositive {
        /// Which amount, e.g. `invoices[0].amount`.
        field: String,
    },
    /// A date that is not an ISO `YYYY-MM-DD` calendar date.
    #[error("{field} is not an ISO date: {value:?}")]
    DateInvalid {
        /// Which date, e.g. `invoices[0].dueDate`.
        field: String,
        /// The text given.
        value: String,
    },
    /// A due date before its invoice date.
    #[error("{field}: the due date is before the invoice date")]
    DueBeforeInvoice {
        /// Which invoice, e.g. `invoices[0]`.
        field: String,
    },
    /// A contact person without last name.
    #[error("{field} needs a last name")]
    ContactNameMissing {
        /// `contactPerson` or `debtorContact`.
        field: &'static str,
    },
    /// An unknown debtor without company name.
    #[error("an unknown debtor needs its company name")]
    DebtorNameMissing,
    /// An unknown debtor's identifier has no CofaServe type.
    #[error("the debtor's identifier of kind {kind} cannot be sent to CofaServe")]
    IdentifierUnsupported {
        /// The identifier's kind.
        kind: String,
    },
    /// An update with nothing new.
    #[error("the update carries nothing new")]
    NothingToUpdate,
    /// The list of overdues needs the status to list.
    #[error("the list of overdues needs a status")]
    StatusRequired,
    /// The document breaks Coface's upload rules (`document.*` codes).
    #[error("the document cannot be attached")]
    Document(Vec<ValidationError>),
}

/// Every code of [`OverdueRequestError::code`] (besides those of [`CofaceRequestError`]).
pub const CODES: &[&str] = &[
    "coface.overdue.debtor_not_identified",
    "coface.overdue.no_invoices",
    "coface.overdue.invoice_reference_missing",
    "coface.overdue.duplicate_invoice_reference",
    "coface.overdue.amount_not_positive",
    "coface.overdue.date_invalid",
    "coface.overdue.due_before_invoice",
    "coface.overdue.contact_name_missing",
    "coface.overdue.debtor_name_missing",
    "coface.overdue.identifier_unsupported",
    "coface.overdue.nothing_to_update",
    "coface.overdue.status_required",
    "coface.overdue.document",
];

impl OverdueRequestError {
    /// Stable machine code, e.g. `coface.overdue.no_invoices`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Request(error) => error.code(),
            Self::DebtorNotIdentified { .. } => "coface.overdue.debtor_not_identified",
            Self::NoInvoices => "coface.overdue.no_invoices",
            Self::InvoiceReferenceMissing => "coface.overdue.invoice_reference_missing",
            Self::DuplicateInvoiceReference { .. } => "coface.overdue.duplicate_invoice_reference",
            Self::AmountNotPositive { .. } => "coface.overdue.amount_not_positive",
            Self::DateInvalid { .. } => "coface.overdue.date_invalid",
            Self::DueBeforeInvoice { .. } => "coface.overdue.due_before_invoice",
            Self::ContactNameMissing { .. } => "coface.overdue.contact_name_missing",
            Self::DebtorNameMissing => "coface.overdue.debtor_name_missing",
            Self::IdentifierUnsupported { .. } => "coface.overdue.identifier_unsupported",
            Self::NothingToUpdate => "coface.overdue.nothing_to_update",
            Self::StatusRequired => "coface.overdue.status_required",
            Self::Document(_) => "coface.overdue.document",
        }
    }
}

// ---- inputs ----

/// A contact person: the seller's (who issued the invoices) or the debtor's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactPerson {
    /// First name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Last name (required).
    pub last_name: String,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
}

/// An unpaid invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Invoice {
    /// The invoice's reference, unique within the case.
    pub reference: String,
    /// Date of issue, `YYYY-MM-DD`.
    pub issue_date: String,
    /// Due date, `YYYY-MM-DD`.
    pub due_date: String,
    /// Amount of the invoice (positive).
    pub amount: Money,
}

/// A payment, settlement or credit note already received from the debtor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Payment {
    /// What it is.
    pub kind: PaymentKind,
    /// Its reference, if any.
    #[serde(default)]
    pub reference: Option<String>,
    /// Date received, `YYYY-MM-DD`.
    pub date: String,
    /// Amount (positive).
    pub amount: Money,
}

/// A debtor without EASY number: every identification detail available (the more, the better
/// the chance that Coface identifies it; otherwise the declaration is rejected).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnknownDebtor {
    /// The company's name.
    pub company_name: String,
    /// Its address (the country is required).
    pub address: Address,
    /// Its legal identifiers (SIREN, VAT number…).
    #[serde(default)]
    pub identifiers: Vec<Identifier>,
    /// Its phone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Its fax number.
    #[serde(default)]
    pub fax: Option<String>,
}

/// A notification of overdue account: everything a declaration carries, for a known or an
/// unknown debtor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OverdueDeclaration {
    /// `CI` (covered debt) or `NGD` (debt collection on an uncovered debt, if the contract has
    /// the option).
    pub debt_type: DebtType,
    /// The seller's reference for the case.
    #[serde(default)]
    pub customer_reference: Option<String>,
    /// The seller's contact person (who issued the invoices).
    pub contact_person: ContactPerson,
    /// The debtor's contact person.
    #[serde(default)]
    pub debtor_contact: Option<ContactPerson>,
    /// Why the debtor has not paid.
    pub non_payment_reason: NonPaymentReason,
    /// Free text on the non-payment.
    #[serde(default)]
    pub non_payment_comment: Option<String>,
    /// The unpaid invoices (at least one; references unique).
    pub invoices: Vec<Invoice>,
    /// Payments, settlements and credit notes already received.
    #[serde(default)]
    pub payments: Vec<Payment>,
    /// Whether Coface is asked to intervene with the debtor.
    #[serde(default)]
    pub intervention_requested: bool,
    /// Whether a reduction of the waiting period is asked for, where the contract allows it.
    #[serde(default)]
    pub waiting_period_reduction_requested: bool,
}

/// What is new on a pending case: recoveries, new invoices, a request for intervention.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OverdueUpdate {
    /// A new customer reference for the case.
    #[serde(default)]
    pub customer_reference: Option<String>,
    /// New unpaid invoices.
    #[serde(default)]
    pub invoices: Vec<Invoice>,
    /// Payments, settlements and credit notes received since.
    #[serde(default)]
    pub payments: Vec<Payment>,
    /// Coface is now asked to intervene (or no longer).
    #[serde(default)]
    pub intervention_requested: Option<bool>,
}

/// Filters of the list of overdues: the status is required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OverdueFilter {
    /// The status of the cases to list.
    pub status: OverdueStatus,
    /// Only the case with this customer reference.
    #[serde(default)]
    pub customer_reference: Option<String>,
    /// Only the cases on this debtor.
    #[serde(default)]
    pub easy_number: Option<String>,
}

// ---- request builders ----

fn path_with(easy_number: &str, overdue_id: Option<&str>, documents: bool) -> String {
    let mut path = format!("/companies/{easy_number}/overdues");
    if let Some(overdue_id) = overdue_id {
        path.push('/');
        path.push_str(overdue_id);
    }
    if documents {
        path.push_str("/documents");
    }
    path
}

fn json_request(method: Method, path: String, body: serde_json::Value) -> HttpRequest {
    HttpRequest::new(method, path)
        .with_header("accept", "application/json")
        .with_header("content-type", "application/json")
        .with_json(body)
}

fn get_request(path: String) -> HttpRequest {
    HttpRequest::new(Method::Get, path).with_header("accept", "application/json")
}

/// A definitive EASY number, a temporary one being "not identified yet".
fn identified_easy_number(text: &str) -> Result<String, OverdueRequestError> {
    definitive_easy_number(text).map_err(|error| match error {
        CofaceRequestError::EasyNumberTemporary { value } => {
            OverdueRequestError::DebtorNotIdentified { easy_number: value }
        }
        other => OverdueRequestError::Request(other),
    })
}

/// `GET /companies/{easyNumber}/catalog-overdue`: the debt types and actions the contract
/// allows on the company, and the overdueId of an existing case.
pub fn catalog_request(easy: &str) -> Result<HttpRequest, OverdueRequestError> {
    let easy = easy_number(easy)?;
    Ok(get_request(format!("/companies/{easy}/catalog-overdue")))
}

/// `POST /companies/{easyNumber}/overdues`: declares an overdue on a debtor with an EASY
/// number. The declaration is checked first (see [`OverdueRequestError`]).
pub fn declaration_request(
    easy: &str,
    declaration: &OverdueDeclaration,
) -> Result<HttpRequest, OverdueRequestError> {
    let easy = easy_number(easy)?;
    let body = declaration_body(declaration, None)?;
    Ok(json_request(
        Method::Post,
        path_with(&easy, None, false),
        serde_json::json!(body),
    ))
}

/// `POST /companies/unknown/overdues`: declares an overdue on a debtor without EASY number,
/// with every detail of `debtor` under `debtor` (Coface searches it, and rejects the
/// declaration if it cannot identify it: search it first when possible).
pub fn unknown_debtor_declaration_request(
    debtor: &UnknownDebtor,
    declaration: &OverdueDeclaration,
) -> Result<HttpRequest, OverdueRequestError> {
    let body = declaration_body(declaration, Some(debtor))?;
    Ok(json_request(
        Method::Post,
        UNKNOWN_OVERDUES_PATH.to_owned(),
        serde_json::json!(body),
    ))
}

/// `PUT /companies/{easyNumber}/overdues/{overdueId}`: adds what is new to a pending case.
/// Refused for a debtor with a temporary EASY number (not identified yet), and when there is
/// nothing new.
pub fn update_request(
    easy: &str,
    overdue_id: &str,
    update: &OverdueUpdate,
) -> Result<HttpRequest, OverdueRequestError> {
    let easy = identified_easy_number(easy)?;
    let overdue_id = id("overdueId", overdue_id)?;
    let customer_reference = trimmed(update.customer_reference.as_deref());
    if update.invoices.is_empty()
        && update.payments.is_empty()
        && update.intervention_requested.is_none()
        && customer_reference.is_none()
    {
        return Err(OverdueRequestError::NothingToUpdate);
    }
    let body = UpdateBody {
        customer_reference,
        invoices: invoices_body(&update.invoices)?,
        payments: payments_body(&update.payments)?,
        intervention_requested: update.intervention_requested,
    };
    Ok(json_request(
        Method::Put,
        path_with(&easy, Some(&overdue_id), false),
        serde_json::json!(body),
    ))
}

/// `PATCH /companies/{easyNumber}/overdues/{overdueId}` with `actionCode` `MOVE` and `debtType`
/// `NGD`: asks Coface to take a case whose cover was refused into debt collection (if the
/// contract has the option — see [`OverdueCatalog::allows`]). Refused for a debtor not
/// identified yet.
pub fn convert_to_debt_collection_request(
    easy: &str,
    overdue_id: &str,
) -> Result<HttpRequest, OverdueRequestError> {
    let easy = identified_easy_number(easy)?;
    let overdue_id = id("overdueId", overdue_id)?;
    let body = ConvertBody {
        action_code: OverdueAction::Move.as_str(),
        debt_type: DebtType::NotCovered.as_str(),
    };
    Ok(json_request(
        Method::Patch,
        path_with(&easy, Some(&overdue_id), false),
        serde_json::json!(body),
    ))
}

/// `GET /companies/{easyNumber}/overdues/{overdueId}`: the details of a case.
pub fn details_request(easy: &str, overdue_id: &str) -> Result<HttpRequest, OverdueRequestError> {
    let easy = easy_number(easy)?;
    let overdue_id = id("overdueId", overdue_id)?;
    Ok(get_request(path_with(&easy, Some(&overdue_id), false)))
}

/// `GET /companies/{easyNumber}/overdues/{overdueId}/documents`: the names of the documents
/// attached to a case.
pub fn documents_request(easy: &str, overdue_id: &str) -> Result<HttpRequest, OverdueRequestError> {
    let easy = easy_number(easy)?;
    let overdue_id = id("overdueId", overdue_id)?;
    Ok(get_request(path_with(&easy, Some(&overdue_id), true)))
}

/// `GET /companies/overdues` ([`OVERDUE_LIST_PATH`]) with `status` (required), and
/// `customerReference` and `easyNumber` when given.
pub fn list_request(filter: &OverdueFilter) -> Result<HttpRequest, OverdueRequestError> {
    if filter.status.as_str().trim().is_empty() {
        return Err(OverdueRequestError::StatusRequired);
    }
    let easy = match trimmed(filter.easy_number.as_deref()) {
        Some(easy) => Some(easy_number(easy)?),
        None => None,
    };
    Ok(get_request(OVERDUE_LIST_PATH.to_owned())
        .with_query(STATUS_QUERY, filter.status.as_str())
        .with_optional_query(
            CUSTOMER_REFERENCE_QUERY,
            trimmed(filter.customer_reference.as_deref()),
        )
        .with_optional_query(EASY_NUMBER_QUERY, easy.as_deref()))
}

/// An upload to send: the request (`POST …/overdues/{overdueId}/documents`, no JSON body) and
/// how the shell attaches the file — as the multipart/form-data part [`Self::part_name`]
/// (`document`), named [`Self::file_name`], with the content type [`Self::media_type`], which
/// Coface checks against the file's type.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentUploadRequest {
    /// The request, without body.
    pub request: HttpRequest,
    /// Name of the multipart part: `document`.
    pub part_name: &'static str,
    /// File name to give the part.
    pub file_name: String,
    /// Content type of the part (from Coface's whitelist).
    pub media_type: &'static str,
}

/// The upload of `upload` to a case, built only when the document keeps Coface's rules
/// ([`validate_document`]: type whitelist, 10 MB, 255-character name, 500 documents, no
/// duplicate name) given the names of the documents `already_attached` (see
/// [`OverdueDocuments::file_names`]).
pub fn document_upload_request(
    easy: &str,
    overdue_id: &str,
    upload: &DocumentUpload,
    already_attached: &[String],
) -> Result<DocumentUploadRequest, OverdueRequestError> {
    let easy = easy_number(easy)?;
    let overdue_id = id("overdueId", overdue_id)?;
    let errors = validate_document(upload, already_attached);
    if !errors.is_empty() {
        return Err(OverdueRequestError::Document(errors));
    }
    let media_type = document_media_type(upload).ok_or_else(|| {
        OverdueRequestError::Document(vec![ValidationError::new(
            "document.media_type",
            "document",
        )])
    })?;
    Ok(DocumentUploadRequest {
        request: HttpRequest::new(Method::Post, path_with(&easy, Some(&overdue_id), true))
            .with_header("accept", "application/json"),
        part_name: DOCUMENT_PART,
        file_name: upload.file_name.trim().to_owned(),
        media_type,
    })
}

fn trimmed(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|text| !text.is_empty())
}

fn contact_body<'a>(
    contact: &'a ContactPerson,
    field: &'static str,
) -> Result<ContactBody<'a>, OverdueRequestError> {
    let last_name = contact.last_name.trim();
    if last_name.is_empty() {
        return Err(OverdueRequestError::ContactNameMissing { field });
    }
    Ok(ContactBody {
        first_name: trimmed(contact.first_name.as_deref()),
        last_name,
        email: trimmed(contact.email.as_deref()),
        phone_number: trimmed(contact.phone.as_deref()),
    })
}

fn iso_date(text: &str, field: String) -> Result<&str, OverdueRequestError> {
    let text = text.trim();
    match IsoDate::parse(text) {
        Some(_) => Ok(text),
        None => Err(OverdueRequestError::DateInvalid {
            field,
            value: text.to_owned(),
        }),
    }
}

fn positive(amount: &Money, field: String) -> Result<serde_json::Number, OverdueRequestError> {
    if amount.is_positive() {
        Ok(to_wire_number(*amount))
    } else {
        Err(OverdueRequestError::AmountNotPositive { field })
    }
}

fn invoices_body(invoices: &[Invoice]) -> Result<Vec<InvoiceBody<'_>>, OverdueRequestError> {
    let mut seen: Vec<String> = Vec::with_capacity(invoices.len());
    let mut bodies = Vec::with_capacity(invoices.len());
    for (index, invoice) in invoices.iter().enumerate() {
        let reference = invoice.reference.trim();
        if reference.is_empty() {
            return Err(OverdueRequestError::InvoiceReferenceMissing);
        }
        let key = reference.to_lowercase();
        if seen.contains(&key) {
            return Err(OverdueRequestError::DuplicateInvoiceReference {
                reference: reference.to_owned(),
            });
        }
        seen.push(key);
        let issued = iso_date(&invoice.issue_date, format!("invoices[{index}].issueDate"))?;
        let due = iso_date(&invoice.due_date, format!("invoices[{index}].dueDate"))?;
        if due < issued {
            return Err(OverdueRequestError::DueBeforeInvoice {
                field: format!("invoices[{index}]"),
            });
        }
        bodies.push(InvoiceBody {
            invoice_reference: reference,
            invoice_date: issued,
            due_date: due,
            amount: positive(&invoice.amount, format!("invoices[{index}].amount"))?,
            currency_code: invoice.amount.currency.code(),
        });
    }
    Ok(bodies)
}

fn payments_body(payments: &[Payment]) -> Result<Vec<PaymentBody<'_>>, OverdueRequestError> {
    payments
        .iter()
        .enumerate()
        .map(|(index, payment)| {
            Ok(PaymentBody {
                payment_type: payment.kind.as_str(),
                payment_reference: trimmed(payment.reference.as_deref()),
                payment_date: iso_date(&payment.date, format!("payments[{index}].date"))?,
                amount: positive(&payment.amount, format!("payments[{index}].amount"))?,
                currency_code: payment.amount.currency.code(),
            })
        })
        .collect()
}

fn debtor_body(debtor: &UnknownDebtor) -> Result<DebtorBody<'_>, OverdueRequestError> {
    let company_name = debtor.company_name.trim();
    if company_name.is_empty() {
        return Err(OverdueRequestError::DebtorNameMissing);
    }
    let legal_identifiers = debtor
        .identifiers
        .iter()
        .map(|identifier| {
            let identifier_type = wire_identifier_type(identifier).map_err(|_| {
                OverdueRequestError::IdentifierUnsupported {
                    kind: identifier.kind.trim().to_owned(),
                }
            })?;
            Ok(LegalIdentifierBody {
                identifier_type,
                identifier_value: identifier.value.trim().to_owned(),
            })
        })
        .collect::<Result<Vec<_>, OverdueRequestError>>()?;
    let address = &debtor.address;
    Ok(DebtorBody {
        company_name,
        address: AddressBody {
            street_address: trimmed(address.street.as_deref()),
            postal_code: trimmed(address.postcode.as_deref()),
            town: trimmed(address.town.as_deref()),
            region: trimmed(address.region.as_deref()),
            country_code: address.country.alpha3(),
        },
        legal_identifiers,
        phone_number: trimmed(debtor.phone.as_deref()),
        fax_number: trimmed(debtor.fax.as_deref()),
    })
}

fn declaration_body<'a>(
    declaration: &'a OverdueDeclaration,
    debtor: Option<&'a UnknownDebtor>,
) -> Result<DeclarationBody<'a>, OverdueRequestError> {
    if declaration.invoices.is_empty() {
        return Err(OverdueRequestError::NoInvoices);
    }
    Ok(DeclarationBody {
        debt_type: declaration.debt_type.as_str(),
        customer_reference: trimmed(declaration.customer_reference.as_deref()),
        contact_person: contact_body(&declaration.contact_person, "contactPerson")?,
        debtor: debtor.map(debtor_body).transpose()?,
        debtor_contact: declaration
            .debtor_contact
            .as_ref()
            .map(|contact| contact_body(contact, "debtorContact"))
            .transpose()?,
        non_payment_reason: declaration.non_payment_reason.as_str(),
        non_payment_comment: trimmed(declaration.non_payment_comment.as_deref()),
        invoices: invoices_body(&declaration.invoices)?,
        payments: payments_body(&declaration.payments)?,
        intervention_requested: declaration.intervention_requested,
        waiting_period_reduction_requested: declaration.waiting_period_reduction_requested,
    })
}

// ---- answers ----

/// One debt type of the overdue catalog and what the contract allows with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverdueCatalogEntry {
    /// The debt type.
    pub debt_type: DebtType,
    /// The actions allowed (unknown codes kept).
    pub actions: Vec<OverdueAction>,
    /// The existing case's id, if there is one.
    pub overdue_id: Option<String>,
    /// Whether an intervention may be requested, when CofaServe says.
    pub intervention_request_available: Option<bool>,
    /// Whether a waiting period reduction may be requested, when CofaServe says.
    pub waiting_period_reduction_available: Option<bool>,
}

/// The overdue catalog of a company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverdueCatalog {
    /// The company's EASY number, when the answer repeats it.
    pub easy_number: Option<String>,
    /// What can be declared, by debt type.
    pub entries: Vec<OverdueCatalogEntry>,
}

impl OverdueCatalog {
    /// Whether the catalog allows `action` on `debt_type`.
    pub fn allows(&self, debt_type: &DebtType, action: &OverdueAction) -> bool {
        self.entries
            .iter()
            .any(|entry| entry.debt_type == *debt_type && entry.actions.contains(action))
    }

    /// Whether the catalog allows converting a case into debt collection (`MOVE`, on any debt
    /// type).
    pub fn allows_conversion(&self) -> bool {
        self.entries
            .iter()
            .any(|entry| entry.actions.contains(&OverdueAction::Move))
    }

    /// The id of the existing case, if the catalog gives one.
    pub fn overdue_id(&self) -> Option<&str> {
        self.entries
            .iter()
            .find_map(|entry| entry.overdue_id.as_deref())
    }
}

fn malformed(reason: String) -> InsurerError {
    InsurerError::Malformed { reason }
}

/// Parses the overdue catalog. An entry without `debtType` is malformed; actions may come as
/// `actionCodes` (a list), `actionCode` (one), or both (merged, without repeats).
pub fn parse_catalog_response(status: u16, body: &[u8]) -> Result<OverdueCatalog, InsurerError> {
    let catalog: CatalogBody = parse_json(status, body)?;
    let entries = catalog
        .products
        .unwrap_or_default()
        .into_iter()
        .map(|entry| {
            let debt_type = non_blank(entry.debt_type)
                .ok_or_else(|| malformed("an overdue catalog entry has no debtType".into()))?;
            let mut actions: Vec<OverdueAction> = Vec::new();
            let codes = entry.action_codes.unwrap_or_default().into_iter();
            for code in codes.chain(entry.action_code) {
                if code.trim().is_empty() {
                    continue;
                }
                let action = OverdueAction::parse(&code);
                if !actions.contains(&action) {
                    actions.push(action);
                }
            }
            Ok(OverdueCatalogEntry {
                debt_type: DebtType::parse(&debt_type),
                actions,
                overdue_id: text(entry.overdue_id),
                intervention_request_available: entry.intervention_request_available,
                waiting_period_reduction_available: entry.waiting_period_reduction_available,
            })
        })
        .collect::<Result<Vec<_>, InsurerError>>()?;
    Ok(OverdueCatalog {
        easy_number: text(catalog.easy_number),
        entries,
    })
}

/// What CofaServe answered to a declaration, an update or a conversion. The overdueId may be
/// missing: it "could take few hours" to be created.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverdueReceipt {
    /// The case's id, once given.
    pub overdue_id: Option<String>,
    /// The debtor's EASY number, when given.
    pub easy_number: Option<String>,
    /// The case's status, when given.
    pub status: Option<OverdueStatus>,
}

/// Parses the answer to a declaration, an update or a conversion: any 2xx is a success (an
/// empty body included).
pub fn parse_receipt_response(status: u16, body: &[u8]) -> Result<OverdueReceipt, InsurerError> {
    if (200..300).contains(&status) && body.iter().all(u8::is_ascii_whitespace) {
        return Ok(OverdueReceipt::default());
    }
    let receipt: ReceiptBody = parse_json(status, body)?;
    Ok(OverdueReceipt {
        overdue_id: text(receipt.overdue_id),
        easy_number: text(receipt.easy_number),
        status: non_blank(receipt.status).map(|code| OverdueStatus::parse(&code)),
    })
}

/// One overdue case as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverdueSummary {
    /// The case's id.
    pub overdue_id: String,
    /// The debtor's EASY number.
    pub easy_number: Option<String>,
    /// The debtor's name.
    pub company_name: Option<String>,
    /// The case's status.
    pub status: Option<OverdueStatus>,
    /// The seller's reference for the case.
    pub customer_reference: Option<String>,
    /// Whether Coface's intervention was requested.
    pub intervention_requested: Option<bool>,
    /// Date the case was created, `YYYY-MM-DD`.
    pub created_on: Option<String>,
    /// Date of the last update, `YYYY-MM-DD`.
    pub updated_on: Option<String>,
}

/// A list of overdue cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverdueList {
    /// The cases, in CofaServe's order.
    pub overdues: Vec<OverdueSummary>,
    /// How many cases matched, never fewer than returned.
    pub total: u64,
}

fn summary(overdue: &mut OverdueBody) -> Result<OverdueSummary, InsurerError> {
    let overdue_id = text(overdue.overdue_id.take())
        .ok_or_else(|| malformed("an overdue has no overdueId".into()))?;
    Ok(OverdueSummary {
        easy_number: text(overdue.easy_number.take()).map(|easy| easy.to_ascii_uppercase()),
        company_name: non_blank(overdue.company_name.take()),
        status: non_blank(overdue.status.take()).map(|code| OverdueStatus::parse(&code)),
        customer_reference: non_blank(overdue.customer_reference.take()),
        intervention_requested: overdue.intervention_requested,
        created_on: wire_date(overdue.creation_date.as_deref(), "creationDate")?,
        updated_on: wire_date(overdue.last_update_date.as_deref(), "lastUpdateDate")?,
        overdue_id,
    })
}

/// Parses the list of overdues. A case without `overdueId` is malformed.
pub fn parse_list_response(status: u16, body: &[u8]) -> Result<OverdueList, InsurerError> {
    let list: OverdueListBody = parse_json(status, body)?;
    let overdues = list
        .overdues
        .unwrap_or_default()
        .into_iter()
        .map(|mut overdue| summary(&mut overdue))
        .collect::<Result<Vec<_>, _>>()?;
    let returned = overdues.len() as u64;
    Ok(OverdueList {
        total: list.count.unwrap_or(returned).max(returned),
        overdues,
    })
}

/// An invoice of a case, as CofaServe holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverdueInvoice {
    /// The invoice's reference.
    pub reference: Option<String>,
    /// Date of issue.
    pub issue_date: Option<String>,
    /// Due date.
    pub due_date: Option<String>,
    /// Amount.
    pub amount: Option<Money>,
}

/// A payment, settlement or credit note of a case, as CofaServe holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverduePayment {
    /// What it is (unknown codes kept).
    pub kind: Option<PaymentKind>,
    /// Its reference.
    pub reference: Option<String>,
    /// Date received.
    pub date: Option<String>,
    /// Amount.
    pub amount: Option<Money>,
}

/// What Coface paid on a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Indemnification {
    /// Amount paid.
    pub amount: Option<Money>,
    /// Date paid.
    pub paid_on: Option<String>,
}

/// The details of a case: what was declared, and the indemnification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverdueCase {
    /// The case as the list shows it.
    pub summary: OverdueSummary,
    /// The debt type.
    pub debt_type: Option<DebtType>,
    /// Why the debtor has not paid.
    pub non_payment_reason: Option<NonPaymentReason>,
    /// The invoices.
    pub invoices: Vec<OverdueInvoice>,
    /// Payments, settlements and credit notes.
    pub payments: Vec<OverduePayment>,
    /// The indemnification, once there is one.
    pub indemnification: Option<Indemnification>,
}

fn currency(code: Option<String>, what: &str) -> Result<Option<Currency>, InsurerError> {
    match non_blank(code) {
        None => Ok(None),
        Some(code) => Currency::from_code(&code)
            .map(Some)
            .ok_or_else(|| malformed(format!("{what} has an unknown currencyCode {code:?}"))),
    }
}

fn money(
    amount: &WireAmount,
    code: Option<String>,
    what: &str,
) -> Result<Option<Money>, InsurerError> {
    amount.to_money(currency(code, what)?, what)
}

fn invoice_line(index: usize, line: InvoiceLineBody) -> Result<OverdueInvoice, InsurerError> {
    let what = format!("invoices[{index}]");
    Ok(OverdueInvoice {
        reference: text(line.invoice_reference),
        issue_date: wire_date(line.invoice_date.as_deref(), &format!("{what}.invoiceDate"))?,
        due_date: wire_date(line.due_date.as_deref(), &format!("{what}.dueDate"))?,
        amount: money(&line.amount, line.currency_code, &format!("{what}.amount"))?,
    })
}

fn payment_line(index: usize, line: PaymentLineBody) -> Result<OverduePayment, InsurerError> {
    let what = format!("payments[{index}]");
    Ok(OverduePayment {
        kind: non_blank(line.payment_type).map(|code| PaymentKind::parse(&code)),
        reference: text(line.payment_reference),
        date: wire_date(line.payment_date.as_deref(), &format!("{what}.paymentDate"))?,
        amount: money(&line.amount, line.currency_code, &format!("{what}.amount"))?,
    })
}

fn indemnification(body: IndemnificationBody) -> Result<Indemnification, InsurerError> {
    Ok(Indemnification {
        amount: money(&body.amount, body.currency_code, "indemnification.amount")?,
        paid_on: wire_date(body.payment_date.as_deref(), "indemnification.paymentDate")?,
    })
}

/// Parses the details of a case.
pub fn parse_details_response(status: u16, body: &[u8]) -> Result<OverdueCase, InsurerError> {
    let mut case: OverdueBody = parse_json(status, body)?;
    let summary = summary(&mut case)?;
    Ok(OverdueCase {
        summary,
        debt_type: non_blank(case.debt_type).map(|code| DebtType::parse(&code)),
        non_payment_reason: non_blank(case.non_payment_reason)
            .map(|code| NonPaymentReason::parse(&code)),
        invoices: case
            .invoices
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(index, line)| invoice_line(index, line))
            .collect::<Result<_, _>>()?,
        payments: case
            .payments
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(index, line)| payment_line(index, line))
            .collect::<Result<_, _>>()?,
        indemnification: case.indemnification.map(indemnification).transpose()?,
    })
}

/// A document attached to a case (only its name and metadata: CofaServe never returns the
/// content).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverdueDocument {
    /// The file name.
    pub file_name: String,
    /// Its media type, when given.
    pub media_type: Option<String>,
    /// Date it was uploaded, when given.
    pub uploaded_on: Option<String>,
}

/// The documents attached to a case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverdueDocuments {
    /// The documents, in CofaServe's order.
    pub documents: Vec<OverdueDocument>,
}

impl OverdueDocuments {
    /// The file names, for [`document_upload_request`]'s duplicate and count checks.
    pub fn file_names(&self) -> Vec<String> {
        self.documents
            .iter()
            .map(|document| document.file_name.clone())
            .collect()
    }
}

/// Parses the list of documents of a case: `{"documents": [...]}` or a bare array. A document
/// without `fileName` is malformed.
pub fn parse_documents_response(
    status: u16,
    body: &[u8],
) -> Result<OverdueDocuments, InsurerError> {
    let list: DocumentListBody = parse_json(status, body)?;
    let documents = match list {
        DocumentListBody::Wrapped { documents } => documents.unwrap_or_default(),
        DocumentListBody::Bare(documents) => documents,
    };
    let documents = documents
        .into_iter()
        .map(|document: DocumentBody| {
            Ok(OverdueDocument {
                file_name: non_blank(document.file_name)
                    .ok_or_else(|| malformed("a document has no fileName".into()))?,
                media_type: non_blank(document.media_type),
                uploaded_on: wire_date(document.upload_date.as_deref(), "uploadDate")?,
            })
        })
        .collect::<Result<Vec<_>, InsurerError>>()?;
    Ok(OverdueDocuments { documents })
}

/// Parses the answer to an upload: any 2xx is a success, whatever its body.
pub fn parse_upload_response(status: u16, body: &[u8]) -> Result<(), InsurerError> {
    if (200..300).contains(&status) {
        return Ok(());
    }
    parse_json::<serde::de::IgnoredAny>(status, body).map(|_| ())
}
