//! The `DecisionTracker` component.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use tradecover_core::atradius::{cover_type_of, AtradiusPolicy};
use tradecover_core::cover_application::{CoverType, PolicyRef};
use tradecover_core::decision::Decision;
use tradecover_core::lifecycle::{
    allowed_actions, next_check_at, Action, PollHistory, PollingPolicy, ProductFacts, Status,
};
use tradecover_core::locale::{Language, Locale};
use tradecover_core::{Country, Insurer};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::action_panel::{confirmation_view, Confirmation, PanelContext};
use super::batch_panel::{batch_view, BatchContext};
use super::column::Column;
use super::csv_export::csv_text;
use super::fragment_key::FragmentKey;
use super::grid_keys::next_cell;
use super::insurer_answer::InsurerAnswer;
use super::live::{events_url, LiveStream, OrderNotice};
use super::loader::{load_page, PortfolioSource};
use super::pending_check::{check_coface_company, check_pending};
use super::sleep::sleep_ms;
use super::status_kind::StatusKind;
use super::table::{DecisionTable, Merged};
use super::texts::{status_label, tr};
use super::unnotified_polling::{needs_polling, poll_unnotified, StreamState};
use super::view_state::{replace_in_fragment, ViewState};
use crate::widget_error::WidgetError;
use crate::ProxyClient;

/// Styles of the tracker; scoped by `tc-` class names, themable with `--tradecover-*` custom
/// properties and `::part()`.
pub const STYLES: &str = include_str!("styles.css");
/// The name the tracker's adopted stylesheet is marked with.
pub(crate) const STYLE_NAME: &str = "decision-tracker";

/// Height of a row, in CSS pixels (rows are positioned, not flowed, so it is fixed).
pub const ROW_HEIGHT: f64 = 36.0;
/// Rows rendered above and below the visible ones.
pub const OVERSCAN: usize = 6;
/// Height of the scrolled area before it is measured.
const DEFAULT_VIEWPORT: f64 = 432.0;
/// Pending rows checked per round while polling.
const CHECKS_PER_ROUND: usize = 20;
/// Name of the event the cover form fires with each decision (listened for on the document).
pub const FORM_DECISION_EVENT: &str = "tradecover-decision";

static INSTANCES: AtomicU32 = AtomicU32::new(0);

/// How the tracker hears of changes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum LiveState {
    /// No stream (no policy given).
    Off,
    /// The stream is connected.
    Live,
    /// The stream failed: pending rows are checked at this time (ms since the epoch).
    Polling(f64),
}

/// Loading progress.
#[derive(Debug, Clone, PartialEq)]
struct Progress {
    insurer: Insurer,
    page: u32,
    count: usize,
}

/// One step of a row's timeline.
#[derive(Debug, Clone, PartialEq)]
struct Step {
    label: String,
    detail: String,
}

fn now_seconds() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

/// What the core's state machine needs to know about `row`; `stopped`: its monitoring was
/// stopped from this tracker (Coface keeps the decision in force after a STOP).
fn product_facts(row: &Decision, stopped: bool) -> ProductFacts {
    let in_force = row.status.status.is_some_and(Status::is_in_force);
    let coface = row.insurer == Insurer::Coface;
    ProductFacts {
        is_indication: row.insurer == Insurer::Atradius
            && cover_type_of(&row.product) == Some(CoverType::Indication),
        monitoring_active: coface
            && in_force
            && !stopped
            && matches!(row.product.as_str(), "SCOREMON" | "ARATINGMON"),
        has_delivery_id: coface && row.order_id.as_deref() != Some(row.id.as_str()),
    }
}

fn action_key(action: Action) -> &'static str {
    match action {
        Action::Increase => "action_increase",
        Action::Reduce => "action_reduce",
        Action::Cancel => "action_cancel",
        Action::Delete => "action_delete",
        Action::Stop => "action_stop",
        Action::Convert => "action_convert",
        Action::SetReference => "action_set_reference",
    }
}

/// The conditions the insurer attached to `row`, if any.
fn conditions_view(row: &Decision, language: Language) -> Option<impl IntoView> {
    (!row.conditions.is_empty()).then(|| {
        let items = row
            .conditions
            .iter()
            .map(|condition| view! { <li part="detail-condition">{condition.clone()}</li> })
            .collect_view();
        view! {
            <h4 part="detail-heading">{tr(language, "conditions", &[])}</h4>
            <ul class="tc-conditions" part="detail-conditions">{items}</ul>
        }
    })
}

/// Downloads `text` as `decisions.csv` through a Blob URL.
fn download_csv(text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(&format!("\u{feff}{text}")));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download("decisions.csv");
    link.click();
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 0)?;
    Ok(())
}

/// Listens for `event` on the document while alive.
struct DocumentListener {
    document: web_sys::Document,
    event: &'static str,
    listener: Closure<dyn FnMut(web_sys::Event)>,
}

impl DocumentListener {
    fn new(event: &'static str, listener: Closure<dyn FnMut(web_sys::Event)>) -> Option<Self> {
        let document = web_sys::window()?.document()?;
        document
            .add_event_listener_with_callback(event, listener.as_ref().unchecked_ref())
            .ok()?;
        Some(Self {
            document,
            event,
            listener,
        })
    }
}

