//! `mountDecisionTracker(element, options)`: the decision tracker in `element`'s open shadow
//! root. The view (sort and filters, see [`crate::decision_tracker::view_state`]) is reflected
//! in the element's `view` attribute and reported as `tradecover-view` (`detail = {view}`);
//! errors as `tradecover-error` (`detail = {code, message, field?, retryable}`).
//!
//! The handle's `update(options)` merges new options into the old ones (a `null` value removes
//! one) and renders the tracker again (loading the portfolios again).

use std::any::Any;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use tradecover_core::atradius::AtradiusPolicy;
use tradecover_core::cover_application::PolicyRef;
use tradecover_core::lifecycle::PollingPolicy;
use tradecover_core::Insurer;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::{container_in_shadow_root, dispatch, merged_options, options_map, ERROR_EVENT};
use crate::decision_tracker::DecisionTracker;
use crate::widget_error::WidgetError;

/// Event fired when the view (sort, filters) changes; `detail` is `{view}`.
pub const VIEW_EVENT: &str = "tradecover-view";
/// Attribute of the host reflecting the view.
pub const VIEW_ATTRIBUTE: &str = "view";

/// Options of `mountDecisionTracker`, as plain JS values (missing ones take defaults).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct TrackerOptions {
    /// An array of insurer names, or one text with names separated by commas or spaces.
    insurers: Option<Value>,
    proxy: Option<String>,
    locale: Option<String>,
    /// An array of `{businessUnitCode, policyId, extensionId}`, or its JSON text.
    allianz_policies: Option<Value>,
    atradius_customer_id: Option<Value>,
    atradius_policy_id: Option<String>,
    /// The policy or contract whose notification stream is followed.
    policy: Option<String>,
    /// Number, or digits as text.
    page_size: Option<Value>,
    view: Option<String>,
    /// Boolean, or `"false"` as text.
    sync_url: Option<Value>,
    /// The name the view is kept under in the URL fragment (`#tradecover-tracker-<name>=…`).
    name: Option<String>,
    polling: Option<PollingPolicy>,
}

#[derive(Serialize)]
struct ViewDetail {
    view: String,
}

fn type_error(message: String) -> JsValue {
    JsValue::from(js_sys::TypeError::new(&format!(
        "tradecover: invalid options for mountDecisionTracker: {message}"
    )))
}

fn read_insurers(value: Option<Value>) -> Result<Vec<Insurer>, JsValue> {
    let names: Vec<String> = match value {
        None | Some(Value::Null) => Insurer::ALL.iter().map(|i| i.as_str().to_owned()).collect(),
        Some(Value::String(text)) => text
            .split([',', ' '])
            .filter(|name| !name.trim().is_empty())
            .map(str::to_owned)
            .collect(),
        Some(value) => serde_json::from_value(value)
            .map_err(|error| type_error(format!("insurers: {error}")))?,
    };
    names
        .iter()
        .map(|name| {
            Insurer::parse(name).map_err(|_| type_error(format!("insurers: unknown {name:?}")))
        })
        .collect()
}

fn read_policies(value: Option<Value>) -> Result<Vec<PolicyRef>, JsValue> {
    let policies = match value {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::String(text)) if text.trim().is_empty() => return Ok(Vec::new()),
        Some(Value::String(text)) => serde_json::from_str(&text),
        Some(value) => serde_json::from_value(value),
    };
    policies.map_err(|error| type_error(format!("allianzPolicies: {error}")))
}

