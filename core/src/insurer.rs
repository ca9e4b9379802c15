//! The insurers tradecover speaks to.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::validation_error::ValidationError;

/// Every error code about the insurer setting (`insurer.unknown` has the param `value`,
/// `insurer.unsupported` the param `insurer`).
pub const CODES: &[&str] = &["insurer.required", "insurer.unknown", "insurer.unsupported"];

/// A trade credit insurer with a public API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Insurer {
    /// Allianz Trade (formerly Euler Hermes).
    AllianzTrade,
    /// Atradius.
    Atradius,
    /// Coface (CofaServe API).
    Coface,
}

impl Insurer {
    /// Every insurer, in a stable order.
    pub const ALL: [Insurer; 3] = [Insurer::AllianzTrade, Insurer::Atradius, Insurer::Coface];

    /// The identifier used in attributes, URLs and JSON: `allianz-trade`, `atradius`, `coface`.
    pub fn as_str(self) -> &'static str {
        match self {
            Insurer::AllianzTrade => "allianz-trade",
            Insurer::Atradius => "atradius",
            Insurer::Coface => "coface",
        }
    }

    /// The insurer's name as people write it.
    pub fn display_name(self) -> &'static str {
        match self {
            Insurer::AllianzTrade => "Allianz Trade",
            Insurer::Atradius => "Atradius",
            Insurer::Coface => "Coface",
        }
    }

    /// Parses `allianz-trade`, `atradius` or `coface` (any case, surrounding blanks ignored).
    pub fn parse(text: &str) -> Result<Self, ValidationError> {
        let wanted = text.trim();
        Self::ALL
            .into_iter()
            .find(|insurer| insurer.as_str().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| {
                if wanted.is_empty() {
                    ValidationError::new("insurer.required", "insurer")
                } else {
                    ValidationError::new("insurer.unknown", "insurer").with_param("value", wanted)
                }
            })
    }
}

impl fmt::Display for Insurer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Insurer {
    type Err = ValidationError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_it_prints() {
        for insurer in Insurer::ALL {
            assert_eq!(Insurer::parse(insurer.as_str()).unwrap(), insurer);
            let json = serde_json::to_string(&insurer).unwrap();
            assert_eq!(json, format!("\"{}\"", insurer.as_str()));
        }
        assert_eq!(Insurer::parse(" Coface ").unwrap(), Insurer::Coface);
    }

    #[test]
    fn rejects_unknown() {
        assert_eq!(
            Insurer::parse("lloyds").unwrap_err().code,
            "insurer.unknown"
        );
        assert_eq!(Insurer::parse("").unwrap_err().code, "insurer.required");
    }
}
