//! Why a text is not a valid identifier, before it becomes a [`ValidationError`].

use crate::validation_error::ValidationError;

use super::kind::IdentifierKind;

/// Field name of every identifier error.
pub(super) const FIELD: &str = "identifier";

/// Every error code this module can produce.
pub const CODES: &[&str] = &[
    "identifier.required",
    "identifier.unknown_kind",
    "identifier.invalid_characters",
    "identifier.length",
    "identifier.format",
    "identifier.checksum",
    "identifier.country_prefix",
    "identifier.register_type",
    "identifier.court",
    "identifier.office_code",
];

/// One reason for refusing a text, free of the kind it was checked as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Problem {
    /// Nothing left after trimming.
    Required,
    /// A character that is neither a letter, a digit nor a separator.
    InvalidCharacters,
    /// Wrong number of characters (country prefix not counted).
    Length {
        /// Fewest characters accepted.
        min: usize,
        /// Most characters accepted.
        max: usize,
    },
    /// Right characters in the wrong places.
    Format,
    /// Check digits or letters do not match.
    Checksum,
    /// Another country's prefix where this one was expected.
    CountryPrefix(&'static str),
    /// de.hr: no known register type (HRA, HRB, GnR, GsR, PR, VR).
    RegisterType,
    /// de.hr: no register court.
    Court,
    /// it.piva: digits 8–10 are no tax office.
    OfficeCode,
}

impl Problem {
    /// A length problem for exactly `len` characters.
    pub(super) fn length(len: usize) -> Self {
        Self::Length { min: len, max: len }
    }

    /// The public error for this problem found while checking `kind`.
    pub(super) fn into_error(self, kind: IdentifierKind) -> ValidationError {
        let error =
            |code: &str| ValidationError::new(code, FIELD).with_param("kind", kind.as_str());
        match self {
            Self::Required => error("identifier.required"),
            Self::InvalidCharacters => error("identifier.invalid_characters"),
            Self::Length { min, max } => error("identifier.length")
                .with_param("min", min)
                .with_param("max", max),
            Self::Format => error("identifier.format").with_param("example", kind.example()),
            Self::Checksum => error("identifier.checksum"),
            Self::CountryPrefix(expected) => {
                error("identifier.country_prefix").with_param("expected", expected)
            }
            Self::RegisterType => error("identifier.register_type"),
            Self::Court => error("identifier.court"),
            Self::OfficeCode => error("identifier.office_code"),
        }
    }
}
