//! Company identifiers: what people paste (spaces, dots, dashes, slashes, lower case, NBSP,
//! tabs, a customary country prefix or not) checked and turned into one canonical compact form:
//! upper case, no separators, and for VAT kinds and `ch.uid` the country prefix included
//! (`FR 27 552 032 534` → `FR27552032534`, `CHE-116.281.710 MWST` → `CHE116281710`).
//!
//! - [`validate_identifier`]: check a text as one [`IdentifierKind`], get an [`Identifier`].
//! - [`search_variants`]: the formats an insurer may have stored the same number in.
//! - [`detect_identifier`]: which kinds of a country a text is valid as.
//!
//! Each country's rules, and which checks are full checksums and which are format only, are
//! described in its file. Every error has the field `identifier`, a code from [`CODES`] and the
//! param `kind`.

mod belgium;
mod checksum;
mod clean;
mod detect;
mod duns;
mod eu_vat;
mod france;
mod germany;
mod handelsregister;
mod insurer_keys;
mod italy;
mod kind;
mod lei;
mod netherlands;
mod norway;
mod problem;
mod spain;
mod switzerland;
mod united_kingdom;
mod united_states;
mod variants;

pub use detect::detect_identifier;
pub use insurer_keys::is_temporary_easy;
pub use kind::IdentifierKind;
pub use problem::CODES;
pub use variants::search_variants;

use crate::buyer::Identifier;
use crate::validation_error::ValidationError;

use problem::{Problem, FIELD};

/// Checks `text` as an identifier of `kind` and returns it in canonical form.
///
/// Errors carry the field `identifier`, the param `kind` and one of the [`CODES`]; never panics,
/// whatever the text.
pub fn validate_identifier(
    kind: IdentifierKind,
    text: &str,
) -> Result<Identifier, ValidationError> {
    canonical(kind, text)
        .map(|value| Identifier {
            kind: kind.as_str().to_owned(),
            value,
        })
        .map_err(|problem| problem.into_error(kind))
}

/// The kind named `text` (e.g. `fr.siren`), or `identifier.unknown_kind` with the text as the
/// `kind` param.
pub fn parse_kind(text: &str) -> Result<IdentifierKind, ValidationError> {
    IdentifierKind::parse(text).ok_or_else(|| {
        ValidationError::new("identifier.unknown_kind", FIELD).with_param("kind", text.trim())
    })
}

/// The canonical form of `text` as `kind`, or why it is not one.
fn canonical(kind: IdentifierKind, text: &str) -> Result<String, Problem> {
    use IdentifierKind as K;
    if kind == K::DeHr {
        return handelsregister::validate(text);
    }
    let compact = clean::compact(text)?;
    let compact = compact.as_str();
    match kind {
        K::FrSiren => france::siren(compact),
        K::FrSiret => france::siret(compact),
        K::FrVat => france::vat(compact),
        K::BeKbo => belgium::kbo(compact),
        K::BeVat => belgium::vat(compact),
        K::NlKvk => netherlands::kvk(compact),
        K::NlVat => netherlands::vat(compact),
        K::DeHr => handelsregister::validate(text),
        K::DeVat => germany::vat(compact),
        K::ItPiva => italy::piva(compact),
        K::ItVat => italy::vat(compact),
        K::EsCif => spain::cif(compact),
        K::EsNif => spain::nif(compact),
        K::EsVat => spain::vat(compact),
        K::GbCrn => united_kingdom::crn(compact),
        K::GbVat => united_kingdom::vat(compact),
        K::ChUid => switzerland::uid(compact),
        K::Lei => lei::lei(compact),
        K::Duns => duns::duns(compact),
        K::AllianzCompanyId => insurer_keys::allianz_company_id(compact),
        K::CofaceEasy => insurer_keys::coface_easy(compact),
        K::NoVat => norway::vat(compact),
        K::UsEin => united_states::ein(compact),
        K::AtVat
        | K::BgVat
        | K::CyVat
        | K::CzVat
        | K::DkVat
        | K::EeVat
        | K::GrVat
        | K::FiVat
        | K::HrVat
        | K::HuVat
        | K::IeVat
        | K::LtVat
        | K::LuVat
        | K::LvVat
        | K::MtVat
        | K::PlVat
        | K::PtVat
        | K::RoVat
        | K::SeVat
        | K::SiVat
        | K::SkVat => {
            eu_vat::rule(kind).map_or(Err(Problem::Format), |rule| eu_vat::validate(rule, compact))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(kind: IdentifierKind, text: &str) -> Result<String, String> {
        validate_identifier(kind, text)
            .map(|identifier| identifier.value)
            .map_err(|error| error.code)
    }

    #[test]
    fn brief_examples() {
        use IdentifierKind as K;
        assert_eq!(
            value(K::FrVat, "FR 27 552 032 534"),
            Ok("FR27552032534".into())
        );
        assert_eq!(value(K::DeVat, "de136695976"), Ok("DE136695976".into()));
        assert_eq!(
            value(K::ChUid, "CHE-116.281.710"),
            Ok("CHE116281710".into())
        );
        assert_eq!(value(K::BeKbo, "403.170.701"), Ok("0403170701".into()));
        assert_eq!(value(K::FrSiren, "552 032 534"), Ok("552032534".into()));
        assert_eq!(
            value(K::FrSiren, "\u{a0}552\u{a0}032\t534 "),
            Ok("552032534".into())
        );
    }

    #[test]
    fn every_example_is_valid_and_canonical_is_stable() {
        for kind in IdentifierKind::ALL {
            let identifier = validate_identifier(*kind, kind.example());
            let identifier = identifier.unwrap_or_else(|e| panic!("{kind}: {e}"));
            assert_eq!(identifier.kind, kind.as_str());
            let again = validate_identifier(*kind, &identifier.value).map(|i| i.value);
            assert_eq!(again, Ok(identifier.value.clone()), "{kind}");
        }
    }

    #[test]
    fn errors_carry_field_kind_and_params() {
        let error = validate_identifier(IdentifierKind::FrSiren, "  ").unwrap_err();
        assert_eq!(error.code, "identifier.required");
        assert_eq!(error.field, "identifier");
        assert_eq!(error.params["kind"], "fr.siren");

        let error = validate_identifier(IdentifierKind::FrSiren, "5520").unwrap_err();
        assert_eq!(error.code, "identifier.length");
        assert_eq!(
            (error.params["min"].as_str(), error.params["max"].as_str()),
            ("9", "9")
        );

        let error = validate_identifier(IdentifierKind::FrVat, "DE27552032534").unwrap_err();
        assert_eq!(error.code, "identifier.country_prefix");
        assert_eq!(error.params["expected"], "FR");

        let error = validate_identifier(IdentifierKind::DeVat, "DE13669597X").unwrap_err();
        assert_eq!(error.code, "identifier.format");
        assert_eq!(error.params["example"], "DE136695976");

        let error = validate_identifier(IdentifierKind::FrSiren, "552 032 534 ✓").unwrap_err();
        assert_eq!(error.code, "identifier.invalid_characters");

        let error = validate_identifier(IdentifierKind::DeHr, "HRB 1 ").unwrap_err();
        assert_eq!(error.code, "identifier.court");
        assert!(CODES.contains(&error.code.as_str()));
    }

    #[test]
    fn parses_kinds() {
        assert_eq!(parse_kind("fr.siren"), Ok(IdentifierKind::FrSiren));
        let error = parse_kind(" xx.vat ").unwrap_err();
        assert_eq!(error.code, "identifier.unknown_kind");
        assert_eq!(error.field, "identifier");
        assert_eq!(error.params["kind"], "xx.vat");
    }
}
