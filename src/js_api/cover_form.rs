//! `mountCoverForm(element, options)`: the cover request form in `element`'s open shadow root,
//! reporting through DOM events (bubbling, composed) on `element`:
//! - `tradecover-submitted`: `detail = {insurer, references, idempotencyKey}` once the insurer
//!   accepted the application;
//! - `tradecover-decision`: `detail` = the neutral decision row (decided, referred, pending);
//! - `tradecover-error`: `detail = {code, message, field?, retryable}`.
//!
//! The handle's `update(options)` merges new options into the old ones (a `null` value removes
//! one) and renders the form again: the draft is in `sessionStorage`, so nothing typed is lost.

use std::any::Any;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::Deserialize;
use serde_json::{Map, Value};
use tradecover_core::atradius::AtradiusPolicy;
use tradecover_core::decision::Decision;
use tradecover_core::lifecycle::PollingPolicy;
use tradecover_core::Buyer;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::{container_in_shadow_root, dispatch, merged_options, options_map, ERROR_EVENT};
use crate::cover_form::{CoverRequestForm, Submitted};
use crate::text_overrides::{provide_text_overrides, TextOverrides};
use crate::widget_error::WidgetError;

/// Event fired when the insurer accepted an application; `detail` is a [`Submitted`].
pub const SUBMITTED_EVENT: &str = "tradecover-submitted";
/// Event fired with each decision row the insurer gives; `detail` is a [`Decision`].
pub const DECISION_EVENT: &str = "tradecover-decision";

/// Options of `mountCoverForm`, as plain JS values (missing ones take defaults).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct CoverFormOptions {
    insurer: Option<String>,
    proxy: Option<String>,
    locale: Option<String>,
    currency: Option<String>,
    /// A buyer object, or its JSON text.
    buyer: Option<Value>,
    /// Number, or digits as text (attributes).
    atradius_customer_id: Option<Value>,
    atradius_policy_id: Option<String>,
    polling: Option<PollingPolicy>,
    /// Catalogue key → replacement text (see [`TextOverrides`]).
    texts: Option<Value>,
}

fn type_error(message: String) -> JsValue {
    JsValue::from(js_sys::TypeError::new(&format!(
        "tradecover: invalid options for mountCoverForm: {message}"
    )))
}

fn read_buyer(value: Option<Value>) -> Result<Option<Buyer>, JsValue> {
    let buyer = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(text)) if text.trim().is_empty() => return Ok(None),
        Some(Value::String(text)) => serde_json::from_str(&text),
        Some(value) => serde_json::from_value(value),
    };
    buyer
        .map(Some)
        .map_err(|error| type_error(format!("buyer: {error}")))
}

fn read_customer_id(value: &Value) -> Option<u64> {
    match value {
        Value::Number(number) => number.as_u64(),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

/// Renders the form for `options` into a new container in `host`'s shadow root.
fn mount(
    host: &HtmlElement,
    options: &Map<String, Value>,
) -> Result<(Box<dyn Any>, HtmlElement), JsValue> {
    let options: CoverFormOptions = serde_json::from_value(Value::Object(options.clone()))
        .map_err(|error| type_error(error.to_string()))?;
    let buyer = read_buyer(options.buyer)?;
    let atradius_policy = match (&options.atradius_customer_id, options.atradius_policy_id) {
        (Some(customer), Some(policy_id)) => {
            read_customer_id(customer).map(|customer_id| AtradiusPolicy {
                customer_id,
                policy_id,
            })
        }
        _ => None,
    };
    let container = container_in_shadow_root(
        host,
        crate::cover_form::STYLE_NAME,
        crate::cover_form::STYLES,
    )?;
    let submitted_target = SendWrapper::new(host.clone());
    let decision_target = SendWrapper::new(host.clone());
    let error_target = SendWrapper::new(host.clone());
    let on_submitted = Callback::new(move |submitted: Submitted| {
        dispatch(&submitted_target, SUBMITTED_EVENT, &submitted);
    });
    let on_decision = Callback::new(move |decision: Decision| {
        dispatch(&decision_target, DECISION_EVENT, &decision);
    });
    let on_error = Callback::new(move |error: WidgetError| {
        dispatch(&error_target, ERROR_EVENT, &error);
    });
    let texts = TextOverrides::from_json(&options.texts.unwrap_or(Value::Null));
    let mounted = leptos::mount::mount_to(container.clone(), move || {
        provide_text_overrides(Signal::stored(texts));
        view! {
            <CoverRequestForm
                insurer=options.insurer.unwrap_or_default()
                proxy=options.proxy.unwrap_or_else(|| "/proxy".to_owned())
                buyer=buyer
                locale=options.locale.unwrap_or_else(|| "en".to_owned())
                currency=options.currency.unwrap_or_else(|| "EUR".to_owned())
                atradius_policy=atradius_policy
                polling=options.polling
                on_submitted=on_submitted
                on_decision=on_decision
                on_error=on_error
            />
        }
    });
    Ok((Box::new(mounted), container))
}

/// A mounted cover request form: `update(options)`, `unmount()`.
#[wasm_bindgen]
pub struct CoverFormHandle {
    host: HtmlElement,
    options: Map<String, Value>,
    mounted: Option<(Box<dyn Any>, HtmlElement)>,
}

#[wasm_bindgen]
impl CoverFormHandle {
    /// Merges `options` into the current ones (`null` removes one) and renders the form again;
    /// the draft comes back from `sessionStorage`. Nothing happens once unmounted. Throws a
    /// `TypeError` for options that cannot be read (the form stays as it was).
    pub fn update(&mut self, options: JsValue) -> Result<(), JsValue> {
        if self.mounted.is_none() {
            return Ok(());
        }
        let merged = merged_options(&self.options, options, type_error)?;
        // Checked before the old form goes, so that bad options leave it in place.
        let parsed: CoverFormOptions = serde_json::from_value(Value::Object(merged.clone()))
            .map_err(|error| type_error(error.to_string()))?;
        read_buyer(parsed.buyer)?;
        self.unmount();
        self.mounted = Some(mount(&self.host, &merged)?);
        self.options = merged;
        Ok(())
    }

    /// Removes the form and releases everything it holds (pending polls stop); calling it twice
    /// is harmless.
    pub fn unmount(&mut self) {
        if let Some((mounted, container)) = self.mounted.take() {
            drop(mounted);
            container.remove();
        }
    }

    /// Whether the form is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.mounted.is_some()
    }
}

/// Mounts the cover request form into `host`'s shadow root (created open if missing).
///
/// `options`: `{insurer, proxy, locale, currency, buyer, atradiusCustomerId, atradiusPolicyId,
/// polling: {initialDelay, factor, maxDelay, jitter}, texts}` (`texts`: catalogue keys to
/// replacement strings, see [`TextOverrides`]). Problems the user cannot fix (unknown
/// insurer, missing Atradius ids) are shown in the form and reported as `tradecover-error`;
/// only options that cannot be read at all (not an object, a buyer that is not a buyer) throw a
/// `TypeError`.
#[wasm_bindgen(js_name = mountCoverForm)]
pub fn mount_cover_form(host: HtmlElement, options: JsValue) -> Result<CoverFormHandle, JsValue> {
    let options = options_map(options, type_error)?;
    let mounted = mount(&host, &options)?;
    Ok(CoverFormHandle {
        host,
        options,
        mounted: Some(mounted),
    })
}
