//! Parsing a 100,000-decision portfolio answer per insurer into neutral `Decision`s, against
//! `serde_json::from_slice::<serde_json::Value>` of the same bytes (target: ≤ 1.5×).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use serde_json::{json, Value};
use std::hint::black_box;
use tradecover_core::http_response::HttpResponse;

const DECISIONS: usize = 100_000;

/// Allianz Trade `covers/search`: one cover per decision.
fn allianz_trade() -> Vec<u8> {
    let covers: Vec<Value> = (0..DECISIONS)
        .map(|i| {
            json!({
                "coverId": format!("COV-{i:09}"),
                "companyId": format!("{}", 10_000_000 + i),
                "companyName": format!("Company {i} SAS"),
                "coverTypeCode": "CreditLimit",
                "coverStatusCode": if i % 7 == 0 { "Refusal" } else { "Agreement" },
                "creditLimitDetails": {"requestedAmount": 50_000 + i % 1000 * 1000, "currencyCode": "EUR"},
                "creationDate": "2024-03-01T09:12:44Z",
                "creditLimitsAggregation": {"creditLimits": [
                    {"technicalDecisionStatusCode": "AlreadyAgreed", "amount": 50_000, "currencyCode": "EUR", "startDate": "2024-03-02"}
                ]}
            })
        })
        .collect();
    serde_json::to_vec(&json!({"covers": covers, "totalItems": DECISIONS})).unwrap_or_default()
}

/// Atradius `covers`: one cover per decision, in the `data` envelope.
fn atradius() -> Vec<u8> {
    let covers: Vec<Value> = (0..DECISIONS)
        .map(|i| {
            json!({
                "coverId": 900_000 + i,
                "buyerId": 11_000_000 + i,
                "buyerName": format!("Company {i} SA"),
                "coverType": "credit-limit",
                "coverStatus": "DECISION",
                "decisionCode": if i % 7 == 0 { "DC03" } else { "DC01" },
                "policyCurrencyCode": "EUR",
                "creditLimitApplicationAmountInPolicyCurrency": 50_000,
                "totalDecision": {"decisionAmtInPolicyCurrency": 50_000},
                "applicationDate": "2026-08-20T09:15:00Z",
                "decisionDate": "2026-08-21"
            })
        })
        .collect();
    serde_json::to_vec(&json!({"data": covers})).unwrap_or_default()
}

/// Coface `companies/products`: one company with one product per decision.
fn coface() -> Vec<u8> {
    let companies: Vec<Value> = (0..DECISIONS)
        .map(|i| {
            json!({
                "easyNumber": format!("{:019}", 1_234_567_000_000_000u64 + i as u64),
                "companyName": format!("Company {i} SARL"),
                "products": [{
                    "productCode": "CREDITLIMIT",
                    "orderId": format!("ORD-{i}"),
                    "deliveryId": format!("DLV-{i}"),
                    "orderStatus": "STATUS_CLOSED",
                    "deliveryStatus": if i % 7 == 0 { "DECIDED_REFUSED" } else { "DECIDED_FULL" },
                    "requestedAmount": 100_000,
                    "grantedAmount": 75_000,
                    "currencyCode": "EUR",
                    "decisionDate": "2024-03-04"
                }]
            })
        })
        .collect();
    serde_json::to_vec(&json!({"companies": companies, "count": DECISIONS})).unwrap_or_default()
}

fn parse_portfolios(c: &mut Criterion) {
    let mut group = c.benchmark_group("portfolio of 100,000 decisions");
    group.sample_size(10);
    let cases: [(&str, Vec<u8>); 3] = [
        ("allianz_trade", allianz_trade()),
        ("atradius", atradius()),
        ("coface", coface()),
    ];
    for (insurer, body) in &cases {
        group.throughput(Throughput::Bytes(body.len() as u64));
        let response = HttpResponse::new(200, body.clone());
        let count = match *insurer {
            "allianz_trade" => tradecover_core::allianz_trade::parse_covers_page(
                &response,
                &tradecover_core::allianz_trade::Pagination::default(),
            )
            .map(|page| page.decisions.len()),
            "atradius" => {
                tradecover_core::atradius::parse_cover_list(&response).map(|list| list.len())
            }
            _ => tradecover_core::coface::parse_portfolio(200, body).map(|p| p.decisions.len()),
        };
        assert_eq!(
            count,
            Ok(DECISIONS),
            "{insurer}: the synthetic answer must parse whole"
        );
        group.bench_with_input(
            BenchmarkId::new("serde_json::Value", insurer),
            body,
            |b, body| b.iter(|| serde_json::from_slice::<Value>(black_box(body))),
        );
        group.bench_with_input(
            BenchmarkId::new("tradecover", insurer),
            &response,
            |b, response| {
                b.iter(|| match *insurer {
                    "allianz_trade" => tradecover_core::allianz_trade::parse_covers_page(
                        black_box(response),
                        &tradecover_core::allianz_trade::Pagination::default(),
                    )
                    .map(|page| page.decisions.len()),
                    "atradius" => tradecover_core::atradius::parse_cover_list(black_box(response))
                        .map(|list| list.len()),
                    _ => tradecover_core::coface::parse_portfolio(200, black_box(&response.body))
                        .map(|p| p.decisions.len()),
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, parse_portfolios);
criterion_main!(benches);
