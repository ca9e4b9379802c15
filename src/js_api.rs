//! The JS mount API: `mountBuyerSearch(element, options)` renders a widget into the element's
//! (open) shadow root and reports through DOM events. The custom elements of the npm package's
//! `tradecover/define` entry are thin shells over it.

use std::any::Any;
use std::collections::BTreeMap;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::Serialize;
use serde_json::{Map, Value};
use tradecover_core::Buyer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CustomEvent, CustomEventInit, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

pub mod cover_form;
pub mod decision_tracker;

use crate::buyer_search::{BuyerSearch, UnknownBuyer};
use crate::text_overrides::{provide_text_overrides, TextOverrides};
use crate::widget_error::WidgetError;

/// Event fired (bubbling, composed) when the user picks a buyer; `detail.buyer` is the buyer.
pub const SELECT_EVENT: &str = "tradecover-select";
/// Event fired (bubbling, composed) for every error a widget shows; `detail` is the error.
pub const ERROR_EVENT: &str = "tradecover-error";
/// Event fired (bubbling, composed) when the insurer found nothing and the user goes on with an
/// unknown buyer; `detail` is `{name, country, text}`.
pub const UNKNOWN_BUYER_EVENT: &str = "tradecover-unknown-buyer";

/// Proxy base used when the options name none.
const DEFAULT_PROXY: &str = "/proxy";
/// Country used when the options name none.
const DEFAULT_COUNTRY: &str = "FR";

/// Options of `mountBuyerSearch`; a missing (or `null`) one takes its default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct BuyerSearchOptions {
    insurer: Option<String>,
    proxy: Option<String>,
    country: Option<String>,
    label: Option<String>,
    locale: Option<String>,
    texts: TextOverrides,
}

impl BuyerSearchOptions {
    /// Applies the options of a JS object: a string sets an option, `null`/`undefined` resets
    /// it to its default, `texts` takes an object of catalogue keys to strings (see
    /// [`TextOverrides`]), unknown names are ignored.
    fn apply(&mut self, options: &JsValue) -> Result<(), JsValue> {
        if options.is_undefined() || options.is_null() {
            return Ok(());
        }
        let invalid = |error: &dyn std::fmt::Display| {
            JsValue::from(js_sys::TypeError::new(&format!(
                "tradecover: invalid buyer search options: {error}"
            )))
        };
        let mut given: BTreeMap<String, Value> =
            serde_wasm_bindgen::from_value(options.clone()).map_err(|error| invalid(&error))?;
        if let Some(texts) = given.remove("texts") {
            self.texts = TextOverrides::from_json(&texts);
        }
        for (name, value) in given {
            let slot = match name.as_str() {
                "insurer" => &mut self.insurer,
                "proxy" => &mut self.proxy,
                "country" => &mut self.country,
                "label" => &mut self.label,
                "locale" => &mut self.locale,
                _ => continue,
            };
            *slot = match value {
                Value::Null => None,
                Value::String(text) => Some(text),
                other => return Err(invalid(&format!("{name} is not a string: {other}"))),
            };
        }
        Ok(())
    }
}

#[derive(Serialize)]
struct SelectDetail<'a> {
    buyer: &'a Buyer,
}

/// A mounted widget. `update(options)` changes some options in place; `unmount()` removes it
/// (calling it twice is harmless).
#[wasm_bindgen]
pub struct WidgetHandle {
    mounted: Option<Box<dyn Any>>,
    /// Owns the widget's reactive graph; cleaned up at once on unmount, so that a search under
    /// way is aborted even while a task still holds a reference to the graph.
    owner: Owner,
    options: RwSignal<BuyerSearchOptions>,
    container: HtmlElement,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Changes the options given (same shape as at mount; `null` resets one to its default),
    /// keeping what the user typed. Does nothing once unmounted; throws a `TypeError` for
    /// options that are not an object of strings.
    pub fn update(&mut self, options: JsValue) -> Result<(), JsValue> {
        if self.mounted.is_none() {
            return Ok(());
        }
        let mut next = self.options.get_untracked();
        next.apply(&options)?;
        self.options.try_set(next);
        Ok(())
    }

    /// Removes the widget and releases everything it holds (a search under way is aborted).
    pub fn unmount(&mut self) {
        if let Some(mounted) = self.mounted.take() {
            drop(mounted);
            self.owner.cleanup();
            self.container.remove();
        }
    }

    /// Whether the widget is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.mounted.is_some()
    }
}

