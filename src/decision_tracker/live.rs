//! The proxy's notification stream (`GET {proxy}/events?client=…&policy=…`, Server-Sent Events):
//! `decision` and `cover` events carry a neutral decision (Allianz Trade cover requests left
//! out, see [`is_tracked`]), `order` names a Coface company and
//! order to ask about again, `gap` says events were lost (reload);
//! the browser's `EventSource` reconnects by itself, sending `Last-Event-ID`.

use serde::Deserialize;
use tradecover_core::allianz_trade::status::REQUEST_STATUS_SCHEME;
use tradecover_core::decision::Decision;
use tradecover_core::Insurer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};

/// The `client` parameter of the stream (stands in for the `x-tradecover-client` header).
pub const EVENTS_CLIENT: &str = "tradecover-tracker";

/// The events that carry a decision.
const DECISION_EVENTS: [&str; 2] = ["decision", "cover"];

/// The data of a `decision` or `cover` event.
#[derive(Debug, Deserialize)]
struct DecisionEvent {
    decision: Decision,
}

/// What an `order` event (a Coface notification without a full decision) names: the company
/// and the order to ask about again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OrderNotice {
    /// The company's EASY number.
    pub easy_number: Option<String>,
    /// The order.
    pub order_id: Option<String>,
}

/// The data of an `order` event.
#[derive(Debug, Deserialize)]
struct OrderEvent {
    notification: OrderNotice,
}

/// What an `order` event's data names, if it can be read.
pub fn order_of(data: &str) -> Option<OrderNotice> {
    serde_json::from_str::<OrderEvent>(data)
        .ok()
        .map(|event| event.notification)
}

/// The URL of the stream of `policy` at `proxy`.
pub fn events_url(proxy: &str, policy: &str) -> String {
    let encode = |value: &str| String::from(js_sys::encode_uri_component(value));
    format!(
        "{}/events?client={}&policy={}",
        proxy.trim().trim_end_matches('/'),
        encode(EVENTS_CLIENT),
        encode(policy.trim())
    )
}

/// The decision an event's data carries, if it carries one the core can read.
pub fn decision_of(data: &str) -> Option<Decision> {
    serde_json::from_str::<DecisionEvent>(data)
        .ok()
        .map(|event| event.decision)
}

/// Whether a decision from the stream is about a row the tracker shows: all are but an Allianz
/// Trade cover request (a functional notification, keyed by its `requestId`), whose decision
/// reaches the cover's row by the cover's own notification (or by polling the cover) — merged as
/// it is, it would add a second row for the same application.
pub fn is_tracked(decision: &Decision) -> bool {
    !(decision.insurer == Insurer::AllianzTrade
        && decision.status.raw.scheme == REQUEST_STATUS_SCHEME)
}

type Listener = Closure<dyn FnMut(web_sys::Event)>;

/// An open stream; closed, and its listeners removed, when dropped.
pub struct LiveStream {
    source: EventSource,
    listeners: Vec<(&'static str, Listener)>,
}

impl LiveStream {
    /// Opens the stream at `url`: `on_decision` with each decision received, `on_error` when
    /// the stream fails (the browser then retries), `on_open` when it is (again) connected,
    /// `on_gap` when the proxy no longer had some events (what is shown must be reloaded),
    /// `on_order` with what an `order` event names.
    pub fn open(
        url: &str,
        on_decision: impl Fn(Decision) + 'static,
        on_error: impl Fn() + 'static,
        on_open: impl Fn() + 'static,
        on_gap: impl Fn() + 'static,
        on_order: impl Fn(OrderNotice) + 'static,
    ) -> Result<Self, JsValue> {
        let source = EventSource::new(url)?;
        let on_decision = std::rc::Rc::new(on_decision);
        let mut listeners: Vec<(&'static str, Listener)> = Vec::new();
        for name in DECISION_EVENTS {
            let on_decision = on_decision.clone();
            let listener: Listener = Closure::new(move |event: web_sys::Event| {
                let data = event
                    .dyn_ref::<MessageEvent>()
                    .and_then(|event| event.data().as_string());
                let decision = data.as_deref().and_then(decision_of);
                if let Some(decision) = decision.filter(is_tracked) {
                    on_decision(decision);
                }
            });
            listeners.push((name, listener));
        }
        listeners.push(("error", Closure::new(move |_: web_sys::Event| on_error())));
        listeners.push(("open", Closure::new(move |_: web_sys::Event| on_open())));
        listeners.push(("gap", Closure::new(move |_: web_sys::Event| on_gap())));
        listeners.push((
            "order",
            Closure::new(move |event: web_sys::Event| {
                let data = event
                    .dyn_ref::<MessageEvent>()
                    .and_then(|event| event.data().as_string());
                if let Some(notice) = data.as_deref().and_then(order_of) {
                    on_order(notice);
                }
            }),
        ));
        for (name, listener) in &listeners {
            source.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())?;
        }
        Ok(Self { source, listeners })
    }
}

impl Drop for LiveStream {
    fn drop(&mut self) {
        self.source.close();
        for (name, listener) in &self.listeners {
            let _ = self
                .source
                .remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
    }
}
