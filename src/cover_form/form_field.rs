//! One field of the form: label, control, hint and the errors tied to it (`aria-invalid`,
//! `aria-describedby`). Errors show once the field was left (blur) or after a submit.

use std::collections::BTreeSet;

use leptos::prelude::*;
use tradecover_core::cover_application::CoverApplicationDraft;
use tradecover_core::locale::Language;
use tradecover_core::ValidationError;

use super::text::text;
use crate::widget_error::WidgetError;

/// Reads one value of the draft.
pub(crate) type Getter<T> = fn(&CoverApplicationDraft) -> T;
/// Writes one value of the draft.
pub(crate) type Setter<T> = fn(&mut CoverApplicationDraft, T);

/// The reactive state every field shares.
#[derive(Clone, Copy)]
pub(crate) struct FormState {
    /// The draft, as typed.
    pub draft: RwSignal<CoverApplicationDraft>,
    /// Fields the user has left at least once.
    pub touched: RwSignal<BTreeSet<String>>,
    /// Whether a submit was attempted: every field shows its errors.
    pub all_touched: RwSignal<bool>,
    /// The core's errors for the whole draft.
    pub errors: Memo<Vec<ValidationError>>,
    /// Prefix of the element ids of this form instance.
    pub prefix: StoredValue<String>,
    /// Language of the texts.
    pub language: Language,
    /// Whether the fields are locked (a submit is in flight).
    pub busy: Signal<bool>,
}

/// The form field an error of the core belongs to (`identifiers[0]` → `identifier`).
pub(crate) fn field_of(error_field: &str) -> &str {
    if error_field.starts_with("identifiers") {
        "identifier"
    } else {
        error_field
    }
}

impl FormState {
    /// The element id of `field`'s control.
    pub fn id(&self, field: &str) -> String {
        self.prefix.with_value(|prefix| format!("{prefix}-{field}"))
    }

    /// The element id of `field`'s error text.
    pub fn error_id(&self, field: &str) -> String {
        format!("{}-error", self.id(field))
    }

    /// The errors shown for `field` (none until it was left or a submit was attempted).
    pub fn shown_errors(&self, field: &str) -> Vec<WidgetError> {
        let visible =
            self.all_touched.get() || self.touched.with(|touched| touched.contains(field));
        if !visible {
            return Vec::new();
        }
        self.errors.with(|errors| {
            errors
                .iter()
                .filter(|error| field_of(&error.field) == field)
                .map(|error| WidgetError::from_validation(error, self.language))
                .collect()
        })
    }

    /// Whether `field` shows an error.
    pub fn invalid(&self, field: &str) -> bool {
        !self.shown_errors(field).is_empty()
    }

    /// Records that the user left `field`.
    pub fn touch(&self, field: &str) {
        if !self
            .touched
            .with_untracked(|touched| touched.contains(field))
        {
            self.touched.update(|touched| {
                touched.insert(field.to_owned());
            });
        }
    }

    fn label(&self, field: &'static str, label: String, optional: bool) -> impl IntoView {
        let optional = optional.then(|| text(self.language, "form.optional", &[]));
        view! {
            <label class="tc-label" part="label" for=self.id(field)>
                {label}
                {optional.map(|optional| view! { " " <span class="tc-optional" part="optional">{optional}</span> })}
            </label>
        }
    }

    fn error_text(self, field: &'static str) -> impl IntoView {
        view! {
            <p id=self.error_id(field) class="tc-field-error" part="field-error">
                {move || {
                    self.shown_errors(field)
                        .into_iter()
                        .map(|error| view! { <span data-code=error.code>{error.message}</span> " " })
                        .collect_view()
                }}
            </p>
        }
    }