/// Mounts the buyer search box into `host`'s shadow root (created open if missing).
///
/// `options`: `{insurer, proxy, country, label, locale, texts}` (defaults: no insurer, `/proxy`,
/// `FR`, the catalogue's label, the browser's language, no replaced texts; `texts` maps
/// catalogue keys to replacement strings, see [`TextOverrides`]). The host fires `tradecover-select` with
/// `detail.buyer`, `tradecover-unknown-buyer` with `detail = {name, country, text}` and
/// `tradecover-error` with `detail = {code, message, field?, retryable}`. Invalid option values
/// are shown as errors inside the widget; only options that are not an object of strings throw
/// (a `TypeError`).
#[wasm_bindgen(js_name = mountBuyerSearch)]
pub fn mount_buyer_search(host: HtmlElement, options: JsValue) -> Result<WidgetHandle, JsValue> {
    let mut initial = BuyerSearchOptions::default();
    initial.apply(&options)?;
    let container = container_in_shadow_root(
        &host,
        crate::buyer_search::STYLE_NAME,
        crate::buyer_search::STYLES,
    )?;
    let owner = Owner::new();
    let options = owner.with(|| RwSignal::new(initial));
    let select_target = SendWrapper::new(host.clone());
    let error_target = SendWrapper::new(host.clone());
    let unknown_target = SendWrapper::new(host);
    let on_select = Callback::new(move |buyer: Buyer| {
        dispatch(
            &select_target,
            SELECT_EVENT,
            &SelectDetail { buyer: &buyer },
        );
    });
    let on_error = Callback::new(move |error: WidgetError| {
        dispatch(&error_target, ERROR_EVENT, &error);
    });
    let on_unknown_buyer = Callback::new(move |unknown: UnknownBuyer| {
        dispatch(&unknown_target, UNKNOWN_BUYER_EVENT, &unknown);
    });
    let option = move |read: fn(&BuyerSearchOptions) -> Option<String>, default: &'static str| {
        Signal::derive(move || {
            options
                .try_with(read)
                .flatten()
                .unwrap_or_else(|| default.to_owned())
        })
    };
    let insurer = option(|options| options.insurer.clone(), "");
    let proxy = option(|options| options.proxy.clone(), DEFAULT_PROXY);
    let country = option(|options| options.country.clone(), DEFAULT_COUNTRY);
    let label = option(|options| options.label.clone(), "");
    let locale = option(|options| options.locale.clone(), "");
    let texts = Signal::derive(move || {
        options
            .try_with(|options| options.texts.clone())
            .unwrap_or_default()
    });
    let mounted = owner.with(|| {
        leptos::mount::mount_to(container.clone(), move || {
            provide_text_overrides(texts);
            view! {
                <BuyerSearch
                    insurer=insurer
                    proxy=proxy
                    country=country
                    label=label
                    locale=locale
                    on_select=on_select
                    on_error=on_error
                    on_unknown_buyer=on_unknown_buyer
                />
            }
        })
    });
    Ok(WidgetHandle {
        mounted: Some(Box::new(mounted)),
        owner,
        options,
        container,
    })
}

/// A fresh `<div part="root">` in `host`'s open shadow root, which adopts the widget's
/// stylesheet (`style_name`, `css`) at once, before anything is rendered.
fn container_in_shadow_root(
    host: &HtmlElement,
    style_name: &str,
    css: &str,
) -> Result<HtmlElement, JsValue> {
    let root: ShadowRoot = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    // Without constructable sheets, the widget falls back to a `<style>` element itself.
    crate::stylesheet::adopt_into_shadow_root(&root, style_name, css);
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("tradecover: the element has no document"))?;
    let container: HtmlElement = document.create_element("div")?.unchecked_into();
    container.set_attribute("part", "root")?;
    root.append_child(&container)?;
    Ok(container)
}

/// The options object of a mount function as a JSON map; `undefined` and `null` are no
/// options. What cannot be read is a `TypeError` worded by `type_error`.
fn options_map(
    options: JsValue,
    type_error: fn(String) -> JsValue,
) -> Result<Map<String, Value>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Map::new());
    }
    serde_wasm_bindgen::from_value(options).map_err(|error| type_error(error.to_string()))
}

/// `current` options with those of `update` merged in, as a handle's `update(options)` takes
/// them: a `null` value removes an option.
fn merged_options(
    current: &Map<String, Value>,
    update: JsValue,
    type_error: fn(String) -> JsValue,
) -> Result<Map<String, Value>, JsValue> {
    let mut merged = current.clone();
    for (name, value) in options_map(update, type_error)? {
        if value.is_null() {
            merged.remove(&name);
        } else {
            merged.insert(name, value);
        }
    }
    Ok(merged)
}

/// Fires a bubbling, composed `CustomEvent` named `name` with `detail` on `target`.
fn dispatch<T: Serialize>(target: &HtmlElement, name: &str, detail: &T) {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let detail = detail.serialize(&serializer).unwrap_or(JsValue::NULL);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        // A listener's exception is reported by the browser; it must not break the widget.
        let _ = target.dispatch_event(&event);
    }
}
