//! Coface answers and push messages: any status and body give a value or a typed error, never
//! a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradecover_core::coface::auth::parse_login_response;
use tradecover_core::coface::notification::{parse_sns_envelope, read_push};
use tradecover_core::coface::{
    overdue, parse_catalog, parse_company_list, parse_customer_references, parse_delete_response,
    parse_delivery_details, parse_order_details, parse_order_response, parse_portfolio,
    parse_set_customer_reference,
};

fuzz_target!(|data: &[u8]| {
    let [high, low, rest @ ..] = data else {
        return;
    };
    let status = 100 + u16::from_be_bytes([*high, *low]) % 500;
    if let Ok(list) = parse_company_list(status, rest) {
        assert!(list.total >= list.buyers.len() as u64);
        for buyer in &list.buyers {
            assert!(!buyer.insurer_id.is_empty());
        }
    }
    if let Ok(session) = parse_login_response(status, rest, u64::from(*high) << 24) {
        let _ = session.is_usable_at(u64::MAX);
    }
    let _ = parse_portfolio(status, rest);
    let _ = parse_catalog(status, rest);
    let _ = parse_customer_references(status, rest);
    let _ = parse_set_customer_reference(status, rest);
    let _ = parse_order_response(status, rest);
    let _ = parse_order_details(status, rest);
    let _ = parse_delivery_details(status, rest);
    let _ = parse_delete_response(status, rest);
    let _ = overdue::parse_catalog_response(status, rest);
    let _ = overdue::parse_receipt_response(status, rest);
    let _ = overdue::parse_list_response(status, rest);
    let _ = overdue::parse_details_response(status, rest);
    let _ = overdue::parse_documents_response(status, rest);
    if let Ok(envelope) = parse_sns_envelope(rest) {
        let _ = read_push(&envelope);
    }
});
