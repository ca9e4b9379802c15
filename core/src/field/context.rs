//! What a field rule needs to know besides the value.

use serde::{Deserialize, Serialize};

use crate::country::Country;
use crate::currency::Currency;
use crate::insurer::Insurer;
use crate::locale::Locale;

/// The surroundings of a field: every member is optional (JSON: camelCase, any member may be
/// left out).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FieldContext {
    /// The buyer's country: picks the postcode format and whether a region is needed.
    pub country: Option<Country>,
    /// The currency of an amount; an amount cannot be read without it.
    pub currency: Option<Currency>,
    /// The user's locale: how amounts are typed and how `max` params are written.
    pub locale: Locale,
    /// The insurer the value goes to: Allianz Trade limits customer references to 20
    /// characters, Atradius wants amounts in multiples of 1,000.
    pub insurer: Option<Insurer>,
    /// The largest amount accepted, in minor units of `currency` (e.g. the policy limit).
    pub max_amount_minor: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_member_is_optional_in_json() {
        let empty: FieldContext = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, FieldContext::default());
        let full: FieldContext = serde_json::from_str(
            r#"{"country":"FR","currency":"EUR","locale":"fr-FR","insurer":"atradius",
                "maxAmountMinor":100000}"#,
        )
        .unwrap();
        assert_eq!(full.country.map(Country::alpha2), Some("FR"));
        assert_eq!(full.currency, Some(Currency::EUR));
        assert_eq!(full.locale.tag(), "fr-FR");
        assert_eq!(full.insurer, Some(Insurer::Atradius));
        assert_eq!(full.max_amount_minor, Some(100_000));
        let json = serde_json::to_value(&full).unwrap();
        assert_eq!(json["maxAmountMinor"], 100_000);
    }
}
