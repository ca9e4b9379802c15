//! Browser tests of the validation JS API: plain objects in and out, never a throw.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use tradecover::validation_api::{
    countries, currencies, detect_identifier_js, format_money_js, parse_money_js,
    validate_field_js, validate_identifier_js,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn ok_value(result: JsValue) -> JsValue {
    assert_eq!(
        get(&result, "ok"),
        JsValue::TRUE,
        "{:?}",
        js_sys::JSON::stringify(&result)
    );
    get(&result, "value")
}

fn first_error(result: JsValue) -> JsValue {
    assert_eq!(get(&result, "ok"), JsValue::FALSE);
    let errors: Array = get(&result, "errors").into();
    assert!(errors.length() > 0);
    errors.get(0)
}

fn s(text: &str) -> JsValue {
    JsValue::from_str(text)
}

#[wasm_bindgen_test]
fn validates_identifiers_to_their_canonical_form() {
    let value = ok_value(validate_identifier_js(
        s("fr.vat"),
        s("fr 27 552 032 534"),
        JsValue::UNDEFINED,
    ));
    assert_eq!(value.as_string().unwrap(), "FR27552032534");
    let value = ok_value(validate_identifier_js(
        s("ch.uid"),
        s("CHE-116.281.710"),
        JsValue::UNDEFINED,
    ));
    assert_eq!(value.as_string().unwrap(), "CHE116281710");
}

#[wasm_bindgen_test]
fn explains_errors_in_the_requested_language() {
    let error = first_error(validate_identifier_js(
        s("fr.siren"),
        s("552032535"),
        s("fr-FR"),
    ));
    assert_eq!(
        get(&error, "code").as_string().unwrap(),
        "identifier.checksum"
    );
    assert_eq!(get(&error, "field").as_string().unwrap(), "identifier");
    let french = get(&error, "message").as_string().unwrap();
    let error = first_error(validate_identifier_js(
        s("fr.siren"),
        s("552032535"),
        s("en"),
    ));
    let english = get(&error, "message").as_string().unwrap();
    assert!(!french.is_empty() && !english.is_empty());
    assert_ne!(french, english, "a French message, not the English one");
}

#[wasm_bindgen_test]
fn never_throws_on_values_of_the_wrong_type() {
    for (kind, value) in [
        (JsValue::UNDEFINED, JsValue::UNDEFINED),
        (JsValue::from(42), s("x")),
        (s("fr.siren"), JsValue::NULL),
        (s("no.such.kind"), s("123")),
    ] {
        let error = first_error(validate_identifier_js(kind, value, JsValue::from(7)));
        assert!(get(&error, "code").as_string().unwrap().contains('.'));
    }
    first_error(validate_field_js(s("amount"), s("12"), JsValue::from(3)));
    first_error(format_money_js(s("not money"), JsValue::UNDEFINED));
    first_error(parse_money_js(
        JsValue::UNDEFINED,
        s("EUR"),
        JsValue::UNDEFINED,
    ));
}

#[wasm_bindgen_test]
fn detects_identifier_kinds() {
    let kinds: Array = ok_value(detect_identifier_js(
        s("FR"),
        s("552 032 534"),
        JsValue::UNDEFINED,
    ))
    .into();
    let kinds: Vec<String> = kinds.iter().filter_map(|kind| kind.as_string()).collect();
    assert!(kinds.contains(&"fr.siren".to_owned()), "{kinds:?}");
    let none: Array = ok_value(detect_identifier_js(
        s("FR"),
        s("hello"),
        JsValue::UNDEFINED,
    ))
    .into();
    assert_eq!(none.length(), 0);
    let error = first_error(detect_identifier_js(
        s("XX"),
        s("552032534"),
        JsValue::UNDEFINED,
    ));
    assert_eq!(get(&error, "code").as_string().unwrap(), "country.unknown");
}

#[wasm_bindgen_test]
fn parses_and_formats_money_by_locale() {
    for (text, locale) in [
        ("1 000,50", "fr-FR"),
        ("1.000,50", "de-DE"),
        ("1,000.50", "en-US"),
    ] {
        let money = ok_value(parse_money_js(s(text), s("EUR"), s(locale)));
        assert_eq!(
            get(&money, "minor").as_f64().unwrap(),
            100_050.0,
            "{text} in {locale}"
        );
        assert_eq!(get(&money, "currency").as_string().unwrap(), "EUR");
        // What is formatted in a locale is what the browser's Intl formats there.
        let formatted = ok_value(format_money_js(money, s(locale)))
            .as_string()
            .unwrap();
        let options = js_sys::Object::new();
        Reflect::set(&options, &"style".into(), &"currency".into()).unwrap();
        Reflect::set(&options, &"currency".into(), &"EUR".into()).unwrap();
        let intl = js_sys::Intl::NumberFormat::new(&Array::of1(&s(locale)), &options);
        let expected: js_sys::Function = intl.format();
        let expected = expected
            .call1(&JsValue::NULL, &JsValue::from(1000.5))
            .unwrap();
        assert_eq!(formatted, expected.as_string().unwrap(), "{locale}");
    }
}

#[wasm_bindgen_test]
fn validates_fields_with_context() {
    let context =
        js_sys::JSON::parse(r#"{"currency":"EUR","locale":"fr-FR","insurer":"atradius"}"#).unwrap();
    let error = first_error(validate_field_js(s("amount"), s("1 500"), context.clone()));
    assert_eq!(
        get(&error, "code").as_string().unwrap(),
        "amount.not_multiple"
    );
    let value = ok_value(validate_field_js(s("amount"), s("2 000"), context));
    assert_eq!(value.as_string().unwrap(), "200000");
    let error = first_error(validate_field_js(
        s("noSuchField"),
        s("x"),
        JsValue::UNDEFINED,
    ));
    assert_eq!(get(&error, "code").as_string().unwrap(), "field.unknown");
}

#[wasm_bindgen_test]
fn lists_countries_and_currencies() {
    let list: Array = ok_value(countries(s("de"))).into();
    assert_eq!(list.length(), 249);
    let germany = list
        .iter()
        .find(|country| get(country, "code").as_string().as_deref() == Some("DE"))
        .unwrap();
    assert_eq!(get(&germany, "alpha3").as_string().unwrap(), "DEU");
    assert_eq!(get(&germany, "name").as_string().unwrap(), "Deutschland");
    let list: Array = ok_value(currencies()).into();
    let yen = list
        .iter()
        .find(|currency| get(currency, "code").as_string().as_deref() == Some("JPY"))
        .unwrap();
    assert_eq!(get(&yen, "minorUnits").as_f64().unwrap(), 0.0);
}
