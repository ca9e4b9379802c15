//! Browser tests of the cover request form, mounted through the JS API into a real shadow root,
//! with `window.fetch` answering per URL like the proxy would and recording every call.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::{calls, sleep, turn, until, window};
use std::time::Duration;

use js_sys::{Array, Function, Reflect};
use serde_json::{json, Value};
use tradecover::{mount_cover_form, CoverFormHandle};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const EASY: &str = "0012345678904700000";
const COFACE_ORDER_DECIDED: &str =
    include_str!("../core/tests/fixtures/coface/order.response.decided.json");
const COFACE_ORDER_REJECTED: &str =
    include_str!("../core/tests/fixtures/coface/order.response.rejected.json");
const ATRADIUS_REFERRED: &str =
    include_str!("../core/tests/fixtures/atradius/application.referred.response.json");
const ATRADIUS_DECIDED: &str =
    include_str!("../core/tests/fixtures/atradius/application.with_cover.response.json");
const ALLIANZ_COVER_PARTIAL: &str =
    include_str!("../core/tests/fixtures/allianz_trade/cover.response.partial.json");

/// A fixture's `body` member (Atradius fixtures wrap status and body).
fn body_of(fixture: &str) -> Value {
    serde_json::from_str::<Value>(fixture).unwrap()["body"].clone()
}

fn coface_buyer() -> Value {
    json!({"insurer": "coface", "insurerId": EASY, "name": "Société Dupont SAS",
        "address": {"postcode": "75002", "town": "Paris", "country": "FR"},
        "identifiers": [{"kind": "fr.siren", "value": "552032534"}], "establishment": "headOffice"})
}

fn atradius_buyer() -> Value {
    json!({"insurer": "atradius", "insurerId": "11223344", "name": "Dupont GmbH",
        "address": {"town": "Köln", "country": "DE"}, "identifiers": [], "establishment": "headOffice"})
}

fn allianz_buyer() -> Value {
    json!({"insurer": "allianz-trade", "insurerId": "7654321", "name": "Dupont Logistique SAS",
        "address": {"town": "Lyon", "country": "FR"}, "identifiers": [], "establishment": "headOffice"})
}

fn coface_options() -> Value {
    json!({"insurer": "coface", "proxy": "/proxy", "buyer": coface_buyer()})
}

fn atradius_options() -> Value {
    json!({"insurer": "atradius", "proxy": "/proxy", "buyer": atradius_buyer(),
        "atradiusCustomerId": "10000001", "atradiusPolicyId": "POL-1"})
}

/// Replaces `window.fetch`: each route `{method, path, replies}` answers the calls whose path
/// ends with `path`, with its replies in turn (the last one repeats); a reply is `{status, body,
/// delay?}` or `{fail: true}` (a network failure). Calls are recorded in `window.__tcCalls`.
/// Also clears `sessionStorage`, so that every test starts without drafts.
fn serve(routes: Value) {
    window()
        .session_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let install = Function::new_with_args(
        "routes",
        "const calls = [];
         window.__tcCalls = calls;
         window.fetch = async (input, init) => {
           const request = input instanceof Request ? input : new Request(input, init);
           const url = new URL(request.url, location.href);
           const body = request.method === 'GET' ? null : await request.clone().text();
           calls.push({
             method: request.method,
             path: url.pathname,
             key: request.headers.get('idempotency-key'),
             client: request.headers.get('x-tradecover-client'),
             body: body ? JSON.parse(body) : null,
           });
           const route = routes.find((r) => r.method === request.method && url.pathname.endsWith(r.path));
           if (!route) return new Response('{\"code\":\"proxy.not_allowed\"}', { status: 404 });
           const reply = route.replies.length > 1 ? route.replies.shift() : route.replies[0];
           if (reply.delay) await new Promise((resolve) => setTimeout(resolve, reply.delay));
           if (reply.fail) throw new TypeError('Failed to fetch');
           const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
           return new Response(text, { status: reply.status, headers: { 'content-type': 'application/json' } });
         };",
    );
    let routes = js_sys::JSON::parse(&routes.to_string()).unwrap();
    install.call1(&JsValue::NULL, &routes).unwrap();
}

struct Mounted {
    host: HtmlElement,
    handle: CoverFormHandle,
    events: Array,
}