fn read_number(value: &Value) -> Option<u64> {
    match value {
        Value::Number(number) => number.as_u64(),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

fn read_flag(value: Option<&Value>) -> bool {
    match value {
        Some(Value::Bool(flag)) => *flag,
        Some(Value::String(text)) => text.trim() != "false",
        _ => true,
    }
}

/// Everything mounting needs, read from the options.
struct Prepared {
    options: TrackerOptions,
    insurers: Vec<Insurer>,
    allianz_policies: Vec<PolicyRef>,
}

fn prepare(options: &Map<String, Value>) -> Result<Prepared, JsValue> {
    let mut options: TrackerOptions = serde_json::from_value(Value::Object(options.clone()))
        .map_err(|error| type_error(error.to_string()))?;
    let insurers = read_insurers(options.insurers.take())?;
    let allianz_policies = read_policies(options.allianz_policies.take())?;
    Ok(Prepared {
        options,
        insurers,
        allianz_policies,
    })
}

/// Renders the tracker for `options` into a new container in `host`'s shadow root.
fn mount(
    host: &HtmlElement,
    options: &Map<String, Value>,
) -> Result<(Box<dyn Any>, HtmlElement), JsValue> {
    let Prepared {
        options,
        insurers,
        allianz_policies,
    } = prepare(options)?;
    let atradius_policy = match (&options.atradius_customer_id, options.atradius_policy_id) {
        (Some(customer), Some(policy_id)) => {
            read_number(customer).map(|customer_id| AtradiusPolicy {
                customer_id,
                policy_id,
            })
        }
        _ => None,
    };
    let page_size = options
        .page_size
        .as_ref()
        .and_then(read_number)
        .and_then(|size| u32::try_from(size).ok())
        .unwrap_or(500);
    let sync_url = read_flag(options.sync_url.as_ref());
    let container = container_in_shadow_root(
        host,
        crate::decision_tracker::STYLE_NAME,
        crate::decision_tracker::STYLES,
    )?;
    let view_target = SendWrapper::new(host.clone());
    let error_target = SendWrapper::new(host.clone());
    let on_view = Callback::new(move |view: String| {
        let _ = view_target.set_attribute(VIEW_ATTRIBUTE, &view);
        dispatch(&view_target, VIEW_EVENT, &ViewDetail { view });
    });
    let on_error = Callback::new(move |error: WidgetError| {
        dispatch(&error_target, ERROR_EVENT, &error);
    });
    let mounted = leptos::mount::mount_to(container.clone(), move || {
        view! {
            <DecisionTracker
                insurers=insurers
                proxy=options.proxy.unwrap_or_else(|| "/proxy".to_owned())
                locale=options.locale.unwrap_or_else(|| "en".to_owned())
                allianz_policies=allianz_policies
                atradius_policy=atradius_policy
                events_policy=options.policy
                page_size=page_size
                view=options.view
                sync_url=sync_url
                name=options.name
                polling=options.polling
                on_view=on_view
                on_error=on_error
            />
        }
    });
    Ok((Box::new(mounted), container))
}

/// A mounted decision tracker: `update(options)`, `unmount()`.
#[wasm_bindgen]
pub struct DecisionTrackerHandle {
    host: HtmlElement,
    options: Map<String, Value>,
    mounted: Option<(Box<dyn Any>, HtmlElement)>,
}

#[wasm_bindgen]
impl DecisionTrackerHandle {
    /// Merges `options` into the current ones (`null` removes one) and renders the tracker
    /// again. Nothing happens once unmounted. Throws a `TypeError` for options that cannot be
    /// read (the tracker stays as it was).
    pub fn update(&mut self, options: JsValue) -> Result<(), JsValue> {
        if self.mounted.is_none() {
            return Ok(());
        }
        let merged = merged_options(&self.options, options, type_error)?;
        prepare(&merged)?;
        self.unmount();
        self.mounted = Some(mount(&self.host, &merged)?);
        self.options = merged;
        Ok(())
    }

    /// Removes the tracker and releases everything it holds (loading, stream and polls stop);
    /// calling it twice is harmless.
    pub fn unmount(&mut self) {
        if let Some((mounted, container)) = self.mounted.take() {
            drop(mounted);
            container.remove();
        }
    }

    /// Whether the tracker is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.mounted.is_some()
    }
}

/// Mounts the decision tracker into `host`'s shadow root (created open if missing).
///
/// `options`: `{insurers, proxy, locale, allianzPolicies, atradiusCustomerId, atradiusPolicyId,
/// policy, pageSize, view, syncUrl, name, polling: {initialDelay, factor, maxDelay, jitter}}`.
/// `insurers` defaults to all three; `policy` (the policy or contract of the notification
/// stream) turns live updates on. Options that cannot be read throw a `TypeError`.
#[wasm_bindgen(js_name = mountDecisionTracker)]
pub fn mount_decision_tracker(
    host: HtmlElement,
    options: JsValue,
) -> Result<DecisionTrackerHandle, JsValue> {
    let options = options_map(options, type_error)?;
    let mounted = mount(&host, &options)?;
    Ok(DecisionTrackerHandle {
        host,
        options,
        mounted: Some(mounted),
    })
}
