//! The confirmation of an action opened from the detail panel: what the action needs (a new
//! amount for an increase or a reduction, the delivery id of a deletion or a stop, the new
//! reference), the error of the last attempt, and the sending. The idempotency key is made when
//! the confirmation opens and kept across retries; after an attempt whose outcome is unknown
//! the next one is marked as a retry (see [`row_action`](super::row_action)).

use leptos::prelude::*;
use leptos::task::spawn_local;
use tradecover_core::decision::Decision;
use tradecover_core::lifecycle::Action;
use tradecover_core::locale::Locale;
use tradecover_core::money::format_money;

use super::loader::PortfolioSource;
use super::row_action::new_amount::{current_amount, new_amount};
use super::row_action::{perform, ActionTarget, RowAction};
use super::table::DecisionTable;
use super::texts::tr;
use crate::cover_form::idempotency_key::new_idempotency_key;
use crate::proxy_client::ProxyClient;
use crate::widget_error::WidgetError;

/// An action the user opened from the detail panel, waiting for confirmation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Confirmation {
    /// The row (index in the table).
    pub row: usize,
    /// The action.
    pub action: Action,
    /// The idempotency key, created when the confirmation opened and kept across retries.
    pub key: String,
    /// The new amount as typed (increase, reduce).
    pub amount: String,
    /// The new reference as typed (set reference).
    pub reference: String,
    /// Being sent.
    pub sending: bool,
    /// The last attempt failed.
    pub error: Option<WidgetError>,
    /// The last attempt's outcome is unknown (no answer, or the insurer was unavailable).
    pub uncertain: bool,
}

impl Confirmation {
    /// The confirmation of `action` on the row at `row`, with a fresh idempotency key.
    pub fn open(row: usize, action: Action, current: &Decision) -> Self {
        Self {
            row,
            action,
            key: new_idempotency_key().unwrap_or_default(),
            amount: String::new(),
            reference: current.customer_reference.clone().unwrap_or_default(),
            sending: false,
            error: None,
            uncertain: false,
        }
    }
}

/// What the confirmation works with.
#[derive(Clone, Copy)]
pub(crate) struct PanelContext {
    /// The rows.
    pub table: StoredValue<DecisionTable>,
    /// The open confirmation.
    pub confirmation: RwSignal<Option<Confirmation>>,
    /// The proxy.
    pub client: StoredValue<ProxyClient>,
    /// The policies.
    pub source: StoredValue<PortfolioSource>,
    /// How texts and amounts are shown.
    pub locale: Locale,
    /// Called with the row index, the action and the decisions it produced.
    pub applied: Callback<(usize, Action, Vec<Decision>)>,
    /// Called with every error.
    pub report: Callback<WidgetError>,
}

/// The action the confirmation asks for, with what the user entered; an error for an amount
/// that cannot be sent.
fn row_action(
    current: &Confirmation,
    row: &Decision,
    locale: &Locale,
) -> Result<RowAction, WidgetError> {
    Ok(match current.action {
        Action::Increase => {
            RowAction::Increase(new_amount(&current.amount, row, Action::Increase, locale)?)
        }
        Action::Reduce => {
            RowAction::Reduce(new_amount(&current.amount, row, Action::Reduce, locale)?)
        }
        Action::Cancel => RowAction::Cancel,
        Action::Delete => RowAction::Delete,
        Action::Stop => RowAction::Stop,
        Action::Convert => RowAction::Convert,
        Action::SetReference => RowAction::SetReference(current.reference.clone()),
    })
}

/// Sends the confirmed action; the key stays the same if it has to be sent again.
fn confirm(context: PanelContext) {
    let PanelContext {
        table,
        confirmation,
        client,
        source,
        locale,
        applied,
        report,
    } = context;
    let Some(current) = confirmation.get_untracked() else {
        return;
    };
    if current.sending {
        return;
    }
    let Some(row) = table.with_value(|table| table.get(current.row).cloned()) else {
        return;
    };
    let action = match row_action(&current, &row, &locale) {
        Ok(action) => action,
        Err(error) => {
            confirmation.update(|confirmation| {
                if let Some(confirmation) = confirmation {
                    confirmation.error = Some(error);
                }
            });
            return;
        }
    };
    confirmation.update(|confirmation| {
        if let Some(confirmation) = confirmation {
            confirmation.sending = true;
            confirmation.error = None;
        }
    });
    spawn_local(async move {
        let client = client.get_value();
        let source = source.get_value();
        let target = ActionTarget {
            client: &client,
            source: &source,
            language: locale.language,
        };
        let done = perform(target, &row, &action, &current.key, current.uncertain).await;
        match done {
            Ok(decisions) => {
                if confirmation.try_set(None).is_some() {
                    return;
                }
                applied.run((current.row, current.action, decisions));
            }
            Err(error) => {
                report.run(error.clone());
                let uncertain = error.retryable;
                confirmation.try_update(|confirmation| {
                    if let Some(confirmation) = confirmation {
                        confirmation.sending = false;
                        confirmation.uncertain = confirmation.uncertain || uncertain;
                        confirmation.error = Some(error);
                    }
                });
            }
        }
    });
}