impl Mounted {
    fn new(options: Value) -> Self {
        let document = window().document().unwrap();
        let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        let events = Array::new();
        for name in [
            "tradecover-submitted",
            "tradecover-decision",
            "tradecover-error",
        ] {
            let sink = events.clone();
            let listener = Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
                move |event: web_sys::CustomEvent| {
                    let entry = js_sys::Object::new();
                    Reflect::set(&entry, &"type".into(), &event.type_().into()).unwrap();
                    Reflect::set(&entry, &"detail".into(), &event.detail()).unwrap();
                    Reflect::set(&entry, &"bubbles".into(), &event.bubbles().into()).unwrap();
                    Reflect::set(&entry, &"composed".into(), &event.composed().into()).unwrap();
                    sink.push(&entry);
                },
            );
            host.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
                .unwrap();
            listener.forget();
        }
        let options = js_sys::JSON::parse(&options.to_string()).unwrap();
        let handle = mount_cover_form(host.clone(), options).unwrap();
        Self {
            host,
            handle,
            events,
        }
    }

    fn root(&self) -> ShadowRoot {
        self.host.shadow_root().unwrap()
    }

    fn query(&self, selector: &str) -> Option<Element> {
        self.root().query_selector(selector).unwrap()
    }

    fn query_all(&self, selector: &str) -> Vec<Element> {
        let list = self.root().query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|node| node.unchecked_into())
            .collect()
    }

    fn control(&self, name: &str) -> Element {
        self.query(&format!("[name={name}]"))
            .unwrap_or_else(|| panic!("no field {name}"))
    }

    fn value(&self, name: &str) -> String {
        Reflect::get(&self.control(name), &"value".into())
            .unwrap()
            .as_string()
            .unwrap()
    }

    fn has_field(&self, name: &str) -> bool {
        self.query(&format!("[name={name}]")).is_some()
    }

    /// Types `value` into the field and leaves it.
    async fn fill(&self, name: &str, value: &str) {
        let control = self.control(name);
        Reflect::set(&control, &"value".into(), &value.into()).unwrap();
        let kind = if control.tag_name() == "SELECT" {
            "change"
        } else {
            "input"
        };
        control
            .dispatch_event(&web_sys::Event::new(kind).unwrap())
            .unwrap();
        control
            .dispatch_event(&web_sys::Event::new("blur").unwrap())
            .unwrap();
        sleep(Duration::from_millis(10)).await;
    }

    fn submit_button(&self) -> HtmlElement {
        self.query("button[type=submit]").unwrap().unchecked_into()
    }

    fn text(&self, selector: &str) -> String {
        self.query(selector)
            .and_then(|element| element.text_content())
            .unwrap_or_default()
    }

    fn outcome(&self) -> Option<String> {
        self.query(".tc-outcome")
            .and_then(|outcome| outcome.get_attribute("data-outcome"))
    }

    fn field_error_codes(&self, name: &str) -> Vec<String> {
        let id = self.control(name).get_attribute("id").unwrap();
        self.query_all(&format!("#{id}-error [data-code]"))
            .iter()
            .filter_map(|error| error.get_attribute("data-code"))
            .collect()
    }

    fn events_of(&self, kind: &str) -> Vec<Value> {
        self.events
            .iter()
            .filter(|entry| Reflect::get(entry, &"type".into()).unwrap() == kind)
            .map(|entry| {
                let text = js_sys::JSON::stringify(&entry)
                    .unwrap()
                    .as_string()
                    .unwrap();
                serde_json::from_str(&text).unwrap()
            })
            .collect()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.handle.unmount();
        self.host.remove();
    }
}

fn coface_decided_route() -> Value {
    json!({"method": "POST", "path": format!("/proxy/coface/companies/{EASY}/products"),
        "replies": [{"status": 201, "body": COFACE_ORDER_DECIDED}]})
}

#[wasm_bindgen_test]
async fn each_insurer_shows_only_its_fields() {
    let _turn = turn().await;
    serve(json!([]));
    let coface = Mounted::new(coface_options());
    for name in ["amount", "currency", "customerReference", "comment"] {
        assert!(coface.has_field(name), "coface: {name}");
    }
    for name in ["coverType", "urgent", "policyId", "buyerName"] {
        assert!(!coface.has_field(name), "coface: {name}");
    }
    assert!(coface.text(".tc-buyer").contains("Société Dupont SAS"));

    let atradius = Mounted::new(atradius_options());
    assert!(atradius.has_field("coverType") && atradius.has_field("amount"));
    assert!(!atradius.has_field("comment") && !atradius.has_field("policyId"));
    assert_eq!(atradius.query_all("[name=coverType] option").len(), 3);
    atradius.fill("coverType", "creditCheck").await;
    assert!(
        !atradius.has_field("amount"),
        "a credit check's amount is the policy's"
    );

    let allianz = Mounted::new(json!({"insurer": "allianz-trade", "buyer": allianz_buyer()}));
    for name in [
        "urgent",
        "policyBusinessUnit",
        "policyId",
        "policyExtension",
        "comment",
        "amount",
    ] {
        assert!(allianz.has_field(name), "allianz: {name}");
    }
    assert!(!allianz.has_field("coverType"));

    let unknown = Mounted::new(json!({"insurer": "coface"}));
    for name in [
        "buyerName",
        "buyerTown",
        "buyerCountry",
        "identifier",
        "amount",
    ] {
        assert!(unknown.has_field(name), "unknown buyer: {name}");
    }

    let atradius_unknown = Mounted::new(json!({"insurer": "atradius"}));
    let codes: Vec<String> = atradius_unknown
        .query_all(".tc-setup-errors [data-code]")
        .iter()
        .filter_map(|error| error.get_attribute("data-code"))
        .collect();
    assert_eq!(
        codes,
        [
            "cover_form.atradius_needs_buyer",
            "atradius.policy_required"
        ]
    );
    assert!(atradius_unknown.submit_button().has_attribute("disabled"));
    assert_eq!(atradius_unknown.events_of("tradecover-error").len(), 2);
}

