//! Browser tests of the buyer search box, mounted through the JS API into a real shadow root,
//! with `window.fetch` answering like the proxy would.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use js_sys::{Array, Function, Reflect};
use tradecover::buyer_search::DEBOUNCE;
use tradecover::mount_buyer_search;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{
    Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit, ShadowRoot,
};

wasm_bindgen_test_configure!(run_in_browser);

const HEAD_EASY: &str = "0012345678904700000";
const BRANCH_EASY: &str = "0012345678915800000";
const HEAD_NAME: &str = "Société Dupont SAS";

fn hit_list() -> String {
    serde_json::json!({
        "companies": [
            {"easyNumber": HEAD_EASY, "companyName": HEAD_NAME, "establishmentType": "HEAD_OFFICE",
             "address": {"streetAddress": "12 rue de la Paix", "postalCode": "75002", "town": "Paris", "countryCode": "FRA"},
             "legalIdentifiers": [{"identifierType": "SIREN_FRA", "identifierValue": "552032534"}]},
            {"easyNumber": BRANCH_EASY, "companyName": HEAD_NAME, "establishmentType": "ESTABLISHMENT",
             "headOfficeEasyNumber": HEAD_EASY,
             "address": {"postalCode": "69001", "town": "Lyon", "countryCode": "FRA"},
             "legalIdentifiers": []}
        ],
        "count": 2
    })
    .to_string()
}

/// Replaces `window.fetch` with one answering `status`/`body` and recording each call's URL and
/// client header in `window.__tcCalls`.
fn fake_fetch(status: u16, body: &str) {
    let install = Function::new_with_args(
        "status, body",
        "const calls = [];
         window.__tcCalls = calls;
         window.fetch = async (input) => {
           calls.push({
             url: typeof input === 'string' ? input : input.url,
             client: input.headers ? input.headers.get('x-tradecover-client') : null,
           });
           return new Response(body, { status, headers: { 'content-type': 'application/json' } });
         };",
    );
    install
        .call2(
            &JsValue::NULL,
            &JsValue::from(status),
            &JsValue::from_str(body),
        )
        .unwrap();
}

fn calls() -> Array {
    Reflect::get(&window(), &"__tcCalls".into())
        .unwrap()
        .unchecked_into()
}

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

async fn sleep(duration: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                duration.as_millis() as i32,
            )
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

struct Mounted {
    host: HtmlElement,
    handle: tradecover::WidgetHandle,
    events: Array,
}

impl Mounted {
    fn new(options: serde_json::Value) -> Self {
        let document = window().document().unwrap();
        let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        let events = Array::new();
        for name in ["tradecover-select", "tradecover-error"] {
            let sink = events.clone();
            let listener = Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
                move |event: web_sys::CustomEvent| {
                    let entry = js_sys::Object::new();
                    Reflect::set(&entry, &"type".into(), &event.type_().into()).unwrap();
                    Reflect::set(&entry, &"detail".into(), &event.detail()).unwrap();
                    sink.push(&entry);
                },
            );
            document
                .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
                .unwrap();
            listener.forget();
        }
        let options = js_sys::JSON::parse(&options.to_string()).unwrap();
        let handle = mount_buyer_search(host.clone(), options).unwrap();
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

    fn input(&self) -> HtmlInputElement {
        self.query("input[role=combobox]").unwrap().unchecked_into()
    }

    async fn type_text(&self, text: &str) {
        let input = self.input();
        input.set_value(text);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        sleep(DEBOUNCE + Duration::from_millis(150)).await;
    }

    async fn press(&self, key: &str) {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        self.input().dispatch_event(&event).unwrap();
        sleep(Duration::from_millis(20)).await;
    }

    fn events_of(&self, kind: &str) -> Vec<JsValue> {
        self.events
            .iter()
            .filter(|entry| Reflect::get(entry, &"type".into()).unwrap() == kind)
            .map(|entry| Reflect::get(&entry, &"detail".into()).unwrap())
            .collect()
    }

