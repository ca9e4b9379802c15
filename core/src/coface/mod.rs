//! Coface CofaServe: requests and responses as plain values. Every CofaServe wire name lives in
//! this module (see `wire`).

pub mod auth;
pub mod company_search;
mod identifier_types;
mod response;
mod wire;

pub use auth::{CofaceCredentials, CofaceSession};
pub use company_search::{name_search_request, parse_company_list, CompanyList};

use crate::http_request::Method;
use crate::insurer::Insurer;
use crate::operation::Operation;

/// The CofaServe operations a browser may ask the proxy to forward.
pub const OPERATIONS: &[Operation] = &[Operation {
    insurer: Insurer::Coface,
    name: "company.search_by_name",
    method: Method::Get,
    path: company_search::NAME_SEARCH_PATH,
}];