/// The question asked before `action` on `row`, and its input.
fn question(context: PanelContext, action: Action, row: &Decision) -> AnyView {
    let language = context.locale.language;
    let confirmation = context.confirmation;
    let buyer = row
        .buyer_name
        .clone()
        .unwrap_or_else(|| row.buyer_id.clone());
    let params = [
        ("product", row.product.as_str()),
        ("buyer", buyer.as_str()),
        ("insurer", row.insurer.display_name()),
        ("delivery", row.id.as_str()),
    ];
    let sentence = |key: &str| {
        view! { <p part="confirm-question">{tr(language, key, &params)}</p> }
    };
    match action {
        Action::Increase | Action::Reduce => {
            let current = current_amount(row);
            let label = tr(
                language,
                "new_amount",
                &[
                    ("currency", current.map(|money| money.currency.code()).unwrap_or_default()),
                    (
                        "current",
                        &current
                            .map(|money| format_money(&money, &context.locale))
                            .unwrap_or_default(),
                    ),
                ],
            );
            let key = if action == Action::Increase {
                "confirm_increase"
            } else {
                "confirm_reduce"
            };
            let invalid = move || {
                confirmation.with(|current| {
                    current
                        .as_ref()
                        .and_then(|current| current.error.as_ref())
                        .is_some_and(|error| error.field.as_deref() == Some("amount"))
                        .to_string()
                })
            };
            view! {
                {sentence(key)}
                <label class="tc-filter" part="confirm-label">
                    <span>{label}</span>
                    <input
                        type="text"
                        inputmode="decimal"
                        part="confirm-input"
                        name="amount"
                        aria-invalid=invalid
                        prop:value=move || confirmation.with(|current| {
                            current.as_ref().map(|current| current.amount.clone()).unwrap_or_default()
                        })
                        on:input=move |event| {
                            let value = event_target_value(&event);
                            confirmation.update(|current| {
                                if let Some(current) = current {
                                    current.amount = value;
                                }
                            });
                        }
                    />
                </label>
            }
            .into_any()
        }
        Action::SetReference => view! {
            <label class="tc-filter" part="confirm-label">
                <span>{tr(language, "new_reference", &[])}</span>
                <input
                    type="text"
                    part="confirm-input"
                    name="reference"
                    prop:value=move || confirmation.with(|current| {
                        current.as_ref().map(|current| current.reference.clone()).unwrap_or_default()
                    })
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        confirmation.update(|current| {
                            if let Some(current) = current {
                                current.reference = value;
                            }
                        });
                    }
                />
            </label>
        }
        .into_any(),
        Action::Cancel => sentence("confirm_cancel").into_any(),
        Action::Delete => sentence("confirm_delete").into_any(),
        Action::Stop => sentence("confirm_stop").into_any(),
        Action::Convert => sentence("confirm_convert").into_any(),
    }
}

/// The open confirmation, if any: re-rendered when another confirmation opens, not at each
/// keystroke (the inputs keep their focus).
pub(crate) fn confirmation_view(
    context: PanelContext,
    action_key: fn(Action) -> &'static str,
) -> impl Fn() -> Option<AnyView> + Copy + Send + Sync + 'static {
    let language = context.locale.language;
    let confirmation = context.confirmation;
    let opened = Memo::new(move |_| {
        confirmation.with(|current| {
            current
                .as_ref()
                .map(|current| (current.row, current.action, current.key.clone()))
        })
    });
    move || {
        let (row_index, action, _) = opened.get()?;
        let row = context
            .table
            .with_value(|table| table.get(row_index).cloned())?;
        let error = move || {
            confirmation
                .with(|current| current.as_ref().and_then(|current| current.error.clone()))
                .map(|error| {
                    view! { <p class="tc-error" part="error" role="alert" data-code=error.code>{error.message}</p> }
                })
        };
        let sending = move || {
            confirmation.with(|current| current.as_ref().is_some_and(|current| current.sending))
        };
        Some(
            view! {
                <div class="tc-confirm" part="confirm" role="group" data-confirm=action_key(action)>
                    {question(context, action, &row)}
                    {error}
                    <button type="button" class="tc-button" part="button confirm" disabled=sending
                        aria-busy=move || sending().to_string() on:click=move |_| confirm(context)>
                        {move || if sending() { tr(language, "sending", &[]) } else { tr(language, "confirm", &[]) }}
                    </button>
                    <button type="button" class="tc-button" part="button back"
                        on:click=move |_| confirmation.set(None)>
                        {tr(language, "back", &[])}
                    </button>
                </div>
            }
            .into_any(),
        )
    }
}
