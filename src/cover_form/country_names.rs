//! The countries of the buyer's country choice, named in the form's language by the browser
//! (`Intl.DisplayNames`) and sorted by that name (`Intl.Collator`).

use js_sys::{Array, Object, Reflect};
use tradecover_core::locale::Locale;
use tradecover_core::Country;
use wasm_bindgen::JsValue;

/// `(alpha-2 code, name)` of every country, sorted by name in `locale`'s language; a country
/// the browser cannot name keeps its code as its name.
pub(crate) fn country_options(locale: &Locale) -> Vec<(String, String)> {
    let tag = Array::of1(&JsValue::from_str(&locale.tag()));
    let options = Object::new();
    let _ = Reflect::set(&options, &"type".into(), &"region".into());
    let names = js_sys::Intl::DisplayNames::new(&tag, &options);
    let mut countries: Vec<(String, String)> = Country::all()
        .map(|country| {
            let code = country.alpha2();
            let name = names
                .of(code)
                .and_then(|name| name.as_string())
                .unwrap_or_else(|| code.to_owned());
            (code.to_owned(), name)
        })
        .collect();
    let compare = js_sys::Intl::Collator::new(&tag, &Object::new()).compare();
    countries.sort_by(|(_, a), (_, b)| {
        compare
            .call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b))
            .ok()
            .and_then(|order| order.as_f64())
            .map_or(std::cmp::Ordering::Equal, |order| order.total_cmp(&0.0))
    });
    countries
}
