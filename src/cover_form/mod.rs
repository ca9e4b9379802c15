//! The cover request form: applies for cover on one buyer at one insurer, through the
//! customer's proxy, and shows the insurer's answer at once.
//!
//! The core builds and checks everything: the draft ([`CoverApplicationDraft`]) is validated by
//! the core's rules, the request is the insurer's own builder's, the answer is read by its parser
//! and mapped onto the neutral lifecycle. This module adds the browser around it: fields per
//! insurer ([`FieldSet`]), drafts kept in `sessionStorage` ([`draft_store`]), the idempotency key
//! ([`idempotency_key`]), sending ([`submission`]), following an Allianz Trade job
//! ([`job_polling`]) and the outcome shown ([`OutcomeKind`]).
//!
//! Requests (relative to `{proxy}/{insurer}`):
//! - Coface: `POST /companies/{easyNumber}/products` (known buyer) or
//!   `POST /companies/unknown/products`, product `CREDITLIMIT`, action `CREA`.
//! - Atradius: `POST /credit-insurance/cover-management/v1/covers`.
//! - Allianz Trade: `POST /company-referential/v1/companies` (unknown buyer, once), then
//!   `POST /riskinfo/v3/covers`, then `GET /riskinfo/v3/jobs/{jobId}` until processed and
//!   `GET /riskinfo/v3/covers/{coverId}`.
//!
//! Every application carries the draft's `idempotency-key` header.
//!
//! [`CoverApplicationDraft`]: tradecover_core::cover_application::CoverApplicationDraft

mod component;
mod country_names;
pub mod draft_store;
mod field_set;
mod form_field;
pub mod idempotency_key;
pub mod job_polling;
mod outcome;
pub mod submission;
mod submitted;
mod text;

pub(crate) use component::STYLE_NAME;
pub use component::{CoverRequestForm, STYLES};
pub use field_set::FieldSet;
pub use job_polling::FORM_POLLING;
pub use outcome::OutcomeKind;
pub use submitted::Submitted;
