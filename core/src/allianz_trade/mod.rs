//! Allianz Trade: requests and responses as plain values. Every Allianz Trade wire name lives in
//! this module (see `wire`); where Allianz Trade publishes nothing, the names chosen are marked
//! "chosen" there.
//!
//! The flow: the proxy exchanges its API key for a 60-minute bearer ([`auth`]); company search
//! finds the buyer's company id ([`company_search`]), or the company is created
//! ([`company_create`]); a cover request ([`cover_request`](mod@cover_request)) is answered with a job id, polled
//! ([`job`]) until processed (as is a change: increase, reduce or cancel, [`cover_change`]) — or announced by webhook ([`webhook`], [`notification`]) — and the
//! cover then read as a decision ([`cover`]); the portfolio is listed page by page
//! ([`portfolio`]). Raw status codes map onto the neutral lifecycle in [`status`].

pub mod auth;
pub mod company_create;
pub mod company_search;
pub mod cover;
pub mod cover_change;
pub mod cover_request;
pub mod job;
pub mod notification;
pub mod portfolio;
pub mod request_error;
pub mod status;
pub mod webhook;

mod amount;
mod date;
mod identifier_types;
mod request_decision;
mod response;
mod wire;

pub use auth::{
    auth_headers, parse_token_response, token_request, AllianzCredentials, AllianzToken,
};
pub use company_create::{
    create_company_request, parse_create_company, CompanyCreation, NewCompany,
};
pub use company_search::{
    advanced_search_request, matching_request, parse_company_results, CompanyHit, CompanyResults,
    CompanySearch,
};
pub use cover::{cover_get_request, parse_cover};
pub use cover_change::{cover_change_request, CoverChange, CoverChangeKind};
pub use cover_request::{cover_request, parse_job_id};
pub use job::{job_request, parse_job, Job, JobStatus};
pub use notification::{parse_notification, Notification};
pub use portfolio::{
    cover_requests_search_request, covers_search_request, parse_cover_requests_page,
    parse_covers_page, CoverRequestSearch, CoverSearch, DecisionPage, Pagination,
};
pub use request_error::RequestError;
pub use status::{
    cover_status_report, job_status_report, request_status_report, technical_decision_status_report,
};
pub use webhook::{callback_header, WebhookConfig};

use crate::http_request::Method;
use crate::insurer::Insurer;
use crate::operation::Operation;

/// The Allianz Trade operations a browser may ask the proxy to forward (not the token call,
/// which only the proxy makes, nor webhooks, which the proxy receives).
pub const OPERATIONS: &[Operation] = &[
    Operation {
        insurer: Insurer::AllianzTrade,
        name: "company.advanced_search",
        method: Method::Post,
        path: company_search::ADVANCED_SEARCH_PATH,
    },
    Operation {
        insurer: Insurer::AllianzTrade,
        name: "company.matching",
        method: Method::Post,
        path: company_search::MATCHING_PATH,
    },
    Operation {
        insurer: Insurer::AllianzTrade,
        name: "company.create",
        method: Method::Post,
        path: company_create::COMPANIES_PATH,
    },
    Operation {
        insurer: Insurer::AllianzTrade,
        name: "cover.request",
        method: Method::Post,
        path: cover_request::COVERS_PATH,
    },
    Operation {
        insurer: Insurer::AllianzTrade,
        name: "job.get",
        method: Method::Get,
        path: job::JOB_PATH,
    },
    Operation {
        insurer: Insurer::AllianzTrade,
        name: "cover.get",
        method: Method::Get,
        path: cover::COVER_PATH,
    },
    Operation {
        insurer: Insurer::AllianzTrade,
        name: "cover.search",
        method: Method::Post,
        path: portfolio::COVERS_SEARCH_PATH,
    },
    Operation {
        insurer: Insurer::AllianzTrade,
        name: "cover_request.search",
        method: Method::Post,
        path: portfolio::COVER_REQUESTS_SEARCH_PATH,
    },
];
