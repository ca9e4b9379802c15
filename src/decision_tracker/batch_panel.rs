//! The batch bar: shown while rows are selected (the grid's multi-selection, kept as a set of
//! row indices), it asks for an increase by a percentage or a cancellation of the selected
//! rows, says how many will be sent and how many skipped (the core does not allow the action
//! on them), sends them ([`row_action::batch`](super::row_action::batch)) and lists each row's
//! outcome; every result is merged into its row and timeline.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use leptos::task::spawn_local;
use tradecover_core::decision::Decision;
use tradecover_core::lifecycle::Action;
use tradecover_core::locale::Locale;

use super::loader::PortfolioSource;
use super::row_action::batch::{parse_percent, plan, run, BatchAction};
use super::row_action::ActionTarget;
use super::status_kind::StatusKind;
use super::table::DecisionTable;
use super::texts::{status_label, tr};
use crate::cover_form::idempotency_key::new_idempotency_key;
use crate::proxy_client::ProxyClient;
use crate::widget_error::WidgetError;

/// What the batch bar works with.
#[derive(Clone, Copy)]
pub(crate) struct BatchContext {
    /// The rows.
    pub table: StoredValue<DecisionTable>,
    /// The selected rows (indices in the table).
    pub selected: RwSignal<HashSet<u32>>,
    /// The proxy.
    pub client: StoredValue<ProxyClient>,
    /// The policies.
    pub source: StoredValue<PortfolioSource>,
    /// How texts and amounts are shown.
    pub locale: Locale,
    /// The actions the core allows on a row.
    pub allowed: Callback<Decision, Vec<Action>>,
    /// Called with the row index, the action and the decisions it produced.
    pub applied: Callback<(usize, Action, Vec<Decision>)>,
    /// The live region's text.
    pub announcement: RwSignal<String>,
    /// Called with every error.
    pub report: Callback<WidgetError>,
}

/// The batch being confirmed.
#[derive(Debug, Clone, PartialEq)]
struct BatchForm {
    action: Action,
    percent: String,
    error: Option<WidgetError>,
    sending: bool,
    /// Idempotency keys per row and of the Atradius batch, made when the form opened.
    keys: HashMap<usize, String>,
    batch_key: String,
}

/// One line of the results.
#[derive(Debug, Clone, PartialEq)]
struct BatchLine {
    outcome: &'static str,
    text: String,
}

fn buyer_of(row: &Decision) -> String {
    row.buyer_name
        .clone()
        .unwrap_or_else(|| row.buyer_id.clone())
}

/// The selected rows, in table order.
fn selected_rows(context: BatchContext) -> Vec<(usize, Decision)> {
    let mut indices: Vec<u32> = context
        .selected
        .with_untracked(|selected| selected.iter().copied().collect());
    indices.sort_unstable();
    context.table.with_value(|table| {
        indices
            .into_iter()
            .filter_map(|index| {
                table
                    .get(index as usize)
                    .map(|row| (index as usize, row.clone()))
            })
            .collect()
    })
}

fn open(context: BatchContext, form: RwSignal<Option<BatchForm>>, action: Action) {
    let keys = selected_rows(context)
        .into_iter()
        .map(|(index, _)| (index, new_idempotency_key().unwrap_or_default()))
        .collect();
    form.set(Some(BatchForm {
        action,
        percent: String::new(),
        error: None,
        sending: false,
        keys,
        batch_key: new_idempotency_key().unwrap_or_default(),
    }));
}

fn send(context: BatchContext, form: RwSignal<Option<BatchForm>>, lines: RwSignal<Vec<BatchLine>>) {
    let language = context.locale.language;
    let Some(current) = form.get_untracked() else {
        return;
    };
    if current.sending {
        return;
    }
    let action = match current.action {
        Action::Increase => match parse_percent(&current.percent) {
            Some(percent) => BatchAction::Increase { percent },
            None => {
                let error = WidgetError {
                    code: "percent.invalid".to_owned(),
                    field: Some("percent".to_owned()),
                    message: tr(language, "percent_invalid", &[]),
                    retryable: false,
                };
                form.update(|form| {
                    if let Some(form) = form {
                        form.error = Some(error);
                    }
                });
                return;
            }
        },
        _ => BatchAction::Cancel,
    };
    let keys = current.keys.clone();
    let (items, skipped) = plan(
        selected_rows(context),
        action,
        |row| context.allowed.run(row.clone()),
        |index| {
            keys.get(&index)
                .cloned()
                .unwrap_or_else(|| new_idempotency_key().unwrap_or_default())
        },
    );
    form.update(|form| {
        if let Some(form) = form {
            form.sending = true;
            form.error = None;
        }
    });
    spawn_local(async move {
        let client = context.client.get_value();
        let source = context.source.get_value();
        let target = ActionTarget {
            client: &client,
            source: &source,
            language,
        };
        let results = run(target, &items, &current.batch_key).await;
        let mut done = 0;
        let mut failed = 0;
        let mut report_lines = Vec::new();
        for (item, result) in items.iter().zip(results) {
            let buyer = buyer_of(&item.row);
            match result {
                Ok(decisions) => {
                    done += 1;
                    let kind = StatusKind::of(
                        decisions
                            .first()
                            .and_then(|decision| decision.status.status),
                    );
                    report_lines.push(BatchLine {
                        outcome: "done",
                        text: tr(
                            language,
                            "batch_item_done",
                            &[("buyer", &buyer), ("status", &status_label(language, kind))],
                        ),
                    });
                    context
                        .applied
                        .run((item.index, action.action(), decisions));
                }
                Err(error) => {
                    failed += 1;
                    report_lines.push(BatchLine {
                        outcome: "failed",
                        text: tr(
                            language,
                            "batch_item_failed",
                            &[("buyer", &buyer), ("error", &error.message)],
                        ),
                    });
                    context.report.run(error);
                }
            }
        }
        for (_, row) in &skipped {
            report_lines.push(BatchLine {
                outcome: "skipped",
                text: tr(language, "batch_item_skipped", &[("buyer", &buyer_of(row))]),
            });
        }
        if lines.try_set(report_lines).is_some() {
            return;
        }
        form.try_set(None);
        context.selected.try_set(HashSet::new());
        context.announcement.try_set(tr(
            language,
            "batch_summary",
            &[
                ("done", &done.to_string()),
                ("failed", &failed.to_string()),
                ("skipped", &skipped.len().to_string()),
            ],
        ));
    });
}

