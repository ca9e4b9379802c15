//! The `CoverRequestForm` component.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use tradecover_core::atradius::AtradiusPolicy;
use tradecover_core::cover_application::{CoverApplicationDraft, CoverType, IdentifierDraft};
use tradecover_core::currency::Currency;
use tradecover_core::decision::Decision;
use tradecover_core::field::ATRADIUS_MULTIPLE;
use tradecover_core::identifier::detect_identifier;
use tradecover_core::lifecycle::{next_check_at, PollHistory, PollingPolicy};
use tradecover_core::locale::{Language, Locale};
use tradecover_core::money::format_money;
use tradecover_core::{Buyer, Country, Insurer, ValidationError};
use wasm_bindgen::JsCast;

use super::country_names::country_options;
use super::draft_store::{
    clear_draft, clear_job, load_draft, load_job, save_draft, save_job, storage_key, PendingJob,
};
use super::field_set::FieldSet;
use super::form_field::{field_of, FormState};
use super::idempotency_key::{new_idempotency_key, random_seed};
use super::job_polling::{check_job, JobCheck, FORM_POLLING, MAX_CHECKS};
use super::outcome::OutcomeKind;
use super::submission::{submit as send_application, Progress};
use super::submitted::Submitted;
use super::text::text;
use crate::proxy_client::ProxyClient;
use crate::text_overrides::{use_text_overrides, InTask};
use crate::widget_error::WidgetError;

/// Styles of the form; scoped by `tc-` class names, themable with `--tradecover-*` custom
/// properties and `::part()`.
pub const STYLES: &str = include_str!("../cover_form.css");

/// Name of the form's stylesheet (one per shadow root or document).
pub(crate) const STYLE_NAME: &str = "cover-form";

static INSTANCES: AtomicU32 = AtomicU32::new(0);

/// Where the form stands.
#[derive(Debug, Clone, PartialEq)]
enum Phase {
    /// Being filled in.
    Editing,
    /// The application is on its way.
    Sending,
    /// Sending failed; every field is kept.
    Failed(WidgetError),
    /// The insurer accepted the application.
    Accepted(Box<Shown>),
}

/// What the form shows of an accepted application.
#[derive(Debug, Clone, PartialEq)]
struct Shown {
    references: BTreeMap<String, String>,
    decision: Option<Decision>,
    reasons: Vec<String>,
    waiting: Waiting,
}

/// Whether the form is still following the application (Allianz Trade job).
#[derive(Debug, Clone, PartialEq)]
enum Waiting {
    /// Nothing to follow.
    Nothing,
    /// Next check at this time (ms since the epoch).
    NextCheckAt(f64),
    /// Stopped after [`MAX_CHECKS`]; the decision will reach the portfolio.
    Stopped,
    /// The job failed.
    Failed(WidgetError),
}

fn fresh_draft(insurer: &str, buyer: Option<&Buyer>, currency: &str) -> CoverApplicationDraft {
    CoverApplicationDraft {
        insurer: insurer.trim().to_owned(),
        buyer_id: buyer
            .map(|buyer| buyer.insurer_id.clone())
            .unwrap_or_default(),
        cover_type: CoverType::CreditLimit.as_str().to_owned(),
        currency: currency.trim().to_ascii_uppercase(),
        identifiers: vec![IdentifierDraft::default()],
        idempotency_key: new_idempotency_key().unwrap_or_default(),
        ..CoverApplicationDraft::default()
    }
}

/// The draft as the core validates it: identifier kinds detected from the text and country.
fn prepared(draft: &CoverApplicationDraft) -> CoverApplicationDraft {
    let mut draft = draft.clone();
    let country = Country::parse(&draft.buyer_country).ok();
    for identifier in &mut draft.identifiers {
        if identifier.value.trim().is_empty() {
            identifier.kind.clear();
            continue;
        }
        if let Some(kind) = country.and_then(|country| {
            detect_identifier(country, &identifier.value)
                .first()
                .copied()
        }) {
            identifier.kind = kind.as_str().to_owned();
        }
    }
    draft
}

fn now_seconds() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

async fn sleep_ms(ms: f64) {
    let delay = ms.clamp(0.0, f64::from(i32::MAX)) as i32;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, delay);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn local_time(ms: f64, locale: &Locale) -> String {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms))
        .to_locale_time_string(&locale.tag())
        .into()
}

