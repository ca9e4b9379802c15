//! The detail panel's collapsible "what the insurer answered": the raw payloads the insurer
//! returns about the row now (the same requests as a pending check, see [`row_requests`]),
//! asked for when the user first expands the section, shown pretty-printed.

use leptos::prelude::*;
use leptos::task::spawn_local;
use tradecover_core::decision::Decision;
use tradecover_core::locale::Language;
use wasm_bindgen::JsValue;

use super::loader::PortfolioSource;
use super::pending_check::row_requests;
use super::texts::tr;
use crate::proxy_client::ProxyClient;
use crate::widget_error::WidgetError;

/// One answer: the request line and the body as received (JSON indented).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Answer {
    request: String,
    status: u16,
    body: String,
}

/// What the section shows.
#[derive(Debug, Clone, PartialEq)]
enum Payload {
    /// Not asked yet.
    NotAsked,
    /// Being asked.
    Asking,
    /// The answers, in request order.
    Answered(Vec<Answer>),
    /// The insurer could not be reached.
    Failed(WidgetError),
}

/// `text` indented when it is JSON, as received otherwise.
fn pretty(text: &str) -> String {
    js_sys::JSON::parse(text)
        .and_then(|value| {
            js_sys::JSON::stringify_with_replacer_and_space(
                &value,
                &JsValue::NULL,
                &JsValue::from(2),
            )
        })
        .ok()
        .and_then(|value| value.as_string())
        .unwrap_or_else(|| text.to_owned())
}

/// The raw insurer payloads about `row`, behind a disclosure button.
#[component]
pub(crate) fn InsurerAnswer(
    /// The row shown in the panel.
    row: Decision,
    /// The proxy the tracker talks to.
    client: ProxyClient,
    /// How the tracker loads portfolios (the Atradius policy).
    source: PortfolioSource,
    /// Language of the texts.
    language: Language,
    /// Id of the collapsible region (unique on the page).
    #[prop(into)]
    region_id: String,
) -> impl IntoView {
    let expanded = RwSignal::new(false);
    let payload = RwSignal::new(Payload::NotAsked);
    let insurer = row.insurer;
    let ask = move || {
        payload.set(Payload::Asking);
        let row = row.clone();
        let client = client.clone();
        let source = source.clone();
        spawn_local(async move {
            let mut answers = Vec::new();
            for request in row_requests(&row, &source) {
                match client.send(insurer, &request, language, None).await {
                    Ok(response) => answers.push(Answer {
                        request: format!(
                            "{} {}",
                            request.method.as_str(),
                            request.path_and_query()
                        ),
                        status: response.status,
                        body: pretty(&String::from_utf8_lossy(&response.body)),
                    }),
                    Err(error) => {
                        payload.try_set(Payload::Failed(error));
                        return;
                    }
                }
            }
            payload.try_set(Payload::Answered(answers));
        });
    };
    let toggle = move |_| {
        let open = !expanded.get_untracked();
        expanded.set(open);
        if open
            && !matches!(
                payload.get_untracked(),
                Payload::Asking | Payload::Answered(_)
            )
        {
            ask();
        }
    };
    let content = move || match payload.get() {
        Payload::NotAsked => ().into_any(),
        Payload::Asking => view! {
            <p part="detail-payload-status" role="status">
                {tr(language, "payload_asking", &[("insurer", insurer.display_name())])}
            </p>
        }
        .into_any(),
        Payload::Failed(error) => view! {
            <p class="tc-error" part="error" role="alert" data-code=error.code>{error.message}</p>
        }
        .into_any(),
        Payload::Answered(answers) if answers.is_empty() => view! {
            <p part="detail-payload-status">{tr(language, "payload_none", &[])}</p>
        }
        .into_any(),
        Payload::Answered(answers) => answers
            .into_iter()
            .map(|answer| {
                view! {
                    <figure class="tc-payload" part="detail-payload">
                        <figcaption part="detail-payload-request">
                            <code>{answer.request}</code>" → "{answer.status}
                        </figcaption>
                        <pre part="detail-payload-body" tabindex="0">{answer.body}</pre>
                    </figure>
                }
            })
            .collect_view()
            .into_any(),
    };
    view! {
        <h4 part="detail-heading">
            <button type="button" class="tc-disclosure" part="button disclosure"
                aria-expanded=move || expanded.get().to_string() aria-controls=region_id.clone()
                on:click=toggle>
                {tr(language, "payload", &[("insurer", insurer.display_name())])}
            </button>
        </h4>
        <div id=region_id part="detail-payload-region" hidden=move || !expanded.get()>
            {content}
        </div>
    }
}
