//! Coface answers: any status and body give a value or a typed error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradecover_core::coface::auth::parse_login_response;
use tradecover_core::coface::parse_company_list;

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
});