    fn error_codes(&self) -> Vec<String> {
        self.query_all(".tc-error")
            .iter()
            .filter_map(|error| error.get_attribute("data-code"))
            .collect()
    }

    fn status(&self) -> String {
        self.query("[role=status]")
            .unwrap()
            .text_content()
            .unwrap_or_default()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.handle.unmount();
        self.host.remove();
    }
}

fn get(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(value.clone(), |value, key| {
        Reflect::get(&value, &(*key).into()).unwrap()
    })
}

fn coface(country: &str) -> serde_json::Value {
    serde_json::json!({"insurer": "coface", "proxy": "/proxy", "country": country})
}

#[wasm_bindgen_test]
async fn typing_searches_the_proxy_and_lists_head_offices_and_branches() {
    fake_fetch(200, &hit_list());
    let widget = Mounted::new(coface("FR"));
    widget.type_text("dupont").await;
    sleep(Duration::from_millis(50)).await;

    assert_eq!(calls().length(), 1, "one request after the pause");
    let call = calls().get(0);
    let url = get(&call, &["url"]).as_string().unwrap();
    assert!(
        url.ends_with("/proxy/coface/companies/name?countryCode=FRA&companyName=dupont"),
        "{url}"
    );
    assert!(get(&call, &["client"])
        .as_string()
        .unwrap()
        .starts_with("tradecover/"));

    let options = widget.query_all("[role=option]");
    assert_eq!(options.len(), 2);
    let head = options[0].text_content().unwrap();
    assert!(
        head.contains(HEAD_NAME) && head.contains("Head office") && head.contains("Paris"),
        "{head}"
    );
    assert_eq!(options[0].get_attribute("aria-disabled"), None);
    let branch = options[1].text_content().unwrap();
    assert!(
        branch.contains("Branch") && branch.contains("Lyon"),
        "{branch}"
    );
    assert_eq!(
        options[1].get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert_eq!(
        widget.input().get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let listbox_id = widget.input().get_attribute("aria-controls").unwrap();
    assert!(
        widget.root().get_element_by_id(&listbox_id).is_some(),
        "aria-controls points into the same shadow root"
    );
    assert!(widget.status().contains("2 results"), "{}", widget.status());
}

#[wasm_bindgen_test]
async fn keyboard_selects_a_head_office_and_fires_the_event() {
    fake_fetch(200, &hit_list());
    let widget = Mounted::new(coface("FR"));
    widget.type_text("dupont").await;
    widget.press("ArrowDown").await;
    let active = widget
        .input()
        .get_attribute("aria-activedescendant")
        .unwrap();
    let first = &widget.query_all("[role=option]")[0];
    assert_eq!(first.id(), active);
    assert_eq!(
        first.get_attribute("aria-selected").as_deref(),
        Some("true")
    );

    widget.press("Enter").await;
    let selected = widget.events_of("tradecover-select");
    assert_eq!(selected.len(), 1);
    let buyer = get(&selected[0], &["buyer"]);
    assert_eq!(get(&buyer, &["insurerId"]).as_string().unwrap(), HEAD_EASY);
    assert_eq!(get(&buyer, &["insurer"]).as_string().unwrap(), "coface");
    assert_eq!(
        get(&buyer, &["establishment"]).as_string().unwrap(),
        "headOffice"
    );
    assert_eq!(
        get(&buyer, &["address", "country"]).as_string().unwrap(),
        "FR"
    );
    assert_eq!(widget.input().value(), HEAD_NAME);
    assert_eq!(
        widget.input().get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn branches_cannot_be_selected() {
    fake_fetch(200, &hit_list());
    let widget = Mounted::new(coface("FR"));
    widget.type_text("dupont").await;
    widget.press("End").await;
    widget.press("ArrowDown").await; // already the last one: stays there
    widget.press("Enter").await;
    assert!(widget.events_of("tradecover-select").is_empty());
    assert!(widget.status().contains("branch"), "{}", widget.status());
    widget.press("Home").await;
    widget.press("Enter").await;
    assert_eq!(widget.events_of("tradecover-select").len(), 1);
}

#[wasm_bindgen_test]
async fn an_empty_name_shows_an_error_and_sends_nothing() {
    fake_fetch(200, &hit_list());
    let widget = Mounted::new(coface("FR"));
    widget.press("Enter").await;
    assert_eq!(widget.error_codes(), ["name.required"]);
    assert_eq!(
        widget.input().get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    widget.type_text("   ").await;
    widget.press("Enter").await;
    assert_eq!(widget.error_codes(), ["name.required"]);
    widget.type_text("d").await;
    widget.press("Enter").await;
    assert_eq!(widget.error_codes(), ["name.too_short"]);
    assert_eq!(calls().length(), 0);
    let errors = widget.events_of("tradecover-error");
    assert_eq!(
        get(&errors[0], &["code"]).as_string().unwrap(),
        "name.required"
    );
    assert!(!get(&errors[0], &["message"])
        .as_string()
        .unwrap()
        .is_empty());
}

#[wasm_bindgen_test]
async fn an_unknown_country_shows_an_error_and_sends_nothing() {
    fake_fetch(200, &hit_list());
    let widget = Mounted::new(coface("XX"));
    sleep(Duration::from_millis(20)).await;
    assert_eq!(widget.error_codes(), ["country.unknown"]);
    widget.type_text("dupont").await;
    widget.press("Enter").await;
    assert_eq!(calls().length(), 0);
    assert_eq!(widget.query_all("[role=option]").len(), 0);
    let errors = widget.events_of("tradecover-error");
    assert_eq!(
        get(&errors[0], &["code"]).as_string().unwrap(),
        "country.unknown"
    );
}

#[wasm_bindgen_test]
async fn an_unknown_insurer_shows_an_error() {
    fake_fetch(200, &hit_list());
    let widget = Mounted::new(serde_json::json!({"insurer": "lloyds", "country": "FR"}));
    sleep(Duration::from_millis(20)).await;
    assert_eq!(widget.error_codes(), ["insurer.unknown"]);
    widget.type_text("dupont").await;
    assert_eq!(calls().length(), 0);
}

#[wasm_bindgen_test]
async fn insurer_failures_are_shown_and_reported() {
    fake_fetch(503, "<html>unavailable</html>");
    let widget = Mounted::new(coface("FR"));
    widget.type_text("dupont").await;
    sleep(Duration::from_millis(50)).await;
    assert_eq!(widget.error_codes(), ["insurer.unavailable"]);
    let errors = widget.events_of("tradecover-error");
    assert_eq!(get(&errors[0], &["retryable"]), JsValue::TRUE);
}

#[wasm_bindgen_test]
async fn unmount_removes_the_widget() {
    fake_fetch(200, &hit_list());
    let mut widget = Mounted::new(coface("FR"));
    assert!(widget.query("input").is_some());
    widget.handle.unmount();
    widget.handle.unmount(); // twice is harmless
    assert!(!widget.handle.mounted());
    assert!(widget.query("input").is_none());
}

#[wasm_bindgen_test]
async fn messages_follow_the_locale() {
    fake_fetch(200, &hit_list());
    let english = Mounted::new(coface("FR"));
    let french =
        Mounted::new(serde_json::json!({"insurer": "coface", "country": "FR", "locale": "fr-FR"}));
    english.press("Enter").await;
    french.press("Enter").await;
    let text = |widget: &Mounted| widget.query(".tc-error").unwrap().text_content().unwrap();
    assert_eq!(french.error_codes(), english.error_codes());
    assert_ne!(
        text(&french),
        text(&english),
        "the French widget speaks French"
    );
    assert!(!text(&french).is_empty());
}
