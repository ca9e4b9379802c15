//! Validating a whole cover application as the form does on submit: an unknown buyer with its
//! address and four identifiers, amount, policy, webhook… 30 fields in all.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use tradecover_core::cover_application::{CoverApplicationDraft, IdentifierDraft};
use tradecover_core::locale::Locale;

/// 30 fields: 22 scalar fields and 4 identifiers of 2 fields each.
fn draft() -> CoverApplicationDraft {
    let identifier = |kind: &str, value: &str| IdentifierDraft {
        kind: kind.to_owned(),
        value: value.to_owned(),
    };
    CoverApplicationDraft {
        insurer: "allianz-trade".to_owned(),
        buyer_id: String::new(),
        buyer_name: "  Société  Générale   de Distribution SA ".to_owned(),
        buyer_street: "12 rue de la Paix".to_owned(),
        buyer_postcode: "75 002".to_owned(),
        buyer_town: "Paris".to_owned(),
        buyer_region: String::new(),
        buyer_country: "fr".to_owned(),
        buyer_phone: "+33 1 23 45 67 89".to_owned(),
        identifiers: vec![
            identifier("fr.siren", "552 032 534"),
            identifier("fr.siret", "552 032 534 00018"),
            identifier("fr.vat", "fr 27 552032534"),
            identifier("lei", "5493001kjtiigc8y1r12"),
        ],
        cover_type: "creditLimit".to_owned(),
        amount: "1 250 000,00".to_owned(),
        currency: "EUR".to_owned(),
        customer_reference: "ACME-2026-0042".to_owned(),
        urgent: true,
        policy_business_unit: "FRA".to_owned(),
        policy_id: "5012345".to_owned(),
        policy_extension: "DCL".to_owned(),
        comment: "New distributor for the south-west region; first order expected in March."
            .to_owned(),
        callback_url: "https://portal.example.com/hooks/allianz".to_owned(),
        callback_ttl_hours: "48".to_owned(),
        idempotency_key: "0f8c2a6e-3b1d-4c9e-9a57-1d2e3f4a5b6c".to_owned(),
    }
}

fn validate_application(c: &mut Criterion) {
    let draft = draft();
    let locale = Locale::parse("fr-FR");
    // The draft must be valid, or the figure would measure the error path.
    if let Err(errors) = draft.validate(&locale) {
        panic!("the benchmark draft is invalid: {errors:?}");
    }
    c.bench_function("validate 30-field cover application", |b| {
        b.iter(|| black_box(&draft).validate(black_box(&locale)))
    });
}

criterion_group!(benches, validate_application);
criterion_main!(benches);
