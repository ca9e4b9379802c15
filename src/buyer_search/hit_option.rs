//! One hit of the list: name, head office or branch badge, address and identifiers; a branch
//! says why it cannot be chosen. Insurer strings are rendered as text, never as markup.

use leptos::ev;
use leptos::prelude::*;
use tradecover_core::locale::Language;
use tradecover_core::{Buyer, Establishment, Identifier};

use super::texts::tr;

/// One `role=option` of the listbox. A branch is `aria-disabled`, marked (`option-branch`,
/// `badge-branch`) and says why it cannot be chosen; the box decides what choosing it does.
#[component]
pub(crate) fn HitOption(
    /// The buyer shown.
    buyer: Buyer,
    /// Unique id of the option (for `aria-activedescendant`).
    id: String,
    /// Whether it is the active option.
    #[prop(into)]
    active: Signal<bool>,
    /// Language of its words.
    language: Language,
    /// Called when it is clicked.
    on_choose: Callback<()>,
) -> impl IntoView {
    let (badge_text, is_branch) = badge(&buyer, language);
    let reason = is_branch.then(|| {
        view! {
            <span class="tc-branch-reason" part="branch-reason">
                {tr(language, "branch_reason")}
            </span>
        }
    });
    view! {
        <li
            role="option"
            id=id
            class="tc-option"
            class:tc-branch=is_branch
            class:tc-active=move || active.get()
            part=if is_branch { "option option-branch" } else { "option" }
            aria-selected=move || active.get().to_string()
            aria-disabled=is_branch.then_some("true")
            data-insurer-id=buyer.insurer_id.clone()
            on:mousedown=move |event: ev::MouseEvent| {
                // Keeps the focus in the input (no blur closing the list first).
                event.prevent_default();
                on_choose.run(());
            }
        >
            <span class="tc-name" part="option-name">{buyer.name.clone()}</span>
            <span
                class="tc-badge"
                class:tc-badge-branch=is_branch
                part=if is_branch { "badge badge-branch" } else { "badge" }
            >
                {badge_text}
            </span>
            <span class="tc-address" part="address">{address_line(&buyer)}</span>
            <span class="tc-ids" part="identifiers">{identifiers_line(&buyer)}</span>
            {reason}
        </li>
    }
}

/// The address of `buyer` on one line: street, postal code and town, region, country.
fn address_line(buyer: &Buyer) -> String {
    let address = &buyer.address;
    let place = [address.postcode.as_deref(), address.town.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    [
        address.street.clone(),
        Some(place).filter(|place| !place.is_empty()),
        address.region.clone(),
        Some(address.country.alpha2().to_owned()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

/// The identifiers of `buyer`, each as `LABEL value` (`SIREN 552032534`, `EASY 00123…`).
fn identifiers_line(buyer: &Buyer) -> String {
    buyer
        .identifiers
        .iter()
        .map(|Identifier { kind, value }| {
            let label = kind.rsplit('.').next().unwrap_or(kind).to_ascii_uppercase();
            format!("{label} {value}")
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The badge text and whether it marks a branch.
fn badge(buyer: &Buyer, language: Language) -> (String, bool) {
    match buyer.establishment {
        Establishment::Branch => (tr(language, "branch"), true),
        Establishment::HeadOffice => (tr(language, "head_office"), false),
    }
}
