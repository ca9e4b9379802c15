//! The buyer search box: a WAI-ARIA combobox that finds a company at the insurer, through the
//! customer's proxy, and hands the chosen head office to the page.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use tradecover_core::coface::{self, CompanyList};
use tradecover_core::locale::Locale;
use tradecover_core::{Buyer, BuyerQuery, Country, Establishment, Insurer, ValidationError};

use crate::proxy_client::ProxyClient;
use crate::widget_error::WidgetError;

/// How long typing must pause before a search is sent.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// Styles of the search box; scoped by `tc-` class names, themable with `--tradecover-*`
/// custom properties and `::part()`.
pub const STYLES: &str = include_str!("buyer_search.css");

/// Where a search stands.
#[derive(Debug, Clone, PartialEq)]
enum SearchState {
    /// Nothing searched (or the text is too short to search).
    Idle,
    /// A request is on its way.
    Loading,
    /// The insurer answered with this hit list.
    Results(CompanyList),
    /// The search failed.
    Failed(WidgetError),
}

static INSTANCES: AtomicU32 = AtomicU32::new(0);

/// Search box for a buyer at one insurer.
///
/// Searches by name within a country as the user types (after a short pause, or at once on
/// Enter), lists the insurer's hits with head offices and branches told apart, and calls
/// `on_select` with the head office the user picks. Branches are shown but cannot be picked:
/// insurers only cover the legal entity. Invalid input shows a typed error and sends nothing.
#[component]
pub fn BuyerSearch(
    /// Insurer to search: `coface` (`allianz-trade` and `atradius` come later). An unknown value
    /// shows an error instead of searching.
    #[prop(into)]
    insurer: String,
    /// Base URL of the customer's proxy, e.g. `/proxy`; requests go to
    /// `{proxy}/{insurer}/{insurer path}`.
    #[prop(into)]
    proxy: String,
    /// Country searched first (ISO 3166 alpha-2 or alpha-3); the user can change it.
    #[prop(into, default = "FR".to_owned())]
    country: String,
    /// Label of the search field.
    #[prop(into, default = "Buyer".to_owned())]
    label: String,
    /// Language of messages: a BCP 47 tag (`fr`, `de-CH`…); en, fr, de, nl, es and it are
    /// supported, anything else falls back to English.
    #[prop(into, default = "en".to_owned())]
    locale: String,
    /// Called with the head office the user picked.
    #[prop(into)]
    on_select: Callback<Buyer>,
    /// Called with every error the box shows (validation, insurer, network).
    #[prop(into, optional)]
    on_error: Option<Callback<WidgetError>>,
) -> impl IntoView {
    let instance = INSTANCES.fetch_add(1, Ordering::Relaxed);
    let input_id = format!("tc-buyer-search-{instance}-input");
    let listbox_id = format!("tc-buyer-search-{instance}-listbox");
    let errors_id = format!("tc-buyer-search-{instance}-errors");
    let option_prefix = format!("tc-buyer-search-{instance}-option-");

    let language = Locale::parse(&locale).language;
    let insurer = Insurer::parse(&insurer);
    let client = StoredValue::new(ProxyClient::new(&proxy));
    let name = RwSignal::new(String::new());
    let country = RwSignal::new(country.trim().to_ascii_uppercase());
    let state = RwSignal::new(SearchState::Idle);
    let name_errors = RwSignal::new(Vec::<WidgetError>::new());
    let active = RwSignal::new(None::<usize>);
    let open = RwSignal::new(false);
    let notice = RwSignal::new(String::new());
    let sequence = StoredValue::new(0u64);
    let debounce = StoredValue::new(None::<TimeoutHandle>);

    let report = move |error: &WidgetError| {
        if let Some(callback) = on_error {
            callback.run(error.clone());
        }
    };

    // Errors of the configuration and of the chosen country: shown as soon as they exist.
    let setup_errors = Memo::new(move |_| {
        let mut errors = Vec::new();
        match insurer {
            Err(ref error) => errors.push(WidgetError::from_validation(error, language)),
            Ok(Insurer::Coface) => {}
            Ok(other) => errors.push(WidgetError::from_validation(
                &ValidationError::new("insurer.unsupported", "insurer")
                    .with_param("insurer", other.display_name()),
                language,
            )),
        }
        if let Err(error) = country.with(|country| Country::parse(country)) {
            errors.push(WidgetError::from_validation(&error, language));
        }
        errors
    });
    Effect::new(move |reported: Option<Vec<WidgetError>>| {
        let errors = setup_errors.get();
        for error in &errors {
            if !reported.as_ref().is_some_and(|seen| seen.contains(error)) {
                report(error);
            }
        }
        errors
    });

    let cancel_pending = move || {
        debounce.update_value(|handle| {
            if let Some(handle) = handle.take() {
                handle.clear();
            }
        });
        sequence.update_value(|sequence| *sequence += 1);
    };

    // Validates and sends a search. `explicit` searches (Enter) report a name that is too
    // short; searches while typing just wait for more text.
    let search = move |explicit: bool| {
        cancel_pending();
        let seq = sequence.get_value();
        if !setup_errors.with(Vec::is_empty) {
            return;
        }
        let query = country
            .with(|country| name.with(|name| BuyerQuery::by_name(name, country, None, None)));
        let query = match query {
            Ok(query) => query,
            Err(errors) => {
                state.set(SearchState::Idle);
                open.set(false);
                if explicit {
                    let errors: Vec<WidgetError> = errors
                        .iter()
                        .map(|error| WidgetError::from_validation(error, language))
                        .collect();
                    errors.iter().for_each(report);
                    name_errors.set(errors);
                }
                return;
            }
        };
        name_errors.set(Vec::new());
        let request = coface::name_search_request(&query);
        state.set(SearchState::Loading);
        spawn_local(async move {
            let client = client.get_value();
            let outcome = match client.send(Insurer::Coface, &request, language).await {
                Ok(response) => coface::parse_company_list(response.status, &response.body)
                    .map_err(|error| WidgetError::from_insurer(&error, language)),
                Err(error) => Err(error),
            };
            if sequence.try_get_value() != Some(seq) {
                return; // superseded by a newer search, or unmounted
            }
            match outcome {
                Ok(list) => {
                    state.try_set(SearchState::Results(list));
                    active.try_set(None);
                    open.try_set(true);
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

    let hits = move || match state.get() {
        SearchState::Results(list) => list.buyers,
        _ => Vec::new(),
    };

    let choose = move |index: usize| {
        let Some(buyer) = hits().into_iter().nth(index) else {
            return;
        };
        active.set(Some(index));
        if !buyer.can_request_cover() {
            notice.set(format!(
                "{} in {} is a branch: cover can only be requested on the head office.",
                buyer.name,
                buyer.address.town.as_deref().unwrap_or("?")
            ));
            return;
        }
        notice.set(format!("Selected {}.", buyer.name));
        name.set(buyer.name.clone());
        open.set(false);
        on_select.run(buyer);
    };

    let on_input = move |event: ev::Event| {
        name.set(event_target_value(&event));
        name_errors.set(Vec::new());
        notice.set(String::new());
        schedule_search();
    };

    let on_keydown = move |event: ev::KeyboardEvent| {
        let count = hits().len();
        let current = active.get();
        let target = match event.key().as_str() {
            "ArrowDown" if count > 0 => Some(match current {
                Some(index) if open.get() => (index + 1).min(count - 1),
                _ => 0,
            }),
            "ArrowUp" if count > 0 => Some(match current {
                Some(index) if open.get() => index.saturating_sub(1),
                _ => count - 1,
            }),
            "Home" if open.get() && count > 0 => Some(0),
            "End" if open.get() && count > 0 => Some(count - 1),
            "Enter" => {
                event.prevent_default();
                match current {
                    Some(index) if open.get() => choose(index),
                    _ => search(true),
                }
                return;
            }
            "Escape" => {
                if open.get() {
                    open.set(false);
                    active.set(None);
                } else {
                    cancel_pending();
                    name.set(String::new());
                    state.set(SearchState::Idle);
                }
                return;
            }
            _ => None,
        };
        if let Some(index) = target {
            event.prevent_default();
            open.set(true);
            active.set(Some(index));
        }
    };

    let on_country = move |event: ev::Event| {
        country.set(event_target_value(&event));
        if !name.with(String::is_empty) {
            search(false);
        }
    };

    let status_text = move || match state.get() {
        SearchState::Idle => notice.get(),
        SearchState::Loading => "Searching…".to_owned(),
        SearchState::Results(list) if list.buyers.is_empty() => {
            "No company found. Check the spelling, or try fewer words.".to_owned()
        }
        SearchState::Results(list) => {
            let shown = list.buyers.len();
            let more = if list.total > shown as u64 {
                format!(" of {}", list.total)
            } else {
                String::new()
            };
            let plural = if shown == 1 { "" } else { "s" };
            let notice = notice.get();
            format!("{shown}{more} result{plural}. {notice}")
                .trim()
                .to_owned()
        }
        SearchState::Failed(_) => String::new(),
    };

    let shown_errors = move || {
        let mut errors = setup_errors.get();
        errors.extend(name_errors.get());
        if let SearchState::Failed(error) = state.get() {
            errors.push(error);
        }
        errors
    };
    let name_invalid = move || !name_errors.with(Vec::is_empty);

    let country_options = move || {
        let selected = country.get();
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
        let prefix = option_prefix.clone();
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
            hits()
                .into_iter()
                .enumerate()
                .map(|(index, buyer)| {
                    let is_branch = buyer.establishment == Establishment::Branch;
                    let kind = if is_branch { "Branch" } else { "Head office" };
                    let place = [
                        buyer.address.postcode.clone(),
                        buyer.address.town.clone(),
                        Some(buyer.address.country.alpha2().to_owned()),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                    let identifiers = buyer
                        .identifiers
                        .iter()
                        .map(|identifier| identifier.value.clone())
                        .collect::<Vec<_>>()
                        .join(" · ");
                    view! {
                        <li
                            role="option"
                            id=option_id(index)
                            class="tc-option"
                            class:tc-branch=is_branch
                            class:tc-active=move || active.get() == Some(index)
                            part=if is_branch { "option option-branch" } else { "option" }
                            aria-selected=move || (active.get() == Some(index)).to_string()
                            aria-disabled=is_branch.then_some("true")
                            data-insurer-id=buyer.insurer_id.clone()
                            on:mousedown=move |event: ev::MouseEvent| {
                                event.prevent_default();
                                choose(index);
                            }
                        >
                            <span class="tc-name">{buyer.name.clone()}</span>
                            <span class="tc-kind" class:tc-kind-branch=is_branch>{kind}</span>
                            <span class="tc-place">{place}</span>
                            <span class="tc-ids">{identifiers}</span>
                        </li>
                    }
                })
                .collect_view()
        }
    };

    let listbox_for_input = listbox_id.clone();
    let errors_for_input = errors_id.clone();
    view! {
        <style>{STYLES}</style>
        <div class="tc-buyer-search" part="container">
            <div class="tc-fields">
                <label class="tc-label" for=input_id.clone() part="label">{label}</label>
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
                        aria-invalid=move || name_invalid().to_string()
                        aria-describedby=errors_for_input
                        placeholder="Company name"
                        prop:value=move || name.get()
                        on:input=on_input
                        on:keydown=on_keydown
                        on:blur=move |_| open.set(false)
                    />
                    <select
                        class="tc-country"
                        part="country"
                        aria-label="Country"
                        on:change=on_country
                    >
                        {country_options}
                    </select>
                </div>
            </div>
            <ul
                id=listbox_id
                class="tc-listbox"
                part="listbox"
                role="listbox"
                aria-label="Companies found"
                hidden=move || !open.get()
            >
                {listbox}
            </ul>
            <div id=errors_id class="tc-errors" part="errors">
                <For
                    each=shown_errors
                    key=|error| error.code.clone()
                    children=|error| {
                        view! {
                            <p class="tc-error" part="error" role="alert" data-code=error.code>
                                {error.message}
                            </p>
                        }
                    }
                />
            </div>
            <p class="tc-status" part="status" role="status" aria-live="polite">
                {status_text}
            </p>
        </div>
    }
}