    /// A one-line text input.
    pub fn text_input(
        self,
        field: &'static str,
        label: String,
        optional: bool,
        hint: Option<String>,
        get: Getter<String>,
        set: Setter<String>,
    ) -> impl IntoView {
        let hint_id = format!("{}-hint", self.id(field));
        let described_by = match hint {
            Some(_) => format!("{hint_id} {}", self.error_id(field)),
            None => self.error_id(field),
        };
        view! {
            <div class="tc-field" part="field" data-field=field>
                {self.label(field, label, optional)}
                <input
                    id=self.id(field)
                    class="tc-input"
                    part="input"
                    name=field
                    type="text"
                    inputmode=(field == "amount").then_some("decimal")
                    autocomplete="off"
                    aria-invalid=move || self.invalid(field).to_string()
                    aria-describedby=described_by
                    prop:value=move || self.draft.with(get)
                    disabled=move || self.busy.get()
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        self.draft.update(|draft| set(draft, value));
                    }
                    on:blur=move |_| self.touch(field)
                />
                {hint.map(|hint| view! { <p id=hint_id class="tc-hint" part="hint">{hint}</p> })}
                {self.error_text(field)}
            </div>
        }
    }

    /// A multi-line text input.
    pub fn text_area(
        self,
        field: &'static str,
        label: String,
        get: Getter<String>,
        set: Setter<String>,
    ) -> impl IntoView {
        view! {
            <div class="tc-field" part="field" data-field=field>
                {self.label(field, label, true)}
                <textarea
                    id=self.id(field)
                    class="tc-input tc-textarea"
                    part="input textarea"
                    name=field
                    rows="3"
                    aria-invalid=move || self.invalid(field).to_string()
                    aria-describedby=self.error_id(field)
                    prop:value=move || self.draft.with(get)
                    disabled=move || self.busy.get()
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        self.draft.update(|draft| set(draft, value));
                    }
                    on:blur=move |_| self.touch(field)
                ></textarea>
                {self.error_text(field)}
            </div>
        }
    }

    /// A choice among `options` (`(value, label)`), with an empty first option when the
    /// current value is none of them.
    pub fn select(
        self,
        field: &'static str,
        label: String,
        options: Vec<(String, String)>,
        get: Getter<String>,
        set: Setter<String>,
    ) -> impl IntoView {
        let options = StoredValue::new(options);
        let choices = move || {
            let current = self.draft.with(get);
            let known =
                options.with_value(|options| options.iter().any(|(value, _)| *value == current));
            let placeholder =
                (!known).then(|| view! { <option value="" selected=true>"—"</option> });
            let listed = options.with_value(|options| {
                options
                    .iter()
                    .map(|(value, label)| {
                        let selected = *value == current;
                        view! { <option value=value.clone() selected=selected>{label.clone()}</option> }
                    })
                    .collect_view()
            });
            (placeholder, listed)
        };
        view! {
            <div class="tc-field" part="field" data-field=field>
                {self.label(field, label, false)}
                <select
                    id=self.id(field)
                    class="tc-input tc-select"
                    part="input select"
                    name=field
                    aria-invalid=move || self.invalid(field).to_string()
                    aria-describedby=self.error_id(field)
                    disabled=move || self.busy.get()
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        self.draft.update(|draft| set(draft, value));
                        self.touch(field);
                    }
                    on:blur=move |_| self.touch(field)
                >
                    {choices}
                </select>
                {self.error_text(field)}
            </div>
        }
    }

    /// A checkbox.
    pub fn checkbox(
        self,
        field: &'static str,
        label: String,
        get: Getter<bool>,
        set: Setter<bool>,
    ) -> impl IntoView {
        view! {
            <div class="tc-field tc-check" part="field checkbox-field" data-field=field>
                <input
                    id=self.id(field)
                    class="tc-checkbox"
                    part="checkbox"
                    type="checkbox"
                    name=field
                    prop:checked=move || self.draft.with(get)
                    disabled=move || self.busy.get()
                    on:change=move |event| {
                        let checked = event_target_checked(&event);
                        self.draft.update(|draft| set(draft, checked));
                    }
                />
                <label class="tc-label" part="label" for=self.id(field)>{label}</label>
            </div>
        }
    }
}
