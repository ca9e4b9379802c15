//! Browser tests of the decision tracker: mounted through the JS API into a real shadow root (or
//! as a Leptos component), with `window.fetch` answering per URL like the proxy would, and a fake
//! `EventSource` installed on `window` standing in for the proxy's notification stream.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::{calls, sleep, until, window, Turn};
use std::time::Duration;

use js_sys::{Function, Reflect};
use leptos::prelude::*;
use serde_json::{json, Value};
use tradecover::core::atradius::AtradiusPolicy;
use tradecover::core::coface::parse_portfolio;
use tradecover::core::cover_application::PolicyRef;
use tradecover::core::currency::Currency;
use tradecover::core::decision::Decision;
use tradecover::core::lifecycle::{
    allowed_actions, Action, Outcome, ProductFacts, RawStatus, Status, StatusReport,
};
use tradecover::core::money::Money;
use tradecover::core::Insurer;
use tradecover::decision_tracker::csv_export::{csv_field, csv_text};
use tradecover::decision_tracker::grid_keys::next_cell;
use tradecover::decision_tracker::{
    named_fragment_key, FragmentKey, ViewState, FRAGMENT_KEY, OVERSCAN, ROW_HEIGHT,
};
use tradecover::{mount_decision_tracker, DecisionTracker, DecisionTrackerHandle};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const COFACE_PORTFOLIO: &str =
    include_str!("../core/tests/fixtures/coface/portfolio.response.typical.json");
const PORTFOLIO_PATH: &str = "/proxy/coface/companies/products";
const ALLIANZ_SEARCH_PATH: &str = "/proxy/allianz-trade/riskinfo/v3/covers/search";

/// Replaces `window.fetch`: each route `{method, path, replies}` answers the calls whose path
/// ends with `path`, with its replies in turn (the last one repeats); a reply is `{status, body,
/// delay?}`. Calls are recorded in `window.__tcCalls` (`{method, path, search, client, key,
/// body}`).
fn serve(routes: Value) {
    let install = Function::new_with_args(
        "routes",
        "const calls = [];
         window.__tcCalls = calls;
         window.fetch = async (input, init) => {
           const request = input instanceof Request ? input : new Request(input, init);
           const url = new URL(request.url, location.href);
           const body = request.method === 'GET' ? null : await request.clone().text();
           calls.push({ method: request.method, path: url.pathname, search: url.search,
             client: request.headers.get('x-tradecover-client'), key: request.headers.get('idempotency-key'),
             body: body ? JSON.parse(body) : null });
           const route = routes.find((r) => r.method === request.method && url.pathname.endsWith(r.path));
           if (!route) return new Response('{\"code\":\"proxy.not_allowed\"}', { status: 404 });
           const reply = route.replies.length > 1 ? route.replies.shift() : route.replies[0];
           if (reply.delay) await new Promise((resolve) => setTimeout(resolve, reply.delay));
           const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
           return new Response(text, { status: reply.status, headers: { 'content-type': 'application/json' } });
         };",
    );
    let routes = js_sys::JSON::parse(&routes.to_string()).unwrap();
    install.call1(&JsValue::NULL, &routes).unwrap();
}

/// Installs a fake `EventSource`: every instance is kept in `window.__tcSources`, and
/// `emit(type, data)` delivers an event to its listeners.
fn fake_event_source() {
    Function::new_no_args(
        "window.__tcSources = [];
         window.EventSource = class {
           constructor(url) { this.url = url; this.listeners = {}; this.closed = false; window.__tcSources.push(this); }
           addEventListener(type, listener) { (this.listeners[type] ??= []).push(listener); }
           removeEventListener(type, listener) {
             this.listeners[type] = (this.listeners[type] ?? []).filter((each) => each !== listener);
           }
           close() { this.closed = true; }
           emit(type, data) {
             const event = data === undefined ? new Event(type) : new MessageEvent(type, { data });
             for (const listener of this.listeners[type] ?? []) listener(event);
           }
         };",
    )
    .call0(&JsValue::NULL)
    .unwrap();
}

/// Emits `type` with `data` (JSON text, or none) on the last fake stream opened.
fn emit(kind: &str, data: Option<&str>) {
    let emit = Function::new_with_args(
        "type, data",
        "const sources = window.__tcSources; sources[sources.length - 1].emit(type, data ?? undefined);",
    );
    emit.call2(
        &JsValue::NULL,
        &kind.into(),
        &data.map(JsValue::from).unwrap_or(JsValue::UNDEFINED),
    )
    .unwrap();
}

fn last_source_url() -> String {
    Function::new_no_args("const s = window.__tcSources; return s[s.length - 1].url;")
        .call0(&JsValue::NULL)
        .unwrap()
        .as_string()
        .unwrap()
}

/// The turn of one test (see [`browser_support::turn`]), starting from an empty URL fragment.
async fn turn() -> Turn {
    let turn = browser_support::turn().await;
    set_fragment("");
    turn
}

fn set_fragment(fragment: &str) {
    let url = if fragment.is_empty() {
        window().location().pathname().unwrap()
    } else {
        format!("#{fragment}")
    };
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .unwrap();
}

/// Where the tracker's nodes are: a shadow root (JS API) or the host itself (component).
trait Nodes {
    fn scope(&self) -> Element;

    fn query(&self, selector: &str) -> Option<Element> {
        self.scope().query_selector(selector).unwrap()
    }

    fn query_all(&self, selector: &str) -> Vec<Element> {
        let list = self.scope().query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|node| node.unchecked_into())
            .collect()
    }

    fn text(&self, selector: &str) -> String {
        self.query(selector)
            .and_then(|element| element.text_content())
            .unwrap_or_default()
    }

    /// The rows shown (not the hidden spare ones).
    fn shown_rows(&self) -> Vec<Element> {
        self.query_all(".tc-row:not([hidden])")
    }

    /// The text of `column` (its index) in each row shown, top to bottom.
    fn column(&self, column: usize) -> Vec<String> {
        let mut rows: Vec<(u32, String)> = self
            .shown_rows()
            .iter()
            .map(|row| {
                let index = row.get_attribute("aria-rowindex").unwrap().parse().unwrap();
                let cell = row
                    .query_selector(&format!("[data-col=\"{column}\"]"))
                    .unwrap()
                    .unwrap();
                (index, cell.text_content().unwrap_or_default())
            })
            .collect();
        rows.sort();
        rows.into_iter().map(|(_, text)| text).collect()
    }

    fn click(&self, selector: &str) {
        let element: HtmlElement = self
            .query(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .unchecked_into();
        element.click();
    }

    async fn set_value(&self, selector: &str, value: &str) {
        let control = self
            .query(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector}"));
        Reflect::set(&control, &"value".into(), &value.into()).unwrap();
        let kind = if control.tag_name() == "INPUT"
            && control.get_attribute("type").as_deref() == Some("search")
        {
            "input"
        } else {
            "change"
        };
        control
            .dispatch_event(&web_sys::Event::new(kind).unwrap())
            .unwrap();
        sleep(Duration::from_millis(10)).await;
    }
}

/// A tracker mounted through the JS API.
struct Mounted {
    host: HtmlElement,
    handle: DecisionTrackerHandle,
}

impl Mounted {
    fn new(options: Value) -> Self {
        let document = window().document().unwrap();
        let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        let options = js_sys::JSON::parse(&options.to_string()).unwrap();
        let handle = mount_decision_tracker(host.clone(), options).unwrap();
        Self { host, handle }
    }

    fn root(&self) -> ShadowRoot {
        self.host.shadow_root().unwrap()
    }
}

impl Nodes for Mounted {
    fn scope(&self) -> Element {
        self.root().first_element_child().unwrap()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.handle.unmount();
        self.host.remove();
    }
}

/// The tracker as a Leptos component over rows given in Rust.
struct Component {
    host: HtmlElement,
    mounted: Option<leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>>,
}

impl Component {
    fn new(decisions: Vec<Decision>) -> Self {
        let document = window().document().unwrap();
        let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        let mounted = leptos::mount::mount_to(host.clone(), move || {
            view! {
                <DecisionTracker
                    insurers=Vec::new()
                    proxy="/proxy"
                    decisions=decisions
                    sync_url=false
                />
            }
            .into_any()
        });
        Self {
            host,
            mounted: Some(mounted),
        }
    }
}

impl Component {
    /// The tracker over `decisions`, with an Atradius and an Allianz Trade policy to act on.
    fn acting(decisions: Vec<Decision>) -> Self {
        let document = window().document().unwrap();
        let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        let mounted = leptos::mount::mount_to(host.clone(), move || {
            view! {
                <DecisionTracker
                    insurers=Vec::new()
                    proxy="/proxy"
                    decisions=decisions
                    sync_url=false
                    atradius_policy=Some(AtradiusPolicy {
                        customer_id: 10_000_001,
                        policy_id: "POL-1".into(),
                    })
                    allianz_policies=vec![PolicyRef {
                        business_unit_code: "FRA".into(),
                        policy_id: "POL-000123".into(),
                        extension_id: "DCL".into(),
                    }]
                />
            }
            .into_any()
        });
        Self {
            host,
            mounted: Some(mounted),
        }
    }
}

impl Nodes for Component {
    fn scope(&self) -> Element {
        self.host.clone().unchecked_into()
    }
}

impl Drop for Component {
    fn drop(&mut self) {
        self.mounted.take();
        self.host.remove();
    }
}

fn coface_rows() -> Vec<Decision> {
    parse_portfolio(200, COFACE_PORTFOLIO.as_bytes())
        .unwrap()
        .decisions
}

/// `count` synthetic rows, each a copy of a Coface decision with its own id and buyer name.
fn synthetic_rows(count: usize) -> Vec<Decision> {
    let template = coface_rows().remove(0);
    (0..count)
        .map(|index| {
            let mut row = template.clone();
            row.id = format!("DLV-{index}");
            row.order_id = Some(format!("ORD-{index}"));
            row.buyer_name = Some(format!("Buyer {index:06}"));
            row
        })
        .collect()
}

fn allianz_cover(id: &str, name: &str) -> Value {
    json!({"coverId": id, "companyId": "12345678", "companyName": name,
        "coverTypeCode": "CreditLimit", "coverStatusCode": "Agreement",
        "creditLimitDetails": {"requestedAmount": 50000, "currencyCode": "EUR"},
        "creationDate": "2024-03-01",
        "creditLimitsAggregation": {"creditLimits": [{"technicalDecisionStatusCode": "AlreadyAgreed",
            "amount": 50000, "currencyCode": "EUR", "startDate": "2024-03-02"}]}})
}

fn allianz_page(page: u32, delay: u32) -> Value {
    let covers: Vec<Value> = (0..3)
        .map(|i| {
            allianz_cover(
                &format!("COV-{page}-{i}"),
                &format!("Allianz buyer {page}-{i}"),
            )
        })
        .collect();
    json!({"status": 200, "delay": delay, "body": {"covers": covers, "totalItems": 9}})
}

fn allianz_options() -> Value {
    json!({"insurers": "allianz-trade", "proxy": "/proxy", "pageSize": 3, "syncUrl": false,
        "allianzPolicies": [{"businessUnitCode": "FRA", "policyId": "POL-1", "extensionId": "DCL"}]})
}

