//! The validation JS API: `validateIdentifier`, `detectIdentifier`, `validateField`,
//! `parseMoney`, `formatMoney`, `countries`, `currencies`.
//!
//! Every function takes plain JS values, never throws on bad input, and answers a plain object:
//! `{ok: true, value}` or `{ok: false, errors: [{code, field, message, params}]}`. Messages are
//! in the language of the optional `locale` argument (en, fr, de, nl, es, it; default en).

use std::collections::BTreeMap;

use js_sys::{Array, Object};
use serde::{Deserialize, Serialize};
use tradecover_core::currency::Currency;
use tradecover_core::field::{validate_field, Field, FieldContext};
use tradecover_core::identifier::{detect_identifier, parse_kind, validate_identifier};
use tradecover_core::locale::Locale;
use tradecover_core::messages::message;
use tradecover_core::money::{format_money, parse_money, Money};
use tradecover_core::{Country, ValidationError};
use wasm_bindgen::prelude::*;

/// One error as the JS API reports it.
#[derive(Serialize)]
struct JsError<'a> {
    code: &'a str,
    field: &'a str,
    message: String,
    params: &'a BTreeMap<String, String>,
}

/// `{ok, value}` / `{ok, errors}`.
#[derive(Serialize)]
#[serde(untagged)]
enum Outcome<'a, T: Serialize> {
    Ok { ok: bool, value: T },
    Err { ok: bool, errors: Vec<JsError<'a>> },
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

fn respond<T: Serialize>(result: Result<T, Vec<ValidationError>>, locale: &Locale) -> JsValue {
    match result {
        Ok(value) => to_js(&Outcome::Ok { ok: true, value }),
        Err(errors) => {
            let errors = errors
                .iter()
                .map(|error| JsError {
                    code: &error.code,
                    field: &error.field,
                    message: message(locale.language, error),
                    params: &error.params,
                })
                .collect();
            let outcome: Outcome<'_, T> = Outcome::Err { ok: false, errors };
            to_js(&outcome)
        }
    }
}

/// A string argument, or the `input.not_text` error for `field`.
fn text(value: &JsValue, field: &str) -> Result<String, Vec<ValidationError>> {
    value
        .as_string()
        .ok_or_else(|| vec![ValidationError::new("input.not_text", field)])
}

fn locale_of(value: &JsValue) -> Locale {
    value
        .as_string()
        .map(|tag| Locale::parse(&tag))
        .unwrap_or_default()
}

/// `validateIdentifier(kind, value, locale?)` → `{ok, value: "<canonical>"}`.
#[wasm_bindgen(js_name = validateIdentifier)]
pub fn validate_identifier_js(kind: JsValue, value: JsValue, locale: JsValue) -> JsValue {
    let locale = locale_of(&locale);
    let result = text(&kind, "identifier").and_then(|kind| {
        let kind = parse_kind(&kind).map_err(|error| vec![error])?;
        let value = text(&value, "identifier")?;
        validate_identifier(kind, &value)
            .map(|identifier| identifier.value)
            .map_err(|error| vec![error])
    });
    respond(result, &locale)
}

/// `detectIdentifier(country, text, locale?)` → `{ok, value: ["fr.siren", …]}`.
#[wasm_bindgen(js_name = detectIdentifier)]
pub fn detect_identifier_js(country: JsValue, value: JsValue, locale: JsValue) -> JsValue {
    let locale = locale_of(&locale);
    let result = text(&country, "country").and_then(|country| {
        let country = Country::parse(&country).map_err(|error| vec![error])?;
        let value = text(&value, "identifier")?;
        Ok(detect_identifier(country, &value)
            .into_iter()
            .map(|kind| kind.as_str())
            .collect::<Vec<_>>())
    });
    respond(result, &locale)
}

/// `validateField(field, value, context?)` → `{ok, value: "<normalised>"}`; `context` is
/// `{country, currency, locale, insurer, maxAmountMinor}`, all optional.
#[wasm_bindgen(js_name = validateField)]
pub fn validate_field_js(field: JsValue, value: JsValue, context: JsValue) -> JsValue {
    let context: Result<FieldContext, _> = if context.is_undefined() || context.is_null() {
        Ok(FieldContext::default())
    } else {
        serde_wasm_bindgen::from_value(context)
    };
    let locale = context
        .as_ref()
        .map(|context| context.locale)
        .unwrap_or_default();
    let result = match context {
        Err(_) => Err(vec![ValidationError::new("input.context", "context")]),
        Ok(context) => text(&field, "field").and_then(|name| {
            let field = Field::parse(&name)
                .ok_or_else(|| vec![ValidationError::new("field.unknown", name.as_str())])?;
            let value = text(&value, field.as_str())?;
            validate_field(field, &value, &context)
        }),
    };
    respond(result, &locale)
}

/// Money as JS sees it: integer minor units and the ISO 4217 code.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsMoney {
    minor: i64,
    currency: String,
}