/// The batch bar, its confirmation and its results.
pub(crate) fn batch_view(context: BatchContext) -> impl IntoView {
    let language = context.locale.language;
    let form = RwSignal::new(None::<BatchForm>);
    let lines = RwSignal::new(Vec::<BatchLine>::new());
    let count = move || context.selected.with(HashSet::len);
    let opened = Memo::new(move |_| form.with(|form| form.as_ref().map(|form| form.action)));
    let form_view = move || {
        let action = opened.get()?;
        let rows = selected_rows(context);
        let (items, skipped) = plan(
            rows,
            match action {
                Action::Increase => BatchAction::Increase { percent: 1 },
                _ => BatchAction::Cancel,
            },
            |row| context.allowed.run(row.clone()),
            |_| String::new(),
        );
        let error = move || {
            form.with(|form| form.as_ref().and_then(|form| form.error.clone())).map(|error| {
                view! { <p class="tc-error" part="error" role="alert" data-code=error.code>{error.message}</p> }
            })
        };
        let sending = move || form.with(|form| form.as_ref().is_some_and(|form| form.sending));
        let count = items.len().to_string();
        let skipped = skipped.len().to_string();
        let question = if action == Action::Increase {
            let percent_input = view! {
                <label class="tc-filter" part="confirm-label">
                    <span>{tr(language, "batch_percent", &[])}</span>
                    <input type="text" inputmode="numeric" part="confirm-input" name="percent"
                        on:input=move |event| {
                            let value = event_target_value(&event);
                            form.update(|form| {
                                if let Some(form) = form {
                                    form.percent = value;
                                }
                            });
                        } />
                </label>
            };
            view! {
                <p part="confirm-question">
                    {tr(language, "batch_confirm_increase", &[("count", &count), ("skipped", &skipped)])}
                </p>
                {percent_input}
            }
            .into_any()
        } else {
            view! {
                <p part="confirm-question">
                    {tr(language, "batch_confirm_cancel", &[("count", &count), ("skipped", &skipped)])}
                </p>
            }
            .into_any()
        };
        Some(view! {
            <div class="tc-confirm" part="confirm batch-confirm" role="group"
                data-confirm=if action == Action::Increase { "batch_increase" } else { "batch_cancel" }>
                {question}
                {error}
                <button type="button" class="tc-button" part="button confirm" disabled=sending
                    aria-busy=move || sending().to_string() on:click=move |_| send(context, form, lines)>
                    {move || if sending() { tr(language, "sending", &[]) } else { tr(language, "confirm", &[]) }}
                </button>
                <button type="button" class="tc-button" part="button back" on:click=move |_| form.set(None)>
                    {tr(language, "back", &[])}
                </button>
            </div>
        })
    };
    let results_view = move || {
        let lines = lines.get();
        (!lines.is_empty()).then(|| {
            view! {
                <section class="tc-batch-results" part="batch-results" aria-label=tr(language, "batch_results", &[])>
                    <h3 part="batch-heading">{tr(language, "batch_results", &[])}</h3>
                    <ul part="batch-result-list">
                        {lines
                            .into_iter()
                            .map(|line| view! { <li part="batch-result" data-outcome=line.outcome>{line.text}</li> })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    };
    view! {
        <div class="tc-batch" part="batch" hidden=move || count() == 0>
            <span part="batch-count">{move || tr(language, "selected", &[("count", &count().to_string())])}</span>" "
            <button type="button" class="tc-button" part="button batch-increase" data-batch="increase"
                on:click=move |_| open(context, form, Action::Increase)>
                {tr(language, "batch_increase", &[])}
            </button>
            <button type="button" class="tc-button" part="button batch-cancel" data-batch="cancel"
                on:click=move |_| open(context, form, Action::Cancel)>
                {tr(language, "batch_cancel", &[])}
            </button>
            {form_view}
        </div>
        {results_view}
    }
}