/// Follows an Allianz Trade job until it is processed, failed, or [`MAX_CHECKS`] were made.
#[allow(clippy::too_many_arguments)]
async fn follow_job(
    client: ProxyClient,
    job_id: String,
    store_key: String,
    policy: PollingPolicy,
    language: Language,
    alive: Arc<AtomicBool>,
    phase: RwSignal<Phase>,
    on_decision: Option<Callback<Decision>>,
    report: impl Fn(&WidgetError),
) {
    let set_waiting = |waiting: Waiting| {
        phase.try_update(|phase| {
            if let Phase::Accepted(shown) = phase {
                shown.waiting = waiting;
            }
        });
    };
    let mut history = PollHistory {
        submitted_at: now_seconds(),
        checks: 0,
        last_check_at: None,
        retry_after: None,
        seed: random_seed(),
    };
    loop {
        if history.checks >= MAX_CHECKS {
            clear_job(&store_key);
            set_waiting(Waiting::Stopped);
            return;
        }
        let at_ms = next_check_at(now_seconds(), &history, &policy) as f64 * 1000.0;
        set_waiting(Waiting::NextCheckAt(at_ms));
        sleep_ms(at_ms - js_sys::Date::now()).await;
        if !alive.load(Ordering::Relaxed) {
            return;
        }
        let checked_at = now_seconds();
        match check_job(&client, &job_id, language).await {
            Ok(JobCheck::Pending) => {}
            Ok(JobCheck::Decided(decision)) => {
                let decision = *decision;
                clear_job(&store_key);
                if !alive.load(Ordering::Relaxed) {
                    return;
                }
                if let Some(callback) = on_decision {
                    callback.try_run(decision.clone());
                }
                phase.try_update(|phase| {
                    if let Phase::Accepted(shown) = phase {
                        shown
                            .references
                            .insert("coverId".to_owned(), decision.id.clone());
                        shown.decision = Some(decision);
                        shown.waiting = Waiting::Nothing;
                    }
                });
                return;
            }
            // A check that got no answer, or a busy insurer: the next check may get one.
            Err(error) if error.retryable => {}
            Err(error) => {
                clear_job(&store_key);
                if alive.load(Ordering::Relaxed) {
                    report(&error);
                    set_waiting(Waiting::Failed(error));
                }
                return;
            }
        }
        history.checks += 1;
        history.last_check_at = Some(checked_at);
    }
}

