//! From what the user typed to what to search: the text is tried as a legal identifier of the
//! chosen country first (core `detect_identifier`), and as a name where the insurer can search
//! names; town or postal code and region narrow the name search.

use tradecover_core::field::{region_required, validate_postcode, validate_region, validate_town};
use tradecover_core::identifier::{detect_identifier, validate_identifier};
use tradecover_core::{BuyerQuery, Country, HttpRequest, Identifier, Insurer, ValidationError};

use super::plan::{plan, searches_by_name, Criteria, Stage};

/// What the user typed, as text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Typed<'a> {
    /// The search text: a name or an identifier.
    pub text: &'a str,
    /// The country code chosen.
    pub country: &'a str,
    /// Town or postal code (a text with a digit is taken for a postal code).
    pub location: &'a str,
    /// Region or state (sent only where Coface needs one).
    pub region: &'a str,
}

/// What to do with what was typed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Prepared {
    /// Send these requests in turn.
    Search {
        /// The validated criteria.
        criteria: Criteria,
        /// The requests, in order.
        requests: Vec<(Stage, HttpRequest)>,
    },
    /// Nothing can be sent: why.
    Invalid(Vec<ValidationError>),
    /// The insurer finds buyers only by identifier and the text is none it can search.
    IdentifierOnly,
}

