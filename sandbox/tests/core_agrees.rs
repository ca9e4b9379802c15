//! The sandbox and the core were written independently; every identifier the sandbox generates
//! must pass the core's validation through the Coface adapter (a check of both).

use tradecover_core::coface::parse_company_list;
use tradecover_sandbox::dataset;

#[test]
fn every_generated_identifier_validates_in_the_core() {
    let data = dataset(tradecover_sandbox::DEFAULT_SEED);
    let mut checked = 0;
    for company in data.companies() {
        let identifiers: Vec<serde_json::Value> = company
            .legal_identifiers()
            .iter()
            .map(|identifier| {
                serde_json::json!({"identifierType": identifier.kind().code(), "identifierValue": identifier.value()})
            })
            .collect();
        let body = serde_json::json!({"companies": [{
            "easyNumber": company.easy_number().unwrap_or("Z1"),
            "companyName": company.name(),
            "address": {"countryCode": company.country().alpha3()},
            "legalIdentifiers": identifiers,
        }], "count": 1});
        let list = parse_company_list(200, body.to_string().as_bytes())
            .expect("the core reads the sandbox's JSON");
        for identifier in &list.buyers[0].identifiers {
            // Swedish organisation numbers have no kind of their own (se.vat is their VAT form).
            let expected_other = identifier.kind == "other.orgnr_swe";
            assert!(
                !identifier.kind.starts_with("other.") || expected_other,
                "{} of {} failed the core's checks: {}",
                identifier.kind,
                company.name(),
                identifier.value
            );
            checked += 1;
        }
    }
    assert!(checked > 100_000, "only {checked} identifiers checked");
}
