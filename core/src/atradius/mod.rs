//! Atradius Cover API: requests and answers as plain values. Every Atradius wire name lives in
//! this module (see `wire`, which also says which names are documented, seen in clients, or
//! chosen here because nothing public shows them).
//!
//! - [`auth`]: the token and the per-call headers, for the proxy.
//! - [`buyers`]: buyer search by national identifier, buyer detail, the policy's buyers.
//! - [`covers`]: portfolio, decisions, pending applications, history → [`Decision`]s.
//! - [`application`], [`batch`]: new applications (201 decided, 202 referred), one or many.
//! - [`modify`]: supersede, reduce, cancel, update the reference, convert an indication.
//! - [`status`]: `coverStatus`, `decisionCode`, `historicCode`, `pendingProcessIndicator` →
//!   neutral statuses.
//!
//! Every call but the token is scoped by an [`AtradiusPolicy`] (customer and policy ids) where
//! the API wants it; the proxy adds the [`auth::auth_headers`].
//!
//! [`Decision`]: crate::decision::Decision

mod amount;
pub mod application;
pub mod auth;
pub mod batch;
pub mod buyers;
pub mod covers;
mod date;
mod each_item;
pub mod modify;
pub mod modify_batch;
mod policy;
mod request_error;
mod response;
pub mod status;
mod uid_type;
mod wire;

pub use application::{application_request, parse_application_response};
pub use auth::{
    auth_headers, correlation_id, parse_token_response, token_request, AtradiusCredentials,
    AtradiusToken,
};
pub use batch::{batch_request, parse_batch_response, BatchRequestError};
pub use buyers::{
    buyer_detail_request, buyer_search_request, my_buyers_request, parse_buyer_detail,
    parse_buyer_list, HealthChange, MyBuyersFilter, BUYER_ID_KIND,
};
pub use covers::{
    applications_request, cover_type_of, covers_request, decisions_request, historic_request,
    parse_cover_list, CoverFilter,
};
pub use date::DateFilter;
pub use modify::{
    convert_indication_request, modification_request, parse_conversion_response,
    parse_modification_response, ActionOutcome, CoverAction, CoverModification,
};
pub use modify_batch::{modification_batch_request, parse_modification_batch_response};
pub use policy::AtradiusPolicy;
pub use request_error::{AtradiusRequestError, CODES};
pub use status::{
    cover_report, cover_status_report, decision_code_report, historic_code_report,
    pending_indicator_report, CoverCodes, CoverStatus, DecisionCode, HistoricCode,
    PendingProcessIndicator,
};
pub use uid_type::{uid_type_for, UidType};

use crate::http_request::Method;
use crate::insurer::Insurer;
use crate::operation::Operation;

const fn operation(name: &'static str, method: Method, path: &'static str) -> Operation {
    Operation {
        insurer: Insurer::Atradius,
        name,
        method,
        path,
    }
}

/// The Atradius operations a browser may ask the proxy to forward (not the token, which the
/// proxy requests itself). `my-buyers` comes before the `{buyerId}` pattern it would also match.
pub const OPERATIONS: &[Operation] = &[
    operation("buyer.search_by_identifier", Method::Get, wire::BUYERS_PATH),
    operation("buyer.my_buyers", Method::Get, wire::MY_BUYERS_PATH),
    operation("buyer.get", Method::Get, wire::BUYER_PATH),
    operation("cover.list", Method::Get, wire::COVERS_PATH),
    operation("cover.decisions", Method::Get, wire::DECISIONS_PATH),
    operation("cover.applications", Method::Get, wire::APPLICATIONS_PATH),
    operation("cover.historic", Method::Get, wire::HISTORIC_PATH),
    operation("cover.apply", Method::Post, wire::COVERS_PATH),
    operation("cover.apply_batch", Method::Post, wire::BATCH_PATH),
    operation("cover.modify", Method::Put, wire::COVERS_PATH),
    operation(
        "cover.convert_indication",
        modify::CONVERT_METHOD,
        wire::COVER_TYPE_PATH,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn find(method: Method, path: &str) -> Option<&'static str> {
        OPERATIONS
            .iter()
            .find(|operation| operation.matches(method, path))
            .map(|operation| operation.name)
    }

    #[test]
    fn allowlist_matches_what_the_builders_build() {
        assert_eq!(
            find(
                Method::Get,
                "/credit-insurance/organisation-management/v1/buyers/my-buyers"
            ),
            Some("buyer.my_buyers")
        );
        assert_eq!(
            find(
                Method::Get,
                "/credit-insurance/organisation-management/v1/buyers/11223344"
            ),
            Some("buyer.get")
        );
        assert_eq!(
            find(
                Method::Put,
                "/credit-insurance/cover-management/v1/covers/77/cover-type"
            ),
            Some("cover.convert_indication")
        );
        assert_eq!(find(Method::Post, "/authenticate/v2/tokens"), None);
        assert_eq!(
            find(
                Method::Delete,
                "/credit-insurance/cover-management/v1/covers"
            ),
            None
        );
        let mut names: Vec<&str> = OPERATIONS.iter().map(|operation| operation.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), OPERATIONS.len());
        assert!(OPERATIONS
            .iter()
            .all(|operation| operation.insurer == Insurer::Atradius));
    }
}