impl Drop for DocumentListener {
    fn drop(&mut self) {
        let _ = self.document.remove_event_listener_with_callback(
            self.event,
            self.listener.as_ref().unchecked_ref(),
        );
    }
}

fn location_fragment() -> Option<String> {
    web_sys::window()?.location().hash().ok()
}

fn write_fragment(key: &str, view: &ViewState) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let current = window.location().hash().unwrap_or_default();
    let fragment = replace_in_fragment(&current, key, view);
    if current.trim_start_matches('#') == fragment {
        return;
    }
    let url = if fragment.is_empty() {
        let location = window.location();
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    } else {
        format!("#{fragment}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Follows every decision of the chosen insurers in one virtualised grid.
///
/// Loads each insurer's portfolio page by page (cancellable), adds the decisions the cover form
/// on the page reports (`tradecover-decision` on the document), applies the decisions the
/// proxy's stream reports (and polls the pending rows with the core's policy while the stream is
/// down), sorts and filters without copying rows, keeps the view in the URL fragment, exports
/// the view as CSV, and shows per row its timeline, raw code and the actions the core allows.
#[component]
pub fn DecisionTracker(
    /// The insurers whose portfolio is loaded, in order.
    #[prop(into)]
    insurers: Vec<Insurer>,
    /// Base URL of the customer's proxy, e.g. `/proxy`.
    #[prop(into)]
    proxy: String,
    /// Language of texts and how amounts are shown: a BCP 47 tag.
    #[prop(into, default = "en".to_owned())]
    locale: String,
    /// The Allianz Trade policies to list (needed for Allianz Trade).
    #[prop(optional)]
    allianz_policies: Vec<PolicyRef>,
    /// The Atradius policy to list (needed for Atradius).
    #[prop(optional_no_strip)]
    atradius_policy: Option<AtradiusPolicy>,
    /// The policy (or contract) whose notification stream is followed; none: no stream.
    #[prop(optional_no_strip)]
    events_policy: Option<String>,
    /// Allianz Trade page size.
    #[prop(default = 500)]
    page_size: u32,
    /// Rows shown before anything is loaded (e.g. kept by the page).
    #[prop(optional)]
    decisions: Vec<Decision>,
    /// The view to start with (the `view` attribute's text); default: the URL fragment's.
    #[prop(optional_no_strip)]
    view: Option<String>,
    /// Whether the view is kept in the URL fragment (`#tradecover-tracker=…`).
    #[prop(default = true)]
    sync_url: bool,
    /// The tracker's name: its view is kept under `#tradecover-tracker-<name>=…`; unnamed, the
    /// first tracker uses `tradecover-tracker`, further ones `tradecover-tracker-2`, `-3`…
    #[prop(optional_no_strip)]
    name: Option<String>,
    /// How pending rows are polled while the stream is down.
    #[prop(optional_no_strip)]
    polling: Option<PollingPolicy>,
    /// Called with the view's text each time it changes.
    #[prop(into, optional)]
    on_view: Option<Callback<String>>,
    /// Called with every error the tracker reports.
    #[prop(into, optional)]
    on_error: Option<Callback<WidgetError>>,
) -> impl IntoView {
    let instance = INSTANCES.fetch_add(1, Ordering::Relaxed);
    let id = format!("tc-tracker-{instance}");
    let locale = Locale::parse(&locale);
    let language: Language = locale.language;
    let client = StoredValue::new(ProxyClient::new(&proxy));
    let source = StoredValue::new(PortfolioSource {
        allianz_policies,
        atradius_policy,
        page_size: page_size.max(1),
    });
    let polling = polling.unwrap_or_default();
    let report = move |error: &WidgetError| {
        if let Some(callback) = on_error {
            callback.try_run(error.clone());
        }
    };
    let alive = Arc::new(AtomicBool::new(true));
    {
        let alive = alive.clone();
        on_cleanup(move || alive.store(false, Ordering::Relaxed));
    }

    let mut initial_table = DecisionTable::default();
    initial_table.extend(decisions);
    let table = StoredValue::new(initial_table);
    let version = RwSignal::new(0u64);
    let fragment_key = sync_url.then(|| FragmentKey::claim(name.as_deref()));
    if let Some(key) = fragment_key.clone() {
        on_cleanup(move || key.release());
    }
    let initial_view = view
        .map(|text| ViewState::from_text(&text))
        .or_else(|| {
            let key = fragment_key.as_ref()?;
            location_fragment()
                .and_then(|fragment| ViewState::from_fragment_under(&fragment, key.as_str()))
        })
        .unwrap_or_default();
    let state = RwSignal::new(initial_view);
    let order = RwSignal::new(Vec::<u32>::new());
    let timelines = StoredValue::new(HashMap::<usize, Vec<Step>>::new());
    let announcement = RwSignal::new(String::new());
    let progress = RwSignal::new(None::<Progress>);
    let notice = RwSignal::new(None::<String>);
    let live = RwSignal::new(LiveState::Off);
    let detail = RwSignal::new(None::<usize>);
    let confirmation = RwSignal::new(None::<Confirmation>);
    // The selected rows (indices in the table), kept here, never in the row nodes.
    let selected = RwSignal::new(std::collections::HashSet::<u32>::new());
    // Rows (insurer, id) whose monitoring was stopped here.
    let stopped = StoredValue::new(std::collections::HashSet::<(Insurer, String)>::new());
    let active = RwSignal::new((0usize, 0usize));
    let scroll_top = RwSignal::new(0.0f64);
    let viewport = RwSignal::new(DEFAULT_VIEWPORT);
    let scroller = NodeRef::<html::Div>::new();
    let label = move |kind: StatusKind| status_label(language, kind);

    // The permutation shown: rebuilt when rows, sort or filters change; rows are never copied.
    Effect::new(move |_| {
        version.track();
        let shown = state.with(|state| table.with_value(|table| table.view(state)));
        order.set(shown);
    });
    // The view's text: reported, and kept in the URL.
    Effect::new(move |_| {
        let view = state.get();
        if let Some(callback) = on_view {
            callback.run(view.to_text());
        }
        if let Some(key) = &fragment_key {
            write_fragment(key.as_str(), &view);
        }
    });

    // Merges a decision reported later, announcing a change of status.
    let merge = move |decision: Decision| {
        let buyer = decision
            .buyer_name
            .clone()
            .unwrap_or_else(|| decision.buyer_id.clone());
        let kind = StatusKind::of(decision.status.status);
        let raw = decision.status.raw.code.clone();
        let Some(merged) = table.try_update_value(|table| table.merge(decision)) else {
            return;
        };
        let (index, changed) = match merged {
            Merged::Added(index) => (index, false),
            Merged::Updated { index, before } => (index, StatusKind::of(before) != kind),
            Merged::Reconciled { index, .. } => (index, true),
            Merged::Refused => return,
        };
        let time = String::from(js_sys::Date::new_0().to_locale_time_string(&locale.tag()));
        timelines.update_value(|timelines| {
            timelines.entry(index).or_default().push(Step {
                label: label(kind),
                detail: format!("{raw} · {time}"),
            })
        });
        if changed {
            announcement.set(tr(
                language,
                "announce",
                &[("buyer", &buyer), ("status", &label(kind))],
            ));
        }
        version.update(|version| *version += 1);
    };

    // The result of an action on the row at `index`: a step in its timeline, the decisions
    // merged (their status changes in the timeline too), announced.
    let applied = move |(index, action, decisions): (usize, Action, Vec<Decision>)| {
        let time = String::from(js_sys::Date::new_0().to_locale_time_string(&locale.tag()));
        timelines.update_value(|timelines| {
            timelines.entry(index).or_default().push(Step {
                label: tr(language, action_key(action), &[]),
                detail: time,
            })
        });
        let before = table.with_value(|table| table.get(index).cloned());
        if action == Action::Stop {
            if let Some(row) = &before {
                stopped.update_value(|stopped| {
                    stopped.insert((row.insurer, row.id.clone()));
                });
            }
        }
        let first = decisions.first().cloned();
        decisions.into_iter().for_each(merge);
        version.update(|version| *version += 1);
        if let (Some(before), Some(now)) = (before, first) {
            let buyer = before
                .buyer_name
                .clone()
                .unwrap_or_else(|| before.buyer_id.clone());
            announcement.set(tr(
                language,
                "action_result",
                &[
                    ("buyer", &buyer),
                    ("action", &tr(language, action_key(action), &[])),
                    ("status", &label(StatusKind::of(now.status.status))),
                ],
            ));
        }
    };

    // Decisions from the cover form on the same page.
    let form_listener = DocumentListener::new(
        FORM_DECISION_EVENT,
        Closure::new(move |event: web_sys::Event| {
            let Some(event) = event.dyn_ref::<web_sys::CustomEvent>() else {
                return;
            };
            if let Ok(decision) = serde_wasm_bindgen::from_value::<Decision>(event.detail()) {
                merge(decision);
            }
        }),
    );
    let form_listener = SendWrapper::new(form_listener);
    on_cleanup(move || drop(form_listener));

    // Pending rows, polled with the core's policy while the stream is down.
    let poll = {
        let alive = alive.clone();
        move || {
            let alive = alive.clone();
            spawn_local(async move {
                let mut history = PollHistory {
                    submitted_at: now_seconds(),
                    checks: 0,
                    last_check_at: None,
                    retry_after: None,
                    seed: u64::from(instance).wrapping_add(js_sys::Date::now() as u64),
                };
                loop {
                    let at = next_check_at(now_seconds(), &history, &polling) as f64 * 1000.0;
                    if live.try_set(LiveState::Polling(at)).is_some() {
                        return;
                    }
                    sleep_ms(at - js_sys::Date::now()).await;
                    if !alive.load(Ordering::Relaxed)
                        || !matches!(live.try_get_untracked(), Some(LiveState::Polling(_)))
                    {
                        return;
                    }
                    let pending: Vec<Decision> = table.with_value(|table| {
                        table
                            .rows()
                            .iter()
                            .filter(|row| row.status.status.is_some_and(Status::is_waiting))
                            .take(CHECKS_PER_ROUND)
                            .cloned()
                            .collect()
                    });
                    let checked_at = now_seconds();
                    for row in pending {
                        let found =
                            check_pending(&client.get_value(), &row, &source.get_value(), language)
                                .await;
                        if !alive.load(Ordering::Relaxed) {
                            return;
                        }
                        match found {
                            Ok(decisions) => decisions.into_iter().for_each(merge),
                            Err(error) => report(&error),
                        }
                    }
                    history.checks += 1;
                    history.last_check_at = Some(checked_at);
                }
            });
        }
    };

    // Loading, page by page: once at the start (rows added as they come), and again when the
    // stream says events were lost (rows merged, so changes are announced).
    let controller = StoredValue::new_local(None::<web_sys::AbortController>);
    let insurers = StoredValue::new(insurers);
    let load = {
        let alive = alive.clone();
        move |reload: bool| {
            let Ok(fresh) = web_sys::AbortController::new() else {
                return;
            };
            let signal = fresh.signal();
            let previous = controller.try_update_value(|controller| controller.replace(fresh));
            if let Some(Some(previous)) = previous {
                previous.abort();
            }
            let alive = alive.clone();
            spawn_local(async move {
                for insurer in insurers.get_value() {
                    let mut page = 1;
                    let mut previous_first = None::<String>;
                    loop {
                        let count = table.with_value(DecisionTable::len);
                        if progress
                            .try_set(Some(Progress {
                                insurer,
                                page,
                                count,
                            }))
                            .is_some()
                        {
                            return;
                        }
                        let loaded = load_page(
                            &client.get_value(),
                            insurer,
                            &source.get_value(),
                            page,
                            language,
                            &signal,
                        )
                        .await;
                        if signal.aborted() || !alive.load(Ordering::Relaxed) {
                            return;
                        }
                        match loaded {
                            Ok(loaded) => {
                                // An insurer that ignores the page asked for answers the same
                                // page again: stop rather than add its rows twice.
                                let first = loaded.decisions.first().map(|row| row.id.clone());
                                if page > 1 && first.is_some() && first == previous_first {
                                    break;
                                }
                                previous_first = first;
                                if reload {
                                    loaded.decisions.into_iter().for_each(merge);
                                } else {
                                    table.update_value(|table| table.extend(loaded.decisions));
                                    version.update(|version| *version += 1);
                                }
                                match loaded.next_page {
                                    Some(next) if next > page => page = next,
                                    _ => break,
                                }
                            }
                            Err(error) => {
                                report(&error);
                                notice.set(Some(error.message));
                                break;
                            }
                        }
                    }
                }
                progress.try_set(None);
            });
        }
    };

    // The proxy's stream.
    let stream = events_policy
        .filter(|policy| !policy.trim().is_empty())
        .and_then(|policy| {
            let url = events_url(&proxy, &policy);
            let on_error = move || {
                if !matches!(live.try_get_untracked(), Some(LiveState::Polling(_))) {
                    poll();
                }
            };
            let on_open = move || {
                live.try_set(LiveState::Live);
            };
            let reload = load.clone();
            let on_gap = move || reload(true);
            // A Coface order changed without a full decision: ask about its company again.
            let on_order = move |notice: OrderNotice| {
                let easy_number = notice.easy_number.or_else(|| {
                    let order = notice.order_id?;
                    table.with_value(|table| {
                        table
                            .rows()
                            .iter()
                            .find(|row| {
                                row.insurer == Insurer::Coface
                                    && (row.order_id.as_deref() == Some(order.as_str())
                                        || row.id == order)
                            })
                            .map(|row| row.buyer_id.clone())
                    })
                });
                let Some(easy_number) = easy_number else {
                    return;
                };
                spawn_local(async move {
                    let found =
                        check_coface_company(&client.get_value(), &easy_number, language).await;
                    match found {
                        Ok(decisions) => decisions.into_iter().for_each(merge),
                        Err(error) => report(&error),
                    }
                });
            };
            let opened = LiveStream::open(&url, merge, on_error, on_open, on_gap, on_order);
            if opened.is_ok() {
                live.set(LiveState::Live);
            }
            opened.ok()
        });
    // Rows of insurers that may not notify the stream are polled while it is up.
    if stream.is_some() {
        let alive = alive.clone();
        spawn_local(poll_unnotified(
            polling,
            u64::from(instance).wrapping_add(js_sys::Date::now() as u64),
            now_seconds,
            |delay| sleep_ms(delay.as_millis() as f64),
            move || match live.try_get_untracked() {
                _ if !alive.load(Ordering::Relaxed) => StreamState::Gone,
                None => StreamState::Gone,
                Some(LiveState::Live) => StreamState::Up,
                Some(_) => StreamState::Other,
            },
            move || {
                table.with_value(|table| {
                    let rows = table.rows().iter().filter(|row| needs_polling(row));
                    rows.take(CHECKS_PER_ROUND).cloned().collect()
                })
            },
            async move |row: Decision| {
                let found =
                    check_pending(&client.get_value(), &row, &source.get_value(), language).await;
                match found {
                    Ok(decisions) => decisions.into_iter().for_each(merge),
                    Err(error) => report(&error),
                }
            },
        ));
    }
    let stream = SendWrapper::new(stream);
    on_cleanup(move || drop(stream));
    load(false);

    let cancel = move |_| {
        controller.with_value(|controller| {
            if let Some(controller) = controller {
                controller.abort();
            }
        });
        progress.set(None);
        let count = table.with_value(DecisionTable::len).to_string();
        notice.set(Some(tr(language, "cancelled", &[("count", &count)])));
    };

    let shown = Memo::new(move |_| order.with(Vec::len));
    // The row slots: as many as the window holds, made when the first row arrives (a tracker
    // mounted before its portfolio loads builds no row nodes, which was most of its mount), and
    // kept from then on, even when a filter leaves no row.
    let slot_count = Memo::new(move |previous: Option<&usize>| {
        if shown.get() == 0 && previous.is_none_or(|&previous| previous == 0) {
            0
        } else {
            (viewport.get() / ROW_HEIGHT).ceil() as usize + 2 * OVERSCAN
        }
    });
    let first = Memo::new(move |_| {
        ((scroll_top.get() / ROW_HEIGHT).floor() as usize).saturating_sub(OVERSCAN)
    });
    let page_rows = move || ((viewport.get_untracked() / ROW_HEIGHT).floor() as usize).max(1);

    let cell_text = move |index: usize, column: Column| -> String {
        table.with_value(|table| {
            table
                .get(index)
                .map(|row| column.text(row, &locale, &label))
                .unwrap_or_default()
        })
    };

    // Moves the active cell to `(row, column)` of the view: scrolled into the window, focused.
    let focus_cell = move |(row, column): (usize, usize)| {
        active.set((row, column));
        if let Some(element) = scroller.get_untracked() {
            let top = row as f64 * ROW_HEIGHT;
            let height = viewport.get_untracked();
            let current = element.scroll_top() as f64;
            let target = if top < current {
                top
            } else if top + ROW_HEIGHT > current + height {
                top + ROW_HEIGHT - height
            } else {
                current
            };
            if target != current {
                element.set_scroll_top(target as i32);
                scroll_top.set(target);
            }
        }
        set_timeout(
            move || {
                let selector = format!(
                    "[role=row][aria-rowindex=\"{}\"] [data-col=\"{column}\"]",
                    row + 2
                );
                let cell = scroller
                    .get_untracked()
                    .and_then(|element| element.query_selector(&selector).ok().flatten())
                    .and_then(|cell| cell.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(cell) = cell {
                    let _ = cell.focus();
                }
            },
            Duration::ZERO,
        );
    };
    // The panel takes the focus when it opens, and gives it back to the active cell on close.
    let detail_ref = NodeRef::<html::Section>::new();
    let open_detail = move |row: usize| {
        let index = order.with_untracked(|order| order.get(row).copied());
        detail.set(index.map(|index| index as usize));
        confirmation.set(None);
        set_timeout(
            move || {
                if let Some(panel) = detail_ref.try_get_untracked().flatten() {
                    let _ = panel.focus();
                }
            },
            Duration::ZERO,
        );
    };

    // Space or Shift+Space toggles the active row's selection; Ctrl+A selects every row shown
    // (or none, when all are).
    let toggle_selected = move |position: usize| {
        if let Some(index) = order.with_untracked(|order| order.get(position).copied()) {
            selected.update(|selected| {
                if !selected.remove(&index) {
                    selected.insert(index);
                }
            });
        }
    };
    let on_keydown = move |event: ev::KeyboardEvent| {
        let key = event.key();
        let in_control = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some();
        if key == " " && !in_control {
            event.prevent_default();
            toggle_selected(active.get_untracked().0);
            return;
        }
        if (event.ctrl_key() || event.meta_key()) && key.eq_ignore_ascii_case("a") {
            event.prevent_default();
            let shown: std::collections::HashSet<u32> =
                order.with_untracked(|order| order.iter().copied().collect());
            selected.update(|selected| {
                if shown.is_subset(selected) {
                    selected.retain(|index| !shown.contains(index));
                } else {
                    selected.extend(shown);
                }
            });
            return;
        }
        if key == "Enter" {
            event.prevent_default();
            open_detail(active.get_untracked().0);
            return;
        }
        let ctrl = event.ctrl_key() || event.meta_key();
        if let Some(next) = next_cell(
            &key,
            ctrl,
            active.get_untracked(),
            shown.get_untracked(),
            Column::ALL.len(),
            page_rows(),
        ) {
            event.prevent_default();
            focus_cell(next);
        }
    };

    let row_view = move |slot: usize| {
        // The slot shows the one position of the window [first, first + count) that is `slot`
        // modulo count: scrolling by a row moves one slot to the other end, and every other
        // slot keeps its row, its text and its DOM (slots re-filled by position updated every
        // cell of every slot per scroll step). The DOM order of the rows is then not their
        // order on screen: each row carries its aria-rowindex, and the grid's keys move by it.
        let position = Memo::new(move |_| {
            let (first, count) = (first.get(), slot_count.get().max(1));
            first + (slot + count - first % count) % count
        });
        let index = Memo::new(move |_| {
            let position = position.get();
            order.with(|order| order.get(position).copied())
        });
        let cells = Column::ALL
            .into_iter()
            .enumerate()
            .map(|(column_index, column)| {
                let text = move || {
                    version.track();
                    index
                        .get()
                        .map(|index| cell_text(index as usize, column))
                        .unwrap_or_default()
                };
                let is_active = move || active.get() == (position.get(), column_index);
                let is_selected = move || {
                    index
                        .get()
                        .is_some_and(|index| selected.with(|selected| selected.contains(&index)))
                };
                let select_box = (column_index == 0).then(|| {
                    let name = move || {
                        version.track();
                        let buyer = index
                            .get()
                            .map(|index| cell_text(index as usize, Column::Buyer))
                            .unwrap_or_default();
                        tr(language, "select_row", &[("buyer", &buyer)])
                    };
                    view! {
                        <input type="checkbox" class="tc-select" part="select" tabindex="-1"
                            aria-label=name prop:checked=is_selected
                            on:change=move |_| toggle_selected(position.get_untracked()) />
                    }
                });
                view! {
                    <div
                        role="gridcell"
                        class="tc-cell"
                        part=format!("cell cell-{}", column.key())
                        data-col=column_index.to_string()
                        tabindex=move || if is_active() { "0" } else { "-1" }
                        on:click=move |_| active.set((position.get_untracked(), column_index))
                        on:dblclick=move |_| open_detail(position.get_untracked())
                    >
                        {select_box}
                        {text}
                    </div>
                }
            })
            .collect_view();
        let status = move || {
            version.track();
            index
                .get()
                .and_then(|index| {
                    table.with_value(|table| {
                        table
                            .get(index as usize)
                            .map(|row| StatusKind::of(row.status.status).key())
                    })
                })
                .unwrap_or_default()
        };
        view! {
            <div
                role="row"
                class="tc-row"
                part="row"
                hidden=move || index.get().is_none()
                aria-rowindex=move || (position.get() + 2).to_string()
                aria-selected=move || {
                    index
                        .get()
                        .is_some_and(|index| selected.with(|selected| selected.contains(&index)))
                        .to_string()
                }
                data-status=status
                style:transform=move || format!("translateY({}px)", position.get() as f64 * ROW_HEIGHT)
            >
                {cells}
            </div>
        }
    };
    let rows = move || (0..slot_count.get()).map(row_view).collect_view();

    let header = Column::ALL
        .into_iter()
        .map(|column| {
            let sort = move || {
                state.with(
                    |state| match (state.sort == Some(column), state.descending) {
                        (true, false) => "ascending",
                        (true, true) => "descending",
                        _ => "none",
                    },
                )
            };
            let toggle = move |_| {
                state.update(|state| {
                    if state.sort == Some(column) {
                        state.descending = !state.descending;
                    } else {
                        state.sort = Some(column);
                        state.descending = false;
                    }
                })
            };
            view! {
                <div role="columnheader" class="tc-header-cell" part="column-header" aria-sort=sort
                    data-column=column.key()>
                    <button type="button" class="tc-sort" part="sort-button" on:click=toggle>
                        {tr(language, &format!("column_{}", column.key()), &[])}
                    </button>
                </div>
            }
        })
        .collect_view();

    let select = move |name: &'static str,
                       options: Box<dyn Fn() -> Vec<(String, String)> + Send + Sync>,
                       read: fn(&ViewState) -> String,
                       write: fn(&mut ViewState, &str)| {
        let all = tr(language, "filter_all", &[]);
        view! {
            <label class="tc-filter" part="filter">
                <span part="filter-label">{tr(language, &format!("filter_{name}"), &[])}</span>
                <select
                    part="filter-select"
                    name=name
                    prop:value=move || state.with(read)
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        state.update(|state| write(state, &value));
                    }
                >
                    <option value="">{all}</option>
                    {move || {
                        let current = state.with(read);
                        options()
                            .into_iter()
                            .map(|(value, text)| {
                                let selected = value == current;
                                view! { <option value=value selected=selected>{text}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
        }
    };
    let status_filter = select(
        "status",
        Box::new(move || {
            StatusKind::ALL
                .into_iter()
                .map(|kind| (kind.key().to_owned(), label(kind)))
                .collect()
        }),
        |state| {
            state
                .filter
                .status
                .map(|kind| kind.key().to_owned())
                .unwrap_or_default()
        },
        |state, value| state.filter.status = StatusKind::parse(value),
    );
    let insurer_filter = select(
        "insurer",
        Box::new(|| {
            Insurer::ALL
                .into_iter()
                .map(|insurer| {
                    (
                        insurer.as_str().to_owned(),
                        insurer.display_name().to_owned(),
                    )
                })
                .collect()
        }),
        |state| {
            state
                .filter
                .insurer
                .map(|insurer| insurer.as_str().to_owned())
                .unwrap_or_default()
        },
        |state, value| state.filter.insurer = Insurer::parse(value).ok(),
    );
    // The menus' choices scan every row: computed again when the rows change, not with every
    // change of the view (each keystroke in the free-text filter, each sort).
    let countries = Memo::new(move |_| {
        version.track();
        table.with_value(DecisionTable::countries)
    });
    let products = Memo::new(move |_| {
        version.track();
        table.with_value(DecisionTable::products)
    });
    let country_filter = select(
        "country",
        Box::new(move || {
            countries.with(|countries| {
                countries
                    .iter()
                    .map(|country| (country.alpha2().to_owned(), country.alpha2().to_owned()))
                    .collect()
            })
        }),
        |state| {
            state
                .filter
                .country
                .map(|country| country.alpha2().to_owned())
                .unwrap_or_default()
        },
        |state, value| state.filter.country = Country::parse(value).ok(),
    );
    let product_filter = select(
        "product",
        Box::new(move || {
            products.with(|products| {
                products
                    .iter()
                    .map(|product| (product.clone(), product.clone()))
                    .collect()
            })
        }),
        |state| state.filter.product.clone().unwrap_or_default(),
        |state, value| {
            state.filter.product = Some(value.trim().to_owned()).filter(|value| !value.is_empty())
        },
    );
    let date_filter = move |name: &'static str,
                            read: fn(&ViewState) -> String,
                            write: fn(&mut ViewState, Option<String>)| {
        view! {
            <label class="tc-filter" part="filter">
                <span part="filter-label">{tr(language, &format!("filter_{name}"), &[])}</span>
                <input
                    type="date"
                    part="filter-date"
                    name=name
                    prop:value=move || state.with(read)
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        let value = Some(value.trim().to_owned()).filter(|value| !value.is_empty());
                        state.update(|state| write(state, value));
                    }
                />
            </label>
        }
    };

    let export = move |_| {
        let header: Vec<String> = Column::ALL
            .iter()
            .map(|column| tr(language, &format!("column_{}", column.key()), &[]))
            .collect();
        let text = order.with_untracked(|order| {
            table.with_value(|table| {
                csv_text(
                    &header,
                    order.iter().filter_map(|&index| {
                        table.get(index as usize).map(|row| {
                            Column::ALL
                                .iter()
                                .map(|column| column.text(row, &locale, &label))
                                .collect()
                        })
                    }),
                )
            })
        });
        if download_csv(&text).is_err() {
            report(&WidgetError::network(language));
        }
    };

    let progress_view = move || {
        progress.get().map(|progress| {
            let text = tr(
                language,
                "loading",
                &[
                    ("insurer", progress.insurer.display_name()),
                    ("page", &progress.page.to_string()),
                    ("count", &progress.count.to_string()),
                ],
            );
            view! {
                <div class="tc-progress" part="progress" role="status" aria-busy="true">
                    <span part="progress-text">{text}</span>
                    <button type="button" class="tc-button" part="button cancel" on:click=cancel>
                        {tr(language, "cancel", &[])}
                    </button>
                </div>
            }
        })
    };
    let summary = move || {
        let count = {
            version.track();
            table.with_value(DecisionTable::len)
        };
        tr(
            language,
            "shown",
            &[
                ("shown", &shown.get().to_string()),
                ("count", &count.to_string()),
            ],
        )
    };
    let live_view = move || match live.get() {
        LiveState::Off => None,
        LiveState::Live => Some(tr(language, "live", &[])),
        LiveState::Polling(at) => {
            let time = String::from(
                js_sys::Date::new(&JsValue::from_f64(at)).to_locale_time_string(&locale.tag()),
            );
            Some(tr(language, "polling", &[("time", &time)]))
        }
    };
    let live_state = move || match live.get() {
        LiveState::Off => "off",
        LiveState::Live => "live",
        LiveState::Polling(_) => "polling",
    };

    let confirm_view = confirmation_view(
        PanelContext {
            table,
            confirmation,
            client,
            source,
            locale,
            applied: Callback::new(applied),
            report: Callback::new(move |error: WidgetError| report(&error)),
        },
        action_key,
    );

    let payload_id = format!("{id}-payload");
    let detail_view = move || {
        let index = detail.get()?;
        version.track();
        let row = table.with_value(|table| table.get(index).cloned())?;
        let title = row
            .buyer_name
            .clone()
            .unwrap_or_else(|| row.buyer_id.clone());
        let kind = StatusKind::of(row.status.status);
        let mut steps: Vec<Step> = Vec::new();
        for (key, date) in [
            ("column_applied", &row.applied_on),
            ("column_decided", &row.decided_on),
            ("column_effective", &row.effective_from),
            ("column_expiry", &row.expires_on),
        ] {
            if let Some(date) = date {
                steps.push(Step {
                    label: tr(language, key, &[]),
                    detail: date.clone(),
                });
            }
        }
        steps.extend(
            timelines.with_value(|timelines| timelines.get(&index).cloned().unwrap_or_default()),
        );
        let actions = row
            .status
            .status
            .map(|status| {
                let stopped =
                    stopped.with_value(|stopped| stopped.contains(&(row.insurer, row.id.clone())));
                allowed_actions(row.insurer, status, product_facts(&row, stopped))
            })
            .unwrap_or_default();
        let actions_view = if actions.is_empty() {
            view! { <p part="detail-no-actions">{tr(language, "no_actions", &[])}</p> }.into_any()
        } else {
            view! {
                <ul class="tc-actions" part="detail-actions">
                    {actions
                        .into_iter()
                        .map(|action| {
                            let key = action_key(action);
                            let label = tr(language, key, &[]);
                            let current = row.clone();
                            view! {
                                <li part="detail-action" data-action=key>
                                    <button type="button" class="tc-button" part="button action"
                                        on:click=move |_| {
                                            confirmation.set(Some(Confirmation::open(index, action, &current)));
                                        }>
                                        {label}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        };
        let fields = Column::ALL
            .into_iter()
            .map(|column| {
                view! {
                    <div class="tc-detail-field" part="detail-field">
                        <dt>{tr(language, &format!("column_{}", column.key()), &[])}</dt>
                        <dd data-column=column.key()>{column.text(&row, &locale, &label)}</dd>
                    </div>
                }
            })
            .collect_view();
        Some(view! {
            <section node_ref=detail_ref class="tc-detail" part="detail" tabindex="-1"
                aria-label=tr(language, "details", &[]) data-status=kind.key()>
                <h3 part="detail-title">{title}</h3>
                <dl part="detail-fields">{fields}</dl>
                <p part="detail-raw">
                    {tr(language, "raw_code", &[])}": "
                    <code data-scheme=row.status.raw.scheme.clone()>{row.status.raw.code.clone()}</code>
                </p>
                {conditions_view(&row, language)}
                <InsurerAnswer row=row.clone() client=client.get_value() source=source.get_value()
                    language=language region_id=format!("{payload_id}-{index}") />
                <h4 part="detail-heading">{tr(language, "timeline", &[])}</h4>
                <ol class="tc-timeline" part="detail-timeline">
                    {steps
                        .into_iter()
                        .map(|step| view! { <li part="detail-step">{step.label}" — "{step.detail}</li> })
                        .collect_view()}
                </ol>
                <h4 part="detail-heading">{tr(language, "actions", &[])}</h4>
                {actions_view}
                {confirm_view}
                <button type="button" class="tc-button" part="button close"
                    on:click=move |_| {
                        detail.set(None);
                        confirmation.set(None);
                        focus_cell(active.get_untracked());
                    }>
                    {tr(language, "close", &[])}
                </button>
            </section>
        })
    };

    let batch = batch_view(BatchContext {
        table,
        selected,
        client,
        source,
        locale,
        allowed: Callback::new(move |row: Decision| {
            let stopped =
                stopped.with_value(|stopped| stopped.contains(&(row.insurer, row.id.clone())));
            row.status
                .status
                .map(|status| allowed_actions(row.insurer, status, product_facts(&row, stopped)))
                .unwrap_or_default()
        }),
        applied: Callback::new(applied),
        announcement,
        report: Callback::new(move |error: WidgetError| report(&error)),
    });

    let label_id = format!("{id}-label");
    // The styles, as an adopted stylesheet (allowed by a strict `style-src 'self'` policy).
    let container_ref = NodeRef::<html::Div>::new();
    crate::stylesheet::use_styles(container_ref, STYLE_NAME, STYLES);
    view! {
        <div node_ref=container_ref class="tc-tracker" part="container" lang=language.as_str() data-live=live_state>
            <div class="tc-toolbar" part="toolbar">
                <label class="tc-filter tc-filter-text" part="filter">
                    <span part="filter-label">{tr(language, "filter_text", &[])}</span>
                    <input
                        type="search"
                        part="filter-text"
                        name="q"
                        prop:value=move || state.with(|state| state.filter.text.clone())
                        on:input=move |event| {
                            let value = event_target_value(&event);
                            state.update(|state| state.filter.text = value);
                        }
                    />
                </label>
                {status_filter}
                {insurer_filter}
                {country_filter}
                {product_filter}
                {date_filter("from", |state| state.filter.applied_from.clone().unwrap_or_default(),
                    |state, value| state.filter.applied_from = value)}
                {date_filter("to", |state| state.filter.applied_to.clone().unwrap_or_default(),
                    |state, value| state.filter.applied_to = value)}
                <button type="button" class="tc-button" part="button export" on:click=export>
                    {tr(language, "export", &[])}
                </button>
            </div>
            {progress_view}
            <p class="tc-notice" part="notice" hidden=move || notice.with(Option::is_none)>
                {move || notice.get().unwrap_or_default()}
            </p>
            <p class="tc-summary" part="summary">
                <span id=label_id.clone() part="label">{tr(language, "label", &[])}</span>" "
                <span part="count">{summary}</span>" "
                <span part="live">{live_view}</span>
            </p>
            <div
                class="tc-grid"
                part="grid"
                role="grid"
                aria-labelledby=label_id
                aria-rowcount=move || (shown.get() + 1).to_string()
                aria-colcount=Column::ALL.len().to_string()
                aria-multiselectable="true"
            >
                <div role="rowgroup" class="tc-head" part="header">
                    <div role="row" class="tc-header-row" part="header-row" aria-rowindex="1">
                        {header}
                    </div>
                </div>
                <div
                    node_ref=scroller
                    class="tc-scroller"
                    part="scroller"
                    on:scroll=move |_| {
                        if let Some(element) = scroller.get_untracked() {
                            scroll_top.set(f64::from(element.scroll_top()));
                            let height = f64::from(element.client_height());
                            if height > 0.0 && height != viewport.get_untracked() {
                                viewport.set(height);
                            }
                        }
                    }
                >
                    <div
                        role="rowgroup"
                        class="tc-body"
                        part="body"
                        style:height=move || format!("{}px", shown.get() as f64 * ROW_HEIGHT)
                        on:keydown=on_keydown
                    >
                        {rows}
                    </div>
                </div>
                <p class="tc-empty" part="empty" hidden=move || { shown.get() > 0 }>
                    {tr(language, "empty", &[])}
                </p>
            </div>
            {batch}
            {detail_view}
            <div class="tc-live-region" part="announcer" role="status" aria-live="polite">
                {move || announcement.get()}
            </div>
        </div>
    }
}
