//! The buyer search box: a WAI-ARIA combobox that finds a company at Allianz Trade, Atradius or
//! Coface through the customer's proxy, and hands the chosen head office to the page.
//!
//! - `criteria`: what the typed text is (identifier of the country first, else a name).
//! - `plan`: each insurer's requests, in order, and how an answer moves the search on.
//! - `runner` and `response_cache`: sending them (or answering from the page's cache).
//! - `search_state`, `keyboard`, `hit_option`, `texts`: where a search stands, keys, one hit
//!   of the list and the box's words.
//! - `unknown_buyer`: [`UnknownBuyer`], the detail of the "not found, go on anyway" event.
//!
//! Search as you type: a search leaves [`DEBOUNCE`] after the last keystroke (at once on Enter);
//! each new search aborts the request of the previous one and a generation counter drops any
//! late answer; "Searching…" shows only after [`LOADING_DELAY`].

mod criteria;
mod hit_option;
mod keyboard;
mod plan;
mod response_cache;
mod runner;
mod search_state;
mod texts;
mod unknown_buyer;

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use tradecover_core::field::region_required;
use tradecover_core::locale::{Language, Locale};
use tradecover_core::{Buyer, Country, Insurer};
use web_sys::AbortController;

use self::criteria::{prepare, Prepared, Typed};
use self::hit_option::HitOption;
use self::keyboard::{key_action, KeyAction};
use self::runner::run_search;
use self::search_state::SearchState;
use self::texts::{result_count, tr, tr_with};
pub use self::unknown_buyer::UnknownBuyer;
use crate::proxy_client::ProxyClient;
use crate::stylesheet::use_styles;
use crate::widget_error::WidgetError;

/// How long typing must pause before a search is sent.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// How long a search may take before the box says it is searching.
pub const LOADING_DELAY: Duration = Duration::from_millis(200);

/// Styles of the search box; scoped by `tc-` class names, themable with `--tradecover-*`
/// custom properties and `::part()`. Adopted as a constructable stylesheet by the shadow root
/// (or document) the box is in, so that a strict `style-src 'self'` policy allows them.
pub const STYLES: &str = include_str!("styles.css");

/// Name of the box's stylesheet (one per shadow root or document).
pub(crate) const STYLE_NAME: &str = "buyer-search";

static INSTANCES: AtomicU32 = AtomicU32::new(0);

/// The language of a BCP 47 tag; a blank tag means the browser's language.
fn language_of(tag: &str) -> Language {
    let tag = tag.trim();
    if tag.is_empty() {
        let browser = web_sys::window()
            .and_then(|window| window.navigator().language())
            .unwrap_or_default();
        return Locale::parse(&browser).language;
    }
    Locale::parse(tag).language
}

/// Whether `error` is about the search text (rather than town, postal code or region).
fn is_text_error(error: &WidgetError) -> bool {
    matches!(error.field.as_deref(), Some("name" | "identifier"))
}