/// Decides what to search at `insurer` for `typed`.
pub(crate) fn prepare(insurer: Insurer, typed: &Typed<'_>) -> Prepared {
    let country = match Country::parse(typed.country) {
        Ok(country) => country,
        Err(error) => return Prepared::Invalid(vec![error]),
    };
    let identifiers: Vec<Identifier> = detect_identifier(country, typed.text)
        .into_iter()
        .filter_map(|kind| validate_identifier(kind, typed.text).ok())
        .collect();
    if !searches_by_name(insurer) {
        if typed.text.trim().is_empty() {
            return Prepared::Invalid(vec![ValidationError::new(
                "identifier.required",
                "identifier",
            )]);
        }
        let criteria = Criteria {
            country,
            identifiers,
            name: None,
            region: None,
        };
        let requests = plan(insurer, &criteria);
        return if requests.is_empty() {
            Prepared::IdentifierOnly
        } else {
            Prepared::Search { criteria, requests }
        };
    }
    let mut problems = Vec::new();
    let location = typed.location.trim();
    let (mut town, mut postcode) = (None, None);
    if location.chars().any(|c| c.is_ascii_digit()) {
        match validate_postcode(location, Some(country), false) {
            Ok(value) => postcode = Some(value).filter(|value| !value.is_empty()),
            Err(errors) => problems.extend(errors),
        }
    } else {
        match validate_town(location, false) {
            Ok(value) => town = Some(value).filter(|value| !value.is_empty()),
            Err(errors) => problems.extend(errors),
        }
    }
    // The box asks for a region only where Coface needs one; one typed for another country
    // is not sent.
    let mut region = None;
    if insurer == Insurer::Coface && region_required(country) {
        match validate_region(typed.region, Some(country), false) {
            Ok(value) => region = Some(value).filter(|value| !value.is_empty()),
            Err(errors) => problems.extend(errors),
        }
    }
    let name = if problems.is_empty() {
        BuyerQuery::by_name(
            typed.text,
            country.alpha2(),
            town.as_deref(),
            postcode.as_deref(),
        )
        .map_err(|errors| problems.extend(errors))
        .ok()
    } else {
        None
    };
    if name.is_none() && identifiers.is_empty() {
        return Prepared::Invalid(problems);
    }
    let criteria = Criteria {
        country,
        identifiers,
        name,
        region,
    };
    let requests = plan(insurer, &criteria);
    if requests.is_empty() {
        Prepared::Invalid(problems)
    } else {
        Prepared::Search { criteria, requests }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed<'a>(text: &'a str, country: &'a str, location: &'a str, region: &'a str) -> Typed<'a> {
        Typed {
            text,
            country,
            location,
            region,
        }
    }

    fn paths(prepared: &Prepared) -> Vec<String> {
        match prepared {
            Prepared::Search { requests, .. } => requests
                .iter()
                .map(|(_, request)| request.path_and_query())
                .collect(),
            other => panic!("a search expected, got {other:?}"),
        }
    }

    #[test]
    fn an_identifier_is_searched_before_the_name() {
        let prepared = prepare(Insurer::Coface, &typed("552 032 534", "FR", "", ""));
        let Prepared::Search { criteria, requests } = &prepared else {
            panic!("{prepared:?}")
        };
        assert_eq!(criteria.identifiers[0].kind, "fr.siren");
        assert_eq!(
            requests.first().map(|(stage, _)| *stage),
            Some(Stage::Identifier)
        );
        assert_eq!(requests.last().map(|(stage, _)| *stage), Some(Stage::Name));
        let names = paths(&prepared)
            .iter()
            .filter(|path| path.starts_with("/companies/name?"))
            .count();
        assert_eq!(names, 1);
    }

    #[test]
    fn a_name_with_a_town_or_a_postal_code() {
        assert_eq!(
            paths(&prepare(
                Insurer::Coface,
                &typed("Dupont", "FR", " Paris ", "")
            )),
            ["/companies/name?countryCode=FRA&companyName=Dupont&town=Paris"]
        );
        assert_eq!(
            paths(&prepare(
                Insurer::Coface,
                &typed("Dupont", "FR", "75002", "")
            )),
            ["/companies/name?countryCode=FRA&companyName=Dupont&postalCode=75002"]
        );
        let Prepared::Invalid(errors) =
            prepare(Insurer::Coface, &typed("Dupont", "FR", "75<02", ""))
        else {
            panic!("a bad postal code is refused")
        };
        assert_eq!(errors[0].field, "postcode");
    }

    #[test]
    fn coface_needs_a_region_in_the_us_only() {
        let Prepared::Invalid(errors) = prepare(Insurer::Coface, &typed("Acme", "US", "", ""))
        else {
            panic!("the region is required")
        };
        assert_eq!(errors[0].code, "region.required");
        assert_eq!(
            paths(&prepare(Insurer::Coface, &typed("Acme", "US", "", "ny"))),
            ["/companies/name?countryCode=USA&companyName=Acme&region=NY"]
        );
        assert_eq!(
            paths(&prepare(
                Insurer::Coface,
                &typed("Acme", "FR", "", "Somewhere")
            )),
            ["/companies/name?countryCode=FRA&companyName=Acme"]
        );
        assert_eq!(
            paths(&prepare(
                Insurer::AllianzTrade,
                &typed("Acme", "US", "", "")
            ))
            .len(),
            1,
            "Allianz Trade needs no region"
        );
    }

    #[test]
    fn atradius_searches_identifiers_only() {
        assert_eq!(
            prepare(Insurer::Atradius, &typed("Dupont", "FR", "", "")),
            Prepared::IdentifierOnly
        );
        let Prepared::Invalid(errors) = prepare(Insurer::Atradius, &typed(" ", "FR", "", ""))
        else {
            panic!("blank text")
        };
        assert_eq!(errors[0].code, "identifier.required");
        let first = paths(&prepare(
            Insurer::Atradius,
            &typed("552032534", "FR", "", ""),
        ))
        .into_iter()
        .next()
        .unwrap();
        assert!(
            first.ends_with("?country=FRA&uid=552032534&uidType=SN"),
            "{first}"
        );
    }

    #[test]
    fn nothing_is_searched_for_a_short_name_or_a_bad_country() {
        let Prepared::Invalid(errors) = prepare(Insurer::Coface, &typed("d", "FR", "", "")) else {
            panic!("too short")
        };
        assert_eq!(errors[0].code, "name.too_short");
        let Prepared::Invalid(errors) = prepare(Insurer::Coface, &typed("Dupont", "XX", "", ""))
        else {
            panic!("unknown country")
        };
        assert_eq!(errors[0].code, "country.unknown");
    }
}
