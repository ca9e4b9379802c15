//! Which fields the form shows, by insurer: only those the insurer's application takes.

use tradecover_core::cover_application::CoverType;
use tradecover_core::Insurer;

/// The optional parts of the form, for one insurer and buyer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSet {
    /// Name, address and identifier of a buyer the insurer does not know (Coface orders on an
    /// unknown company; Allianz Trade creates the company first; Atradius has no such call).
    pub unknown_buyer: bool,
    /// The cover type choice: Atradius offers indications and credit checks besides limits.
    pub cover_type: bool,
    /// The comment for the underwriter (Coface and Allianz Trade; Atradius has no field for it).
    pub comment: bool,
    /// Urgency and the policy triple (Allianz Trade).
    pub allianz: bool,
}

impl FieldSet {
    /// The fields of an application to `insurer`, on a buyer the insurer knows or not.
    pub fn for_insurer(insurer: Insurer, buyer_known: bool) -> Self {
        Self {
            unknown_buyer: !buyer_known && insurer != Insurer::Atradius,
            cover_type: insurer == Insurer::Atradius,
            comment: insurer != Insurer::Atradius,
            allianz: insurer == Insurer::AllianzTrade,
        }
    }

    /// The cover types offered, in the order shown.
    pub fn cover_types(insurer: Insurer) -> Vec<CoverType> {
        [
            CoverType::CreditLimit,
            CoverType::Indication,
            CoverType::CreditCheck,
        ]
        .into_iter()
        .filter(|cover_type| cover_type.offered_by(insurer))
        .collect()
    }

    /// Whether an amount is asked for `cover_type` (a credit check's amount is the policy's).
    pub fn asks_amount(cover_type: Option<CoverType>) -> bool {
        cover_type != Some(CoverType::CreditCheck)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_follow_the_insurer() {
        let coface = FieldSet::for_insurer(Insurer::Coface, false);
        assert!(coface.unknown_buyer && coface.comment && !coface.cover_type && !coface.allianz);
        let atradius = FieldSet::for_insurer(Insurer::Atradius, false);
        assert!(!atradius.unknown_buyer && atradius.cover_type && !atradius.comment);
        let allianz = FieldSet::for_insurer(Insurer::AllianzTrade, true);
        assert!(allianz.allianz && !allianz.unknown_buyer && allianz.comment);
        assert_eq!(FieldSet::cover_types(Insurer::Atradius).len(), 3);
        assert_eq!(
            FieldSet::cover_types(Insurer::Coface),
            [CoverType::CreditLimit]
        );
        assert!(!FieldSet::asks_amount(Some(CoverType::CreditCheck)));
    }
}
