//! Allianz Trade answers: any status and body give a value or a typed error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradecover_core::allianz_trade::{
    parse_company_results, parse_cover, parse_cover_requests_page, parse_covers_page,
    parse_create_company, parse_job, parse_job_id, parse_notification, parse_token_response,
    Pagination,
};
use tradecover_core::http_response::HttpResponse;

fuzz_target!(|data: &[u8]| {
    let [high, low, rest @ ..] = data else {
        return;
    };
    let status = 100 + u16::from_be_bytes([*high, *low]) % 500;
    let _ = parse_token_response(status, rest, u64::from(*high) << 24);
    let _ = parse_company_results(status, rest);
    let _ = parse_create_company(status, rest);
    let _ = parse_job_id(status, rest);
    let _ = parse_job(status, rest);
    let _ = parse_notification(rest);
    let _ = parse_cover(status, rest);
    let response = HttpResponse::new(status, rest.to_vec()).with_header("Total-Items", "12");
    let pagination = Pagination { page: u32::from(*low) + 1, page_size: u32::from(*high) + 1 };
    let _ = parse_covers_page(&response, &pagination);
    let _ = parse_cover_requests_page(&response, &pagination);
});
