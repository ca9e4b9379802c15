//! Browser tests of the buyer search box, mounted through the JS API into a real shadow root,
//! with `window.fetch` replaced by a fake proxy that answers per URL (and body), after a chosen
//! delay, and records every call, including whether it was aborted. The fake ignores aborts on
//! purpose: a late answer to a superseded search must be dropped by the widget itself.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use js_sys::{Array, Function, Reflect};
use tradecover::buyer_search::{DEBOUNCE, LOADING_DELAY};
use tradecover::core::allianz_trade::{advanced_search_request, CompanySearch};
use tradecover::core::coface::search_plan::{SearchCriteria, SearchPlan};
use tradecover::core::identifier::{detect_identifier, validate_identifier};
use tradecover::core::locale::Language;
use tradecover::core::messages::text;
use tradecover::core::{BuyerQuery, Country, Identifier};
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
const SIREN: &str = "552032534";
const EMPTY_COFACE: &str = r#"{"companies":[],"count":0}"#;

fn hit_list() -> String {
    serde_json::json!({
        "companies": [
            {"easyNumber": HEAD_EASY, "companyName": HEAD_NAME, "establishmentType": "HEAD_OFFICE",
             "address": {"streetAddress": "12 rue de la Paix", "postalCode": "75002", "town": "Paris", "countryCode": "FRA"},
             "legalIdentifiers": [{"identifierType": "SIREN_FRA", "identifierValue": SIREN}]},
            {"easyNumber": BRANCH_EASY, "companyName": HEAD_NAME, "establishmentType": "ESTABLISHMENT",
             "headOfficeEasyNumber": HEAD_EASY,
             "address": {"postalCode": "69001", "town": "Lyon", "countryCode": "FRA"},
             "legalIdentifiers": []}
        ],
        "count": 2
    })
    .to_string()
}

fn one_company(name: &str, easy: &str) -> String {
    serde_json::json!({
        "companies": [{"easyNumber": easy, "companyName": name, "establishmentType": "HEAD_OFFICE",
                       "address": {"town": "Paris", "countryCode": "FRA"}}],
        "count": 1
    })
    .to_string()
}

/// One answer of the fake proxy: the first route whose `matches` is in `path?query body`
/// answers, after `delay_ms`.
struct Route<'a> {
    matches: &'a str,
    status: u16,
    body: &'a str,
    delay_ms: u32,
}

fn route<'a>(matches: &'a str, status: u16, body: &'a str) -> Route<'a> {
    Route {
        matches,
        status,
        body,
        delay_ms: 0,
    }
}