/// Search box for a buyer at one insurer.
///
/// Searches as the user types (after [`DEBOUNCE`], or at once on Enter): by legal identifier
/// first when the text is one for the chosen country, trying each of its formats, then by name
/// (with town or postal code, and the region where Coface needs it). Atradius finds buyers only
/// by identifier: for any other text the box says so and sends nothing. Lists the hits with head
/// offices and branches told apart and calls `on_select` with the head office the user picks;
/// branches are shown, marked and cannot be picked. When nothing is found, offers to go on with
/// an unknown buyer (`on_unknown_buyer`). Every prop may change while mounted.
#[component]
pub fn BuyerSearch(
    /// Insurer to search: `allianz-trade`, `atradius` or `coface`. Any other value shows an
    /// error instead of searching.
    #[prop(into)]
    insurer: Signal<String>,
    /// Base URL of the customer's proxy, e.g. `/proxy`; requests go to
    /// `{proxy}/{insurer}/{insurer path}`.
    #[prop(into)]
    proxy: Signal<String>,
    /// Country searched (ISO 3166 alpha-2 or alpha-3); the user can change it.
    #[prop(into, default = Signal::stored("FR".to_owned()))]
    country: Signal<String>,
    /// Label of the search field; blank for the catalogue's ("Buyer" in English).
    #[prop(into, default = Signal::stored(String::new()))]
    label: Signal<String>,
    /// Language: a BCP 47 tag (`fr`, `de-CH`…); en, fr, de, nl, es and it are supported,
    /// anything else falls back to English; blank for the browser's language.
    #[prop(into, default = Signal::stored(String::new()))]
    locale: Signal<String>,
    /// Called with the head office the user picked.
    #[prop(into)]
    on_select: Callback<Buyer>,
    /// Called with every error the box shows (validation, insurer, network).
    #[prop(into, optional)]
    on_error: Option<Callback<WidgetError>>,
    /// Called when nothing was found and the user asks to go on with an unknown buyer.
    #[prop(into, optional)]
    on_unknown_buyer: Option<Callback<UnknownBuyer>>,
) -> impl IntoView {
    let instance = INSTANCES.fetch_add(1, Ordering::Relaxed);
    let id_prefix = format!("tc-buyer-search-{instance}");
    let input_id = format!("{id_prefix}-input");
    let listbox_id = format!("{id_prefix}-listbox");
    let errors_id = format!("{id_prefix}-errors");
    let status_id = format!("{id_prefix}-status");

    let language = Memo::new(move |_| language_of(&locale.get()));
    let chosen_insurer = Memo::new(move |_| insurer.with(|insurer| Insurer::parse(insurer)));
    let text = RwSignal::new(String::new());
    let chosen_country = RwSignal::new(country.get_untracked().trim().to_ascii_uppercase());
    let location = RwSignal::new(String::new());
    let region = RwSignal::new(String::new());
    let state = RwSignal::new(SearchState::Idle);
    let field_errors = RwSignal::new(Vec::<WidgetError>::new());
    let active = RwSignal::new(None::<usize>);
    let open = RwSignal::new(false);
    let notice = RwSignal::new(String::new());
    let generation = StoredValue::new(0u64);
    let debounce = StoredValue::new(None::<TimeoutHandle>);
    let loading_timer = StoredValue::new(None::<TimeoutHandle>);
    let in_flight = StoredValue::new_local(None::<AbortController>);

    let report = move |error: &WidgetError| {
        if let Some(callback) = on_error {
            callback.run(error.clone());
        }
    };

    // Errors of the configuration and of the chosen country: shown as soon as they exist.
    let setup_errors = Memo::new(move |_| {
        let language = language.get();
        let mut errors = Vec::new();
        if let Err(error) = chosen_insurer.get() {
            errors.push(WidgetError::from_validation(&error, language));
        }
        if let Err(error) = chosen_country.with(|country| Country::parse(country)) {
            errors.push(WidgetError::from_validation(&error, language));
        }
        errors
    });
    // A bad `texts` option is shown and reported too, but searching goes on.
    let overrides = crate::text_overrides::use_text_overrides();
    let options_errors = Memo::new(move |_| {
        let language = language.get();
        let mut errors = setup_errors.get();
        overrides.with(|overrides| {
            errors.extend(
                overrides
                    .problems()
                    .iter()
                    .map(|error| WidgetError::from_validation(error, language)),
            );
        });
        errors
    });
    Effect::new(move |reported: Option<Vec<WidgetError>>| {
        let errors = options_errors.get();
        for error in &errors {
            if !reported.as_ref().is_some_and(|seen| seen.contains(error)) {
                report(error);
            }
        }
        errors
    });

    let needs_region = Memo::new(move |_| {
        chosen_insurer.get() == Ok(Insurer::Coface)
            && chosen_country.with(|country| Country::parse(country).is_ok_and(region_required))
    });

    // Stops whatever is under way: the pending pause, the loading timer, the request in flight;
    // answers still to come are dropped by the generation counter.
    let cancel_pending = move || {
        for timer in [debounce, loading_timer] {
            timer.try_update_value(|handle| {
                if let Some(handle) = handle.take() {
                    handle.clear();
                }
            });
        }
        in_flight.try_update_value(|controller| {
            if let Some(controller) = controller.take() {
                controller.abort();
            }
        });
        generation.try_update_value(|generation| *generation += 1);
    };
    on_cleanup(cancel_pending);

    // Validates and sends a search. `explicit` searches (Enter) report a name that is missing
    // or too short; searches while typing just wait for more text.
    let search = move |explicit: bool| {
        cancel_pending();
        let current = generation.get_value();
        let language = language.get_untracked();
        let insurer = match chosen_insurer.get_untracked() {
            Ok(insurer) if setup_errors.with_untracked(Vec::is_empty) => insurer,
            _ => {
                state.set(SearchState::Idle);
                open.set(false);
                return;
            }
        };
        let typed_text = text.get_untracked();
        let country_code = chosen_country.get_untracked();
        let prepared = location.with_untracked(|location| {
            region.with_untracked(|region| {
                prepare(
                    insurer,
                    &Typed {
                        text: &typed_text,
                        country: &country_code,
                        location,
                        region,
                    },
                )
            })
        });
        let (criteria, requests) = match prepared {
            Prepared::Search { criteria, requests } => (criteria, requests),
            Prepared::IdentifierOnly => {
                field_errors.set(Vec::new());
                state.set(SearchState::IdentifierOnly);
                open.set(false);
                return;
            }
            Prepared::Invalid(errors) => {
                state.set(SearchState::Idle);
                open.set(false);
                let shown: Vec<WidgetError> = errors
                    .iter()
                    .filter(|error| {
                        explicit || !matches!(error.field.as_str(), "name" | "identifier")
                    })
                    .map(|error| WidgetError::from_validation(error, language))
                    .collect();
                // Report what is new: a field error shown already is not reported at each key.
                field_errors.with_untracked(|before| {
                    shown
                        .iter()
                        .filter(|error| explicit || !before.contains(error))
                        .for_each(report)
                });
                field_errors.set(shown);
                return;
            }
        };
        field_errors.set(Vec::new());
        let unknown = UnknownBuyer {
            name: criteria
                .name
                .as_ref()
                .map(|query| query.name.clone())
                .unwrap_or_else(|| typed_text.trim().to_owned()),
            country: criteria.country.alpha2().to_owned(),
            text: typed_text.clone(),
        };
        let controller = AbortController::new().ok();
        let abort = controller.as_ref().map(AbortController::signal);
        in_flight.set_value(controller);
        state.set(SearchState::Pending);
        open.set(false);
        active.set(None);
        let is_current = move || generation.try_get_value() == Some(current);
        let timer = set_timeout_with_handle(
            move || {
                if is_current() && state.try_get_untracked() == Some(SearchState::Pending) {
                    state.try_set(SearchState::Loading);
                }
            },
            LOADING_DELAY,
        )
        .ok();
        loading_timer.set_value(timer);
        let client = ProxyClient::new(&proxy.get_untracked());
        spawn_local(async move {
            let outcome = run_search(
                &client,
                insurer,
                criteria.country,
                requests,
                language,
                abort.as_ref(),
                is_current,
            )
            .await;
            if !is_current() {
                return; // superseded by a newer search, or unmounted
            }
            loading_timer.try_update_value(|handle| {
                if let Some(handle) = handle.take() {
                    handle.clear();
                }
            });
            in_flight.try_set_value(None);
            match outcome {
                Ok(Some(hits)) => {
                    active.try_set(None);
                    state.try_set(SearchState::Results(hits));
                    open.try_set(true);
                }
                Ok(None) => {
                    state.try_set(SearchState::NoResults(unknown));
                    open.try_set(false);
                }
                Err(error) => {
                    report(&error);
                    state.try_set(SearchState::Failed(error));
                    open.try_set(false);
                }
            }
        });
    };

    let schedule_search = move || {
        cancel_pending();
        let handle = set_timeout_with_handle(move || search(false), DEBOUNCE).ok();
        debounce.set_value(handle);
    };

    // A new insurer, proxy or country from the page: search again what is typed.
    Effect::new(move |previous: Option<(String, String, String)>| {
        let current = (insurer.get(), proxy.get(), country.get());
        if let Some(previous) = previous {
            if previous.2 != current.2 {
                chosen_country.set(current.2.trim().to_ascii_uppercase());
            }
            if previous != current {
                notice.set(String::new());
                if text.with_untracked(|text| text.trim().is_empty()) {
                    cancel_pending();
                    state.set(SearchState::Idle);
                    open.set(false);
                } else {
                    search(false);
                }
            }
        }
        current
    });

    let hits = move || match state.get() {
        SearchState::Results(hits) => hits.buyers,
        _ => Vec::new(),
    };

    let choose = move |index: usize| {
        let Some(buyer) = hits().into_iter().nth(index) else {
            return;
        };
        let language = language.get_untracked();
        active.set(Some(index));
        if !buyer.can_request_cover() {
            let town = buyer.address.town.clone().unwrap_or_else(|| "?".to_owned());
            notice.set(tr_with(
                language,
                "branch_chosen",
                &[("name", &buyer.name), ("town", &town)],
            ));
            return;
        }
        notice.set(tr_with(language, "selected", &[("name", &buyer.name)]));
        text.set(buyer.name.clone());
        open.set(false);
        on_select.run(buyer);
    };

    let on_input = move |event: ev::Event| {
        text.set(event_target_value(&event));
        field_errors.update(|errors| errors.retain(|error| !is_text_error(error)));
        notice.set(String::new());
        // While an input method composes a character, wait for `compositionend`.
        let composing = js_sys::Reflect::get(&event, &"isComposing".into())
            .is_ok_and(|composing| composing.is_truthy());
        if !composing {
            schedule_search();
        }
    };
    let on_composition_end = move |event: ev::CompositionEvent| {
        text.set(event_target_value(&event));
        schedule_search();
    };
    let on_location = move |event: ev::Event| {
        location.set(event_target_value(&event));
        if !text.with_untracked(|text| text.trim().is_empty()) {
            schedule_search();
        }
    };
    let on_region = move |event: ev::Event| {
        region.set(event_target_value(&event));
        if !text.with_untracked(|text| text.trim().is_empty()) {
            schedule_search();
        }
    };
    let on_country = move |event: ev::Event| {
        chosen_country.set(event_target_value(&event));
        if !text.with_untracked(|text| text.trim().is_empty()) {
            search(false);
        }
    };

    let on_keydown = move |event: ev::KeyboardEvent| {
        let count = hits().len();
        match key_action(
            &event.key(),
            open.get_untracked(),
            active.get_untracked(),
            count,
        ) {
            KeyAction::Activate(index) => {
                event.prevent_default();
                open.set(true);
                active.set(Some(index));
            }
            KeyAction::Choose(index) => {
                event.prevent_default();
                choose(index);
            }
            KeyAction::SearchNow => {
                event.prevent_default();
                search(true);
            }
            KeyAction::Close => {
                event.prevent_default();
                open.set(false);
                active.set(None);
            }
            KeyAction::Clear => {
                cancel_pending();
                text.set(String::new());
                field_errors.set(Vec::new());
                state.set(SearchState::Idle);
            }
            KeyAction::Ignore => {}
        }
    };

    let unknown_buyer = move |_: ev::MouseEvent| {
        if let (SearchState::NoResults(unknown), Some(callback)) =
            (state.get_untracked(), on_unknown_buyer)
        {
            callback.run(unknown);
        }
    };

    let status_text = move || {
        let language = language.get();
        match state.get() {
            SearchState::Idle | SearchState::Pending => notice.get(),
            SearchState::Loading => tr(language, "searching"),
            SearchState::NoResults(_) => tr(language, "no_results"),
            SearchState::IdentifierOnly => {
                let insurer = chosen_insurer
                    .get()
                    .map(Insurer::display_name)
                    .unwrap_or_default();
                tr_with(language, "identifier_only", &[("insurer", insurer)])
            }
            SearchState::Results(hits) => {
                let count = result_count(language, hits.buyers.len(), hits.total);
                format!("{count} {}", notice.get()).trim().to_owned()
            }
            SearchState::Failed(_) => String::new(),
        }
    };

    let shown_errors = move || {
        let mut errors = options_errors.get();
        errors.extend(field_errors.get());
        if let SearchState::Failed(error) = state.get() {
            errors.push(error);
        }
        errors
    };
    let text_invalid = move || field_errors.with(|errors| errors.iter().any(is_text_error));

    let country_options = move || {
        let selected = chosen_country.get();
        let known = Country::parse(&selected).ok();
        let placeholder = known.is_none().then(|| {
            view! { <option value="" selected=true>"—"</option> }
        });
        let options = Country::all()
            .map(|each| {
                let is_selected = Some(each) == known;
                view! { <option value=each.alpha2() selected=is_selected>{each.alpha2()}</option> }
            })
            .collect_view();
        (placeholder, options)
    };

    let option_id = {
        let prefix = format!("{id_prefix}-option-");
        move |index: usize| format!("{prefix}{index}")
    };
    let active_descendant = {
        let option_id = option_id.clone();
        move || match (open.get(), active.get()) {
            (true, Some(index)) => Some(option_id(index)),
            _ => None,
        }
    };
    let listbox = {
        let option_id = option_id.clone();
        move || {
            let language = language.get();
            hits()
                .into_iter()
                .enumerate()
                .map(|(index, buyer)| {
                    view! {
                        <HitOption
                            buyer=buyer
                            id=option_id(index)
                            active=Signal::derive(move || active.get() == Some(index))
                            language=language
                            on_choose=Callback::new(move |()| choose(index))
                        />
                    }
                })
                .collect_view()
        }
    };

    let empty_state = move || {
        matches!(state.get(), SearchState::NoResults(_)).then(|| {
            let language = language.get();
            view! {
                <div class="tc-empty" part="empty">
                    <button
                        type="button"
                        class="tc-unknown-button"
                        part="unknown-button"
                        on:click=unknown_buyer
                    >
                        {tr(language, "unknown_buyer")}
                    </button>
                </div>
            }
        })
    };

    let region_field = move || {
        needs_region.get().then(|| {
            let language = language.get();
            view! {
                <input
                    class="tc-region"
                    part="region"
                    type="text"
                    autocomplete="off"
                    aria-label=tr(language, "region")
                    placeholder=tr(language, "region")
                    prop:value=move || region.get()
                    on:input=on_region
                />
            }
        })
    };

    let label_text = move || {
        let label = label.get();
        if label.trim().is_empty() {
            tr(language.get(), "label")
        } else {
            label
        }
    };
    let placeholder = move || {
        let key = match chosen_insurer.get() {
            Ok(Insurer::Atradius) => "placeholder_identifier",
            _ => "placeholder",
        };
        tr(language.get(), key)
    };
    let location_hidden = move || chosen_insurer.get() == Ok(Insurer::Atradius);

    // The styles: adopted once the box is in its shadow root or document, taken out on unmount.
    let container = NodeRef::<leptos::html::Div>::new();
    use_styles(container, STYLE_NAME, STYLES);

    let listbox_for_input = listbox_id.clone();
    let described_by = format!("{errors_id} {status_id}");
    view! {
        <div class="tc-buyer-search" part="container" node_ref=container>
            <div class="tc-fields">
                <label class="tc-label" for=input_id.clone() part="label">{label_text}</label>
                <div class="tc-row">
                    <input
                        id=input_id.clone()
                        class="tc-input"
                        part="input"
                        type="text"
                        role="combobox"
                        autocomplete="off"
                        spellcheck="false"
                        aria-autocomplete="list"
                        aria-controls=listbox_for_input
                        aria-expanded=move || open.get().to_string()
                        aria-activedescendant=active_descendant
                        aria-invalid=move || text_invalid().to_string()
                        aria-describedby=described_by
                        placeholder=placeholder
                        prop:value=move || text.get()
                        on:input=on_input
                        on:compositionend=on_composition_end
                        on:keydown=on_keydown
                        on:blur=move |_| open.set(false)
                    />
                    <select
                        class="tc-country"
                        part="country"
                        aria-label=move || tr(language.get(), "country")
                        on:change=on_country
                    >
                        {country_options}
                    </select>
                </div>
                <div class="tc-row tc-narrow">
                    <input
                        class="tc-location"
                        part="location"
                        type="text"
                        autocomplete="off"
                        hidden=location_hidden
                        aria-label=move || tr(language.get(), "location")
                        placeholder=move || tr(language.get(), "location")
                        prop:value=move || location.get()
                        on:input=on_location
                    />
                    {region_field}
                </div>
            </div>
            <ul
                id=listbox_id
                class="tc-listbox"
                part="listbox"
                role="listbox"
                aria-label=move || tr(language.get(), "results")
                hidden=move || !open.get()
            >
                {listbox}
            </ul>
            {empty_state}
            <div id=errors_id class="tc-errors" part="errors">
                <For
                    each=shown_errors
                    key=|error| (error.code.clone(), error.message.clone())
                    children=|error| {
                        view! {
                            <p class="tc-error" part="error" role="alert" data-code=error.code>
                                {error.message}
                            </p>
                        }
                    }
                />
            </div>
            <p id=status_id class="tc-status" part="status" role="status" aria-live="polite">
                {status_text}
            </p>
        </div>
    }
}