/// Applies for cover on one buyer at one insurer.
///
/// Shows only the fields `insurer` takes (see [`FieldSet`]); validates with the core on blur and
/// on submit (errors tied to their fields, and a summary that takes focus); keeps the draft in
/// `sessionStorage` per insurer and buyer, with an idempotency key created with it and sent as
/// `idempotency-key` on every attempt; shows the insurer's answer at once (decided, referred,
/// pending), following an Allianz Trade job until it is processed.
#[component]
pub fn CoverRequestForm(
    /// Insurer applied to: `coface`, `atradius` or `allianz-trade`.
    #[prop(into)]
    insurer: String,
    /// Base URL of the customer's proxy, e.g. `/proxy`.
    #[prop(into)]
    proxy: String,
    /// The buyer, as the buyer search returned it; without one, the form asks for the details
    /// of a buyer the insurer does not know yet (not for Atradius, which needs its buyer id).
    #[prop(optional_no_strip)]
    buyer: Option<Buyer>,
    /// Language of texts and how amounts are typed: a BCP 47 tag (`fr`, `de-CH`…).
    #[prop(into, default = "en".to_owned())]
    locale: String,
    /// Currency preselected for a new draft (ISO 4217).
    #[prop(into, default = "EUR".to_owned())]
    currency: String,
    /// The insured at Atradius (customer id and policy id); required for Atradius.
    #[prop(optional_no_strip)]
    atradius_policy: Option<AtradiusPolicy>,
    /// How an Allianz Trade job is polled; default [`FORM_POLLING`].
    #[prop(optional_no_strip)]
    polling: Option<PollingPolicy>,
    /// Called once the insurer accepted the application.
    #[prop(into, optional)]
    on_submitted: Option<Callback<Submitted>>,
    /// Called with each decision row the insurer gives (decided, referred or pending).
    #[prop(into, optional)]
    on_decision: Option<Callback<Decision>>,
    /// Called with every error the form reports (validation on submit, insurer, network).
    #[prop(into, optional)]
    on_error: Option<Callback<WidgetError>>,
) -> impl IntoView {
    let instance = INSTANCES.fetch_add(1, Ordering::Relaxed);
    let prefix = StoredValue::new(format!("tc-cover-form-{instance}"));
    let locale = Locale::parse(&locale);
    let language = locale.language;
    let parsed_insurer = Insurer::parse(&insurer);
    let known_insurer = parsed_insurer.as_ref().ok().copied();
    let insurer_name = known_insurer
        .map(|insurer| insurer.display_name())
        .unwrap_or_default();
    let polling = polling.unwrap_or(FORM_POLLING);
    let client = StoredValue::new(ProxyClient::new(&proxy));
    let atradius_policy = StoredValue::new(atradius_policy);
    let buyer_id = buyer
        .as_ref()
        .map(|buyer| buyer.insurer_id.clone())
        .unwrap_or_default();
    let insurer_key =
        known_insurer.map_or_else(|| insurer.clone(), |known| known.as_str().to_owned());
    let key = StoredValue::new(storage_key(&insurer_key, &buyer_id));

    let report = move |error: &WidgetError| {
        if let Some(callback) = on_error {
            callback.try_run(error.clone());
        }
    };

    // What cannot be fixed in the form: shown at once, and nothing is sent.
    let mut setup = Vec::new();
    match parsed_insurer {
        Err(ref error) => setup.push(WidgetError::from_validation(error, language)),
        Ok(insurer) => {
            let problem = |code: &str, key: &str, params: &[(&str, &str)]| WidgetError {
                code: code.to_owned(),
                field: None,
                message: text(language, key, params),
                retryable: false,
            };
            if let Some(buyer) = &buyer {
                if buyer.insurer != insurer {
                    setup.push(problem(
                        "cover_form.buyer_other_insurer",
                        "form.buyer_other_insurer",
                        &[
                            ("found", buyer.insurer.display_name()),
                            ("insurer", insurer.display_name()),
                        ],
                    ));
                } else if !buyer.can_request_cover() {
                    setup.push(problem("cover_form.buyer_branch", "form.buyer_branch", &[]));
                }
            } else if insurer == Insurer::Atradius {
                setup.push(problem(
                    "cover_form.atradius_needs_buyer",
                    "form.atradius_needs_buyer",
                    &[],
                ));
            }
            if insurer == Insurer::Atradius && atradius_policy.with_value(Option::is_none) {
                setup.push(problem(
                    "atradius.policy_required",
                    "form.atradius_policy_missing",
                    &[],
                ));
            }
        }
    }
    let ready = setup.is_empty();
    // A bad `texts` option is shown and reported too, but the form can still be sent.
    let overrides = use_text_overrides().get_untracked();
    setup.extend(
        overrides
            .problems()
            .iter()
            .map(|error| WidgetError::from_validation(error, language)),
    );
    let overrides = StoredValue::new(overrides);
    setup.iter().for_each(report);
    let fields = known_insurer
        .map(|insurer| FieldSet::for_insurer(insurer, buyer.is_some()))
        .unwrap_or(FieldSet {
            unknown_buyer: false,
            cover_type: false,
            comment: false,
            allianz: false,
        });

    // The draft: the stored one (a reload, a retry) or a new one with a new key.
    let mut initial = key
        .with_value(|key| load_draft(key))
        .unwrap_or_else(|| fresh_draft(&insurer, buyer.as_ref(), &currency));
    initial.insurer = insurer.trim().to_owned();
    if buyer.is_some() {
        initial.buyer_id = buyer_id.clone();
    }
    if initial.idempotency_key.trim().is_empty() {
        // Stored before the browser gave randomness: never send without a key.
        initial.idempotency_key = new_idempotency_key().unwrap_or_default();
    }
    if initial.identifiers.is_empty() {
        initial.identifiers.push(IdentifierDraft::default());
    }
    let draft = RwSignal::new(initial);
    Effect::new(move |_| {
        draft.with(|draft| key.with_value(|key| save_draft(key, draft)));
    });

    let errors = Memo::new(move |_| {
        draft
            .with(|draft| prepared(draft).validate(&locale))
            .err()
            .unwrap_or_default()
    });
    let phase = RwSignal::new(Phase::Editing);
    let busy = Signal::derive(move || matches!(phase.get(), Phase::Sending));
    let state = FormState {
        draft,
        touched: RwSignal::new(BTreeSet::new()),
        all_touched: RwSignal::new(false),
        errors,
        prefix,
        language,
        busy,
    };
    let show_summary = RwSignal::new(false);
    let in_flight = StoredValue::new(false);
    let alive = Arc::new(AtomicBool::new(true));
    {
        let alive = alive.clone();
        on_cleanup(move || alive.store(false, Ordering::Relaxed));
    }
    let alive = StoredValue::new(alive);
    let summary_ref = NodeRef::<html::Div>::new();
    let form_ref = NodeRef::<html::Form>::new();
    let outcome_ref = NodeRef::<html::Div>::new();
    // The form goes away with the focused button: the outcome takes the focus.
    let focus_outcome = move || {
        set_timeout(
            move || {
                if let Some(outcome) = outcome_ref.try_get_untracked().flatten() {
                    let _ = outcome.focus();
                }
            },
            Duration::ZERO,
        );
    };

    // A job followed before a reload: go on following it.
    if let (Some(Insurer::AllianzTrade), Some(job)) =
        (known_insurer, key.with_value(|key| load_job(key)))
    {
        phase.set(Phase::Accepted(Box::new(Shown {
            references: job.references,
            decision: None,
            reasons: Vec::new(),
            waiting: Waiting::NextCheckAt(js_sys::Date::now()),
        })));
        spawn_local(InTask::new(
            overrides.get_value(),
            follow_job(
                client.get_value(),
                job.job_id,
                key.get_value(),
                polling,
                language,
                alive.get_value(),
                phase,
                on_decision,
                report,
            ),
        ));
    }

    let submit = move || {
        if !ready || in_flight.get_value() {
            return;
        }
        state.all_touched.set(true);
        let application = match draft.with_untracked(|draft| prepared(draft).validate(&locale)) {
            Ok(application) => application,
            Err(errors) => {
                show_summary.set(true);
                for error in &errors {
                    report(&WidgetError::from_validation(error, language));
                }
                set_timeout(
                    move || {
                        if let Some(summary) = summary_ref.try_get_untracked().flatten() {
                            let _ = summary.focus();
                        }
                    },
                    Duration::ZERO,
                );
                return;
            }
        };
        show_summary.set(false);
        in_flight.set_value(true);
        phase.set(Phase::Sending);
        let client = client.get_value();
        let policy = atradius_policy.get_value();
        let stored_key = key.get_value();
        let alive = alive.get_value();
        spawn_local(InTask::new(overrides.get_value(), async move {
            let outcome = send_application(
                &client,
                &application,
                policy.as_ref(),
                language,
                |company_id| {
                    draft.try_update(|draft| draft.buyer_id = company_id.to_owned());
                },
            )
            .await;
            let _ = in_flight.try_set_value(false);
            match outcome {
                Ok(accepted) => {
                    clear_draft(&stored_key);
                    if !alive.load(Ordering::Relaxed) {
                        return;
                    }
                    if let Some(callback) = on_submitted {
                        callback.try_run(Submitted {
                            insurer: application.insurer,
                            references: accepted.references.clone(),
                            idempotency_key: application.idempotency_key.clone(),
                        });
                    }
                    match accepted.progress {
                        Progress::Answered { decision, reasons } => {
                            if let Some(callback) = on_decision {
                                callback.try_run((*decision).clone());
                            }
                            phase.try_set(Phase::Accepted(Box::new(Shown {
                                references: accepted.references,
                                decision: Some(*decision),
                                reasons,
                                waiting: Waiting::Nothing,
                            })));
                            focus_outcome();
                        }
                        Progress::Job { job_id } => {
                            save_job(
                                &stored_key,
                                &PendingJob {
                                    job_id: job_id.clone(),
                                    references: accepted.references.clone(),
                                },
                            );
                            phase.try_set(Phase::Accepted(Box::new(Shown {
                                references: accepted.references,
                                decision: None,
                                reasons: Vec::new(),
                                waiting: Waiting::NextCheckAt(js_sys::Date::now()),
                            })));
                            focus_outcome();
                            follow_job(
                                client,
                                job_id,
                                stored_key,
                                polling,
                                language,
                                alive,
                                phase,
                                on_decision,
                                report,
                            )
                            .await;
                        }
                    }
                }
                Err(error) => {
                    if !alive.load(Ordering::Relaxed) {
                        return;
                    }
                    report(&error);
                    if !error.retryable {
                        // The insurer refused this request for good: a corrected one is another
                        // request, which needs another key.
                        draft.try_update(|draft| {
                            draft.idempotency_key = new_idempotency_key().unwrap_or_default();
                        });
                    }
                    phase.try_set(Phase::Failed(error));
                }
            }
        }));
    };

    let new_request = move |_| {
        let fresh = draft.with_untracked(|current| {
            let mut fresh = fresh_draft(&current.insurer, None, &current.currency);
            fresh.buyer_id = current.buyer_id.clone();
            fresh
        });
        draft.set(fresh);
        state.touched.set(BTreeSet::new());
        state.all_touched.set(false);
        phase.set(Phase::Editing);
    };

    let focus_field = move |id: &str| {
        let target = form_ref
            .get_untracked()
            .and_then(|form| form.query_selector(&format!("#{id}")).ok().flatten())
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(target) = target {
            let _ = target.focus();
        }
    };

    let summary_items = move || {
        errors
            .get()
            .into_iter()
            .map(|error: ValidationError| {
                let id = state.id(field_of(&error.field));
                let message = WidgetError::from_validation(&error, language).message;
                let href = format!("#{id}");
                view! {
                    <li class="tc-summary-item" part="error-summary-item" data-code=error.code.clone()>
                        <a
                            href=href
                            part="error-summary-link"
                            on:click=move |event: ev::MouseEvent| {
                                event.prevent_default();
                                focus_field(&id);
                            }
                        >
                            {message}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let summary_hidden = move || !show_summary.get() || errors.with(Vec::is_empty);

    let t = move |key: &str| text(language, key, &[]);

    let buyer_view = match &buyer {
        Some(buyer) => {
            let place = [
                buyer.address.postcode.clone(),
                buyer.address.town.clone(),
                Some(buyer.address.country.alpha2().to_owned()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
            view! {
                <div class="tc-buyer" part="buyer">
                    <p class="tc-section-title" part="section-title">{t("form.buyer")}</p>
                    <p class="tc-buyer-name" part="buyer-name">{buyer.name.clone()}</p>
                    <p class="tc-buyer-place" part="buyer-place">{place}</p>
                    <p class="tc-buyer-id" part="buyer-id">{buyer.insurer_id.clone()}</p>
                </div>
            }
            .into_any()
        }
        None if fields.unknown_buyer => {
            let countries = country_options(&locale);
            view! {
                <fieldset class="tc-buyer tc-group" part="buyer group">
                    <legend class="tc-section-title" part="section-title">{t("form.buyer")}</legend>
                    <p class="tc-hint" part="hint">{t("form.buyer_unknown")}</p>
                    {state.text_input("buyerName", t("form.buyer_name"), false, None,
                        |d| d.buyer_name.clone(), |d, v| d.buyer_name = v)}
                    {state.text_input("buyerStreet", t("form.buyer_street"), true, None,
                        |d| d.buyer_street.clone(), |d, v| d.buyer_street = v)}
                    {state.text_input("buyerPostcode", t("form.buyer_postcode"), true, None,
                        |d| d.buyer_postcode.clone(), |d, v| d.buyer_postcode = v)}
                    {state.text_input("buyerTown", t("form.buyer_town"), false, None,
                        |d| d.buyer_town.clone(), |d, v| d.buyer_town = v)}
                    {state.text_input("buyerRegion", t("form.buyer_region"), true, None,
                        |d| d.buyer_region.clone(), |d, v| d.buyer_region = v)}
                    {state.select("buyerCountry", t("form.buyer_country"), countries,
                        |d| d.buyer_country.clone(), |d, v| d.buyer_country = v)}
                    {state.text_input("identifier", t("form.buyer_identifier"), true, None,
                        |d| d.identifiers.first().map(|i| i.value.clone()).unwrap_or_default(),
                        |d, v| {
                            if d.identifiers.is_empty() {
                                d.identifiers.push(IdentifierDraft::default());
                            }
                            d.identifiers[0].value = v;
                        })}
                </fieldset>
            }
            .into_any()
        }
        None => ().into_any(),
    };

    let cover_type_view = match known_insurer {
        Some(insurer) if fields.cover_type => {
            let options = FieldSet::cover_types(insurer)
                .into_iter()
                .map(|cover_type| {
                    let key = match cover_type {
                        CoverType::CreditLimit => "form.cover_type_credit_limit",
                        CoverType::Indication => "form.cover_type_indication",
                        CoverType::CreditCheck => "form.cover_type_credit_check",
                    };
                    (cover_type.as_str().to_owned(), t(key))
                })
                .collect();
            Some(state.select(
                "coverType",
                t("form.cover_type"),
                options,
                |d| d.cover_type.clone(),
                |d, v| d.cover_type = v,
            ))
        }
        _ => None,
    };

    let amount_hint = (known_insurer == Some(Insurer::Atradius)).then(|| {
        text(
            language,
            "form.amount_multiple",
            &[
                ("insurer", insurer_name),
                ("multiple", &ATRADIUS_MULTIPLE.to_string()),
            ],
        )
    });
    let currencies: Vec<(String, String)> = Currency::all()
        .map(|currency| (currency.code().to_owned(), currency.code().to_owned()))
        .collect();
    let currencies = StoredValue::new(currencies);
    let asks_amount = Memo::new(move |_| {
        draft.with(|draft| FieldSet::asks_amount(CoverType::parse(&draft.cover_type)))
    });
    let amount_view = move || {
        asks_amount.get().then(|| {
            view! {
                <div class="tc-amount-row" part="amount-row">
                    {state.text_input("amount", t("form.amount"), false, amount_hint.clone(),
                        |d| d.amount.clone(), |d, v| d.amount = v)}
                    {state.select("currency", t("form.currency"), currencies.get_value(),
                        |d| d.currency.clone(), |d, v| d.currency = v)}
                </div>
            }
        })
    };

    let allianz_view = fields.allianz.then(|| {
        view! {
            {state.checkbox("urgent", t("form.urgent"), |d| d.urgent, |d, v| d.urgent = v)}
            <fieldset class="tc-group" part="group policy">
                <legend class="tc-section-title" part="section-title">{t("form.policy")}</legend>
                {state.text_input("policyBusinessUnit", t("form.policy_business_unit"), false, None,
                    |d| d.policy_business_unit.clone(), |d, v| d.policy_business_unit = v)}
                {state.text_input("policyId", t("form.policy_id"), false, None,
                    |d| d.policy_id.clone(), |d, v| d.policy_id = v)}
                {state.text_input("policyExtension", t("form.policy_extension"), false, None,
                    |d| d.policy_extension.clone(), |d, v| d.policy_extension = v)}
            </fieldset>
        }
    });
    let comment_view = fields.comment.then(|| {
        state.text_area(
            "comment",
            t("form.comment"),
            |d| d.comment.clone(),
            |d, v| d.comment = v,
        )
    });

    let failure_view = move || match phase.get() {
        Phase::Failed(error) => {
            let retry = error.retryable.then(|| {
                view! {
                    <button type="button" class="tc-button tc-retry" part="button retry"
                        on:click=move |_| submit()>
                        {t("form.retry")}
                    </button>
                }
            });
            Some(view! {
                <div class="tc-failure" part="failure" role="alert" data-code=error.code.clone()>
                    <p class="tc-error" part="error">{error.message.clone()}</p>
                    {retry}
                </div>
            })
        }
        _ => None,
    };

    let outcome_view = move || {
        let Phase::Accepted(shown) = phase.get() else {
            return None;
        };
        let kind = match (&shown.decision, &shown.waiting) {
            (Some(decision), _) => OutcomeKind::of(decision.status.status),
            (None, Waiting::NextCheckAt(_)) => OutcomeKind::Processing,
            (None, _) => OutcomeKind::Submitted,
        };
        let with_insurer = |key: &str| text(language, key, &[("insurer", insurer_name)]);
        let next = match &shown.waiting {
            Waiting::NextCheckAt(at) => text(
                language,
                "next.processing",
                &[("time", &local_time(*at, &locale))],
            ),
            Waiting::Stopped => with_insurer("next.polling_stopped"),
            _ => with_insurer(kind.next_key()),
        };
        let failure = match &shown.waiting {
            Waiting::Failed(error) => Some(view! {
                <p class="tc-error" part="error" data-code=error.code.clone()>{error.message.clone()}</p>
            }),
            _ => None,
        };
        let decision = shown.decision.clone();
        let granted = decision
            .as_ref()
            .and_then(|decision| decision.granted)
            .filter(|_| matches!(kind, OutcomeKind::Granted | OutcomeKind::Partial))
            .map(|money| {
                text(
                    language,
                    "outcome.granted_amount",
                    &[("amount", &format_money(&money, &locale))],
                )
            });
        let requested = decision
            .as_ref()
            .and_then(|decision| decision.requested)
            .filter(|money| money.minor > 0)
            .map(|money| {
                text(
                    language,
                    "outcome.requested_amount",
                    &[("amount", &format_money(&money, &locale))],
                )
            });
        let list = |title: String, items: Vec<String>, part: &'static str| {
            (!items.is_empty()).then(|| {
                view! {
                    <div class="tc-outcome-list" part=part>
                        <p class="tc-section-title" part="section-title">{title}</p>
                        <ul part="outcome-items">
                            {items.into_iter().map(|item| view! { <li part="outcome-item">{item}</li> }).collect_view()}
                        </ul>
                    </div>
                }
            })
        };
        let conditions = list(
            t("outcome.conditions"),
            decision
                .as_ref()
                .map(|decision| decision.conditions.clone())
                .unwrap_or_default(),
            "outcome-conditions",
        );
        let reasons = list(
            t("outcome.reasons"),
            shown.reasons.clone(),
            "outcome-reasons",
        );
        let reference = decision
            .as_ref()
            .map(|decision| decision.id.clone())
            .or_else(|| shown.references.get("jobId").cloned())
            .filter(|id| !id.is_empty())
            .map(|id| text(language, "form.reference", &[("id", &id)]));
        Some(view! {
            <div
                node_ref=outcome_ref
                class="tc-outcome"
                part="outcome"
                tabindex="-1"
                data-outcome=kind.as_str()
            >
                <p class="tc-outcome-title" part="outcome-title">{with_insurer(kind.title_key())}</p>
                {granted.map(|granted| view! { <p class="tc-outcome-amount" part="outcome-amount outcome-granted">{granted}</p> })}
                {requested.map(|requested| view! { <p class="tc-outcome-amount" part="outcome-amount outcome-requested">{requested}</p> })}
                {conditions}
                {reasons}
                {failure}
                <p class="tc-outcome-next" part="outcome-next">{next}</p>
                {reference.map(|reference| view! { <p class="tc-outcome-reference" part="outcome-reference">{reference}</p> })}
                <button type="button" class="tc-button tc-new" part="button new-request" on:click=new_request>
                    {t("form.new_request")}
                </button>
            </div>
        })
    };

    let sending = move || matches!(phase.get(), Phase::Sending);
    let accepted = move || matches!(phase.get(), Phase::Accepted(_));
    let setup_view = setup
        .into_iter()
        .map(|error| {
            view! { <p class="tc-error" part="error" role="alert" data-code=error.code>{error.message}</p> }
        })
        .collect_view();

    // The styles, as an adopted stylesheet (allowed by a strict `style-src 'self'` policy).
    let container_ref = NodeRef::<html::Div>::new();
    crate::stylesheet::use_styles(container_ref, STYLE_NAME, STYLES);

    view! {
        <div node_ref=container_ref class="tc-cover-form" part="container" lang=language.as_str()
            data-insurer=known_insurer.map(Insurer::as_str).unwrap_or_default()>
            <div class="tc-setup-errors" part="errors">{setup_view}</div>
            <div
                node_ref=summary_ref
                class="tc-error-summary"
                part="error-summary"
                role="alert"
                tabindex="-1"
                hidden=summary_hidden
            >
                <p class="tc-summary-title" part="error-summary-title">{t("form.error_summary")}</p>
                <ul class="tc-summary-list" part="error-summary-list">{summary_items}</ul>
            </div>
            <form
                node_ref=form_ref
                class="tc-form"
                part="form"
                novalidate=true
                hidden=accepted
                on:submit=move |event: ev::SubmitEvent| {
                    event.prevent_default();
                    submit();
                }
            >
                {buyer_view}
                {cover_type_view}
                {amount_view}
                {state.text_input("customerReference", t("form.customer_reference"), true, None,
                    |d| d.customer_reference.clone(), |d, v| d.customer_reference = v)}
                {allianz_view}
                {comment_view}
                {failure_view}
                <div class="tc-actions" part="actions">
                    <button
                        type="submit"
                        class="tc-button tc-submit"
                        part="button submit"
                        disabled=move || !ready || sending()
                        aria-busy=move || sending().to_string()
                    >
                        {move || if sending() { t("form.sending") } else { t("form.submit") }}
                    </button>
                </div>
            </form>
            <div class="tc-outcome-region" part="outcome-region" role="status" aria-live="polite">
                {outcome_view}
            </div>
        </div>
    }
}
