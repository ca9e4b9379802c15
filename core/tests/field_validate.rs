//! `validate_field` as the widgets call it: a field name and a JSON context from JavaScript.

use tradecover_core::field::{validate_field, Field, FieldContext};

fn context(json: &str) -> FieldContext {
    serde_json::from_str(json).unwrap()
}

fn check(field: &str, value: &str, json: &str) -> Result<String, Vec<String>> {
    let field = Field::parse(field).unwrap();
    validate_field(field, value, &context(json))
        .map_err(|errors| errors.into_iter().map(|error| error.code).collect())
}

#[test]
fn valid_values_come_back_normalised() {
    assert_eq!(
        check("companyName", "  ACME   SARL ", "{}"),
        Ok("ACME SARL".into())
    );
    assert_eq!(check("town", " Den  Haag ", "{}"), Ok("Den Haag".into()));
    assert_eq!(
        check("postcode", "2511cv", r#"{"country":"NL"}"#),
        Ok("2511 CV".into())
    );
    assert_eq!(
        check("postcode", "ec1a1bb", r#"{"country":"GBR"}"#),
        Ok("EC1A 1BB".into())
    );
    assert_eq!(
        check("region", "ontario", r#"{"country":"CA"}"#),
        Ok("ON".into())
    );
    assert_eq!(
        check(
            "amount",
            "1 000,50 €",
            r#"{"currency":"EUR","locale":"fr-FR"}"#
        ),
        Ok("100050".into())
    );
    assert_eq!(
        check(
            "amount",
            "50.000",
            r#"{"currency":"EUR","locale":"de","insurer":"atradius"}"#
        ),
        Ok("5000000".into())
    );
    assert_eq!(
        check("customerReference", " ", r#"{"insurer":"coface"}"#),
        Ok(String::new())
    );
    assert_eq!(
        check("comment", "Urgent.\r\nThanks", "{}"),
        Ok("Urgent.\nThanks".into())
    );
    assert_eq!(
        check("callbackUrl", "https://client.example.com/webhook", "{}"),
        Ok("https://client.example.com/webhook".into())
    );
    assert_eq!(check("timeToLiveHours", "24", "{}"), Ok("24".into()));
}

#[test]
fn invalid_values_report_every_code() {
    assert_eq!(
        check("companyName", "-", "{}"),
        Err(vec!["name.no_letters".into(), "name.too_short".into()])
    );
    assert_eq!(
        check("postcode", "1234", r#"{"country":"NL"}"#),
        Err(vec!["postcode.format".into()])
    );
    assert_eq!(
        check("region", "", r#"{"country":"US"}"#),
        Err(vec!["region.required".into()])
    );
    assert_eq!(
        check("region", "Texass", r#"{"country":"US"}"#),
        Err(vec!["region.unknown".into()])
    );
    assert_eq!(
        check(
            "amount",
            "-1.500",
            r#"{"currency":"EUR","locale":"de","insurer":"atradius","maxAmountMinor":100}"#
        ),
        Err(vec![
            "amount.not_positive".into(),
            "amount.not_multiple".into()
        ])
    );
    assert_eq!(
        check(
            "amount",
            "2,00",
            r#"{"currency":"EUR","locale":"de","maxAmountMinor":100}"#
        ),
        Err(vec!["amount.too_large".into()])
    );
    assert_eq!(
        check("amount", "10", "{}"),
        Err(vec!["currency.required".into()])
    );
    assert_eq!(
        check(
            "customerReference",
            &"R".repeat(21),
            r#"{"insurer":"allianz-trade"}"#
        ),
        Err(vec!["customer_reference.too_long".into()])
    );
    assert_eq!(
        check("comment", &"c".repeat(1001), "{}"),
        Err(vec!["comment.too_long".into()])
    );
    assert_eq!(
        check("callbackUrl", "http://x.example", "{}"),
        Err(vec!["callback_url.not_https".into()])
    );
    assert_eq!(
        check("timeToLiveHours", "8761", "{}"),
        Err(vec!["time_to_live.range".into()])
    );
}

#[test]
fn the_max_param_is_formatted_for_the_user() {
    let context = context(r#"{"currency":"CHF","locale":"de-CH","maxAmountMinor":5000000}"#);
    let errors = validate_field(Field::Amount, "50'000.05", &context).unwrap_err();
    assert_eq!(errors[0].code, "amount.too_large");
    assert_eq!(errors[0].params["max"], "CHF\u{a0}50'000.00");
}
