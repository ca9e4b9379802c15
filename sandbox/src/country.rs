//! The countries the sandbox simulates, with their ISO 3166 codes.

use std::fmt;

/// A country present in the sandbox data set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Country {
    /// France.
    France,
    /// Germany.
    Germany,
    /// Belgium.
    Belgium,
    /// The Netherlands.
    Netherlands,
    /// Italy.
    Italy,
    /// Spain.
    Spain,
    /// The United Kingdom.
    UnitedKingdom,
    /// Switzerland.
    Switzerland,
    /// Austria.
    Austria,
    /// Poland.
    Poland,
    /// Sweden.
    Sweden,
    /// The United States of America.
    UnitedStates,
}

/// ISO 3166-1 alpha-2, alpha-3 and English short name of every country, in [`Country::ALL`] order.
const CODES: [(Country, &str, &str, &str); 12] = [
    (Country::France, "FR", "FRA", "France"),
    (Country::Germany, "DE", "DEU", "Germany"),
    (Country::Belgium, "BE", "BEL", "Belgium"),
    (Country::Netherlands, "NL", "NLD", "Netherlands"),
    (Country::Italy, "IT", "ITA", "Italy"),
    (Country::Spain, "ES", "ESP", "Spain"),
    (Country::UnitedKingdom, "GB", "GBR", "United Kingdom"),
    (Country::Switzerland, "CH", "CHE", "Switzerland"),
    (Country::Austria, "AT", "AUT", "Austria"),
    (Country::Poland, "PL", "POL", "Poland"),
    (Country::Sweden, "SE", "SWE", "Sweden"),
    (Country::UnitedStates, "US", "USA", "United States"),
];

impl Country {
    /// Every country of the sandbox, in a fixed order.
    pub const ALL: [Country; 12] = [
        Country::France,
        Country::Germany,
        Country::Belgium,
        Country::Netherlands,
        Country::Italy,
        Country::Spain,
        Country::UnitedKingdom,
        Country::Switzerland,
        Country::Austria,
        Country::Poland,
        Country::Sweden,
        Country::UnitedStates,
    ];

    /// Position of the country in [`Country::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// ISO 3166-1 alpha-2 code, e.g. `FR`.
    pub fn alpha2(self) -> &'static str {
        CODES[self.index()].1
    }

    /// ISO 3166-1 alpha-3 code, e.g. `FRA` (the form CofaServe uses).
    pub fn alpha3(self) -> &'static str {
        CODES[self.index()].2
    }

    /// English short name, e.g. `France`.
    pub fn name(self) -> &'static str {
        CODES[self.index()].3
    }

    /// Parses an ISO 3166-1 alpha-3 code, ignoring case and surrounding spaces.
    pub fn from_alpha3(code: &str) -> Option<Country> {
        let code = code.trim();
        CODES
            .iter()
            .find(|(_, _, a3, _)| a3.eq_ignore_ascii_case(code))
            .map(|(c, _, _, _)| *c)
    }

    /// Parses an ISO 3166-1 alpha-2 code, ignoring case and surrounding spaces.
    pub fn from_alpha2(code: &str) -> Option<Country> {
        let code = code.trim();
        CODES
            .iter()
            .find(|(_, a2, _, _)| a2.eq_ignore_ascii_case(code))
            .map(|(c, _, _, _)| *c)
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.alpha3())
    }
}

#[cfg(test)]
mod tests {
    use super::{Country, CODES};

    #[test]
    fn table_order_matches_the_enum() {
        for (i, country) in Country::ALL.iter().enumerate() {
            assert_eq!(country.index(), i);
            assert_eq!(CODES[i].0, *country);
        }
    }

    #[test]
    fn codes_round_trip_case_insensitively() {
        for country in Country::ALL {
            assert_eq!(Country::from_alpha3(country.alpha3()), Some(country));
            assert_eq!(
                Country::from_alpha3(&country.alpha3().to_lowercase()),
                Some(country)
            );
            assert_eq!(Country::from_alpha2(country.alpha2()), Some(country));
        }
        assert_eq!(Country::from_alpha3(" fra "), Some(Country::France));
        assert_eq!(Country::from_alpha3("ECU"), None);
        assert_eq!(Country::from_alpha3(""), None);
        assert_eq!(Country::UnitedKingdom.alpha2(), "GB");
        assert_eq!(Country::Switzerland.alpha3(), "CHE");
    }
}