#[wasm_bindgen_test]
async fn loads_every_page_of_every_insurer() {
    let _turn = turn().await;
    serve(json!([
        {"method": "POST", "path": ALLIANZ_SEARCH_PATH,
            "replies": [allianz_page(1, 0), allianz_page(2, 0), allianz_page(3, 0)]},
        {"method": "GET", "path": PORTFOLIO_PATH, "replies": [{"status": 200, "body": COFACE_PORTFOLIO}]},
    ]));
    let mut options = allianz_options();
    options["insurers"] = json!(["allianz-trade", "coface"]);
    let tracker = Mounted::new(options);
    let expected = 9 + coface_rows().len();
    assert!(
        until(Duration::from_secs(5), || tracker.shown_rows().len()
            == expected)
        .await
    );
    assert!(
        until(Duration::from_secs(2), || tracker
            .query(".tc-progress")
            .is_none())
        .await
    );
    let pages: Vec<u64> = calls()
        .iter()
        .filter(|call| call["path"] == ALLIANZ_SEARCH_PATH)
        .map(|call| call["body"]["pagination"]["page"].as_u64().unwrap())
        .collect();
    assert_eq!(pages, [1, 2, 3]);
    assert!(calls().iter().all(|call| call["client"].as_str().is_some()));
    assert_eq!(calls().last().unwrap()["path"], PORTFOLIO_PATH);
    let summary = tracker.text(".tc-summary");
    assert!(
        summary.contains(&format!("{expected} of {expected}")),
        "{summary}"
    );
    assert_eq!(
        tracker
            .query("[role=grid]")
            .unwrap()
            .get_attribute("aria-rowcount"),
        Some((expected + 1).to_string())
    );
}

#[wasm_bindgen_test]
async fn loading_shows_progress_and_can_be_cancelled() {
    let _turn = turn().await;
    serve(json!([
        {"method": "POST", "path": ALLIANZ_SEARCH_PATH,
            "replies": [allianz_page(1, 0), allianz_page(2, 600), allianz_page(3, 0)]},
    ]));
    let tracker = Mounted::new(allianz_options());
    assert!(
        until(Duration::from_secs(3), || tracker
            .text(".tc-progress")
            .contains("page 2"))
        .await,
        "{}",
        tracker.text(".tc-progress")
    );
    assert_eq!(tracker.shown_rows().len(), 3);
    assert!(tracker.text(".tc-progress").contains("3 decisions so far"));
    assert_eq!(
        tracker
            .query(".tc-progress")
            .unwrap()
            .get_attribute("role")
            .as_deref(),
        Some("status")
    );
    tracker.click(".tc-progress button");
    sleep(Duration::from_millis(20)).await;
    assert!(tracker.query(".tc-progress").is_none());
    assert!(tracker.text(".tc-notice").contains("3 decisions loaded"));
    // The second page arrives after the cancel: it is dropped, and no third page is asked for.
    sleep(Duration::from_millis(900)).await;
    assert_eq!(tracker.shown_rows().len(), 3);
    assert_eq!(calls().len(), 2);
}

#[wasm_bindgen_test]
async fn a_hundred_thousand_rows_keep_a_constant_number_of_row_nodes() {
    let _turn = turn().await;
    let total = 100_000;
    let tracker = Component::new(synthetic_rows(total));
    assert!(until(Duration::from_secs(10), || !tracker.shown_rows().is_empty()).await);
    let grid = tracker.query("[role=grid]").unwrap();
    assert_eq!(
        grid.get_attribute("aria-rowcount"),
        Some((total + 1).to_string())
    );
    let nodes = tracker.query_all(".tc-row").len();
    assert!(nodes < 60, "{nodes} row nodes");
    let scroller: HtmlElement = tracker.query(".tc-scroller").unwrap().unchecked_into();
    let mut seen_first = Vec::new();
    for target in [50_000usize, 99_990, 1_234, 0] {
        scroller.set_scroll_top((target as f64 * ROW_HEIGHT) as i32);
        scroller
            .dispatch_event(&web_sys::Event::new("scroll").unwrap())
            .unwrap();
        sleep(Duration::from_millis(30)).await;
        assert_eq!(tracker.query_all(".tc-row").len(), nodes, "at row {target}");
        let names = tracker.column(0);
        let top = f64::from(scroller.scroll_top()) / ROW_HEIGHT;
        let first = (top.floor() as usize).saturating_sub(OVERSCAN);
        assert_eq!(
            names.first(),
            Some(&format!("Buyer {first:06}")),
            "at row {target}"
        );
        seen_first.push(first);
    }
    assert_eq!(seen_first.last(), Some(&0));
    assert!(seen_first[0] > 49_000);

    // Sorting and filtering the 100,000 rows: a permutation, the same row nodes.
    tracker.click("[data-column=buyer] button");
    tracker.click("[data-column=buyer] button");
    let last = format!("Buyer {:06}", total - 1);
    assert!(
        until(Duration::from_secs(5), || tracker.column(0).first()
            == Some(&last))
        .await,
        "{:?}",
        tracker.column(0).first()
    );
    tracker.set_value("[name=q]", "buyer 05000").await;
    // Every word must appear somewhere in the row: names 050000 to 050009, and 005000.
    let mut expected: Vec<String> = (0..10).rev().map(|i| format!("Buyer 05000{i}")).collect();
    expected.push("Buyer 005000".to_owned());
    assert!(
        until(Duration::from_secs(5), || tracker.column(0) == expected).await,
        "{:?}",
        tracker.column(0)
    );
    assert_eq!(grid.get_attribute("aria-rowcount"), Some("12".to_owned()));
    assert_eq!(tracker.query_all(".tc-row").len(), nodes);
}

#[wasm_bindgen_test]
async fn sorts_and_filters_by_column() {
    let _turn = turn().await;
    serve(json!([
        {"method": "GET", "path": PORTFOLIO_PATH, "replies": [{"status": 200, "body": COFACE_PORTFOLIO}]},
    ]));
    let tracker = Mounted::new(json!({"insurers": "coface", "proxy": "/proxy", "syncUrl": false}));
    assert!(until(Duration::from_secs(3), || tracker.shown_rows().len() == 3).await);
    let mut names: Vec<String> = coface_rows()
        .iter()
        .map(|row| row.buyer_name.clone().unwrap())
        .collect();
    names.sort_by_key(|name| name.to_lowercase());
    tracker.click("[data-column=buyer] button");
    assert!(until(Duration::from_secs(1), || tracker.column(0) == names).await);
    assert_eq!(
        tracker
            .query("[data-column=buyer]")
            .unwrap()
            .get_attribute("aria-sort")
            .as_deref(),
        Some("ascending")
    );
    tracker.click("[data-column=buyer] button");
    names.reverse();
    assert!(until(Duration::from_secs(1), || tracker.column(0) == names).await);
    assert_eq!(
        tracker.host.get_attribute("view").as_deref(),
        Some("sort=-buyer")
    );

    tracker.set_value("[name=q]", "corp").await;
    assert!(
        until(Duration::from_secs(1), || tracker.column(0)
            == ["Acme Corp"])
        .await,
        "{:?} {:?}",
        tracker.column(0),
        tracker.host.get_attribute("view")
    );
    tracker.set_value("[name=q]", "").await;
    tracker.set_value("select[name=status]", "pending").await;
    let pending = coface_rows()
        .iter()
        .filter(|row| matches!(row.status.status, Some(Status::Pending(_))))
        .count();
    assert!(
        until(Duration::from_secs(1), || tracker.shown_rows().len()
            == pending)
        .await
    );
    tracker.set_value("select[name=country]", "FR").await;
    assert!(
        until(Duration::from_secs(1), || tracker.column(0)
            == ["Société Dupont SAS"])
        .await
    );
    tracker.set_value("select[name=status]", "").await;
    tracker.set_value("select[name=country]", "").await;
    tracker
        .set_value("select[name=product]", "CREDITLIMIT")
        .await;
    assert!(until(Duration::from_secs(1), || tracker.shown_rows().len() == 2).await);
    tracker.set_value("[name=from]", "2024-03-01").await;
    assert!(
        until(Duration::from_secs(1), || tracker.column(0)
            == ["Société Dupont SAS"])
        .await
    );
    let view = tracker.host.get_attribute("view").unwrap();
    assert_eq!(view, "sort=-buyer&product=CREDITLIMIT&from=2024-03-01");
    tracker.set_value("[name=to]", "2024-02-28").await;
    assert!(until(Duration::from_secs(1), || tracker.shown_rows().is_empty()).await);
    assert!(
        until(Duration::from_secs(1), || tracker
            .query(".tc-empty:not([hidden])")
            .is_some())
        .await,
        "{:?}",
        tracker.query(".tc-empty").map(|empty| empty.outer_html())
    );
}

#[wasm_bindgen_test]
async fn the_view_round_trips_through_the_url_fragment() {
    let _turn = turn().await;
    serve(json!([
        {"method": "GET", "path": PORTFOLIO_PATH, "replies": [{"status": 200, "body": COFACE_PORTFOLIO}]},
    ]));
    let chosen = ViewState::from_text("sort=buyer&status=pending&q=corp");
    assert_eq!(ViewState::from_text(&chosen.to_text()), chosen);
    set_fragment(&format!("section=2&{}", chosen.to_fragment()));
    let tracker = Mounted::new(json!({"insurers": "coface", "proxy": "/proxy"}));
    assert!(
        until(Duration::from_secs(3), || tracker.column(0)
            == ["Acme Corp"])
        .await
    );
    let status: web_sys::HtmlSelectElement = tracker
        .query("select[name=status]")
        .unwrap()
        .unchecked_into();
    assert_eq!(status.value(), "pending");
    tracker.set_value("[name=q]", "").await;
    assert!(until(Duration::from_secs(1), || tracker.shown_rows().len() == 2).await);
    let hash = window().location().hash().unwrap();
    assert!(hash.starts_with("#section=2&tradecover-tracker="), "{hash}");
    let restored = ViewState::from_fragment(&hash).unwrap();
    assert_eq!(restored.to_text(), "sort=buyer&status=pending");
    let shown = tracker.column(0);
    drop(tracker);
    // A link with that fragment shows the same rows.
    let again = Mounted::new(json!({"insurers": "coface", "proxy": "/proxy"}));
    assert!(until(Duration::from_secs(3), || again.column(0) == shown).await);
    drop(again);
    set_fragment("");
}