/// Replaces `window.fetch` with the fake proxy; calls are recorded in `window.__tcCalls`.
fn fake_proxy(routes: &[Route<'_>]) {
    let routes: Vec<serde_json::Value> = routes
        .iter()
        .map(|route| {
            serde_json::json!({"matches": route.matches, "status": route.status,
                               "body": route.body, "delay": route.delay_ms})
        })
        .collect();
    let install = Function::new_with_args(
        "routes",
        "const calls = [];
         window.__tcCalls = calls;
         window.fetch = async (input, init) => {
           const request = input instanceof Request ? input : new Request(input, init);
           const url = new URL(request.url);
           const call = {
             path: url.pathname + url.search,
             method: request.method,
             client: request.headers.get('x-tradecover-client'),
             aborted: request.signal.aborted,
             body: '',
           };
           calls.push(call);
           request.signal.addEventListener('abort', () => { call.aborted = true; });
           call.body = request.method === 'GET' ? '' : await request.clone().text();
           const target = decodeURIComponent(call.path.replace(/\\+/g, ' ')) + ' ' + call.body;
           const found = routes.find((route) => target.includes(route.matches));
           const answer = found || { status: 599, body: 'no route', delay: 0 };
           await new Promise((resolve) => setTimeout(resolve, answer.delay));
           return new Response(answer.body, {
             status: answer.status,
             headers: { 'content-type': 'application/json' },
           });
         };",
    );
    let routes = js_sys::JSON::parse(&serde_json::Value::Array(routes).to_string()).unwrap();
    install.call1(&JsValue::NULL, &routes).unwrap();
}

/// A recorded call of the fake proxy.
#[derive(Debug, Clone)]
struct Call {
    path: String,
    method: String,
    client: Option<String>,
    aborted: bool,
    body: String,
}

fn string(value: &JsValue, key: &str) -> Option<String> {
    Reflect::get(value, &key.into()).ok()?.as_string()
}

/// The calls made under the proxy base `proxy`, in order.
fn calls(proxy: &str) -> Vec<Call> {
    let all: Array = Reflect::get(&window(), &"__tcCalls".into())
        .unwrap()
        .unchecked_into();
    all.iter()
        .map(|call| Call {
            path: string(&call, "path").unwrap_or_default(),
            method: string(&call, "method").unwrap_or_default(),
            client: string(&call, "client"),
            aborted: Reflect::get(&call, &"aborted".into()).unwrap() == JsValue::TRUE,
            body: string(&call, "body").unwrap_or_default(),
        })
        .filter(|call| call.path.starts_with(&format!("{proxy}/")))
        .collect()
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

/// Waits for a debounced search to be sent and answered at once.
async fn settle() {
    sleep(DEBOUNCE + Duration::from_millis(150)).await;
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
        for name in [
            "tradecover-select",
            "tradecover-error",
            "tradecover-unknown-buyer",
        ] {
            let sink = events.clone();
            let listener = Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
                move |event: web_sys::CustomEvent| {
                    let entry = js_sys::Object::new();
                    Reflect::set(&entry, &"type".into(), &event.type_().into()).unwrap();
                    Reflect::set(&entry, &"detail".into(), &event.detail()).unwrap();
                    let crossing = event.bubbles() && event.composed();
                    Reflect::set(&entry, &"crossing".into(), &crossing.into()).unwrap();
                    sink.push(&entry);
                },
            );
            host.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
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

    fn attribute(&self, name: &str) -> Option<String> {
        self.input().get_attribute(name)
    }

    /// Types `text` as one input event, without waiting.
    fn type_now(&self, text: &str) {
        let input = self.input();
        input.set_value(text);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    }

    /// Types `text` and waits until a search of it was sent and answered at once.
    async fn type_text(&self, text: &str) {
        self.type_now(text);
        settle().await;
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

    async fn mouse_down(&self, element: &Element) {
        element
            .dispatch_event(&web_sys::Event::new("mousedown").unwrap())
            .unwrap();
        sleep(Duration::from_millis(20)).await;
    }

    fn events_of(&self, kind: &str) -> Vec<JsValue> {
        self.events
            .iter()
            .filter(|entry| Reflect::get(entry, &"type".into()).unwrap() == kind)
            .inspect(|entry| {
                assert_eq!(
                    Reflect::get(entry, &"crossing".into()).unwrap(),
                    JsValue::TRUE,
                    "{kind} bubbles out of the shadow root"
                )
            })
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

    fn options(&self) -> Vec<Element> {
        self.query_all("[role=option]")
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

fn widget_options(insurer: &str, proxy: &str, country: &str) -> serde_json::Value {
    serde_json::json!({"insurer": insurer, "proxy": proxy, "country": country, "locale": "en"})
}

fn en(key: &str, params: &[(&str, &str)]) -> String {
    text(Language::En, &format!("buyer_search.{key}"), params)
}

#[wasm_bindgen_test]
async fn typing_sends_one_request_after_the_pause_and_lists_the_hits() {
    let proxy = "/p-typing";
    fake_proxy(&[route("companyName=dupont", 200, &hit_list())]);
    let widget = Mounted::new(widget_options("coface", proxy, "FR"));
    widget.type_now("du");
    sleep(Duration::from_millis(60)).await;
    widget.type_now("dup");
    sleep(Duration::from_millis(60)).await;
    widget.type_now("dupont");
    sleep(DEBOUNCE - Duration::from_millis(100)).await;
    assert!(calls(proxy).is_empty(), "nothing is sent while typing");
    settle().await;

    let sent = calls(proxy);
    assert_eq!(sent.len(), 1, "one request after the pause: {sent:?}");
    assert_eq!(
        sent[0].path,
        format!("{proxy}/coface/companies/name?countryCode=FRA&companyName=dupont")
    );
    assert!(sent[0]
        .client
        .as_deref()
        .unwrap()
        .starts_with("tradecover/"));

    let options = widget.options();
    assert_eq!(options.len(), 2);
    let head = options[0].text_content().unwrap();
    for expected in [
        HEAD_NAME,
        "Head office",
        "12 rue de la Paix",
        "75002 Paris",
        SIREN,
    ] {
        assert!(head.contains(expected), "{expected} in {head}");
    }
    assert_eq!(options[0].get_attribute("aria-disabled"), None);
    assert_eq!(
        options[0].get_attribute("data-insurer-id").as_deref(),
        Some(HEAD_EASY)
    );
    assert_eq!(widget.attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(
        widget.status(),
        en("results_count", &[("count", "2")]),
        "the live region announces the count"
    );
}

#[wasm_bindgen_test]
async fn a_superseded_search_is_aborted_and_its_late_answer_ignored() {
    let proxy = "/p-supersede";
    fake_proxy(&[
        Route {
            matches: "companyName=alpha",
            status: 200,
            body: &one_company("Alpha SA", HEAD_EASY),
            delay_ms: 500,
        },
        route(
            "companyName=beta",
            200,
            &one_company("Beta SARL", BRANCH_EASY),
        ),
    ]);
    let widget = Mounted::new(widget_options("coface", proxy, "FR"));
    widget.type_now("alpha");
    sleep(DEBOUNCE + Duration::from_millis(60)).await;
    assert_eq!(calls(proxy).len(), 1, "alpha is on its way");
    widget.type_text("beta").await;
    let sent = calls(proxy);
    assert_eq!(sent.len(), 2);
    assert!(sent[0].aborted, "the alpha request was aborted");
    assert!(!sent[1].aborted);
    let names = || {
        widget
            .query_all("[part~=option-name]")
            .iter()
            .map(|name| name.text_content().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(), ["Beta SARL"]);
    sleep(Duration::from_millis(600)).await; // alpha's answer arrives now
    assert_eq!(names(), ["Beta SARL"], "the late answer is not shown");
}

#[wasm_bindgen_test]
async fn searching_is_announced_only_after_the_delay() {
    let proxy = "/p-loading";
    fake_proxy(&[Route {
        matches: "companyName=slow",
        status: 200,
        body: &hit_list(),
        delay_ms: 700,
    }]);
    let widget = Mounted::new(widget_options("coface", proxy, "FR"));
    widget.type_now("slow");
    sleep(DEBOUNCE + Duration::from_millis(50)).await;
    assert_eq!(calls(proxy).len(), 1);
    assert_eq!(widget.status(), "", "no flash of loading for fast answers");
    sleep(LOADING_DELAY).await;
    assert_eq!(widget.status(), en("searching", &[]));
    sleep(Duration::from_millis(600)).await;
    assert_eq!(widget.options().len(), 2);
    assert_eq!(widget.status(), en("results_count", &[("count", "2")]));
}

#[wasm_bindgen_test]
async fn no_result_offers_the_unknown_buyer_path() {
    let proxy = "/p-empty";
    fake_proxy(&[route("", 200, EMPTY_COFACE)]);
    let widget = Mounted::new(widget_options("coface", proxy, "FR"));
    widget.type_text("Nobody  Ltd").await;
    assert_eq!(widget.status(), en("no_results", &[]));
    assert!(widget.options().is_empty());
    assert_eq!(widget.attribute("aria-expanded").as_deref(), Some("false"));
    let button: HtmlElement = widget
        .query("button[part=unknown-button]")
        .expect("the unknown-buyer button")
        .unchecked_into();
    assert_eq!(button.text_content().unwrap(), en("unknown_buyer", &[]));
    button.click();
    sleep(Duration::from_millis(20)).await;
    let unknown = widget.events_of("tradecover-unknown-buyer");
    assert_eq!(unknown.len(), 1);
    assert_eq!(
        get(&unknown[0], &["name"]).as_string().unwrap(),
        "Nobody Ltd"
    );
    assert_eq!(get(&unknown[0], &["country"]).as_string().unwrap(), "FR");
    assert_eq!(
        get(&unknown[0], &["text"]).as_string().unwrap(),
        "Nobody  Ltd"
    );
}

/// The identifiers the core detects in `text` for `country`, validated.
fn detected(country: Country, text: &str) -> Vec<Identifier> {
    detect_identifier(country, text)
        .into_iter()
        .filter_map(|kind| validate_identifier(kind, text).ok())
        .collect()
}

#[wasm_bindgen_test]
async fn an_identifier_is_searched_first_in_each_format_then_as_a_name() {
    let proxy = "/p-identifier";
    fake_proxy(&[
        route("/companies/identifier", 200, EMPTY_COFACE),
        route("/companies/name", 200, &hit_list()),
    ]);
    let widget = Mounted::new(widget_options("coface", proxy, "FR"));
    let typed = "552 032 534";
    widget.type_text(typed).await;

    let country = Country::parse("FR").unwrap();
    let plan = SearchPlan::new(&SearchCriteria {
        country,
        identifiers: detected(country, typed),
        name: BuyerQuery::by_name(typed, "FR", None, None).ok(),
        region: None,
    })
    .unwrap();
    let expected: Vec<String> = plan
        .planned()
        .map(|(_, request)| format!("{proxy}/coface{}", request.path_and_query()))
        .collect();
    let sent: Vec<String> = calls(proxy).into_iter().map(|call| call.path).collect();
    assert_eq!(sent, expected);
    assert!(
        sent.len() >= 3,
        "two SIREN formats, then the name: {sent:?}"
    );
    assert!(sent[0].ends_with(&format!("identifierType=SIREN_FRA&identifierValue={SIREN}")));
    assert!(sent[1].ends_with("identifierType=SIREN_FRA&identifierValue=552+032+534"));
    assert!(sent.last().unwrap().contains("/companies/name?"));
    assert_eq!(widget.options().len(), 2);
}

#[wasm_bindgen_test]
async fn town_postcode_and_region_narrow_the_name_search() {
    let proxy = "/p-location";
    fake_proxy(&[route("", 200, &hit_list())]);
    let widget = Mounted::new(widget_options("coface", proxy, "US"));
    let region = || widget.query("input[part=region]");
    assert!(region().is_some(), "Coface needs a region in the US");
    widget.type_text("Acme").await;
    assert!(calls(proxy).is_empty(), "no name search without the region");
    assert_eq!(widget.error_codes(), ["region.required"]);
    widget.type_text("Acme Corp").await;
    let region_input: HtmlInputElement = region().unwrap().unchecked_into();
    region_input.set_value("New York");
    region_input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    let location: HtmlInputElement = widget
        .query("input[part=location]")
        .unwrap()
        .unchecked_into();
    location.set_value("10001");
    location
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    let sent: Vec<String> = calls(proxy).into_iter().map(|call| call.path).collect();
    assert_eq!(
        sent,
        [
            format!("{proxy}/coface/companies/name?countryCode=USA&companyName=Acme+Corp&region=NY"),
            format!(
                "{proxy}/coface/companies/name?countryCode=USA&companyName=Acme+Corp&postalCode=10001&region=NY"
            ),
        ]
    );
    assert_eq!(widget.error_codes(), Vec::<String>::new());
    let errors = widget.events_of("tradecover-error");
    assert_eq!(
        errors.len(),
        1,
        "region.required is reported once, not at each key"
    );

    let select: web_sys::HtmlSelectElement = widget
        .query("select[part=country]")
        .unwrap()
        .unchecked_into();
    select.set_value("FR");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    sleep(Duration::from_millis(100)).await;
    assert!(region().is_none(), "no region in France");
    let last = calls(proxy).pop().unwrap();
    assert_eq!(
        last.path,
        format!(
            "{proxy}/coface/companies/name?countryCode=FRA&companyName=Acme+Corp&postalCode=10001"
        )
    );
}

#[wasm_bindgen_test]
async fn an_identifier_hit_ends_the_search() {
    let proxy = "/p-identifier-hit";
    fake_proxy(&[
        route("identifierValue=552 032 534", 200, &hit_list()),
        route("", 200, EMPTY_COFACE),
    ]);
    let widget = Mounted::new(widget_options("coface", proxy, "FR"));
    widget.type_text(SIREN).await;
    let sent = calls(proxy);
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert!(sent
        .iter()
        .all(|call| call.path.contains("/companies/identifier?")));
    assert_eq!(widget.options().len(), 2);
}

#[wasm_bindgen_test]
async fn allianz_trade_searches_identifiers_then_the_name() {
    let proxy = "/p-allianz";
    let typical =
        include_str!("../core/tests/fixtures/allianz_trade/advanced_search.response.typical.json");
    fake_proxy(&[
        route("companyIdentifiers", 200, r#"{"results":[]}"#),
        route("companyName", 200, typical),
    ]);
    let widget = Mounted::new(widget_options("allianz-trade", proxy, "FR"));
    widget.type_text(SIREN).await;
    let sent = calls(proxy);
    let country = Country::parse("FR").unwrap();
    let expected_identifiers = detected(country, SIREN)
        .into_iter()
        .filter(|identifier| {
            advanced_search_request(&CompanySearch::by_identifier(country, identifier.clone()))
                .is_ok()
        })
        .count();
    assert!(expected_identifiers >= 1);
    assert_eq!(sent.len(), expected_identifiers + 1, "{sent:?}");
    for call in &sent {
        assert_eq!(call.method, "POST");
        assert_eq!(
            call.path,
            format!("{proxy}/allianz-trade/search/v2/companies/advancedSearch")
        );
    }
    assert!(
        sent[0].body.contains(r#""idTypeCode":"SIREN""#),
        "{}",
        sent[0].body
    );
    assert!(sent
        .last()
        .unwrap()
        .body
        .contains(r#""companyName":"552032534""#));
    let options = widget.options();
    assert_eq!(options.len(), 2);
    assert_eq!(
        options[1].get_attribute("aria-disabled").as_deref(),
        Some("true"),
        "Allianz Trade's isHeadOffice: false is a branch"
    );
}

#[wasm_bindgen_test]
async fn atradius_needs_an_identifier_and_says_so() {
    let proxy = "/p-atradius";
    let found = serde_json::json!({"data": [{"buyerId": "0099887766", "buyerName": "Dupont SA",
        "registeredAddress": {"city": "Paris", "countryCode": "FRA"},
        "uniqueIdentifiers": [{"uid": SIREN, "uidType": "SN"}]}]})
    .to_string();
    fake_proxy(&[route("uidType=SN", 200, &found)]);
    let widget = Mounted::new(widget_options("atradius", proxy, "FR"));
    widget.type_text("Dupont").await;
    assert!(
        calls(proxy).is_empty(),
        "no name search is sent to Atradius"
    );
    assert_eq!(
        widget.status(),
        en("identifier_only", &[("insurer", "Atradius")])
    );
    widget.type_text(SIREN).await;
    let sent = calls(proxy);
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(
        sent[0].path,
        format!(
            "{proxy}/atradius/credit-insurance/organisation-management/v1/buyers?country=FRA&uid={SIREN}&uidType=SN"
        )
    );
    let options = widget.options();
    assert_eq!(options.len(), 1);
    assert!(options[0].text_content().unwrap().contains("Dupont SA"));
}

#[wasm_bindgen_test]
async fn branches_are_marked_and_cannot_be_selected() {
    let proxy = "/p-branch";
    fake_proxy(&[route("companyName=dupont", 200, &hit_list())]);
    let widget = Mounted::new(widget_options("coface", proxy, "FR"));
    widget.type_text("dupont").await;
    let branch = &widget.options()[1];
    assert_eq!(
        branch.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert_eq!(
        branch.get_attribute("part").as_deref(),
        Some("option option-branch")
    );
    let content = branch.text_content().unwrap();
    assert!(
        content.contains("Branch") && content.contains("Lyon"),
        "{content}"
    );
    assert!(
        content.contains(&en("branch_reason", &[])),
        "the reason is shown"
    );
    assert!(branch
        .query_selector("[part~=badge-branch]")
        .unwrap()
        .is_some());

    widget.press("End").await;
    widget.press("ArrowDown").await; // already the last one: stays there
    widget.press("Enter").await;
    assert!(widget.events_of("tradecover-select").is_empty());
    assert!(
        widget
            .status()
            .contains("branch: cover can only be requested on the head office"),
        "{}",
        widget.status()
    );
    widget.mouse_down(branch).await;
    assert!(widget.events_of("tradecover-select").is_empty());
    widget.mouse_down(&widget.options()[0]).await;
    assert_eq!(widget.events_of("tradecover-select").len(), 1);
}

#[wasm_bindgen_test]
async fn the_keyboard_moves_through_the_list_as_the_apg_combobox() {
    let proxy = "/p-keyboard";
    fake_proxy(&[route("companyName=dupont", 200, &hit_list())]);
    let widget = Mounted::new(widget_options("coface", proxy, "FR"));
    assert_eq!(
        widget.attribute("aria-autocomplete").as_deref(),
        Some("list")
    );
    assert_eq!(widget.attribute("aria-expanded").as_deref(), Some("false"));
    let listbox_id = widget.attribute("aria-controls").unwrap();
    let listbox = widget.root().get_element_by_id(&listbox_id).unwrap();
    assert_eq!(listbox.get_attribute("role").as_deref(), Some("listbox"));
    let live = widget.query("[role=status]").unwrap();
    assert_eq!(live.get_attribute("aria-live").as_deref(), Some("polite"));

    widget.type_text("dupont").await;
    let ids: Vec<String> = widget.options().iter().map(Element::id).collect();
    let active = || widget.attribute("aria-activedescendant");
    let selected = || {
        widget
            .options()
            .iter()
            .map(|option| option.get_attribute("aria-selected") == Some("true".into()))
            .collect::<Vec<_>>()
    };
    assert_eq!(active(), None);
    widget.press("ArrowDown").await;
    assert_eq!(active().as_ref(), Some(&ids[0]));
    assert_eq!(selected(), [true, false]);
    widget.press("ArrowDown").await;
    assert_eq!(active().as_ref(), Some(&ids[1]));
    widget.press("ArrowUp").await;
    assert_eq!(active().as_ref(), Some(&ids[0]));
    widget.press("End").await;
    assert_eq!(active().as_ref(), Some(&ids[1]));
    widget.press("Home").await;
    assert_eq!(active().as_ref(), Some(&ids[0]));
    widget.press("Escape").await;
    assert_eq!(widget.attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(active(), None);
    assert_eq!(
        widget.input().value(),
        "dupont",
        "the first Escape keeps the text"
    );
    widget.press("ArrowUp").await;
    assert_eq!(
        active().as_ref(),
        Some(&ids[1]),
        "Up opens on the last option"
    );
    widget.press("Home").await;
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
    assert_eq!(widget.attribute("aria-expanded").as_deref(), Some("false"));
    widget.press("Escape").await;
    assert_eq!(widget.input().value(), "", "Escape on a closed list clears");
}

#[wasm_bindgen_test]
async fn an_empty_name_shows_an_error_and_sends_nothing() {
    let proxy = "/p-empty-name";
    fake_proxy(&[route("", 200, &hit_list())]);
    let widget = Mounted::new(widget_options("coface", proxy, "FR"));
    widget.press("Enter").await;
    assert_eq!(widget.error_codes(), ["name.required"]);
    assert_eq!(widget.attribute("aria-invalid").as_deref(), Some("true"));
    widget.type_text("d").await;
    assert_eq!(
        widget.error_codes(),
        Vec::<String>::new(),
        "typing waits for more"
    );
    widget.press("Enter").await;
    assert_eq!(widget.error_codes(), ["name.too_short"]);
    assert!(calls(proxy).is_empty());
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
async fn bad_settings_show_errors_and_send_nothing() {
    let proxy = "/p-settings";
    fake_proxy(&[route("", 200, &hit_list())]);
    let country = Mounted::new(widget_options("coface", proxy, "XX"));
    let insurer = Mounted::new(widget_options("lloyds", proxy, "FR"));
    sleep(Duration::from_millis(20)).await;
    assert_eq!(country.error_codes(), ["country.unknown"]);
    assert_eq!(insurer.error_codes(), ["insurer.unknown"]);
    country.type_text("dupont").await;
    insurer.type_text("dupont").await;
    country.press("Enter").await;
    assert!(calls(proxy).is_empty());
    let reported = country.events_of("tradecover-error");
    assert_eq!(
        get(&reported[0], &["code"]).as_string().unwrap(),
        "country.unknown"
    );
}

#[wasm_bindgen_test]
async fn insurer_failures_are_shown_and_reported() {
    let proxy = "/p-failure";
    fake_proxy(&[route("", 503, "<html>unavailable</html>")]);
    let widget = Mounted::new(widget_options("coface", proxy, "FR"));
    widget.type_text("dupont").await;
    assert_eq!(widget.error_codes(), ["insurer.unavailable"]);
    let error = widget.query("[part=error]").unwrap();
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    let errors = widget.events_of("tradecover-error");
    assert_eq!(
        get(&errors[0], &["code"]).as_string().unwrap(),
        "insurer.unavailable"
    );
    assert_eq!(get(&errors[0], &["retryable"]), JsValue::TRUE);
    assert!(
        !error.text_content().unwrap().contains("html"),
        "the insurer's body is not shown"
    );
}

#[wasm_bindgen_test]
async fn insurer_strings_are_shown_as_text() {
    let proxy = "/p-xss";
    let name = "<img src=x onerror=alert(1)>";
    fake_proxy(&[route("", 200, &one_company(name, HEAD_EASY))]);
    let widget = Mounted::new(widget_options("coface", proxy, "FR"));
    widget.type_text("evil").await;
    let option = &widget.options()[0];
    assert!(option.text_content().unwrap().contains(name));
    assert!(
        widget.query("img").is_none(),
        "no element was made from the name"
    );
}

#[wasm_bindgen_test]
async fn strings_follow_the_locale() {
    let proxy = "/p-locale";
    fake_proxy(&[route("", 200, EMPTY_COFACE)]);
    let french = Mounted::new(
        serde_json::json!({"insurer": "coface", "proxy": proxy, "country": "FR", "locale": "fr-FR"}),
    );
    let german = Mounted::new(
        serde_json::json!({"insurer": "coface", "proxy": proxy, "country": "DE", "locale": "de"}),
    );
    sleep(Duration::from_millis(20)).await;
    let fr = |key: &str| text(Language::Fr, &format!("buyer_search.{key}"), &[]);
    let de = |key: &str| text(Language::De, &format!("buyer_search.{key}"), &[]);
    assert_eq!(
        french.query("label").unwrap().text_content().unwrap(),
        fr("label")
    );
    assert_eq!(german.attribute("placeholder"), Some(de("placeholder")));
    assert_ne!(
        fr("label"),
        en("label", &[]),
        "the French catalogue speaks French"
    );
    french.type_text("Personne").await;
    assert_eq!(french.status(), fr("no_results"));
    assert_eq!(
        french
            .query("[part=unknown-button]")
            .unwrap()
            .text_content()
            .unwrap(),
        fr("unknown_buyer")
    );
    french.press("Escape").await;
    french.press("Enter").await;
    let message = french.query(".tc-error").unwrap().text_content().unwrap();
    assert_eq!(
        message,
        text(Language::Fr, "name.required", &[]),
        "errors come from the catalogue too"
    );
}

#[wasm_bindgen_test]
async fn answers_are_cached_for_the_page() {
    let proxy = "/p-cache";
    fake_proxy(&[
        route("companyName=dupont", 200, &hit_list()),
        route("", 200, EMPTY_COFACE),
    ]);
    let first = Mounted::new(widget_options("coface", proxy, "FR"));
    first.type_text("dupont").await;
    first.type_text("dupon").await;
    first.type_text("dupont").await;
    assert_eq!(calls(proxy).len(), 2, "dupont was asked once");
    assert_eq!(first.options().len(), 2);
    let second = Mounted::new(widget_options("coface", proxy, "FR"));
    second.type_text("dupont").await;
    assert_eq!(
        calls(proxy).len(),
        2,
        "another box on the page reuses the answer"
    );
    assert_eq!(second.options().len(), 2);
}

#[wasm_bindgen_test]
async fn update_changes_the_insurer_and_searches_again() {
    let proxy = "/p-update";
    let found = serde_json::json!({"data": [{"buyerId": "0099887766", "buyerName": "Dupont SA",
        "registeredAddress": {"countryCode": "FRA"}}]})
    .to_string();
    fake_proxy(&[
        route("/coface/", 200, &hit_list()),
        route("/atradius/", 200, &found),
    ]);
    let mut widget = Mounted::new(widget_options("coface", proxy, "FR"));
    widget.type_text(SIREN).await;
    assert!(calls(proxy)
        .iter()
        .all(|call| call.path.contains("/coface/")));
    assert_eq!(widget.options().len(), 2);
    let update = js_sys::JSON::parse(r#"{"insurer": "atradius", "locale": "it"}"#).unwrap();
    widget.handle.update(update).unwrap();
    settle().await;
    let last = calls(proxy).pop().unwrap();
    assert!(last.path.contains("/atradius/"), "{last:?}");
    assert_eq!(widget.input().value(), SIREN, "the text is kept");
    assert_eq!(widget.options().len(), 1);
    assert_eq!(
        widget.attribute("placeholder"),
        Some(text(
            Language::It,
            "buyer_search.placeholder_identifier",
            &[]
        ))
    );
}

#[wasm_bindgen_test]
async fn unmount_aborts_and_removes_everything() {
    let proxy = "/p-unmount";
    fake_proxy(&[Route {
        matches: "",
        status: 200,
        body: &hit_list(),
        delay_ms: 300,
    }]);
    let mut widget = Mounted::new(widget_options("coface", proxy, "FR"));
    widget.type_now("dupont");
    sleep(DEBOUNCE + Duration::from_millis(50)).await;
    assert_eq!(calls(proxy).len(), 1);
    widget.handle.unmount();
    widget.handle.unmount(); // twice is harmless
    assert!(!widget.handle.mounted());
    assert!(widget.query("input").is_none());
    assert!(calls(proxy)[0].aborted, "the search under way was aborted");
    let update = js_sys::JSON::parse(r#"{"insurer": "atradius"}"#).unwrap();
    widget.handle.update(update).unwrap(); // no effect once unmounted
    sleep(Duration::from_millis(400)).await;
    assert!(
        widget.events.length() == 0,
        "nothing is reported after unmount"
    );
    assert_eq!(calls(proxy).len(), 1);
}

#[wasm_bindgen_test]
async fn an_input_method_composing_a_character_does_not_search() {
    let proxy = "/p-ime";
    fake_proxy(&[route("", 200, &hit_list())]);
    let widget = Mounted::new(widget_options("coface", proxy, "JP"));
    let compose = Function::new_with_args(
        "input, text",
        "input.value = text;
         input.dispatchEvent(new InputEvent('input', { isComposing: true }));",
    );
    compose
        .call2(&JsValue::NULL, &widget.input(), &"とうき".into())
        .unwrap();
    settle().await;
    assert!(calls(proxy).is_empty(), "nothing is sent mid-composition");
    let end = Function::new_with_args(
        "input, text",
        "input.value = text;
         input.dispatchEvent(new CompositionEvent('compositionend', { data: text }));",
    );
    end.call2(&JsValue::NULL, &widget.input(), &"東京".into())
        .unwrap();
    settle().await;
    let sent = calls(proxy);
    assert_eq!(sent.len(), 1);
    assert!(
        sent[0].path.contains("companyName=%E6%9D%B1%E4%BA%AC"),
        "{:?}",
        sent[0]
    );
}

#[wasm_bindgen_test]
async fn every_styleable_piece_has_a_part_and_the_tokens_reach_inside() {
    let proxy = "/p-parts";
    fake_proxy(&[
        route("companyName=dupont", 200, &hit_list()),
        route("", 200, EMPTY_COFACE),
    ]);
    let widget = Mounted::new(widget_options("coface", proxy, "FR"));
    widget
        .host
        .set_attribute("style", "--tradecover-font: 21px/1 serif")
        .unwrap();
    let has = |widget: &Mounted, part: &str| widget.query(&format!("[part~={part}]")).is_some();
    for part in [
        "container",
        "label",
        "input",
        "country",
        "location",
        "listbox",
        "errors",
        "status",
    ] {
        assert!(has(&widget, part), "part {part}");
    }
    let font_size = window()
        .get_computed_style(&widget.input())
        .unwrap()
        .unwrap()
        .get_property_value("font-size")
        .unwrap();
    assert_eq!(font_size, "21px", "--tradecover-font themes the input");

    widget.type_text("dupont").await;
    for part in [
        "option",
        "option-branch",
        "option-name",
        "badge",
        "badge-branch",
        "address",
        "identifiers",
        "branch-reason",
    ] {
        assert!(has(&widget, part), "part {part}");
    }
    widget.type_text("nobody").await;
    for part in ["empty", "unknown-button"] {
        assert!(has(&widget, part), "part {part}");
    }
    widget.press("Escape").await;
    widget.press("Enter").await;
    assert!(has(&widget, "error"));
    let american = Mounted::new(widget_options("coface", proxy, "US"));
    sleep(Duration::from_millis(20)).await;
    assert!(has(&american, "region"));
}

fn js(value: serde_json::Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap()
}

#[wasm_bindgen_test]
async fn texts_replace_catalogue_strings_in_every_language() {
    let proxy = "/p-texts";
    fake_proxy(&[route("companyName=dupont", 200, &hit_list())]);
    let texts = serde_json::json!({
        "buyer_search.placeholder": "Find a customer",
        "buyer_search.results_count": "{count} customers found",
    });
    let mut options = widget_options("coface", proxy, "FR");
    options["texts"] = texts.clone();
    let english = Mounted::new(options);
    let french = Mounted::new(
        serde_json::json!({"insurer": "coface", "proxy": proxy, "country": "FR", "locale": "fr", "texts": texts}),
    );
    sleep(Duration::from_millis(20)).await;
    assert_eq!(
        english.attribute("placeholder").as_deref(),
        Some("Find a customer")
    );
    assert_eq!(
        french.attribute("placeholder").as_deref(),
        Some("Find a customer")
    );
    assert_eq!(
        french.query("label").unwrap().text_content().unwrap(),
        text(Language::Fr, "buyer_search.label", &[]),
        "texts not replaced stay the catalogue's"
    );
    french.type_text("dupont").await;
    assert_eq!(french.options().len(), 2);
    assert_eq!(
        french.status(),
        "2 customers found",
        "the {{count}} is filled"
    );
    assert!(english.error_codes().is_empty() && french.error_codes().is_empty());
}

#[wasm_bindgen_test]
async fn update_changes_the_texts_live() {
    let proxy = "/p-texts-update";
    fake_proxy(&[route("", 200, EMPTY_COFACE)]);
    let mut widget = Mounted::new(widget_options("coface", proxy, "FR"));
    widget.type_now("dup");
    widget
        .handle
        .update(js(
            serde_json::json!({"texts": {"buyer_search.label": "Customer"}}),
        ))
        .unwrap();
    sleep(Duration::from_millis(20)).await;
    assert_eq!(
        widget.query("label").unwrap().text_content().unwrap(),
        "Customer"
    );
    assert_eq!(widget.input().value(), "dup", "what was typed stays");
    widget
        .handle
        .update(js(serde_json::json!({"texts": null})))
        .unwrap();
    sleep(Duration::from_millis(20)).await;
    assert_eq!(
        widget.query("label").unwrap().text_content().unwrap(),
        en("label", &[])
    );
}

#[wasm_bindgen_test]
async fn a_bad_texts_option_is_shown_and_reported() {
    let proxy = "/p-texts-bad";
    fake_proxy(&[route("companyName=dupont", 200, &hit_list())]);
    let mut options = widget_options("coface", proxy, "FR");
    options["texts"] = serde_json::json!({"buyer_search.nothing": "x", "buyer_search.label": 3});
    let widget = Mounted::new(options);
    sleep(Duration::from_millis(20)).await;
    let mut codes = widget.error_codes();
    codes.sort();
    assert_eq!(codes, ["texts.not_text", "texts.unknown_key"]);
    let messages: Vec<String> = widget
        .query_all(".tc-error")
        .iter()
        .filter_map(|error| error.text_content())
        .collect();
    assert!(
        messages
            .iter()
            .any(|message| message.contains("buyer_search.nothing")),
        "the message names the key: {messages:?}"
    );
    let mut reported: Vec<String> = widget
        .events_of("tradecover-error")
        .iter()
        .map(|detail| get(detail, &["code"]).as_string().unwrap())
        .collect();
    reported.sort();
    assert_eq!(reported, ["texts.not_text", "texts.unknown_key"]);
    widget.type_text("dupont").await;
    assert_eq!(widget.options().len(), 2, "the box still searches");
}