#[wasm_bindgen_test]
async fn leaving_a_field_shows_its_errors() {
    let _turn = turn().await;
    serve(json!([]));
    let form = Mounted::new(coface_options());
    let amount = form.control("amount");
    assert_eq!(
        amount.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert!(
        form.field_error_codes("amount").is_empty(),
        "nothing before the field was left"
    );
    form.fill("amount", "12abc").await;
    assert_eq!(
        amount.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(form.field_error_codes("amount"), ["amount.format"]);
    let described = amount.get_attribute("aria-describedby").unwrap();
    let error = form.root().get_element_by_id(&described).unwrap();
    assert!(!error.text_content().unwrap().trim().is_empty());
    assert_eq!(
        form.control("customerReference")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("false"),
        "untouched fields stay quiet"
    );
    form.fill("amount", "50 000").await;
    assert_eq!(
        amount.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert!(form.field_error_codes("amount").is_empty());
}

#[wasm_bindgen_test]
async fn a_failed_submit_lists_the_errors_and_focuses_the_summary() {
    let _turn = turn().await;
    serve(json!([coface_decided_route()]));
    let form = Mounted::new(json!({"insurer": "coface"}));
    let summary = form.query(".tc-error-summary").unwrap();
    assert!(summary.has_attribute("hidden"));
    form.submit_button().click();
    assert!(until(Duration::from_secs(2), || !summary.has_attribute("hidden")).await);
    assert!(
        until(Duration::from_secs(2), || form.root().active_element()
            == Some(summary.clone()))
        .await,
        "the summary takes focus"
    );
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    let links: Vec<String> = form
        .query_all(".tc-error-summary a")
        .iter()
        .filter_map(|link| link.get_attribute("href"))
        .collect();
    let amount_id = form.control("amount").get_attribute("id").unwrap();
    let name_id = form.control("buyerName").get_attribute("id").unwrap();
    assert!(links.contains(&format!("#{amount_id}")), "{links:?}");
    assert!(links.contains(&format!("#{name_id}")), "{links:?}");
    assert_eq!(
        form.control("buyerName")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert!(calls().is_empty(), "nothing is sent");
    let codes: Vec<Value> = form
        .events_of("tradecover-error")
        .into_iter()
        .map(|event| event["detail"]["code"].clone())
        .collect();
    assert!(codes.contains(&json!("amount.required")), "{codes:?}");

    // A summary link moves focus to its field.
    let link: HtmlElement = form
        .query(&format!(".tc-error-summary a[href='#{amount_id}']"))
        .unwrap()
        .unchecked_into();
    link.click();
    sleep(Duration::from_millis(10)).await;
    assert_eq!(form.root().active_element(), Some(form.control("amount")));
}

#[wasm_bindgen_test]
async fn atradius_amounts_are_multiples_of_a_thousand() {
    let _turn = turn().await;
    serve(
        json!([{"method": "POST", "path": "/proxy/atradius/credit-insurance/cover-management/v1/covers",
        "replies": [{"status": 201, "body": body_of(ATRADIUS_DECIDED)}]}]),
    );
    let form = Mounted::new(atradius_options());
    let hint = form.text(".tc-hint");
    assert!(hint.contains("1000") && hint.contains("Atradius"), "{hint}");
    form.fill("amount", "1,500").await;
    assert_eq!(form.field_error_codes("amount"), ["amount.not_multiple"]);
    form.fill("amount", "50,000").await;
    assert!(form.field_error_codes("amount").is_empty());
    form.submit_button().click();
    assert!(until(Duration::from_secs(3), || form.outcome().is_some()).await);
    let sent = &calls()[0];
    assert_eq!(sent["body"]["creditLimitAmount"], 50_000);
    assert_eq!(sent["body"]["customerId"], 10_000_001);
    assert_eq!(sent["body"]["buyerId"], 11_223_344);
    assert_eq!(form.outcome().as_deref(), Some("granted"));
}

#[wasm_bindgen_test]
async fn a_double_click_sends_one_request_with_an_idempotency_key() {
    let _turn = turn().await;
    serve(
        json!([{"method": "POST", "path": format!("/proxy/coface/companies/{EASY}/products"),
        "replies": [{"status": 201, "body": COFACE_ORDER_DECIDED, "delay": 300}]}]),
    );
    let form = Mounted::new(coface_options());
    form.fill("amount", "50,000").await;
    let button = form.submit_button();
    button.click();
    button.click();
    sleep(Duration::from_millis(30)).await;
    assert!(button.has_attribute("disabled"), "disabled while in flight");
    assert_eq!(button.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(button.text_content().unwrap(), "Sending…");
    assert!(until(Duration::from_secs(3), || form.outcome().is_some()).await);
    let sent = calls();
    assert_eq!(sent.len(), 1, "one request");
    let key = sent[0]["key"].as_str().unwrap();
    assert_eq!(key.len(), 32);
    assert!(key.bytes().all(|b| b.is_ascii_hexdigit()), "{key}");
    assert!(sent[0]["client"]
        .as_str()
        .unwrap()
        .starts_with("tradecover/"));
    assert_eq!(sent[0]["body"]["productCode"], "CREDITLIMIT");
    assert_eq!(sent[0]["body"]["amount"], 50_000);
}

#[wasm_bindgen_test]
async fn a_network_failure_keeps_every_field_and_retries_with_the_same_key() {
    let _turn = turn().await;
    serve(
        json!([{"method": "POST", "path": format!("/proxy/coface/companies/{EASY}/products"),
        "replies": [{"fail": true}, {"status": 201, "body": COFACE_ORDER_DECIDED}]}]),
    );
    let form = Mounted::new(coface_options());
    form.fill("amount", "50,000").await;
    form.fill("customerReference", "ACME-42").await;
    form.submit_button().click();
    assert!(
        until(Duration::from_secs(3), || form
            .query(".tc-failure")
            .is_some())
        .await
    );
    let failure = form.query(".tc-failure").unwrap();
    assert_eq!(
        failure.get_attribute("data-code").as_deref(),
        Some("network.failed")
    );
    assert_eq!(failure.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(form.value("amount"), "50,000");
    assert_eq!(form.value("customerReference"), "ACME-42");
    let errors = form.events_of("tradecover-error");
    assert_eq!(errors[0]["detail"]["code"], "network.failed");
    assert_eq!(errors[0]["detail"]["retryable"], true);

    let retry: HtmlElement = form.query(".tc-retry").unwrap().unchecked_into();
    retry.click();
    assert!(until(Duration::from_secs(3), || form.outcome().is_some()).await);
    let sent = calls();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0]["key"], sent[1]["key"], "the retry reuses the key");
    assert_eq!(sent[1]["body"]["customerReference"], "ACME-42");
}

fn stored_draft(key: &str) -> Option<Value> {
    window()
        .session_storage()
        .unwrap()
        .unwrap()
        .get_item(key)
        .unwrap()
        .map(|text| serde_json::from_str(&text).unwrap())
}

#[wasm_bindgen_test]
async fn the_draft_survives_a_reload_and_is_cleared_after_success() {
    let _turn = turn().await;
    serve(json!([coface_decided_route()]));
    let storage_key = format!("tradecover.cover-form:coface:{EASY}");
    let options = json!({"insurer": "coface", "buyer": coface_buyer(), "locale": "fr-FR"});
    let first = Mounted::new(options.clone());
    first.fill("amount", "12 000,50").await;
    first.fill("comment", "Client depuis 2019").await;
    assert!(
        until(Duration::from_secs(1), || stored_draft(&storage_key)
            .is_some_and(|draft| draft["comment"] == "Client depuis 2019"))
        .await
    );
    let key = stored_draft(&storage_key).unwrap()["idempotencyKey"]
        .as_str()
        .unwrap()
        .to_owned();
    drop(first); // the page goes away

    let second = Mounted::new(options);
    sleep(Duration::from_millis(10)).await; // the restored values are set once rendered
    assert_eq!(second.value("amount"), "12 000,50");
    assert_eq!(second.value("comment"), "Client depuis 2019");
    second.submit_button().click();
    assert!(until(Duration::from_secs(3), || second.outcome().is_some()).await);
    let sent = calls();
    assert_eq!(
        sent[0]["key"],
        key.as_str(),
        "the key came back with the draft"
    );
    assert_eq!(sent[0]["body"]["amount"], 12_000.5);
    assert!(
        stored_draft(&storage_key).is_none(),
        "the draft is gone once the insurer accepted it"
    );
}

#[wasm_bindgen_test]
async fn a_decided_answer_is_shown_and_reported() {
    let _turn = turn().await;
    serve(json!([coface_decided_route()]));
    let form = Mounted::new(coface_options());
    form.fill("amount", "50,000").await;
    form.submit_button().click();
    assert!(until(Duration::from_secs(3), || form.outcome().is_some()).await);
    assert_eq!(form.outcome().as_deref(), Some("granted"));
    assert!(
        until(Duration::from_secs(1), || form.root().active_element()
            == form.query(".tc-outcome"))
        .await,
        "the outcome takes the focus from the button that went away"
    );
    let shown = form.text(".tc-outcome");
    assert!(
        shown.contains("Granted") && shown.contains("€50,000.00"),
        "{shown}"
    );
    assert!(form.query(".tc-form").unwrap().has_attribute("hidden"));

    let submitted = form.events_of("tradecover-submitted");
    assert_eq!(submitted.len(), 1);
    let detail = &submitted[0]["detail"];
    assert_eq!(detail["insurer"], "coface");
    assert_eq!(detail["references"]["orderId"], "ORD-1007");
    assert_eq!(detail["idempotencyKey"], calls()[0]["key"]);
    assert_eq!(submitted[0]["bubbles"], true);
    assert_eq!(submitted[0]["composed"], true);
    let decisions = form.events_of("tradecover-decision");
    assert_eq!(decisions.len(), 1);
    let decision = &decisions[0]["detail"];
    assert_eq!(decision["status"]["status"]["state"], "decided");
    assert_eq!(decision["status"]["status"]["detail"], "full");
    assert_eq!(decision["granted"]["minor"], 5_000_000);

    // A new request starts from a fresh draft with a new key.
    let new: HtmlElement = form.query(".tc-new").unwrap().unchecked_into();
    new.click();
    sleep(Duration::from_millis(20)).await;
    assert!(form.outcome().is_none());
    assert_eq!(form.value("amount"), "");
}

#[wasm_bindgen_test]
async fn partial_refused_and_referred_answers() {
    let _turn = turn().await;
    let partial = json!({"easyNumber": EASY, "productCode": "CREDITLIMIT", "orderId": "ORD-2",
        "deliveryId": "DLV-2", "orderStatus": "STATUS_CLOSED", "deliveryStatus": "DECIDED_PARTIAL",
        "requestedAmount": "50000", "grantedAmount": "30000", "currencyCode": "EUR",
        "conditions": ["Payment terms of at most 60 days"]});
    serve(
        json!([{"method": "POST", "path": format!("/proxy/coface/companies/{EASY}/products"),
        "replies": [{"status": 201, "body": partial}, {"status": 201, "body": COFACE_ORDER_REJECTED}]}]),
    );
    let form = Mounted::new(coface_options());
    form.fill("amount", "50,000").await;
    form.submit_button().click();
    assert!(until(Duration::from_secs(3), || form.outcome().is_some()).await);
    assert_eq!(form.outcome().as_deref(), Some("partial"));
    let shown = form.text(".tc-outcome");
    assert!(
        shown.contains("€30,000.00") && shown.contains("€50,000.00"),
        "{shown}"
    );
    assert!(form
        .text("[part~=outcome-conditions]")
        .contains("Payment terms of at most 60 days"));
    drop(form);

    let refused = Mounted::new(coface_options());
    refused.fill("amount", "50,000").await;
    refused.submit_button().click();
    assert!(until(Duration::from_secs(3), || refused.outcome().is_some()).await);
    assert_eq!(refused.outcome().as_deref(), Some("refused"));
    let reasons = refused.text("[part~=outcome-reasons]");
    assert!(
        reasons.contains("RJ042") && reasons.contains("Product not allowed"),
        "{reasons}"
    );
    let decision = &refused.events_of("tradecover-decision")[0]["detail"];
    assert_eq!(decision["status"]["status"]["detail"], "refused");

    serve(
        json!([{"method": "POST", "path": "/proxy/atradius/credit-insurance/cover-management/v1/covers",
        "replies": [{"status": 202, "body": body_of(ATRADIUS_REFERRED)}]}]),
    );
    let referred = Mounted::new(atradius_options());
    referred.fill("amount", "50,000").await;
    referred.submit_button().click();
    assert!(until(Duration::from_secs(3), || referred.outcome().is_some()).await);
    assert_eq!(referred.outcome().as_deref(), Some("referred"));
    assert!(referred.text(".tc-outcome-next").contains("underwriter"));
    assert!(referred.text(".tc-outcome-reference").contains("900041"));
    let decision = &referred.events_of("tradecover-decision")[0]["detail"];
    assert_eq!(decision["status"]["status"]["state"], "pending");
    assert_eq!(
        referred.events_of("tradecover-submitted")[0]["detail"]["references"]["coverId"],
        "900041"
    );
}

fn allianz_routes() -> Value {
    let processed = json!({"jobId": "job-1", "jobStatusCode": "PROCESSED",
        "ressourceUrl": "/allianz-trade/riskinfo/v3/covers/COV-2024-000990"});
    json!([
        {"method": "POST", "path": "/proxy/allianz-trade/riskinfo/v3/covers",
         "replies": [{"status": 202, "body": {"jobId": "job-1"}}]},
        {"method": "GET", "path": "/proxy/allianz-trade/riskinfo/v3/jobs/job-1",
         "replies": [{"status": 200, "body": {"jobId": "job-1", "jobStatusCode": "PENDING"}},
                     {"status": 200, "body": processed}]},
        {"method": "GET", "path": "/proxy/allianz-trade/riskinfo/v3/covers/COV-2024-000990",
         "replies": [{"status": 200, "body": ALLIANZ_COVER_PARTIAL}]}
    ])
}

fn allianz_options() -> Value {
    json!({"insurer": "allianz-trade", "buyer": allianz_buyer(),
        "polling": {"initialDelay": 1, "factor": 1, "maxDelay": 1, "jitter": 0.0}})
}

async fn fill_allianz(form: &Mounted) {
    form.fill("amount", "100,000").await;
    form.fill("policyBusinessUnit", "FRA").await;
    form.fill("policyId", "POL-000123").await;
    form.fill("policyExtension", "DCL").await;
}

#[wasm_bindgen_test]
async fn an_allianz_job_is_polled_until_processed() {
    let _turn = turn().await;
    serve(allianz_routes());
    let form = Mounted::new(allianz_options());
    fill_allianz(&form).await;
    form.submit_button().click();
    assert!(until(Duration::from_secs(2), || form.outcome().is_some()).await);
    assert_eq!(form.outcome().as_deref(), Some("processing"));
    assert_eq!(
        form.events_of("tradecover-submitted")[0]["detail"]["references"]["jobId"],
        "job-1"
    );
    assert!(form.events_of("tradecover-decision").is_empty());
    assert!(
        until(Duration::from_secs(6), || form.outcome().as_deref()
            == Some("partial"))
        .await,
        "{:?}",
        form.outcome()
    );
    let paths: Vec<String> = calls()
        .iter()
        .map(|call| {
            format!(
                "{} {}",
                call["method"].as_str().unwrap(),
                call["path"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        paths,
        [
            "POST /proxy/allianz-trade/riskinfo/v3/covers",
            "GET /proxy/allianz-trade/riskinfo/v3/jobs/job-1",
            "GET /proxy/allianz-trade/riskinfo/v3/jobs/job-1",
            "GET /proxy/allianz-trade/riskinfo/v3/covers/COV-2024-000990",
        ]
    );
    let sent = &calls()[0];
    assert_eq!(sent["body"]["policy"]["policyId"], "POL-000123");
    assert!(sent["key"].is_string());
    let decision = &form.events_of("tradecover-decision")[0]["detail"];
    assert_eq!(decision["insurer"], "allianz-trade");
    assert_eq!(decision["status"]["status"]["detail"], "partial");
}

#[wasm_bindgen_test]
async fn unmounting_stops_everything() {
    let _turn = turn().await;
    serve(allianz_routes());
    let mut form = Mounted::new(allianz_options());
    fill_allianz(&form).await;
    form.submit_button().click();
    assert!(until(Duration::from_secs(2), || form.outcome().is_some()).await);
    form.handle.unmount();
    form.handle.unmount(); // twice is harmless
    assert!(!form.handle.mounted());
    assert!(form.query(".tc-cover-form").is_none());
    let before = calls().len();
    sleep(Duration::from_millis(2500)).await;
    assert_eq!(calls().len(), before, "no poll after unmount");
}

#[wasm_bindgen_test]
async fn texts_follow_the_locale() {
    let _turn = turn().await;
    serve(json!([]));
    let english = Mounted::new(coface_options());
    let mut options = coface_options();
    options["locale"] = json!("fr");
    let french = Mounted::new(options);
    assert_eq!(
        english.submit_button().text_content().unwrap(),
        "Request cover"
    );
    assert_eq!(
        french.submit_button().text_content().unwrap(),
        "Demander la couverture"
    );
    english.fill("amount", "").await;
    french.fill("amount", "").await;
    let message = |form: &Mounted| form.text("[data-field=amount] .tc-field-error");
    assert_eq!(
        english.field_error_codes("amount"),
        french.field_error_codes("amount")
    );
    assert_ne!(message(&english), message(&french));
    let mut german = coface_options();
    german["locale"] = json!("de");
    let german = Mounted::new(german);
    assert_eq!(
        german.submit_button().text_content().unwrap(),
        "Deckung beantragen"
    );
}

#[wasm_bindgen_test]
async fn update_renders_again_without_losing_the_draft() {
    let _turn = turn().await;
    serve(json!([]));
    let mut form = Mounted::new(coface_options());
    form.fill("amount", "7,000").await;
    let options = js_sys::JSON::parse(r#"{"locale": "it"}"#).unwrap();
    form.handle.update(options).unwrap();
    sleep(Duration::from_millis(20)).await;
    assert_eq!(form.value("amount"), "7,000");
    assert_eq!(
        form.submit_button().text_content().unwrap(),
        "Richiedi copertura"
    );
    assert_eq!(form.query_all(".tc-cover-form").len(), 1);
    let bad = js_sys::JSON::parse(r#"{"buyer": {"name": 1}}"#).unwrap();
    assert!(form.handle.update(bad).is_err());
    assert!(form.handle.mounted());
}

#[wasm_bindgen_test]
async fn an_unknown_buyer_goes_to_coface_as_an_unknown_company() {
    let _turn = turn().await;
    let pending = json!({"easyNumber": "Z123", "orderId": "ORD-9",
        "orderStatus": "STATUS_PENDING_DEBTOR_VALIDATION"});
    serve(
        json!([{"method": "POST", "path": "/proxy/coface/companies/unknown/products",
        "replies": [{"status": 201, "body": pending}]}]),
    );
    let form = Mounted::new(json!({"insurer": "coface"}));
    assert_eq!(
        form.text("[name=buyerCountry] option[value=DE]"),
        "Germany",
        "countries are named in the form's language"
    );
    form.fill("buyerName", "Acme Transports").await;
    form.fill("buyerTown", "Lyon").await;
    form.fill("buyerCountry", "FR").await;
    form.fill("identifier", "552 032 534").await;
    form.fill("amount", "20,000").await;
    form.submit_button().click();
    assert!(until(Duration::from_secs(3), || form.outcome().is_some()).await);
    assert_eq!(form.outcome().as_deref(), Some("identification"));
    let body = &calls()[0]["body"];
    assert_eq!(body["company"]["companyName"], "Acme Transports");
    assert_eq!(body["company"]["address"]["countryCode"], "FRA");
    assert_eq!(
        body["company"]["legalIdentifiers"][0]["identifierValue"],
        "552032534"
    );
}

#[wasm_bindgen_test]
async fn an_unknown_allianz_buyer_is_created_once_then_applied_for() {
    let _turn = turn().await;
    serve(json!([
        {"method": "POST", "path": "/proxy/allianz-trade/company-referential/v1/companies",
         "replies": [{"status": 201, "body": {"companyId": "99887766", "status": "CREATED"}}]},
        {"method": "POST", "path": "/proxy/allianz-trade/riskinfo/v3/covers",
         "replies": [{"fail": true}, {"status": 202, "body": "\"job-9\""}]}
    ]));
    let form = Mounted::new(json!({"insurer": "allianz-trade",
        "polling": {"initialDelay": 600, "factor": 1, "maxDelay": 600, "jitter": 0.0}}));
    form.fill("buyerName", "Acme Transports").await;
    form.fill("buyerTown", "Lyon").await;
    form.fill("buyerCountry", "FR").await;
    fill_allianz(&form).await;
    form.submit_button().click();
    assert!(
        until(Duration::from_secs(3), || form
            .query(".tc-failure")
            .is_some())
        .await
    );
    let draft = stored_draft("tradecover.cover-form:allianz-trade:unknown").unwrap();
    assert_eq!(draft["buyerId"], "99887766", "the created company is kept");

    let retry: HtmlElement = form.query(".tc-retry").unwrap().unchecked_into();
    retry.click();
    assert!(until(Duration::from_secs(3), || form.outcome().is_some()).await);
    assert_eq!(form.outcome().as_deref(), Some("processing"));
    let sent = calls();
    let paths: Vec<&str> = sent
        .iter()
        .map(|call| call["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "/proxy/allianz-trade/company-referential/v1/companies",
            "/proxy/allianz-trade/riskinfo/v3/covers",
            "/proxy/allianz-trade/riskinfo/v3/covers",
        ],
        "the company is created once"
    );
    assert_eq!(
        sent[0]["body"]["legalData"]["companyName"],
        "Acme Transports"
    );
    assert_eq!(sent[2]["body"]["companyId"], "99887766");
    assert_eq!(sent[1]["key"], sent[2]["key"]);
    assert_ne!(
        sent[0]["key"], sent[1]["key"],
        "the creation has its own key"
    );
}

#[wasm_bindgen_test]
async fn a_rejected_request_gets_a_new_key() {
    let _turn = turn().await;
    serve(
        json!([{"method": "POST", "path": format!("/proxy/coface/companies/{EASY}/products"),
        "replies": [{"status": 422, "body": {"code": "InvalidAmount", "message": "no"}},
                    {"status": 201, "body": COFACE_ORDER_DECIDED}]}]),
    );
    let form = Mounted::new(coface_options());
    form.fill("amount", "50,000").await;
    form.submit_button().click();
    assert!(
        until(Duration::from_secs(3), || form
            .query(".tc-failure")
            .is_some())
        .await
    );
    let failure = form.query(".tc-failure").unwrap();
    assert_eq!(
        failure.get_attribute("data-code").as_deref(),
        Some("insurer.rejected")
    );
    assert!(
        form.query(".tc-retry").is_none(),
        "trying the same again would not help"
    );
    form.fill("amount", "40,000").await;
    form.submit_button().click();
    assert!(until(Duration::from_secs(3), || form.outcome().is_some()).await);
    let sent = calls();
    assert_eq!(sent.len(), 2);
    assert_ne!(
        sent[0]["key"], sent[1]["key"],
        "a corrected request is another request"
    );
}

/// The Leptos component on its own, with callbacks instead of DOM events.
mod component {
    use std::sync::{Arc, Mutex};

    use leptos::prelude::*;
    use tradecover::core::decision::Decision;
    use tradecover::cover_form::Submitted;
    use tradecover::CoverRequestForm;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    use super::{calls, coface_buyer, coface_decided_route, serve, sleep, turn, until};

    #[wasm_bindgen_test]
    async fn the_component_reports_through_its_callbacks() {
        let _turn = turn().await;
        serve(serde_json::json!([coface_decided_route()]));
        let document = web_sys::window().unwrap().document().unwrap();
        let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        let submitted = Arc::new(Mutex::new(Vec::<Submitted>::new()));
        let decided = Arc::new(Mutex::new(Vec::<Decision>::new()));
        let buyer = serde_json::from_value(coface_buyer()).unwrap();
        let (submitted_sink, decided_sink) = (submitted.clone(), decided.clone());
        let mounted = leptos::mount::mount_to(host.clone(), move || {
            view! {
                <CoverRequestForm
                    insurer="coface"
                    proxy="/proxy"
                    buyer=Some(buyer)
                    on_submitted=move |done: Submitted| submitted_sink.lock().unwrap().push(done)
                    on_decision=move |decision: Decision| decided_sink.lock().unwrap().push(decision)
                />
            }
        });
        let amount = host.query_selector("[name=amount]").unwrap().unwrap();
        js_sys::Reflect::set(&amount, &"value".into(), &"50,000".into()).unwrap();
        amount
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        sleep(std::time::Duration::from_millis(10)).await;
        let button: web_sys::HtmlElement = host
            .query_selector("button[type=submit]")
            .unwrap()
            .unwrap()
            .unchecked_into();
        button.click();
        assert!(
            until(std::time::Duration::from_secs(3), || !decided
                .lock()
                .unwrap()
                .is_empty())
            .await
        );
        let done = submitted.lock().unwrap().clone();
        assert_eq!(done.len(), 1);
        assert_eq!(
            done[0].references.get("orderId").map(String::as_str),
            Some("ORD-1007")
        );
        assert_eq!(
            calls()[0]["key"].as_str(),
            Some(done[0].idempotency_key.as_str())
        );
        assert_eq!(decided.lock().unwrap()[0].id, "DLV-5005");
        drop(mounted);
        assert!(host.query_selector("form").unwrap().is_none());
        host.remove();
    }
}

#[wasm_bindgen_test]
async fn a_followed_job_survives_a_reload() {
    let _turn = turn().await;
    serve(allianz_routes());
    let job_key = "tradecover.cover-form:allianz-trade:7654321:job";
    let first = Mounted::new(allianz_options());
    fill_allianz(&first).await;
    first.submit_button().click();
    assert!(until(Duration::from_secs(2), || first.outcome().is_some()).await);
    let job = stored_draft(job_key).expect("the job is kept");
    assert_eq!(job["jobId"], "job-1");
    drop(first); // the page goes away before the job is processed

    let second = Mounted::new(allianz_options());
    sleep(Duration::from_millis(10)).await;
    assert_eq!(second.outcome().as_deref(), Some("processing"));
    assert!(
        until(Duration::from_secs(6), || second.outcome().as_deref()
            == Some("partial"))
        .await,
        "{:?}",
        second.outcome()
    );
    assert_eq!(second.events_of("tradecover-decision").len(), 1);
    assert!(
        stored_draft(job_key).is_none(),
        "a processed job is forgotten"
    );
    let posts = calls()
        .iter()
        .filter(|call| call["method"] == "POST")
        .count();
    assert_eq!(posts, 1, "the application was sent once");
}

#[wasm_bindgen_test]
async fn texts_replace_catalogue_strings_in_every_language() {
    let _turn = turn().await;
    serve(json!([]));
    let texts = json!({"form.submit": "Apply", "form.buyer": "Customer"});
    let mut options = coface_options();
    options["texts"] = texts.clone();
    let english = Mounted::new(options.clone());
    options["locale"] = json!("fr");
    let french = Mounted::new(options);
    for form in [&english, &french] {
        assert_eq!(form.submit_button().text_content().unwrap(), "Apply");
        assert_eq!(form.text(".tc-buyer .tc-section-title"), "Customer");
        assert!(form.query_all(".tc-setup-errors [data-code]").is_empty());
    }
    assert_eq!(
        french.text("[part=actions]"),
        "Apply",
        "nothing else of the form changes"
    );
}

#[wasm_bindgen_test]
async fn update_changes_the_texts_and_keeps_the_draft() {
    let _turn = turn().await;
    serve(json!([]));
    let mut form = Mounted::new(coface_options());
    form.fill("amount", "7,000").await;
    let texts = js_sys::JSON::parse(r#"{"texts": {"form.submit": "Apply"}}"#).unwrap();
    form.handle.update(texts).unwrap();
    sleep(Duration::from_millis(20)).await;
    assert_eq!(form.submit_button().text_content().unwrap(), "Apply");
    assert_eq!(form.value("amount"), "7,000");
    let reset = js_sys::JSON::parse(r#"{"texts": null}"#).unwrap();
    form.handle.update(reset).unwrap();
    sleep(Duration::from_millis(20)).await;
    assert_eq!(
        form.submit_button().text_content().unwrap(),
        "Request cover"
    );
}

#[wasm_bindgen_test]
async fn a_bad_texts_option_is_shown_and_reported() {
    let _turn = turn().await;
    serve(json!([]));
    let mut options = coface_options();
    options["texts"] = json!({"form.nothing": "x", "form.submit": ["Apply"]});
    let form = Mounted::new(options);
    let mut shown: Vec<String> = form
        .query_all(".tc-setup-errors [data-code]")
        .iter()
        .filter_map(|error| error.get_attribute("data-code"))
        .collect();
    shown.sort();
    assert_eq!(shown, ["texts.not_text", "texts.unknown_key"]);
    assert!(form.text(".tc-setup-errors").contains("form.nothing"));
    let mut reported: Vec<String> = form
        .events_of("tradecover-error")
        .iter()
        .map(|entry| entry["detail"]["code"].as_str().unwrap().to_owned())
        .collect();
    reported.sort();
    assert_eq!(reported, ["texts.not_text", "texts.unknown_key"]);
    assert_eq!(
        form.submit_button().text_content().unwrap(),
        "Request cover"
    );
    assert!(
        !form.submit_button().has_attribute("disabled"),
        "the form can still be sent"
    );
}

#[wasm_bindgen_test]
async fn texts_reach_the_messages_of_a_followed_job() {
    let _turn = turn().await;
    serve(json!([
        {"method": "POST", "path": "/proxy/allianz-trade/riskinfo/v3/covers",
         "replies": [{"status": 202, "body": {"jobId": "job-1"}}]},
        {"method": "GET", "path": "/proxy/allianz-trade/riskinfo/v3/jobs/job-1",
         "replies": [{"status": 200, "body": {"jobId": "job-1", "jobStatusCode": "FAILED"}}]}
    ]));
    let mut options = allianz_options();
    options["texts"] = json!({"form.job_failed": "{insurer}: job failed"});
    let form = Mounted::new(options);
    fill_allianz(&form).await;
    form.submit_button().click();
    let failed = || form.text(".tc-outcome .tc-error");
    assert!(until(Duration::from_secs(4), || !failed().is_empty()).await);
    assert_eq!(failed(), "Allianz Trade: job failed");
    let reported = form.events_of("tradecover-error");
    assert_eq!(reported[0]["detail"]["code"], "allianz_trade.job_failed");
    assert_eq!(
        reported[0]["detail"]["message"],
        "Allianz Trade: job failed"
    );
}