#[wasm_bindgen_test]
async fn each_tracker_keeps_its_view_under_its_own_fragment_key() {
    let _turn = turn().await;
    serve(json!([
        {"method": "GET", "path": PORTFOLIO_PATH, "replies": [{"status": 200, "body": COFACE_PORTFOLIO}]},
    ]));
    set_fragment("section=2");
    let first = Mounted::new(json!({"insurers": "coface", "proxy": "/proxy"}));
    let named =
        Mounted::new(json!({"insurers": "coface", "proxy": "/proxy", "name": "applications"}));
    let second = Mounted::new(json!({"insurers": "coface", "proxy": "/proxy"}));
    for tracker in [&first, &named, &second] {
        assert!(until(Duration::from_secs(3), || tracker.shown_rows().len() == 3).await);
    }
    first.set_value("[name=q]", "dupont").await;
    named.set_value("select[name=status]", "pending").await;
    second.set_value("[name=q]", "corp").await;
    let hash = window().location().hash().unwrap();
    assert!(hash.starts_with("#section=2&"), "{hash}");
    let view_under = |key: &str| {
        ViewState::from_fragment_under(&window().location().hash().unwrap(), key)
            .map(|view| view.to_text())
    };
    assert_eq!(
        view_under(FRAGMENT_KEY).as_deref(),
        Some("q=dupont"),
        "{hash}"
    );
    assert_eq!(
        view_under(&named_fragment_key("applications")).as_deref(),
        Some("status=pending"),
        "{hash}"
    );
    assert_eq!(
        view_under("tradecover-tracker-2").as_deref(),
        Some("q=corp"),
        "{hash}"
    );
    // Each tracker shows its own filter.
    assert_eq!(first.shown_rows().len(), 2);
    assert_eq!(second.column(0), ["Acme Corp"]);
    let pending_rows = named.shown_rows().len();
    assert!(pending_rows < 3, "{pending_rows}");

    // A link with the fragment gives the named tracker its view back.
    drop(named);
    let again =
        Mounted::new(json!({"insurers": "coface", "proxy": "/proxy", "name": "applications"}));
    assert!(
        until(Duration::from_secs(3), || again.shown_rows().len()
            == pending_rows)
        .await
    );
    let status: web_sys::HtmlSelectElement =
        again.query("select[name=status]").unwrap().unchecked_into();
    assert_eq!(status.value(), "pending");

    // Clearing one tracker's view removes its part only.
    first.set_value("[name=q]", "").await;
    assert_eq!(view_under(FRAGMENT_KEY), None);
    assert_eq!(
        view_under(&named_fragment_key("applications")).as_deref(),
        Some("status=pending")
    );
    assert_eq!(
        view_under("tradecover-tracker-2").as_deref(),
        Some("q=corp")
    );
    assert!(window()
        .location()
        .hash()
        .unwrap()
        .starts_with("#section=2&"));

    // An unnamed tracker gives its key back when removed: the next unnamed one takes it.
    drop(first);
    let replacement = FragmentKey::claim(None);
    assert_eq!(replacement.as_str(), FRAGMENT_KEY);
    replacement.release();
    drop((second, again));
    let first_again = FragmentKey::claim(None);
    assert_eq!(
        first_again.as_str(),
        FRAGMENT_KEY,
        "every slot was given back"
    );
    first_again.release();
    set_fragment("");
}

#[wasm_bindgen_test]
async fn exports_the_filtered_view_as_csv() {
    let _turn = turn().await;
    assert_eq!(csv_field("plain"), "plain");
    assert_eq!(csv_field("a,b"), "\"a,b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    for risky in ["=1+1", "+33 1", "-2", "@SUM(A1)"] {
        assert_eq!(csv_field(risky), format!("'{risky}"));
    }
    assert_eq!(
        csv_text(
            &["a".into(), "b".into()],
            [vec!["x\ny".to_owned(), "=z".to_owned()]].into_iter()
        ),
        "a,b\r\n\"x\ny\",'=z\r\n"
    );

    Function::new_no_args(
        "window.__tcBlobs = [];
         URL.createObjectURL = (blob) => { window.__tcBlobs.push(blob); return 'blob:tradecover-test'; };
         URL.revokeObjectURL = () => {};",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    let mut rows = synthetic_rows(3);
    rows[0].buyer_name = Some("Dupont \"Frères\", SA".to_owned());
    rows[0].customer_reference = Some("=HYPERLINK(\"http://x\")".to_owned());
    rows[2].buyer_name = Some("Filtered out".to_owned());
    let tracker = Component::new(rows);
    assert!(until(Duration::from_secs(2), || tracker.shown_rows().len() == 3).await);
    let hidden_name = "Filtered out";
    // Only the rows shown are exported.
    tracker.set_value("[name=q]", "ord-0").await;
    assert!(until(Duration::from_secs(1), || tracker.shown_rows().len() == 1).await);
    tracker.click(".tc-toolbar [part~=export]");
    sleep(Duration::from_millis(20)).await;
    let blob: web_sys::Blob = Function::new_no_args("return window.__tcBlobs[0];")
        .call0(&JsValue::NULL)
        .unwrap()
        .unchecked_into();
    assert!(blob.type_().starts_with("text/csv"));
    let text = JsFuture::from(blob.text())
        .await
        .unwrap()
        .as_string()
        .unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines.len(), 3, "{text:?}");
    assert!(lines[0].starts_with("Buyer,Identifiers,Insurer,Product,"));
    assert!(
        lines[1].starts_with("\"Dupont \"\"Frères\"\", SA\","),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].contains(",\"'=HYPERLINK(\"\"http://x\"\")\""),
        "{}",
        lines[1]
    );
    assert!(!text.contains(hidden_name));
    assert_eq!(lines[2], "");
}

/// A Coface decision event: the pending product ORD-1003 decided.
fn decided_event() -> String {
    let mut decision = coface_rows()
        .into_iter()
        .find(|row| row.id == "ORD-1003")
        .unwrap();
    decision.id = "DLV-3003".to_owned();
    decision.status = StatusReport {
        status: Some(Status::Decided(Outcome::Full)),
        raw: RawStatus::new("coface.delivery", "DECIDED_FULL"),
    };
    json!({"insurer": "coface", "policy": "C-9", "decision": decision}).to_string()
}

fn status_of(tracker: &impl Nodes, name_part: &str, product: &str) -> Option<String> {
    tracker.shown_rows().into_iter().find_map(|row| {
        let text = row.text_content().unwrap_or_default().to_lowercase();
        (text.contains(&name_part.to_lowercase()) && text.contains(&product.to_lowercase())).then(
            || {
                row.query_selector("[data-col=\"6\"]")
                    .unwrap()
                    .unwrap()
                    .text_content()
                    .unwrap()
            },
        )
    })
}

#[wasm_bindgen_test]
async fn a_decision_event_flips_a_pending_row_without_reload() {
    let _turn = turn().await;
    fake_event_source();
    serve(json!([
        {"method": "GET", "path": PORTFOLIO_PATH, "replies": [{"status": 200, "body": COFACE_PORTFOLIO}]},
    ]));
    let tracker = Mounted::new(
        json!({"insurers": "coface", "proxy": "/proxy", "policy": "C-9", "syncUrl": false}),
    );
    assert!(until(Duration::from_secs(3), || tracker.shown_rows().len() == 3).await);
    assert_eq!(
        last_source_url(),
        "/proxy/events?client=tradecover-tracker&policy=C-9"
    );
    assert_eq!(
        tracker
            .query(".tc-tracker")
            .unwrap()
            .get_attribute("data-live")
            .as_deref(),
        Some("live")
    );
    assert_eq!(
        status_of(&tracker, "Dupont", "scoremon").as_deref(),
        Some("Pending (STATUS_PENDING_UNDERWRITING)")
    );
    emit("decision", Some(&decided_event()));
    assert!(
        until(Duration::from_secs(1), || status_of(
            &tracker, "Dupont", "scoremon"
        )
        .as_deref()
            == Some("Granted (DECIDED_FULL)"))
        .await
    );
    assert_eq!(tracker.shown_rows().len(), 3);
    assert_eq!(calls().len(), 1, "no reload");
    assert_eq!(
        tracker.text("[aria-live=polite]"),
        "Société Dupont SAS: Granted"
    );

    // The temporary Coface number is replaced by the definitive one the event links by order.
    let mut definitive = coface_rows()
        .into_iter()
        .find(|row| row.buyer_id == "Z000000012345")
        .unwrap();
    definitive.buyer_id = "0099887766554400000".to_owned();
    definitive.id = "DLV-4004".to_owned();
    definitive.buyer_identifiers.clear();
    definitive.status = StatusReport {
        status: Some(Status::Decided(Outcome::Refused)),
        raw: RawStatus::new("coface.delivery", "DECIDED_REFUSED"),
    };
    emit(
        "decision",
        Some(&json!({"insurer": "coface", "decision": definitive}).to_string()),
    );
    assert!(
        until(Duration::from_secs(1), || tracker
            .column(1)
            .iter()
            .any(|ids| ids.contains("0099887766554400000")))
        .await
    );
    assert!(!tracker
        .column(1)
        .iter()
        .any(|ids| ids.contains("Z000000012345")));
    assert_eq!(tracker.shown_rows().len(), 3);

    // An application sent from the cover form on the same page joins the rows.
    let mut applied = synthetic_rows(1).remove(0);
    applied.buyer_name = Some("Nouvel Acheteur SA".to_owned());
    let detail = serde_wasm_bindgen::to_value(&applied).unwrap();
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    init.set_bubbles(true);
    let event =
        web_sys::CustomEvent::new_with_event_init_dict("tradecover-decision", &init).unwrap();
    window().document().unwrap().dispatch_event(&event).unwrap();
    assert!(until(Duration::from_secs(1), || tracker.shown_rows().len() == 4).await);
    assert!(tracker.column(0).contains(&"Nouvel Acheteur SA".to_owned()));
    drop(tracker);
    let closed =
        Function::new_no_args("return window.__tcSources[window.__tcSources.length - 1].closed;")
            .call0(&JsValue::NULL)
            .unwrap();
    assert_eq!(closed.as_bool(), Some(true), "unmounting closes the stream");
}

