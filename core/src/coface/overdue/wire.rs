//! JSON of CofaServe's OVERDUE service.
//!
//! Documented by the seed: the paths, `debtType` (`CI`, `NGD`), the catalog's action codes
//! (`CREA`, `UPDT`, `MOVE`), `overdueId`, `easyNumber`, the multipart part `document`, the
//! statuses `Pending` and `Pending_debtor_validation`, and the list's variables (intervention
//! requested, overdue customer reference, last update date, overdueId, creation date, status,
//! easyNumber). Everything else is chosen here in CofaServe's camelCase style — the names of
//! the declaration's parts follow the seed's steps (contact person, debtor and its contact,
//! non-payment reason, invoices with a unique invoice reference, payments / credit notes, debt
//! type, intervention requested, waiting period reduction), and the unknown debtor uses the
//! names of CofaServe's company answer (`companyName`, `address`, `legalIdentifiers`).

use serde::{Deserialize, Serialize};

use crate::coface::amount::WireAmount;
use crate::coface::notification::decode::WireText;

/// Query parameter of the list: the overdue status (required by CofaServe).
pub(super) const STATUS_QUERY: &str = "status";
/// Query parameter of the list: the overdue customer reference.
pub(super) const CUSTOMER_REFERENCE_QUERY: &str = "customerReference";
/// Query parameter of the list: the debtor's EASY number.
pub(super) const EASY_NUMBER_QUERY: &str = "easyNumber";
/// Name of the multipart part carrying an uploaded document (documented).
pub(super) const DOCUMENT_PART: &str = "document";

// ---- requests ----

/// Body of `POST /companies/{easyNumber}/overdues` and `POST /companies/unknown/overdues`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct DeclarationBody<'a> {
    pub debt_type: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_reference: Option<&'a str>,
    pub contact_person: ContactBody<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub debtor: Option<DebtorBody<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub debtor_contact: Option<ContactBody<'a>>,
    pub non_payment_reason: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_payment_comment: Option<&'a str>,
    pub invoices: Vec<InvoiceBody<'a>>,
    pub payments: Vec<PaymentBody<'a>>,
    pub intervention_requested: bool,
    pub waiting_period_reduction_requested: bool,
}

/// Body of `PUT /companies/{easyNumber}/overdues/{overdueId}`: what is new on the case.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct UpdateBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_reference: Option<&'a str>,
    pub invoices: Vec<InvoiceBody<'a>>,
    pub payments: Vec<PaymentBody<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intervention_requested: Option<bool>,
}

/// Body of `PATCH /companies/{easyNumber}/overdues/{overdueId}` converting the case into a
/// debt collection request.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ConvertBody<'a> {
    pub action_code: &'a str,
    pub debt_type: &'a str,
}

/// A contact person (the seller's, or the debtor's).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ContactBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<&'a str>,
    pub last_name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<&'a str>,
}

/// A debtor without EASY number: every identification detail available.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct DebtorBody<'a> {
    pub company_name: &'a str,
    pub address: AddressBody<'a>,
    pub legal_identifiers: Vec<LegalIdentifierBody>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fax_number: Option<&'a str>,
}

/// A debtor's address.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct AddressBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub street_address: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub town: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<&'a str>,
    pub country_code: &'static str,
}

/// A legal identifier of the debtor (`<TYPE>_<ISO3>`, as in company searches).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct LegalIdentifierBody {
    pub identifier_type: String,
    pub identifier_value: String,
}

/// An unpaid invoice.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct InvoiceBody<'a> {
    pub invoice_reference: &'a str,
    pub invoice_date: &'a str,
    pub due_date: &'a str,
    pub amount: serde_json::Number,
    pub currency_code: &'static str,
}

/// A payment, settlement or credit note already received.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct PaymentBody<'a> {
    pub payment_type: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_reference: Option<&'a str>,
    pub payment_date: &'a str,
    pub amount: serde_json::Number,
    pub currency_code: &'static str,
}

// ---- answers ----

/// Answer of `GET /companies/{easyNumber}/catalog-overdue`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct CatalogBody {
    pub easy_number: Option<WireText>,
    pub products: Option<Vec<CatalogEntryBody>>,
}

/// One debt type the contract allows on the company, and what can be done with it.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct CatalogEntryBody {
    pub debt_type: Option<String>,
    pub action_code: Option<String>,
    pub action_codes: Option<Vec<String>>,
    pub overdue_id: Option<WireText>,
    pub intervention_request_available: Option<bool>,
    pub waiting_period_reduction_available: Option<bool>,
}

/// Answer of a declaration, an update or a conversion (every field optional: the overdueId can
/// take a few hours to be given).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct ReceiptBody {
    pub overdue_id: Option<WireText>,
    pub easy_number: Option<WireText>,
    pub status: Option<String>,
}

/// Answer of the list of overdues.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct OverdueListBody {
    pub overdues: Option<Vec<OverdueBody>>,
    pub count: Option<u64>,
}

/// One overdue case: a line of the list, or (with the details) the answer of
/// `GET /companies/{easyNumber}/overdues/{overdueId}`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct OverdueBody {
    pub overdue_id: Option<WireText>,
    pub easy_number: Option<WireText>,
    pub company_name: Option<String>,
    pub status: Option<String>,
    pub customer_reference: Option<String>,
    pub intervention_requested: Option<bool>,
    pub creation_date: Option<String>,
    pub last_update_date: Option<String>,
    pub debt_type: Option<String>,
    pub non_payment_reason: Option<String>,
    pub invoices: Option<Vec<InvoiceLineBody>>,
    pub payments: Option<Vec<PaymentLineBody>>,
    pub indemnification: Option<IndemnificationBody>,
}

/// An invoice of a case, as CofaServe returns it.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct InvoiceLineBody {
    pub invoice_reference: Option<WireText>,
    pub invoice_date: Option<String>,
    pub due_date: Option<String>,
    pub amount: WireAmount,
    pub currency_code: Option<String>,
}

/// A payment or credit note of a case, as CofaServe returns it.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct PaymentLineBody {
    pub payment_type: Option<String>,
    pub payment_reference: Option<WireText>,
    pub payment_date: Option<String>,
    pub amount: WireAmount,
    pub currency_code: Option<String>,
}

/// The indemnification of a case.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct IndemnificationBody {
    pub amount: WireAmount,
    pub currency_code: Option<String>,
    pub payment_date: Option<String>,
}

/// Answer of `GET …/overdues/{overdueId}/documents`: only the names of the files.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum DocumentListBody {
    /// `{"documents": [...]}`
    Wrapped {
        #[serde(default)]
        documents: Option<Vec<DocumentBody>>,
    },
    /// `[...]`
    Bare(Vec<DocumentBody>),
}

/// A document attached to a case.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct DocumentBody {
    pub file_name: Option<String>,
    pub media_type: Option<String>,
    pub upload_date: Option<String>,
}