/// `parseMoney(text, currency, locale?)` → `{ok, value: {minor, currency}}`.
#[wasm_bindgen(js_name = parseMoney)]
pub fn parse_money_js(value: JsValue, currency: JsValue, locale: JsValue) -> JsValue {
    let locale = locale_of(&locale);
    let result = text(&currency, "currency").and_then(|currency| {
        let currency = Currency::parse(&currency).map_err(|error| vec![error])?;
        let value = text(&value, "amount")?;
        parse_money(&value, currency, &locale)
            .map(|money| JsMoney {
                minor: money.minor,
                currency: money.currency.code().to_owned(),
            })
            .map_err(|error| vec![error])
    });
    respond(result, &locale)
}

/// `formatMoney({minor, currency}, locale?)` → `{ok, value: "1 000,50 €"}`.
#[wasm_bindgen(js_name = formatMoney)]
pub fn format_money_js(money: JsValue, locale: JsValue) -> JsValue {
    let locale = locale_of(&locale);
    let result = serde_wasm_bindgen::from_value::<JsMoney>(money)
        .map_err(|_| vec![ValidationError::new("input.money", "amount")])
        .and_then(|money| {
            let currency = Currency::parse(&money.currency).map_err(|error| vec![error])?;
            Ok(format_money(
                &Money::from_minor(money.minor, currency),
                &locale,
            ))
        });
    respond(result, &locale)
}

/// A country as `countries()` lists it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsCountry {
    code: &'static str,
    alpha3: &'static str,
    name: String,
}

/// `countries(locale?)` → `{ok, value: [{code, alpha3, name}]}` with names in the locale's
/// language (the browser's `Intl.DisplayNames`), sorted by name in that language.
#[wasm_bindgen]
pub fn countries(locale: JsValue) -> JsValue {
    let locale = locale_of(&locale);
    let tag = Array::of1(&JsValue::from_str(&locale.tag()));
    let options = Object::new();
    let _ = js_sys::Reflect::set(&options, &"type".into(), &"region".into());
    let names = js_sys::Intl::DisplayNames::new(&tag, &options);
    let collator = js_sys::Intl::Collator::new(&tag, &Object::new());
    let mut list: Vec<JsCountry> = Country::all()
        .map(|country| JsCountry {
            code: country.alpha2(),
            alpha3: country.alpha3(),
            name: names
                .of(country.alpha2())
                .and_then(|name| name.as_string())
                .unwrap_or_else(|| country.alpha2().to_owned()),
        })
        .collect();
    let compare = collator.compare();
    let order = |a: &JsCountry, b: &JsCountry| {
        compare
            .call2(
                &JsValue::NULL,
                &JsValue::from_str(&a.name),
                &JsValue::from_str(&b.name),
            )
            .ok()
            .and_then(|order| order.as_f64())
            .map_or(std::cmp::Ordering::Equal, |order| order.total_cmp(&0.0))
    };
    list.sort_by(order);
    respond::<Vec<JsCountry>>(Ok(list), &locale)
}

/// A currency as `currencies()` lists it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsCurrency {
    code: &'static str,
    minor_units: u32,
}

/// `currencies()` → `{ok, value: [{code, minorUnits}]}`, every active ISO 4217 currency.
#[wasm_bindgen]
pub fn currencies() -> JsValue {
    let list: Vec<JsCurrency> = Currency::all()
        .map(|currency| JsCurrency {
            code: currency.code(),
            minor_units: currency.minor_units(),
        })
        .collect();
    respond::<Vec<JsCurrency>>(Ok(list), &Locale::default())
}