#[wasm_bindgen_test]
async fn pending_rows_are_polled_when_the_stream_fails() {
    let _turn = turn().await;
    fake_event_source();
    serve_portfolio_then_scoremon_decided();
    let tracker = Mounted::new(
        json!({"insurers": "coface", "proxy": "/proxy", "policy": "C-9",
        "syncUrl": false, "polling": {"initialDelay": 2, "factor": 2, "maxDelay": 60, "jitter": 0}}),
    );
    assert!(until(Duration::from_secs(3), || tracker.shown_rows().len() == 3).await);
    emit("error", None);
    sleep(Duration::from_millis(20)).await;
    assert_eq!(
        tracker
            .query(".tc-tracker")
            .unwrap()
            .get_attribute("data-live")
            .as_deref(),
        Some("polling")
    );
    assert!(tracker.text(".tc-summary").contains("checked again at"));
    assert_eq!(
        calls().len(),
        1,
        "nothing is asked before the policy's first delay"
    );
    assert!(
        until(Duration::from_secs(5), || status_of(
            &tracker, "Dupont", "scoremon"
        )
        .as_deref()
            == Some("Granted (DECIDED_FULL)"))
        .await,
        "{:?} {:?}",
        status_of(&tracker, "Dupont", "scoremon"),
        tracker.column(3)
    );
    let checks: Vec<String> = calls()
        .iter()
        .skip(1)
        .map(|call| call["search"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        checks.contains(&"?easyNumber=0012345678904700000".to_owned()),
        "{checks:?}"
    );
    assert!(
        checks.contains(&"?easyNumber=Z000000012345".to_owned()),
        "{checks:?}"
    );
    assert_eq!(tracker.shown_rows().len(), 3);
    // Back online: polling stops.
    emit("open", None);
    sleep(Duration::from_millis(20)).await;
    assert_eq!(
        tracker
            .query(".tc-tracker")
            .unwrap()
            .get_attribute("data-live")
            .as_deref(),
        Some("live")
    );
}

/// Fires `tradecover-decision` on the document, as the cover form does.
fn form_decision(decision: &Decision) {
    let detail = serde_wasm_bindgen::to_value(decision).unwrap();
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    init.set_bubbles(true);
    let event =
        web_sys::CustomEvent::new_with_event_init_dict("tradecover-decision", &init).unwrap();
    window().document().unwrap().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn rows_of_insurers_that_do_not_notify_are_polled_while_the_stream_is_up() {
    let _turn = turn().await;
    fake_event_source();
    serve(json!([
        {"method": "GET", "path": PORTFOLIO_PATH, "replies": [{"status": 200, "body": COFACE_PORTFOLIO}]},
        {"method": "GET", "path": "/proxy/allianz-trade/riskinfo/v3/covers/COV-7",
            "replies": [{"status": 200, "body": allianz_cover("COV-7", "Nouvel Acheteur SA")}]},
    ]));
    let tracker = Mounted::new(
        json!({"insurers": "coface", "proxy": "/proxy", "policy": "C-9", "syncUrl": false,
        "polling": {"initialDelay": 1, "factor": 1, "maxDelay": 1, "jitter": 0}}),
    );
    assert!(until(Duration::from_secs(3), || tracker.shown_rows().len() == 3).await);
    emit("open", None);
    // An Allianz Trade application from the cover form, referred.
    let mut applied = synthetic_rows(1).remove(0);
    applied.insurer = tradecover::core::Insurer::AllianzTrade;
    applied.id = "COV-7".to_owned();
    applied.order_id = None;
    applied.product = "CreditLimit".to_owned();
    applied.buyer_name = Some("Nouvel Acheteur SA".to_owned());
    applied.status = StatusReport {
        status: Some(Status::Pending(
            tradecover::core::lifecycle::PendingReason::Underwriting,
        )),
        raw: RawStatus::new("allianz_trade.cover", "Pending"),
    };
    form_decision(&applied);
    assert!(until(Duration::from_secs(1), || tracker.shown_rows().len() == 4).await);
    assert!(
        until(Duration::from_secs(5), || status_of(
            &tracker,
            "Nouvel Acheteur",
            "creditlimit"
        )
        .is_some_and(|status| status.starts_with("Granted")))
        .await,
        "{:?} {:?}",
        status_of(&tracker, "Nouvel Acheteur", "creditlimit"),
        calls()
    );
    let live = tracker
        .query(".tc-tracker")
        .unwrap()
        .get_attribute("data-live");
    assert_eq!(live.as_deref(), Some("live"), "the stream stayed up");
    assert_eq!(
        tracker.text("[aria-live=polite]"),
        "Nouvel Acheteur SA: Granted"
    );
    let asked: Vec<String> = calls()
        .iter()
        .map(|call| {
            format!(
                "{}{}",
                call["path"].as_str().unwrap(),
                call["search"].as_str().unwrap()
            )
        })
        .collect();
    assert!(
        asked.contains(&"/proxy/allianz-trade/riskinfo/v3/covers/COV-7".to_owned()),
        "{asked:?}"
    );
    assert!(
        !asked.iter().any(|call| call.contains("easyNumber=")),
        "pending Coface rows are left to the stream: {asked:?}"
    );
    // The functional notification of the same application (its cover request) adds no row.
    let mut request = applied.clone();
    request.id = "REQ-7".to_owned();
    request.status = StatusReport {
        status: Some(Status::Decided(Outcome::Full)),
        raw: RawStatus::new(
            tradecover::core::allianz_trade::status::REQUEST_STATUS_SCHEME,
            "Accepted",
        ),
    };
    emit(
        "decision",
        Some(&json!({"insurer": "allianz-trade", "decision": request}).to_string()),
    );
    sleep(Duration::from_millis(50)).await;
    assert_eq!(tracker.shown_rows().len(), 4);

    // Decided: asked about no more.
    let count = calls().len();
    sleep(Duration::from_millis(2500)).await;
    assert_eq!(calls().len(), count);
}

fn focused() -> Option<Element> {
    window().document().unwrap().active_element()
}

fn focused_cell() -> (String, String) {
    let cell = focused().unwrap();
    let row = cell.closest("[role=row]").unwrap().unwrap();
    (
        row.get_attribute("aria-rowindex").unwrap(),
        cell.get_attribute("data-col").unwrap(),
    )
}

async fn press(key: &str, ctrl: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_ctrl_key(ctrl);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    focused().unwrap().dispatch_event(&event).unwrap();
    sleep(Duration::from_millis(30)).await;
}

#[wasm_bindgen_test]
async fn arrow_keys_move_between_cells_of_the_grid() {
    let _turn = turn().await;
    assert_eq!(next_cell("ArrowLeft", false, (0, 0), 5, 3, 2), Some((0, 0)));
    assert_eq!(next_cell("PageDown", false, (3, 1), 5, 3, 2), Some((4, 1)));
    assert_eq!(next_cell("x", false, (0, 0), 5, 3, 2), None);
    assert_eq!(next_cell("ArrowDown", false, (0, 0), 0, 3, 2), None);

    let rows = 500;
    let tracker = Component::new(synthetic_rows(rows));
    assert!(until(Duration::from_secs(3), || !tracker.shown_rows().is_empty()).await);
    let grid = tracker.query("[role=grid]").unwrap();
    assert_eq!(grid.get_attribute("aria-colcount").as_deref(), Some("12"));
    assert!(grid.get_attribute("aria-labelledby").is_some());
    assert_eq!(tracker.query_all("[role=columnheader]").len(), 12);
    assert_eq!(
        tracker
            .query(".tc-header-row")
            .unwrap()
            .get_attribute("aria-rowindex")
            .as_deref(),
        Some("1")
    );
    assert_eq!(
        tracker.query_all("[role=gridcell][tabindex=\"0\"]").len(),
        1
    );
    tracker.click("[role=row][aria-rowindex=\"2\"] [data-col=\"0\"]");
    let first: HtmlElement = tracker
        .query("[role=row][aria-rowindex=\"2\"] [data-col=\"0\"]")
        .unwrap()
        .unchecked_into();
    first.focus().unwrap();
    press("ArrowDown", false).await;
    assert_eq!(focused_cell(), ("3".to_owned(), "0".to_owned()));
    press("ArrowRight", false).await;
    press("ArrowRight", false).await;
    assert_eq!(focused_cell(), ("3".to_owned(), "2".to_owned()));
    press("End", false).await;
    assert_eq!(focused_cell(), ("3".to_owned(), "11".to_owned()));
    press("Home", false).await;
    assert_eq!(focused_cell(), ("3".to_owned(), "0".to_owned()));
    press("End", true).await;
    assert_eq!(focused_cell(), ((rows + 1).to_string(), "11".to_owned()));
    assert_eq!(
        focused().unwrap().get_attribute("tabindex").as_deref(),
        Some("0")
    );
    press("ArrowUp", false).await;
    assert_eq!(focused_cell(), (rows.to_string(), "11".to_owned()));
    press("Home", true).await;
    assert_eq!(focused_cell(), ("2".to_owned(), "0".to_owned()));
    press("PageDown", false).await;
    let (row, _) = focused_cell();
    assert!(row.parse::<usize>().unwrap() > 2);
    assert_eq!(
        tracker.query_all("[role=gridcell][tabindex=\"0\"]").len(),
        1
    );

    // Enter opens the row's details: its raw code and what the core allows on it.
    press("Home", true).await;
    press("Enter", false).await;
    let detail = tracker.query(".tc-detail").expect("detail panel");
    assert!(detail.text_content().unwrap().contains("DECIDED_PARTIAL"));
    let shown: Vec<String> = tracker
        .query_all("[data-action]")
        .iter()
        .map(|item| item.get_attribute("data-action").unwrap())
        .collect();
    let row = &synthetic_rows(1)[0];
    let expected: Vec<String> = allowed_actions(
        row.insurer,
        row.status.status.unwrap(),
        ProductFacts {
            has_delivery_id: true,
            ..ProductFacts::default()
        },
    )
    .into_iter()
    .map(|action| {
        match action {
            Action::Increase => "action_increase",
            Action::Reduce => "action_reduce",
            Action::Cancel => "action_cancel",
            Action::Delete => "action_delete",
            Action::Stop => "action_stop",
            Action::Convert => "action_convert",
            Action::SetReference => "action_set_reference",
        }
        .to_owned()
    })
    .collect();
    assert!(!expected.is_empty());
    assert_eq!(shown, expected);
    assert_eq!(
        focused()
            .and_then(|element| element.get_attribute("part"))
            .as_deref(),
        Some("detail"),
        "the panel takes the focus"
    );
    tracker.click(".tc-detail [part~=close]");
    sleep(Duration::from_millis(30)).await;
    assert!(tracker.query(".tc-detail").is_none());
    assert_eq!(
        focused_cell(),
        ("2".to_owned(), "0".to_owned()),
        "and gives it back"
    );
}

const ATRADIUS_COVERS: &str =
    include_str!("../core/tests/fixtures/atradius/covers.typical.response.json");
const ATRADIUS_MODIFIED: &str =
    include_str!("../core/tests/fixtures/atradius/modify.accepted.response.json");
const ATRADIUS_COVERS_PATH: &str = "/proxy/atradius/credit-insurance/cover-management/v1/covers";

fn fixture_body(fixture: &str) -> Value {
    serde_json::from_str::<Value>(fixture).unwrap()["body"].clone()
}

/// Opens the detail panel of the first row shown.
async fn open_first_detail(tracker: &impl Nodes) {
    let cell: HtmlElement = tracker
        .query("[role=row][aria-rowindex=\"2\"] [data-col=\"0\"]")
        .unwrap()
        .unchecked_into();
    cell.click();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    cell.dispatch_event(&event).unwrap();
    sleep(Duration::from_millis(30)).await;
}

#[wasm_bindgen_test]
async fn atradius_reference_and_cancel_go_through_the_proxy_after_confirmation() {
    let _turn = turn().await;
    serve(json!([
        {"method": "GET", "path": ATRADIUS_COVERS_PATH,
            "replies": [{"status": 200, "body": fixture_body(ATRADIUS_COVERS)}]},
        {"method": "GET", "path": format!("{ATRADIUS_COVERS_PATH}/applications"),
            "replies": [{"status": 200, "body": {"data": []}}]},
        {"method": "PUT", "path": ATRADIUS_COVERS_PATH, "replies": [
            {"status": 503, "body": {"message": "busy"}},
            {"status": 200, "body": fixture_body(ATRADIUS_MODIFIED)},
        ]},
    ]));
    let tracker = Mounted::new(
        json!({"insurers": "atradius", "proxy": "/proxy", "syncUrl": false,
        "atradiusCustomerId": "10000001", "atradiusPolicyId": "POL-1"}),
    );
    assert!(until(Duration::from_secs(3), || tracker.shown_rows().len() == 2).await);
    tracker.click("[data-column=buyer] button");
    sleep(Duration::from_millis(20)).await;
    open_first_detail(&tracker).await;
    assert!(tracker.query(".tc-detail").is_some());
    let reference_before = tracker.text(".tc-detail [data-column=reference]");

    // Set the reference: nothing is sent before the confirmation; a failure keeps the key, and
    // as Atradius ignores the key, the retry reads the buyer's covers first (unchanged: sent).
    tracker.click("[data-action=action_set_reference] button");
    sleep(Duration::from_millis(20)).await;
    assert_eq!(calls().len(), 1);
    let input = tracker.query(".tc-confirm [name=reference]").unwrap();
    assert_eq!(
        Reflect::get(&input, &"value".into()).unwrap().as_string(),
        Some(reference_before.clone())
    );
    Reflect::set(&input, &"value".into(), &"REF-9".into()).unwrap();
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tracker.click(".tc-confirm [part~=confirm]");
    assert!(
        until(Duration::from_secs(2), || tracker
            .query(".tc-confirm [role=alert]")
            .is_some())
        .await
    );
    tracker.click(".tc-confirm [part~=confirm]");
    assert!(
        until(Duration::from_secs(2), || tracker
            .query(".tc-confirm")
            .is_none())
        .await
    );
    let puts: Vec<Value> = calls()
        .into_iter()
        .filter(|call| call["method"] == "PUT")
        .collect();
    assert_eq!(puts.len(), 2);
    assert_eq!(puts[0]["body"]["action"], "update-reference");
    assert_eq!(puts[0]["body"]["customerRefNumber"], "REF-9");
    let key = puts[0]["key"].as_str().unwrap().to_owned();
    assert!(key.len() >= 16);
    assert_eq!(
        puts[1]["key"].as_str(),
        Some(key.as_str()),
        "a retry keeps its key"
    );
    assert!(
        until(Duration::from_secs(1), || tracker
            .text(".tc-detail [data-column=reference]")
            == "REF-9")
        .await
    );
    let reads_before_retry: Vec<String> = calls()
        .iter()
        .map(|call| format!("{} {}", call["method"], call["path"]))
        .collect();
    assert_eq!(reads_before_retry.len(), 5, "{reads_before_retry:?}");
    assert!(
        reads_before_retry[2].starts_with("\"GET\""),
        "{reads_before_retry:?}"
    );
    assert!(tracker
        .text("[aria-live=polite]")
        .contains("Set or erase the reference done"));

    // Cancel: asked first, then sent with a new key; the row ends.
    tracker.click("[data-action=action_cancel] button");
    sleep(Duration::from_millis(20)).await;
    assert!(tracker.text(".tc-confirm").contains("cannot be undone"));
    tracker.click(".tc-confirm [part~=back]");
    sleep(Duration::from_millis(20)).await;
    assert!(tracker.query(".tc-confirm").is_none());
    assert_eq!(calls().len(), 5);
    tracker.click("[data-action=action_cancel] button");
    sleep(Duration::from_millis(20)).await;
    tracker.click(".tc-confirm [part~=confirm]");
    assert!(until(Duration::from_secs(2), || calls().len() == 6).await);
    let cancel = calls().pop().unwrap();
    assert_eq!(cancel["body"]["action"], "cancel");
    assert_ne!(cancel["key"].as_str(), Some(key.as_str()));
    assert!(
        until(Duration::from_secs(1), || tracker
            .text(".tc-detail [data-column=status]")
            .starts_with("Withdrawn"))
        .await
    );
    assert!(
        tracker.query("[data-action=action_cancel]").is_none(),
        "nothing left to cancel"
    );
}

/// Serves the Coface portfolio, then the same portfolio with Dupont's pending "scoremon" order
/// decided (delivery DLV-3003, granted in full).
fn serve_portfolio_then_scoremon_decided() {
    let mut decided: Value = serde_json::from_str(COFACE_PORTFOLIO).unwrap();
    let product = &mut decided["companies"][0]["products"][1];
    product["deliveryId"] = json!("DLV-3003");
    product["deliveryStatus"] = json!("DECIDED_FULL");
    product["orderStatus"] = json!("STATUS_CLOSED");
    serve(json!([
        {"method": "GET", "path": PORTFOLIO_PATH, "replies": [
            {"status": 200, "body": COFACE_PORTFOLIO},
            {"status": 200, "body": decided},
        ]},
    ]));
}

#[wasm_bindgen_test]
async fn a_gap_in_the_stream_reloads_and_merges_the_portfolio() {
    let _turn = turn().await;
    fake_event_source();
    serve_portfolio_then_scoremon_decided();
    let tracker = Mounted::new(
        json!({"insurers": "coface", "proxy": "/proxy", "policy": "C-9", "syncUrl": false}),
    );
    assert!(until(Duration::from_secs(3), || tracker.shown_rows().len() == 3).await);
    emit("gap", Some("{\"missedFrom\":1,\"resumedFrom\":11}"));
    assert!(
        until(Duration::from_secs(3), || status_of(
            &tracker, "Dupont", "scoremon"
        )
        .as_deref()
            == Some("Granted (DECIDED_FULL)"))
        .await
    );
    assert_eq!(calls().len(), 2);
    assert_eq!(calls()[1]["search"], "");
    assert_eq!(tracker.shown_rows().len(), 3, "merged, not added twice");
    assert_eq!(
        tracker.text("[aria-live=polite]"),
        "Société Dupont SAS: Granted"
    );
}

#[wasm_bindgen_test]
async fn an_order_event_asks_coface_about_the_company_again() {
    let _turn = turn().await;
    fake_event_source();
    serve_portfolio_then_scoremon_decided();
    let tracker = Mounted::new(
        json!({"insurers": "coface", "proxy": "/proxy", "policy": "C-9", "syncUrl": false}),
    );
    assert!(until(Duration::from_secs(3), || tracker.shown_rows().len() == 3).await);
    let order = json!({"insurer": "coface", "policy": "C-9",
        "notification": {"messageId": "m-1", "orderId": "ORD-1003"}});
    emit("order", Some(&order.to_string()));
    assert!(
        until(Duration::from_secs(3), || status_of(
            &tracker, "Dupont", "scoremon"
        )
        .as_deref()
            == Some("Granted (DECIDED_FULL)"))
        .await
    );
    assert_eq!(calls().len(), 2);
    assert_eq!(calls()[1]["search"], "?easyNumber=0012345678904700000");
    assert_eq!(tracker.shown_rows().len(), 3);
}

#[wasm_bindgen_test]
async fn the_detail_panel_shows_conditions_and_on_demand_the_insurers_raw_answer() {
    let _turn = turn().await;
    serve(json!([
        {"method": "GET", "path": PORTFOLIO_PATH, "replies": [{"status": 200, "body": COFACE_PORTFOLIO}]},
    ]));
    let tracker = Mounted::new(json!({"insurers": "coface", "proxy": "/proxy", "syncUrl": false}));
    let rows = coface_rows();
    assert!(
        until(Duration::from_secs(3), || tracker.shown_rows().len()
            == rows.len())
        .await
    );
    open_first_detail(&tracker).await;
    // Unsorted, the first row is the first decision received.
    let row = &rows[0];
    assert!(
        !row.conditions.is_empty(),
        "the fixture's first decision has conditions"
    );
    let conditions: Vec<String> = tracker
        .query_all(".tc-detail [part=detail-condition]")
        .iter()
        .map(|item| item.text_content().unwrap_or_default())
        .collect();
    assert_eq!(conditions, row.conditions);

    // Collapsed and not asked for until the user expands it; then asked once.
    let button = ".tc-detail [part~=disclosure]";
    let region = tracker.query("[part=detail-payload-region]").unwrap();
    assert!(region.has_attribute("hidden"));
    let controls = tracker
        .query(button)
        .unwrap()
        .get_attribute("aria-controls");
    assert_eq!(controls.as_deref(), Some(region.id().as_str()));
    assert_eq!(calls().len(), 1);
    tracker.click(button);
    assert!(
        until(Duration::from_secs(2), || tracker
            .query("[part=detail-payload-body]")
            .is_some())
        .await
    );
    let asked = calls().pop().unwrap();
    assert_eq!(asked["method"], "GET");
    assert!(asked["search"]
        .as_str()
        .unwrap()
        .contains(&format!("easyNumber={}", row.buyer_id)));
    let shown: Value = serde_json::from_str(&tracker.text("[part=detail-payload-body]")).unwrap();
    let served: Value = serde_json::from_str(COFACE_PORTFOLIO).unwrap();
    assert_eq!(shown, served, "the answer is shown as received");
    assert!(tracker.text("[part=detail-payload-body]").contains("\n  "));
    tracker.click(button);
    sleep(Duration::from_millis(20)).await;
    assert!(tracker
        .query("[part=detail-payload-region]")
        .unwrap()
        .has_attribute("hidden"));
    tracker.click(button);
    sleep(Duration::from_millis(20)).await;
    assert_eq!(calls().len(), 2, "expanding again does not ask again");
}

/// The Coface fixture with its `count` set to `count`, and, with `suffix`, its companies renamed
/// and renumbered (a different page of the same portfolio).
fn coface_page(count: usize, suffix: Option<&str>) -> Value {
    let mut body: Value = serde_json::from_str(COFACE_PORTFOLIO).unwrap();
    body["count"] = json!(count);
    if let Some(suffix) = suffix {
        for company in body["companies"].as_array_mut().unwrap() {
            let easy = company["easyNumber"].as_str().unwrap().to_owned();
            company["easyNumber"] =
                json!(format!("{}{suffix}", &easy[..easy.len() - suffix.len()]));
            let name = company["companyName"].as_str().unwrap().to_owned();
            company["companyName"] = json!(format!("{name} {suffix}"));
            for product in company["products"].as_array_mut().unwrap() {
                for key in ["orderId", "deliveryId"] {
                    if let Some(id) = product[key].as_str().map(str::to_owned) {
                        product[key] = json!(format!("{id}-{suffix}"));
                    }
                }
            }
        }
    }
    json!({"status": 200, "body": body})
}

#[wasm_bindgen_test]
async fn a_coface_portfolio_is_loaded_page_by_page_until_every_company_came() {
    let _turn = turn().await;
    let per_page = coface_rows().len();
    serve(json!([
        {"method": "GET", "path": PORTFOLIO_PATH,
            "replies": [coface_page(4, None), coface_page(4, Some("77")), coface_page(4, Some("88"))]},
    ]));
    let tracker = Mounted::new(json!({"insurers": "coface", "proxy": "/proxy", "syncUrl": false}));
    assert!(
        until(Duration::from_secs(3), || tracker.shown_rows().len()
            == 2 * per_page)
        .await
    );
    sleep(Duration::from_millis(50)).await;
    let searches: Vec<String> = calls()
        .iter()
        .map(|call| call["search"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        searches,
        ["", "?page=2"],
        "two pages of two companies make the four"
    );
    assert_eq!(tracker.shown_rows().len(), 2 * per_page);
}

#[wasm_bindgen_test]
async fn a_coface_answer_that_ignores_the_page_is_not_added_twice() {
    let _turn = turn().await;
    let per_page = coface_rows().len();
    serve(json!([
        {"method": "GET", "path": PORTFOLIO_PATH, "replies": [coface_page(50, None)]},
    ]));
    let tracker = Mounted::new(json!({"insurers": "coface", "proxy": "/proxy", "syncUrl": false}));
    assert!(until(Duration::from_secs(3), || calls().len() == 2).await);
    sleep(Duration::from_millis(100)).await;
    assert_eq!(calls().len(), 2, "the same page twice ends the listing");
    assert_eq!(tracker.shown_rows().len(), per_page);
    assert!(tracker.query("[part=progress]").is_none());
}

// ---------------------------------------------------------------------------------------------
// Actions of every insurer from the detail panel
// ---------------------------------------------------------------------------------------------

/// A decided row of `insurer`, `granted` whole euros in force.
fn acting_row(
    insurer: Insurer,
    id: &str,
    buyer: &str,
    name: &str,
    product: &str,
    granted: i64,
) -> Decision {
    Decision {
        insurer,
        id: id.into(),
        buyer_id: buyer.into(),
        buyer_name: Some(name.into()),
        buyer_identifiers: Vec::new(),
        product: product.into(),
        requested: Some(Money::from_minor(granted * 100, Currency::EUR)),
        granted: Some(Money::from_minor(granted * 100, Currency::EUR)),
        status: StatusReport {
            status: Some(Status::Decided(Outcome::Full)),
            raw: RawStatus::new("test", "GRANTED"),
        },
        applied_on: Some("2026-01-02".into()),
        decided_on: Some("2026-01-03".into()),
        effective_from: None,
        expires_on: None,
        customer_reference: None,
        order_id: (insurer == Insurer::Coface).then(|| format!("ORD-{id}")),
        conditions: Vec::new(),
    }
}

/// Opens the detail panel of the row at `position` (0: the first shown).
async fn open_detail(tracker: &impl Nodes, position: usize) {
    if tracker.query(".tc-detail").is_some() {
        tracker.click(".tc-detail [part~=close]");
        sleep(Duration::from_millis(20)).await;
    }
    let cell: HtmlElement = tracker
        .query(&format!(
            "[role=row][aria-rowindex=\"{}\"] [data-col=\"0\"]",
            position + 2
        ))
        .unwrap()
        .unchecked_into();
    cell.click();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    cell.dispatch_event(&event).unwrap();
    sleep(Duration::from_millis(30)).await;
    assert!(tracker.query(".tc-detail").is_some());
}

/// Types `value` into the confirmation's input `name`.
async fn type_into(tracker: &impl Nodes, name: &str, value: &str) {
    let input = tracker
        .query(&format!(".tc-confirm [name={name}]"))
        .unwrap_or_else(|| panic!("no input {name}"));
    Reflect::set(&input, &"value".into(), &value.into()).unwrap();
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    sleep(Duration::from_millis(10)).await;
}

/// Opens `action` in the detail panel, fills `input` if given, confirms, and waits until the
/// confirmation closes (done) or shows an error; returns the error code, if any.
async fn act(tracker: &impl Nodes, action: &str, input: Option<(&str, &str)>) -> Option<String> {
    if tracker.query(".tc-confirm").is_none() {
        tracker.click(&format!("[data-action={action}] button"));
        sleep(Duration::from_millis(20)).await;
    }
    if let Some((name, value)) = input {
        type_into(tracker, name, value).await;
    }
    tracker.click(".tc-confirm [part~=confirm]");
    // The previous error goes as the attempt starts.
    sleep(Duration::from_millis(20)).await;
    until(Duration::from_secs(5), || {
        tracker.query(".tc-confirm").is_none()
            || tracker.query(".tc-confirm [role=alert]").is_some()
    })
    .await;
    tracker
        .query(".tc-confirm [role=alert]")
        .and_then(|alert| alert.get_attribute("data-code"))
}

fn sent(method: &str) -> Vec<Value> {
    calls()
        .into_iter()
        .filter(|call| call["method"] == method)
        .collect()
}

fn timeline(tracker: &impl Nodes) -> String {
    tracker.text(".tc-detail [part=detail-timeline]")
}

#[wasm_bindgen_test]
async fn atradius_increase_reduce_and_convert_check_the_amount_and_update_the_timeline() {
    let _turn = turn().await;
    serve(json!([
        {"method": "GET", "path": ATRADIUS_COVERS_PATH, "replies": [{"status": 200, "body": {"data": []}}]},
        {"method": "GET", "path": format!("{ATRADIUS_COVERS_PATH}/applications"),
            "replies": [{"status": 200, "body": {"data": []}}]},
        {"method": "PUT", "path": ATRADIUS_COVERS_PATH, "replies": [{"status": 200, "body": fixture_body(ATRADIUS_MODIFIED)}]},
        {"method": "PUT", "path": "/covers/900003/cover-type", "replies": [{"status": 200, "body": {"data": []}}]},
    ]));
    let tracker = Component::acting(vec![
        acting_row(
            Insurer::Atradius,
            "900001",
            "11223344",
            "Alpha",
            "credit-limit",
            50_000,
        ),
        acting_row(
            Insurer::Atradius,
            "900002",
            "22334455",
            "Beta",
            "credit-limit",
            50_000,
        ),
        acting_row(
            Insurer::Atradius,
            "900003",
            "33445566",
            "Gamma",
            "indication",
            20_000,
        ),
    ]);
    sleep(Duration::from_millis(30)).await;

    // Increase: the amount is read in the row's currency and must exceed the current one.
    open_detail(&tracker, 0).await;
    tracker.click("[data-action=action_increase] button");
    sleep(Duration::from_millis(20)).await;
    assert!(tracker.text(".tc-confirm").contains("EUR"));
    assert_eq!(
        act(&tracker, "action_increase", Some(("amount", "40000")))
            .await
            .as_deref(),
        Some("amount.not_above_current")
    );
    assert!(
        tracker.text(".tc-confirm [role=alert]").contains("50,000"),
        "{}",
        tracker.text(".tc-confirm")
    );
    assert_eq!(
        tracker
            .query(".tc-confirm [name=amount]")
            .unwrap()
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        act(&tracker, "action_increase", Some(("amount", "lots")))
            .await
            .as_deref(),
        Some("amount.format")
    );
    assert_eq!(
        act(&tracker, "action_increase", Some(("amount", "USD 90,000")))
            .await
            .as_deref(),
        Some("amount.currency_mismatch")
    );
    assert!(
        sent("PUT").is_empty(),
        "nothing is sent while the amount is wrong"
    );
    assert_eq!(
        act(&tracker, "action_increase", Some(("amount", "80,000"))).await,
        None
    );
    let put = sent("PUT").pop().unwrap();
    assert_eq!(put["body"]["action"], "supersede");
    assert_eq!(put["body"]["creditLimitAmount"], 80000);
    assert!(put["key"].as_str().is_some_and(|key| key.len() >= 16));
    // The answer names a new cover: the row is replaced, the step is in the timeline.
    assert!(
        until(Duration::from_secs(1), || tracker
            .text(".tc-detail [data-column=status]")
            .starts_with("Replaced"))
        .await
    );
    assert!(
        timeline(&tracker).contains("Increase"),
        "{}",
        timeline(&tracker)
    );
    assert!(
        tracker
            .text("[aria-live=polite]")
            .contains("Alpha: Increase done"),
        "{}",
        tracker.text("[aria-live=polite]")
    );

    // Reduce: must be below the current amount.
    open_detail(&tracker, 1).await;
    assert_eq!(
        act(&tracker, "action_reduce", Some(("amount", "50000")))
            .await
            .as_deref(),
        Some("amount.not_below_current")
    );
    assert_eq!(
        act(&tracker, "action_reduce", Some(("amount", "0")))
            .await
            .as_deref(),
        Some("amount.not_positive")
    );
    assert_eq!(
        act(&tracker, "action_reduce", Some(("amount", "30000"))).await,
        None
    );
    let put = sent("PUT").pop().unwrap();
    assert_eq!(
        (
            put["body"]["action"].as_str(),
            put["body"]["creditLimitAmount"].as_i64()
        ),
        (Some("reduce"), Some(30000))
    );
    assert!(timeline(&tracker).contains("Reduce"));

    // Convert the indication: no input, then a credit limit.
    open_detail(&tracker, 2).await;
    assert!(tracker.query("[data-action=action_increase]").is_none());
    assert_eq!(act(&tracker, "action_convert", None).await, None);
    let convert = sent("PUT").pop().unwrap();
    assert!(convert["path"]
        .as_str()
        .unwrap()
        .ends_with("/covers/900003/cover-type"));
    assert_eq!(convert["body"]["coverType"], "credit-limit");
    assert!(
        until(Duration::from_secs(1), || tracker
            .text(".tc-detail [data-column=product]")
            == "credit-limit")
        .await
    );
    assert!(
        tracker.query("[data-action=action_increase]").is_some(),
        "a credit limit can be increased"
    );
    assert!(timeline(&tracker).contains("Turn into a credit limit"));
}

#[wasm_bindgen_test]
async fn coface_update_stop_delete_and_reference_go_through_the_proxy() {
    let _turn = turn().await;
    const EASY: &str = "0012345678904700000";
    let company = format!("/proxy/coface/companies/{EASY}");
    serve(json!([
        {"method": "GET", "path": PORTFOLIO_PATH, "replies": [{"status": 200, "body": {"companies": []}}]},
        {"method": "POST", "path": format!("{company}/products"), "replies": [
            {"status": 503, "body": {"code": "Unavailable"}},
            {"status": 201, "body": {"easyNumber": EASY, "companyName": "Dupont", "productCode": "CREDITLIMIT",
                "orderId": "ORD-9", "deliveryId": "DLV-9", "orderStatus": "STATUS_CLOSED", "deliveryStatus": "DECIDED_FULL",
                "requestedAmount": 90000, "grantedAmount": 90000, "currencyCode": "EUR"}},
            {"status": 201, "body": {"easyNumber": EASY, "companyName": "Dupont", "productCode": "SCOREMON",
                "orderId": "ORD-DLV-3003", "deliveryId": "DLV-3003", "orderStatus": "STATUS_CLOSED", "deliveryStatus": "DELIVERED"}},
        ]},
        {"method": "GET", "path": format!("{company}/catalog"),
            "replies": [{"status": 200, "body": serde_json::from_str::<Value>(include_str!("../core/tests/fixtures/coface/catalog.response.typical.json")).unwrap()}]},
        {"method": "DELETE", "path": format!("{company}/products/DLV-3003"), "replies": [{"status": 200, "body": {}}]},
        {"method": "PATCH", "path": "/proxy/coface/companies/customerreferences", "replies": [{"status": 200, "body": {}}]},
    ]));
    let tracker = Component::acting(vec![
        acting_row(
            Insurer::Coface,
            "DLV-2002",
            EASY,
            "Dupont",
            "CREDITLIMIT",
            75_000,
        ),
        acting_row(Insurer::Coface, "DLV-3003", EASY, "Dupont", "SCOREMON", 1),
    ]);
    sleep(Duration::from_millis(30)).await;

    // Increase (UPDT): Coface honours the key, so a retry after 503 sends again with it.
    open_detail(&tracker, 0).await;
    assert_eq!(
        act(&tracker, "action_increase", Some(("amount", "90000")))
            .await
            .as_deref(),
        Some("insurer.unavailable")
    );
    assert_eq!(act(&tracker, "action_increase", None).await, None);
    let posts = sent("POST");
    assert_eq!(posts.len(), 2);
    assert_eq!(posts[1]["body"]["actionCode"], "UPDT");
    assert_eq!(posts[1]["body"]["amount"], 90000);
    assert_eq!(posts[0]["key"], posts[1]["key"], "the retry keeps the key");
    let first_two: Vec<Value> = calls()
        .iter()
        .take(2)
        .map(|call| call["method"].clone())
        .collect();
    assert_eq!(
        first_two,
        ["POST", "POST"],
        "no reading before the retry: the key protects it"
    );
    assert!(
        until(Duration::from_secs(1), || tracker
            .text(".tc-detail [data-column=status]")
            .starts_with("Replaced"))
        .await
    );
    assert!(
        until(Duration::from_secs(1), || tracker.shown_rows().len() == 3).await,
        "the new decision is a row"
    );

    // Monitored score: stop first (the delivery id shown), then delete.
    open_detail(&tracker, 1).await;
    assert!(tracker.query("[data-action=action_delete]").is_none());
    tracker.click("[data-action=action_stop] button");
    sleep(Duration::from_millis(20)).await;
    assert!(tracker.text(".tc-confirm").contains("DLV-3003"));
    assert_eq!(act(&tracker, "action_stop", None).await, None);
    assert_eq!(sent("POST").pop().unwrap()["body"]["actionCode"], "STOP");
    assert!(
        until(Duration::from_secs(1), || tracker
            .query("[data-action=action_delete]")
            .is_some())
        .await
    );
    assert!(timeline(&tracker).contains("Stop the monitoring"));
    tracker.click("[data-action=action_delete] button");
    sleep(Duration::from_millis(20)).await;
    assert!(
        tracker.text(".tc-confirm").contains("(delivery DLV-3003)"),
        "{}",
        tracker.text(".tc-confirm")
    );
    assert_eq!(act(&tracker, "action_delete", None).await, None);
    assert_eq!(sent("DELETE").len(), 1);
    assert!(
        until(Duration::from_secs(1), || tracker
            .text(".tc-detail [data-column=status]")
            .starts_with("Withdrawn"))
        .await
    );
    assert!(timeline(&tracker).contains("Delete the product"));

    // The reference belongs to the company.
    assert_eq!(
        act(
            &tracker,
            "action_set_reference",
            Some(("reference", "NEW-1"))
        )
        .await,
        None
    );
    let patch = sent("PATCH").pop().unwrap();
    assert_eq!(
        (
            patch["body"]["easyNumber"].as_str(),
            patch["body"]["customerReference"].as_str()
        ),
        (Some(EASY), Some("NEW-1"))
    );
    assert!(
        until(Duration::from_secs(1), || tracker
            .text(".tc-detail [data-column=reference]")
            == "NEW-1")
        .await
    );
}

#[wasm_bindgen_test]
async fn allianz_trade_increase_reduce_and_cancel_follow_the_job_until_processed() {
    let _turn = turn().await;
    let base = "/proxy/allianz-trade/riskinfo/v3";
    let cover = |status: &str, limit: &str, amount: i64| {
        json!({"coverId": "COV-1", "companyId": "12345678",
        "companyName": "Dupont Logistique", "coverTypeCode": "CreditLimit", "coverStatusCode": status,
        "creditLimitDetails": {"requestedAmount": amount, "currencyCode": "EUR"},
        "creditLimitsAggregation": {"creditLimits": [{"technicalDecisionStatusCode": limit, "amount": amount,
            "currencyCode": "EUR", "startDate": "2026-01-03"}]}})
    };
    let processed = |job: &str| json!({"jobId": job, "jobStatusCode": "PROCESSED", "ressourceUrl": format!("{base}/covers/COV-1")});
    serve(json!([
        {"method": "POST", "path": format!("{base}/covers"), "replies": [
            {"status": 202, "body": {"jobId": "J-1"}}, {"status": 202, "body": {"jobId": "J-2"}}, {"status": 202, "body": {"jobId": "J-3"}}]},
        {"method": "GET", "path": "/jobs/J-1", "replies": [{"status": 200, "body": processed("J-1")}]},
        {"method": "GET", "path": "/jobs/J-2", "replies": [{"status": 200, "body": processed("J-2")}]},
        {"method": "GET", "path": "/jobs/J-3", "replies": [{"status": 200, "body": processed("J-3")}]},
        {"method": "GET", "path": format!("{base}/covers/COV-1"), "replies": [
            {"status": 200, "body": cover("Agreement", "Agreed", 80000)},
            {"status": 200, "body": cover("Reduction", "Reduced", 60000)},
            {"status": 200, "body": cover("Cancellation", "Cancelled", 60000)}]},
    ]));
    let tracker = Component::acting(vec![acting_row(
        Insurer::AllianzTrade,
        "COV-1",
        "12345678",
        "Dupont Logistique",
        "CreditLimit",
        50_000,
    )]);
    sleep(Duration::from_millis(30)).await;
    open_detail(&tracker, 0).await;
    assert_eq!(
        act(&tracker, "action_increase", Some(("amount", "80000"))).await,
        None
    );
    let post = sent("POST").pop().unwrap();
    assert_eq!(post["body"]["requestTypeCode"], "Primary");
    assert_eq!(post["body"]["companyId"], "12345678");
    assert_eq!(post["body"]["creditLimitDetails"]["requestedAmount"], 80000);
    assert_eq!(post["body"]["policy"]["policyId"], "POL-000123");
    assert!(post["key"].as_str().is_some());
    assert!(
        until(Duration::from_secs(2), || tracker
            .text(".tc-detail [data-column=granted]")
            .contains("80,000"))
        .await
    );
    assert!(timeline(&tracker).contains("Increase"));

    assert_eq!(
        act(&tracker, "action_reduce", Some(("amount", "60000"))).await,
        None
    );
    assert!(
        until(Duration::from_secs(2), || tracker
            .text(".tc-detail [data-column=status]")
            .starts_with("Reduced"))
        .await
    );

    assert_eq!(act(&tracker, "action_cancel", None).await, None);
    let cancel = sent("POST").pop().unwrap();
    assert_eq!(cancel["body"]["requestTypeCode"], "Cancellation");
    assert!(cancel["body"].get("creditLimitDetails").is_none());
    assert!(
        until(Duration::from_secs(2), || tracker
            .text(".tc-detail [data-column=status]")
            .starts_with("Cancelled"))
        .await
    );
    assert!(tracker.query("[data-action=action_cancel]").is_none());
    assert!(tracker
        .text("[aria-live=polite]")
        .contains("Cancel the cover done"));
    let jobs: Vec<String> = sent("GET")
        .iter()
        .filter_map(|call| {
            call["path"]
                .as_str()
                .filter(|path| path.contains("/jobs/"))
                .map(str::to_owned)
        })
        .collect();
    assert_eq!(jobs.len(), 3, "one check per processed job: {jobs:?}");
}

#[wasm_bindgen_test]
async fn a_retry_without_an_honoured_key_reads_the_row_first_and_sends_nothing_twice() {
    let _turn = turn().await;
    serve(json!([
        // The cancellation went through although its answer was lost: Atradius no longer
        // lists the cover.
        {"method": "GET", "path": ATRADIUS_COVERS_PATH, "replies": [{"status": 200, "body": {"data": []}}]},
        {"method": "GET", "path": format!("{ATRADIUS_COVERS_PATH}/applications"), "replies": [{"status": 200, "body": {"data": []}}]},
        {"method": "PUT", "path": ATRADIUS_COVERS_PATH, "replies": [{"status": 503, "body": {"message": "busy"}}]},
    ]));
    let tracker = Component::acting(vec![acting_row(
        Insurer::Atradius,
        "900001",
        "11223344",
        "Alpha",
        "credit-limit",
        50_000,
    )]);
    sleep(Duration::from_millis(30)).await;
    open_detail(&tracker, 0).await;
    assert_eq!(
        act(&tracker, "action_cancel", None).await.as_deref(),
        Some("insurer.unavailable")
    );
    assert_eq!(act(&tracker, "action_cancel", None).await, None);
    assert_eq!(sent("PUT").len(), 1, "the change is not sent twice");
    assert_eq!(
        sent("GET").len(),
        2,
        "the buyer's covers and applications were read"
    );
    assert!(
        until(Duration::from_secs(1), || tracker
            .text(".tc-detail [data-column=status]")
            .starts_with("Withdrawn"))
        .await
    );
}

// ---------------------------------------------------------------------------------------------
// Selection and batches
// ---------------------------------------------------------------------------------------------

/// Presses `key` (with Ctrl) on the focused cell, the first one focused first if none is.
async fn press_on_grid(tracker: &impl Nodes, key: &str, ctrl: bool) {
    if focused().is_none_or(|element| element.get_attribute("role").as_deref() != Some("gridcell"))
    {
        let cell: HtmlElement = tracker
            .query("[role=row][aria-rowindex=\"2\"] [data-col=\"0\"]")
            .unwrap()
            .unchecked_into();
        cell.click();
        cell.focus().unwrap();
    }
    press(key, ctrl).await;
}

fn selected_rows_shown(tracker: &impl Nodes) -> Vec<String> {
    tracker
        .query_all(".tc-row:not([hidden])[aria-selected=true]")
        .iter()
        .map(|row| row.get_attribute("aria-rowindex").unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn rows_are_selected_by_keyboard_and_checkbox_and_kept_by_index_not_by_node() {
    let _turn = turn().await;
    let tracker = Component::new(synthetic_rows(300));
    assert!(until(Duration::from_secs(3), || !tracker.shown_rows().is_empty()).await);
    assert_eq!(
        tracker
            .query("[role=grid]")
            .unwrap()
            .get_attribute("aria-multiselectable")
            .as_deref(),
        Some("true")
    );
    let nodes = tracker.query_all(".tc-row").len();
    assert!(tracker.query(".tc-batch").unwrap().has_attribute("hidden"));

    // Space selects the active row, Space again clears it; Shift+Space selects too.
    press_on_grid(&tracker, " ", false).await;
    assert_eq!(selected_rows_shown(&tracker), ["2"]);
    press(" ", false).await;
    assert!(selected_rows_shown(&tracker).is_empty());
    press("ArrowDown", false).await;
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(" ");
    init.set_shift_key(true);
    init.set_bubbles(true);
    init.set_cancelable(true);
    focused()
        .unwrap()
        .dispatch_event(
            &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
    sleep(Duration::from_millis(30)).await;
    assert_eq!(selected_rows_shown(&tracker), ["3"]);
    // The checkbox of the first row.
    let checkbox: HtmlElement = tracker
        .query("[role=row][aria-rowindex=\"2\"] input.tc-select")
        .unwrap()
        .unchecked_into();
    assert!(checkbox
        .get_attribute("aria-label")
        .unwrap()
        .starts_with("Select Buyer"));
    checkbox.click();
    sleep(Duration::from_millis(30)).await;
    assert_eq!(selected_rows_shown(&tracker), ["2", "3"]);
    assert!(tracker.text(".tc-batch").contains("2 selected"));

    // Scrolled far away, the same row nodes show other rows: none of them is selected.
    let scroller: HtmlElement = tracker.query(".tc-scroller").unwrap().unchecked_into();
    scroller.set_scroll_top((200.0 * ROW_HEIGHT) as i32);
    scroller
        .dispatch_event(&web_sys::Event::new("scroll").unwrap())
        .unwrap();
    sleep(Duration::from_millis(50)).await;
    assert!(selected_rows_shown(&tracker).is_empty());
    assert_eq!(
        tracker.query_all(".tc-row").len(),
        nodes,
        "a constant number of row nodes"
    );
    scroller.set_scroll_top(0);
    scroller
        .dispatch_event(&web_sys::Event::new("scroll").unwrap())
        .unwrap();
    sleep(Duration::from_millis(50)).await;
    assert_eq!(selected_rows_shown(&tracker), ["2", "3"]);

    // Ctrl+A selects every row shown (not only the rendered ones), again clears.
    press_on_grid(&tracker, "a", true).await;
    assert!(
        tracker.text(".tc-batch").contains("300 selected"),
        "{}",
        tracker.text(".tc-batch")
    );
    press("a", true).await;
    assert!(tracker.query(".tc-batch").unwrap().has_attribute("hidden"));
}

fn with_status_of(mut row: Decision, status: Status) -> Decision {
    row.status.status = Some(status);
    row
}

/// The rows of the batch tests, by buyer name: Atradius Alpha and Beta, Atradius Gamma
/// (refused), Coface Delta, Allianz Trade Epsilon.
fn batch_rows(names: &[&str]) -> Vec<Decision> {
    let rows = vec![
        acting_row(
            Insurer::Atradius,
            "900001",
            "11223344",
            "Alpha",
            "credit-limit",
            50_000,
        ),
        acting_row(
            Insurer::Atradius,
            "900002",
            "22334455",
            "Beta",
            "credit-limit",
            40_000,
        ),
        with_status_of(
            acting_row(
                Insurer::Atradius,
                "900003",
                "33445566",
                "Gamma",
                "credit-limit",
                10_000,
            ),
            Status::Decided(Outcome::Refused),
        ),
        acting_row(
            Insurer::Coface,
            "DLV-1",
            "0012345678904700000",
            "Delta",
            "CREDITLIMIT",
            75_000,
        ),
        acting_row(
            Insurer::AllianzTrade,
            "COV-1",
            "12345678",
            "Epsilon",
            "CreditLimit",
            20_000,
        ),
    ];
    rows.into_iter()
        .filter(|row| names.contains(&row.buyer_name.as_deref().unwrap_or_default()))
        .collect()
}

#[wasm_bindgen_test]
async fn a_batch_increase_sends_atradius_in_one_request_and_the_others_one_by_one() {
    let _turn = turn().await;
    let base = "/proxy/allianz-trade/riskinfo/v3";
    serve(json!([
        {"method": "POST", "path": format!("{ATRADIUS_COVERS_PATH}/batch"), "replies": [{"status": 207, "body": {"data": [
            {"coverId": 900051, "response": "Action successful", "status": 200},
            {"status": 409, "errors": [{"errorCode": "409", "errorMessage": "New Application cannot supersede existing cover"}]}]}}]},
        {"method": "GET", "path": PORTFOLIO_PATH, "replies": [{"status": 200, "body": {"companies": []}}]},
        {"method": "POST", "path": "/proxy/coface/companies/0012345678904700000/products", "replies": [{"status": 201, "body": {
            "easyNumber": "0012345678904700000", "productCode": "CREDITLIMIT", "orderId": "ORD-9",
            "orderStatus": "STATUS_PENDING_UNDERWRITING", "requestedAmount": 83000, "currencyCode": "EUR"}}]},
        {"method": "POST", "path": format!("{base}/covers"), "replies": [{"status": 202, "body": {"jobId": "J-1"}}]},
        {"method": "GET", "path": "/jobs/J-1", "replies": [{"status": 200, "body": {"jobId": "J-1", "jobStatusCode": "PROCESSED", "ressourceUrl": format!("{base}/covers/COV-1")}}]},
        {"method": "GET", "path": format!("{base}/covers/COV-1"), "replies": [{"status": 200, "body": {"coverId": "COV-1", "companyId": "12345678",
            "companyName": "Epsilon", "coverStatusCode": "Pending",
            "creditLimitsAggregation": {"creditLimits": [{"technicalDecisionStatusCode": "Pending", "currencyCode": "EUR"}]}}}]},
    ]));
    let tracker = Component::acting(batch_rows(&["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]));
    sleep(Duration::from_millis(30)).await;
    press_on_grid(&tracker, "a", true).await;
    assert!(tracker.text(".tc-batch").contains("5 selected"));
    tracker.click("[data-batch=increase]");
    sleep(Duration::from_millis(20)).await;
    assert!(
        tracker.text(".tc-confirm").contains("more on 4 decisions"),
        "{}",
        tracker.text(".tc-confirm")
    );
    assert!(tracker
        .text(".tc-confirm")
        .contains("1 cannot be increased"));
    assert_eq!(
        act(&tracker, "", Some(("percent", "0"))).await.as_deref(),
        Some("percent.invalid")
    );
    assert!(calls().is_empty());
    assert_eq!(act(&tracker, "", Some(("percent", "10"))).await, None);
    assert!(
        until(Duration::from_secs(3), || tracker
            .query_all(".tc-batch-results li")
            .len()
            == 5)
        .await
    );

    // Atradius: one batch request with both rows allowed; the refused one is not sent.
    let batches: Vec<Value> = sent("POST")
        .into_iter()
        .filter(|call| call["path"].as_str().unwrap().ends_with("/covers/batch"))
        .collect();
    assert_eq!(batches.len(), 1);
    let items = batches[0]["body"]["data"].as_array().unwrap().clone();
    assert_eq!(items.len(), 2);
    assert_eq!(
        (
            items[0]["action"].as_str(),
            items[0]["creditLimitAmount"].as_i64()
        ),
        (Some("supersede"), Some(55_000))
    );
    assert_eq!(items[1]["creditLimitAmount"], 44_000);
    assert!(batches[0]["key"].as_str().is_some());
    // Coface and Allianz Trade: one request each, in turn.
    let coface = sent("POST")
        .into_iter()
        .find(|call| call["path"].as_str().unwrap().contains("/coface/"))
        .unwrap();
    assert_eq!(
        (
            coface["body"]["actionCode"].as_str(),
            coface["body"]["amount"].as_i64()
        ),
        (Some("UPDT"), Some(83_000))
    );
    let allianz = sent("POST")
        .into_iter()
        .find(|call| call["path"].as_str().unwrap().contains("/allianz-trade/"))
        .unwrap();
    assert_eq!(
        allianz["body"]["creditLimitDetails"]["requestedAmount"],
        22_000
    );

    let outcomes: Vec<(String, String)> = tracker
        .query_all(".tc-batch-results li")
        .iter()
        .map(|li| {
            (
                li.get_attribute("data-outcome").unwrap(),
                li.text_content().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        outcomes
            .iter()
            .filter(|(outcome, _)| outcome == "done")
            .count(),
        3,
        "{outcomes:?}"
    );
    assert!(outcomes
        .iter()
        .any(|(outcome, text)| outcome == "failed" && text.starts_with("Beta")));
    assert!(outcomes
        .iter()
        .any(|(outcome, text)| outcome == "skipped" && text.starts_with("Gamma")));
    assert!(tracker
        .text("[aria-live=polite]")
        .contains("3 done, 1 failed, 1 skipped."));
    // Results merged into the rows.
    assert!(status_of(&tracker, "Alpha", "credit-limit")
        .is_some_and(|status| status.starts_with("Replaced")));
    assert!(status_of(&tracker, "Epsilon", "CreditLimit")
        .is_some_and(|status| status.starts_with("Pending")));
    assert!(
        tracker.query(".tc-batch").unwrap().has_attribute("hidden"),
        "the selection is cleared"
    );
}

#[wasm_bindgen_test]
async fn a_batch_cancellation_skips_rows_the_core_does_not_allow() {
    let _turn = turn().await;
    let base = "/proxy/allianz-trade/riskinfo/v3";
    serve(json!([
        {"method": "POST", "path": format!("{ATRADIUS_COVERS_PATH}/batch"), "replies": [{"status": 200, "body": {"data": [
            {"coverId": 900001, "response": "Action successful", "status": 200}]}}]},
        {"method": "POST", "path": format!("{base}/covers"), "replies": [{"status": 202, "body": {"jobId": "J-1"}}]},
        {"method": "GET", "path": "/jobs/J-1", "replies": [{"status": 200, "body": {"jobId": "J-1", "jobStatusCode": "PROCESSED", "ressourceUrl": format!("{base}/covers/COV-1")}}]},
        {"method": "GET", "path": format!("{base}/covers/COV-1"), "replies": [{"status": 200, "body": {"coverId": "COV-1", "companyId": "12345678",
            "companyName": "Epsilon", "coverStatusCode": "Cancellation",
            "creditLimitsAggregation": {"creditLimits": [{"technicalDecisionStatusCode": "Cancelled", "amount": 20000, "currencyCode": "EUR"}]}}}]},
    ]));
    let tracker = Component::acting(batch_rows(&["Alpha", "Delta", "Epsilon"]));
    sleep(Duration::from_millis(30)).await;
    press_on_grid(&tracker, "a", true).await;
    tracker.click("[data-batch=cancel]");
    sleep(Duration::from_millis(20)).await;
    assert!(
        tracker
            .text(".tc-confirm")
            .contains("Cancel 2 covers? 1 cannot be cancelled"),
        "{}",
        tracker.text(".tc-confirm")
    );
    assert_eq!(act(&tracker, "", None).await, None);
    assert!(
        until(Duration::from_secs(3), || tracker
            .query_all(".tc-batch-results li")
            .len()
            == 3)
        .await
    );
    let batch = sent("POST")
        .into_iter()
        .find(|call| call["path"].as_str().unwrap().ends_with("/covers/batch"))
        .unwrap();
    assert_eq!(batch["body"]["data"][0]["action"], "cancel");
    let allianz = sent("POST")
        .into_iter()
        .find(|call| call["path"].as_str().unwrap().contains("/allianz-trade/"))
        .unwrap();
    assert_eq!(allianz["body"]["requestTypeCode"], "Cancellation");
    assert!(
        calls()
            .iter()
            .all(|call| !call["path"].as_str().unwrap().contains("/coface/")),
        "Coface deletes, it does not cancel"
    );
    assert!(status_of(&tracker, "Alpha", "credit-limit")
        .is_some_and(|status| status.starts_with("Withdrawn")));
    assert!(status_of(&tracker, "Epsilon", "CreditLimit")
        .is_some_and(|status| status.starts_with("Cancelled")));
    assert!(tracker.text(".tc-batch-results").contains("Delta: skipped"));
}
