//! Why an Atradius request could not be built: the input breaks an Atradius rule the core knows,
//! so nothing is sent.

use thiserror::Error;

/// Every code of [`AtradiusRequestError::code`].
pub const CODES: &[&str] = &[
    "atradius.wrong_insurer",
    "atradius.policy_required",
    "atradius.buyer_id_invalid",
    "atradius.cover_id_invalid",
    "atradius.unknown_buyer",
    "atradius.amount_invalid",
    "atradius.credit_check_fixed",
    "atradius.identifier_unsupported",
    "atradius.identifier_invalid",
    "atradius.nothing_to_send",
];

/// An Atradius request the core refuses to build.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum AtradiusRequestError {
    /// The application is not addressed to Atradius.
    #[error("the application is not addressed to Atradius")]
    WrongInsurer,
    /// The policy id is blank.
    #[error("the Atradius policy id is missing")]
    PolicyRequired,
    /// Atradius buyer ids are numbers.
    #[error("not an Atradius buyer id: {value:?}")]
    BuyerIdInvalid {
        /// The text given.
        value: String,
    },
    /// Atradius cover ids are numbers (they go in the path).
    #[error("not an Atradius cover id: {value:?}")]
    CoverIdInvalid {
        /// The text given.
        value: String,
    },
    /// Atradius takes applications on buyers it identified (a buyer id, from a buyer search);
    /// the API has no application for an unknown buyer.
    #[error("Atradius needs the buyer's Atradius id: search the buyer first")]
    UnknownBuyer,
    /// Credit limits and indications are whole thousands of the currency, above zero ("Must be
    /// positive number greater than zero and a multiple of 1000").
    #[error("the amount must be a positive multiple of 1000")]
    AmountInvalid,
    /// A credit check is for the policy's fixed amount: it cannot be increased or reduced.
    #[error("a credit check has a fixed amount: it cannot be increased or reduced")]
    CreditCheckFixed,
    /// No Atradius `uidType` is known for this identifier kind.
    #[error("Atradius cannot search identifiers of kind {kind}")]
    IdentifierUnsupported {
        /// The kind.
        kind: String,
    },
    /// The identifier is not valid for its kind.
    #[error("invalid {kind} identifier ({reason})")]
    IdentifierInvalid {
        /// The kind.
        kind: String,
        /// The validation code, e.g. `identifier.checksum`.
        reason: String,
    },
    /// A batch with no application.
    #[error("the batch has no application")]
    NothingToSend,
}

impl AtradiusRequestError {
    /// Stable machine code, e.g. `atradius.amount_invalid`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::WrongInsurer => "atradius.wrong_insurer",
            Self::PolicyRequired => "atradius.policy_required",
            Self::BuyerIdInvalid { .. } => "atradius.buyer_id_invalid",
            Self::CoverIdInvalid { .. } => "atradius.cover_id_invalid",
            Self::UnknownBuyer => "atradius.unknown_buyer",
            Self::AmountInvalid => "atradius.amount_invalid",
            Self::CreditCheckFixed => "atradius.credit_check_fixed",
            Self::IdentifierUnsupported { .. } => "atradius.identifier_unsupported",
            Self::IdentifierInvalid { .. } => "atradius.identifier_invalid",
            Self::NothingToSend => "atradius.nothing_to_send",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_listed_once() {
        let samples = [
            AtradiusRequestError::WrongInsurer,
            AtradiusRequestError::PolicyRequired,
            AtradiusRequestError::BuyerIdInvalid { value: "x".into() },
            AtradiusRequestError::CoverIdInvalid { value: "x".into() },
            AtradiusRequestError::UnknownBuyer,
            AtradiusRequestError::AmountInvalid,
            AtradiusRequestError::CreditCheckFixed,
            AtradiusRequestError::IdentifierUnsupported { kind: "lei".into() },
            AtradiusRequestError::IdentifierInvalid {
                kind: "fr.siren".into(),
                reason: "identifier.checksum".into(),
            },
            AtradiusRequestError::NothingToSend,
        ];
        let codes: Vec<&str> = samples.iter().map(AtradiusRequestError::code).collect();
        assert_eq!(codes, CODES);
        for error in &samples {
            assert!(!error.to_string().is_empty());
        }
    }
}
