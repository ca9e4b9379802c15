//! Atradius answers: any status and body give a value or a typed error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use tradecover_core::atradius::{
    parse_application_response, parse_batch_response, parse_buyer_detail, parse_buyer_list,
    parse_conversion_response, parse_cover_list, parse_token_response,
};
use tradecover_core::cover_application::{CoverApplication, CoverApplicationDraft};
use tradecover_core::http_response::HttpResponse;
use tradecover_core::locale::Locale;
use tradecover_core::Country;

/// A valid application, as the batch and application parsers need the one that was sent.
fn application() -> Option<&'static CoverApplication> {
    static APPLICATION: OnceLock<Option<CoverApplication>> = OnceLock::new();
    APPLICATION
        .get_or_init(|| {
            CoverApplicationDraft {
                insurer: "atradius".into(),
                buyer_id: "11223344".into(),
                cover_type: "creditLimit".into(),
                amount: "50000".into(),
                currency: "EUR".into(),
                idempotency_key: "fuzz-key-0001".into(),
                ..CoverApplicationDraft::default()
            }
            .validate(&Locale::default())
            .ok()
        })
        .as_ref()
}

fuzz_target!(|data: &[u8]| {
    let [high, low, rest @ ..] = data else {
        return;
    };
    let status = 100 + u16::from_be_bytes([*high, *low]) % 500;
    let response = HttpResponse::new(status, rest.to_vec());
    let _ = parse_token_response(&response, u64::from(*low) << 20);
    let _ = parse_buyer_list(&response, Country::parse("FR").ok());
    let _ = parse_buyer_list(&response, None);
    let _ = parse_buyer_detail(&response);
    let _ = parse_cover_list(&response);
    let _ = parse_conversion_response(&response);
    if let Some(application) = application() {
        let _ = parse_application_response(&response, application);
        let _ = parse_batch_response(&response, std::slice::from_ref(application));
    }
});
