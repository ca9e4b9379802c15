//! One hit of the list: name, head office or branch badge, address and identifiers; a branch
//! says why it cannot be chosen. Insurer strings are rendered as text, never as markup.

use tradecover_core::locale::Language;
use tradecover_core::{Buyer, Establishment, Identifier};

use super::texts::tr;

/// The address of `buyer` on one line: street, postal code and town, region, country.
pub(crate) fn address_line(buyer: &Buyer) -> String {
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
pub(crate) fn identifiers_line(buyer: &Buyer) -> String {
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
pub(crate) fn badge(buyer: &Buyer, language: Language) -> (String, bool) {
    match buyer.establishment {
        Establishment::Branch => (tr(language, "branch"), true),
        Establishment::HeadOffice => (tr(language, "head_office"), false),
    }
}
