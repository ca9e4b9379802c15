//! Published identifiers of real companies (and hand-computed wrong ones) through the public
//! API. The hand computations are in the unit tests of each country file.

use tradecover_core::identifier::{
    detect_identifier, is_temporary_easy, parse_kind, search_variants, validate_identifier,
    IdentifierKind, CODES,
};
use tradecover_core::{Country, Identifier};

use IdentifierKind as K;

fn ok(kind: IdentifierKind, typed: &str, canonical: &str) {
    assert_eq!(
        validate_identifier(kind, typed),
        Ok(Identifier {
            kind: kind.as_str().to_owned(),
            value: canonical.to_owned()
        }),
        "{kind} {typed:?}"
    );
}

fn refused(kind: IdentifierKind, typed: &str, code: &str) {
    let error = validate_identifier(kind, typed).expect_err(typed);
    assert_eq!(error.code, code, "{kind} {typed:?}: {error}");
    assert_eq!(error.field, "identifier");
    assert_eq!(error.params["kind"], kind.as_str());
    assert!(CODES.contains(&code));
}

#[test]
fn real_companies_as_pasted() {
    ok(K::FrSiren, "552 032 534", "552032534"); // Danone
    ok(K::FrSiren, "732 829 320", "732829320");
    ok(K::FrSiret, "732 829 320 00074", "73282932000074");
    ok(K::FrVat, "FR 27 552 032 534", "FR27552032534");
    ok(K::FrVat, "fr40303265045", "FR40303265045");
    ok(K::DeVat, "de136695976", "DE136695976");
    ok(K::DeVat, "DE 136 695 976", "DE136695976");
    ok(K::BeKbo, "403.170.701", "0403170701");
    ok(K::BeVat, "BE 0403.170.701", "BE0403170701");
    ok(K::ChUid, "CHE-116.281.710", "CHE116281710");
    ok(K::ChUid, "CHE-116.281.710 MWST", "CHE116281710");
    ok(K::ItPiva, "00743110157", "00743110157");
    ok(K::ItVat, "IT 00743110157", "IT00743110157");
    ok(K::Lei, "5493001KJTIIGC8Y1R12", "5493001KJTIIGC8Y1R12"); // Bloomberg
    ok(K::Lei, "7LTWFZYICNSX8D621K86", "7LTWFZYICNSX8D621K86"); // Deutsche Bank
    ok(K::EsCif, "A-58818501", "A58818501");
    ok(K::EsVat, "ES A58818501", "ESA58818501");
    ok(K::GbVat, "GB 980 7806 84", "GB980780684");
    ok(K::GbVat, "XI 980 7806 84", "XI980780684");
    ok(K::NlVat, "NL004495445B01", "NL004495445B01");
    ok(K::NlVat, "NL 0044.95.445.B.01", "NL004495445B01");
    ok(K::IeVat, "IE 6388047V", "IE6388047V");
    ok(K::AtVat, "ATU 13585627", "ATU13585627");
    ok(K::PlVat, "PL 526-025-02-74", "PL5260250274");
    ok(K::SeVat, "SE 5561888404 01", "SE556188840401");
    ok(K::DkVat, "DK 13 58 56 28", "DK13585628");
    ok(K::FiVat, "FI 2077 4740", "FI20774740");
    ok(K::CzVat, "CZ25123891", "CZ25123891");
    ok(K::GrVat, "EL 094259216", "EL094259216");
    ok(K::UsEin, "12-3456789", "123456789");
    ok(K::NoVat, "NO 123 456 785 MVA", "NO123456785MVA");
    ok(K::DeHr, "Amtsgericht Köln HRB 12345", "HRB12345@KOELN");
    ok(
        K::DeHr,
        "HRB 12345 B Berlin (Charlottenburg)",
        "HRB12345B@BERLIN-CHARLOTTENBURG",
    );
    ok(K::GbCrn, "12345", "00012345");
    ok(K::CofaceEasy, "z 12 345", "Z12345");
}

#[test]
fn wrong_ones_are_refused_with_the_right_code() {
    refused(K::FrSiren, "", "identifier.required");
    refused(K::FrSiren, " \u{a0}\t ", "identifier.required");
    refused(K::FrSiren, "552032535", "identifier.checksum");
    refused(K::FrSiren, "55203253", "identifier.length");
    refused(K::FrSiren, "552 032 534 €", "identifier.invalid_characters");
    refused(K::FrVat, "DE27552032534", "identifier.country_prefix");
    refused(K::FrVat, "FR28552032534", "identifier.checksum");
    refused(K::DeVat, "DE136695977", "identifier.checksum");
    refused(K::BeKbo, "2403170701", "identifier.format");
    refused(K::ItPiva, "00743110007", "identifier.office_code");
    refused(
        K::DeHr,
        "Amtsgericht Köln 12345",
        "identifier.register_type",
    );
    refused(K::DeHr, "HRB 12345", "identifier.court");
    refused(K::ChUid, "CHE116281711", "identifier.checksum");
    refused(K::Lei, "5493001KJTIIGC8Y1R13", "identifier.checksum");
    refused(K::GbVat, "GB980780685", "identifier.checksum");
    refused(K::EsCif, "A58818502", "identifier.checksum");
    refused(K::EsNif, "12345678A", "identifier.checksum");
    refused(K::NlVat, "NL004495446B01", "identifier.checksum");
    refused(K::IeVat, "IE6388047W", "identifier.checksum");
    refused(K::AtVat, "ATU13585626", "identifier.checksum");
    refused(K::PlVat, "PL5260250275", "identifier.checksum");
    refused(K::SeVat, "SE556188840402", "identifier.format");
    refused(K::UsEin, "07-1234567", "identifier.format");
    refused(K::Duns, "1234567890", "identifier.length");

    let error = validate_identifier(K::FrVat, "DE27552032534").unwrap_err();
    assert_eq!(error.params["expected"], "FR");
    let error = validate_identifier(K::GrVat, "DE094259216").unwrap_err();
    assert_eq!(error.params["expected"], "EL");
    let error = validate_identifier(K::EsCif, "I58818501").unwrap_err();
    assert_eq!(error.params["example"], "A58818501");
    let error = validate_identifier(K::AllianzCompanyId, "12345").unwrap_err();
    assert_eq!(
        (error.params["min"].as_str(), error.params["max"].as_str()),
        ("6", "10")
    );
}

#[test]
fn kinds_by_name() {
    assert_eq!(parse_kind("allianz.company_id"), Ok(K::AllianzCompanyId));
    assert_eq!(parse_kind("coface.easy"), Ok(K::CofaceEasy));
    let error = parse_kind("fr.sirenn").unwrap_err();
    assert_eq!(error.code, "identifier.unknown_kind");
    assert_eq!(error.params["kind"], "fr.sirenn");
    assert_eq!(IdentifierKind::ALL.len(), 44);
    let vat = IdentifierKind::ALL.iter().filter(|k| k.is_vat()).count();
    // 27 EU member states + GB + NO.
    assert_eq!(vat, 29);
}

#[test]
fn detection_and_variants() {
    let fr = Country::from_alpha2("FR").unwrap();
    assert_eq!(detect_identifier(fr, "732 829 320 00074"), vec![K::FrSiret]);
    assert_eq!(
        search_variants(K::FrSiren, "552 032 534"),
        ["552032534", "552 032 534"]
    );
    assert!(is_temporary_easy("Z0001234"));
    assert!(!is_temporary_easy("Z00A1234"));
}
