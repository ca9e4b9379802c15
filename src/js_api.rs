//! The JS mount API: `mountBuyerSearch(element, options)` renders a widget into the element's
//! (open) shadow root and reports through DOM events. The custom elements of the npm package's
//! `tradecover/define` entry are thin shells over it.

use std::any::Any;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::{Deserialize, Serialize};
use tradecover_core::Buyer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CustomEvent, CustomEventInit, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

pub mod cover_form;

use crate::buyer_search::BuyerSearch;
use crate::widget_error::WidgetError;

/// Event fired (bubbling, composed) when the user picks a buyer; `detail.buyer` is the buyer.
pub const SELECT_EVENT: &str = "tradecover-select";
/// Event fired (bubbling, composed) for every error a widget shows; `detail` is the error.
pub const ERROR_EVENT: &str = "tradecover-error";

/// Options of `mountBuyerSearch`, as plain JS values (missing ones take defaults).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct BuyerSearchOptions {
    insurer: Option<String>,
    proxy: Option<String>,
    country: Option<String>,
    label: Option<String>,
    locale: Option<String>,
}

#[derive(Serialize)]
struct SelectDetail<'a> {
    buyer: &'a Buyer,
}

/// A mounted widget. Call `unmount()` to remove it; calling it twice is harmless.
#[wasm_bindgen]
pub struct WidgetHandle {
    mounted: Option<Box<dyn Any>>,
    container: HtmlElement,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget and releases everything it holds.
    pub fn unmount(&mut self) {
        if let Some(mounted) = self.mounted.take() {
            drop(mounted);
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
/// `options`: `{insurer, proxy, country, label, locale}`. The host fires `tradecover-select` with
/// `detail.buyer` and `tradecover-error` with `detail = {code, message, field?, retryable}`.
/// Invalid option values are shown as errors inside the widget; only an `options` value that is
/// not an object throws (a `TypeError`).
#[wasm_bindgen(js_name = mountBuyerSearch)]
pub fn mount_buyer_search(host: HtmlElement, options: JsValue) -> Result<WidgetHandle, JsValue> {
    let options: BuyerSearchOptions = if options.is_undefined() || options.is_null() {
        BuyerSearchOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|error| {
            JsValue::from(js_sys::TypeError::new(&format!(
                "tradecover: invalid options for mountBuyerSearch: {error}"
            )))
        })?
    };
    let container = container_in_shadow_root(&host)?;
    let select_target = SendWrapper::new(host.clone());
    let error_target = SendWrapper::new(host);
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
    let mounted = leptos::mount::mount_to(container.clone(), move || {
        view! {
            <BuyerSearch
                insurer=options.insurer.unwrap_or_default()
                proxy=options.proxy.unwrap_or_else(|| "/proxy".to_owned())
                country=options.country.unwrap_or_else(|| "FR".to_owned())
                label=options.label.unwrap_or_else(|| "Buyer".to_owned())
                locale=options.locale.unwrap_or_else(|| "en".to_owned())
                on_select=on_select
                on_error=on_error
            />
        }
    });
    Ok(WidgetHandle {
        mounted: Some(Box::new(mounted)),
        container,
    })
}

/// A fresh `<div part="root">` in `host`'s open shadow root.
fn container_in_shadow_root(host: &HtmlElement) -> Result<HtmlElement, JsValue> {
    let root: ShadowRoot = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("tradecover: the element has no document"))?;
    let container: HtmlElement = document.create_element("div")?.unchecked_into();
    container.set_attribute("part", "root")?;
    root.append_child(&container)?;
    Ok(container)
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
