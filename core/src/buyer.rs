//! The neutral buyer: a company a seller wants credit insurance on, as one insurer knows it.

use serde::{Deserialize, Serialize};

use crate::country::Country;
use crate::insurer::Insurer;

/// A postal address, as precise as the insurer returned it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// Street and number, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// Postal code, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// Town or city, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<String>,
    /// Region or state (US states, Canadian provinces, …), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Country.
    pub country: Country,
}

/// A legal or insurer identifier of a company: its kind (e.g. `fr.siren`, `coface.easy`) and its
/// canonical value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Identifier {
    /// Kind of identifier, e.g. `fr.siren`; kinds the core does not know yet are `other.<raw>`.
    pub kind: String,
    /// Canonical value: upper case, no separators.
    pub value: String,
}

/// Whether a company is the head office (the legal entity insurers assess) or one of its
/// legally dependent branches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Establishment {
    /// The head office: the entity an insurer assesses and covers.
    HeadOffice,
    /// A legally dependent branch: shown to help identification, never covered itself.
    Branch,
}

/// A buyer as an insurer knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Buyer {
    /// The insurer that returned this buyer.
    pub insurer: Insurer,
    /// The insurer's own key for the company (Coface EASY number, Allianz Trade company id,
    /// Atradius buyer id).
    pub insurer_id: String,
    /// Registered name.
    pub name: String,
    /// Address of this establishment.
    pub address: Address,
    /// Legal identifiers, the insurer's own key among them.
    pub identifiers: Vec<Identifier>,
    /// Head office or branch.
    pub establishment: Establishment,
    /// For a branch, the insurer key of its head office when the insurer gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head_office_id: Option<String>,
}

impl Buyer {
    /// Whether cover may be requested on this buyer: only head offices are assessed (Coface's
    /// rule, which the other insurers share in practice).
    pub fn can_request_cover(&self) -> bool {
        self.establishment == Establishment::HeadOffice
    }
}
