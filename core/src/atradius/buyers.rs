//! Atradius buyers (organisation management): search by national identifier, one buyer, and the
//! policy's buyers ("my buyers"), as neutral [`Buyer`]s.
//!
//! Atradius assesses legal entities: every buyer is a head office. The buyer's name field is
//! not confirmed for these endpoints (`buyerName`, as on covers, is read first; an absent name
//! is an empty string); the members of `registeredAddress` are not public (see `wire`). A
//! buyer's country is its address's country, else the country searched; a buyer with neither is
//! [`InsurerError::Malformed`].

use serde::{Deserialize, Serialize};

use super::date::DateFilter;
use super::policy::{buyer_id, AtradiusPolicy};
use super::request_error::AtradiusRequestError;
use super::response::{describe, error_from, malformed, parse_data};
use super::uid_type::{to_identifier, uid_type_for, uid_value};
use super::wire::{
    scalar_text, text, AddressBody, BuyerBody, ErrorBody, UniqueIdentifierBody, ACCEPT_HEADER,
    BUYERS_PATH, BUYER_PATH_PREFIX, COUNTRY, HEALTH_CHANGE, JSON, MY_BUYERS_PATH, NO_BUYER_MATCH,
    RATING_UPDATED_AFTER, RATING_UPDATED_BEFORE, UID, UID_TYPE,
};
use crate::buyer::{Address, Buyer, Establishment, Identifier};
use crate::country::Country;
use crate::http_request::{HttpRequest, Method};
use crate::http_response::HttpResponse;
use crate::identifier::{validate_identifier, IdentifierKind};
use crate::insurer::Insurer;
use crate::insurer_error::InsurerError;

/// Kind of the Atradius buyer id among a buyer's identifiers.
pub const BUYER_ID_KIND: &str = "atradius.buyer_id";

/// The search for a buyer by national identifier: `GET …/buyers?country=<alpha-3>&uid=&uidType=`
/// (see `uid_type` for which kinds Atradius can search and under which `uidType`). The
/// identifier is validated again and sent in canonical form (a SIRET by its SIREN).
pub fn buyer_search_request(
    country: Country,
    identifier: &Identifier,
) -> Result<HttpRequest, AtradiusRequestError> {
    let unsupported = || AtradiusRequestError::IdentifierUnsupported {
        kind: identifier.kind.clone(),
    };
    let kind = IdentifierKind::parse(&identifier.kind).ok_or_else(unsupported)?;
    let uid_type = uid_type_for(kind).ok_or_else(unsupported)?;
    let canonical = validate_identifier(kind, &identifier.value).map_err(|error| {
        AtradiusRequestError::IdentifierInvalid {
            kind: kind.as_str().to_owned(),
            reason: error.code,
        }
    })?;
    Ok(HttpRequest::new(Method::Get, BUYERS_PATH)
        .with_query(COUNTRY, country.alpha3())
        .with_query(UID, uid_value(kind, &canonical.value))
        .with_query(UID_TYPE, uid_type.as_str())
        .with_header(ACCEPT_HEADER, JSON))
}

/// One buyer: `GET …/buyers/{buyerId}`.
pub fn buyer_detail_request(buyer: &str) -> Result<HttpRequest, AtradiusRequestError> {
    let id = buyer_id(buyer)?;
    Ok(
        HttpRequest::new(Method::Get, format!("{BUYER_PATH_PREFIX}{id}"))
            .with_header(ACCEPT_HEADER, JSON),
    )
}

/// Which way a buyer's rating moved (`healthChange`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum HealthChange {
    /// `up`: the rating improved.
    Up,
    /// `down`: the rating worsened.
    Down,
}

impl HealthChange {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Up => "up",
            Self::Down => "down",
        }
    }
}

/// Filters of the policy's buyers; all optional.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MyBuyersFilter {
    /// Only buyers whose rating moved this way.
    pub health_change: Option<HealthChange>,
    /// Only buyers whose rating changed after this date (sent as `YYYY-MM-DD`).
    pub rating_updated_after: Option<DateFilter>,
    /// Only buyers whose rating changed before this date (sent as `YYYY-MM-DD`).
    pub rating_updated_before: Option<DateFilter>,
}

/// The policy's buyers: `GET …/buyers/my-buyers?customerId=&policyId=` and the filters given.
pub fn my_buyers_request(
    policy: &AtradiusPolicy,
    filter: &MyBuyersFilter,
) -> Result<HttpRequest, AtradiusRequestError> {
    Ok(policy
        .get(MY_BUYERS_PATH)?
        .with_optional_query(
            HEALTH_CHANGE,
            filter.health_change.map(HealthChange::as_str),
        )
        .with_optional_query(
            RATING_UPDATED_AFTER,
            filter.rating_updated_after.as_ref().map(DateFilter::date),
        )
        .with_optional_query(
            RATING_UPDATED_BEFORE,
            filter.rating_updated_before.as_ref().map(DateFilter::date),
        ))
}

/// Reads the answer of a buyer search or of my-buyers. `searched` is the country searched, the
/// buyers' country when their address has none. A 404 whose error is "No buyer match found" is
/// an empty list, not an error.
pub fn parse_buyer_list(
    response: &HttpResponse,
    searched: Option<Country>,
) -> Result<Vec<Buyer>, InsurerError> {
    if response.status == 404 && is_no_match(&response.body) {
        return Ok(Vec::new());
    }
    parse_data::<BuyerBody>(response)?
        .into_iter()
        .map(|body| to_buyer(body, searched))
        .collect()
}

/// Reads the answer of `buyers/{buyerId}` (a list of one).
pub fn parse_buyer_detail(response: &HttpResponse) -> Result<Buyer, InsurerError> {
    if response.status == 404 && is_no_match(&response.body) {
        return Err(error_from(response.status, &response.body));
    }
    parse_buyer_list(response, None)?
        .into_iter()
        .next()
        .ok_or_else(|| malformed("the answer has no buyer"))
}

fn is_no_match(body: &[u8]) -> bool {
    let error: ErrorBody = serde_json::from_slice(body).unwrap_or_default();
    let (_, message) = describe(&error.errors.0);
    message
        .to_ascii_lowercase()
        .contains(&NO_BUYER_MATCH.to_ascii_lowercase())
}

fn to_buyer(body: BuyerBody, searched: Option<Country>) -> Result<Buyer, InsurerError> {
    let id = scalar_text(&body.buyer_id)
        .ok_or_else(|| malformed("a buyer has no buyerId"))?
        .to_owned();
    let address = body.registered_address.unwrap_or_default();
    let country = first(&[&address.country_code, &address.country])
        .and_then(|code| Country::parse(code).ok())
        .or(searched)
        .ok_or_else(|| malformed(format!("buyer {id} has no known country")))?;
    let name = first(&[
        &body.buyer_name,
        &body.name,
        &body.organisation_name,
        &body.legal_name,
    ])
    .unwrap_or_default()
    .to_owned();
    let mut identifiers = vec![Identifier {
        kind: BUYER_ID_KIND.to_owned(),
        value: id.clone(),
    }];
    identifiers.extend(identifiers_of(
        body.unique_identifiers.as_deref(),
        Some(country),
    ));
    Ok(Buyer {
        insurer: Insurer::Atradius,
        insurer_id: id,
        name,
        address: to_address(&address, country),
        identifiers,
        establishment: Establishment::HeadOffice,
        head_office_id: None,
    })
}

fn to_address(address: &AddressBody, country: Country) -> Address {
    let street = match (
        first(&[&address.street, &address.address_line1]),
        text(&address.address_line2),
    ) {
        (Some(line1), Some(line2)) => Some(format!("{line1}, {line2}")),
        (line1, line2) => line1.or(line2).map(str::to_owned),
    };
    Address {
        street,
        postcode: first(&[&address.post_code, &address.postal_code]).map(str::to_owned),
        town: first(&[&address.city, &address.town]).map(str::to_owned),
        region: first(&[&address.region, &address.state]).map(str::to_owned),
        country,
    }
}

/// The buyer's identifiers as neutral ones, without duplicates.
pub(super) fn identifiers_of(
    items: Option<&[UniqueIdentifierBody]>,
    country: Option<Country>,
) -> Vec<Identifier> {
    let mut identifiers: Vec<Identifier> = Vec::new();
    for item in items.unwrap_or_default() {
        let Some(uid) = scalar_text(&item.uid) else {
            continue;
        };
        let uid_type = text(&item.uid_type).unwrap_or_default();
        if let Some(identifier) = to_identifier(uid_type, uid, country) {
            if !identifiers.contains(&identifier) {
                identifiers.push(identifier);
            }
        }
    }
    identifiers
}

/// The first non-blank of optional strings, trimmed.
fn first<'a>(values: &[&'a Option<String>]) -> Option<&'a str> {
    values.iter().find_map(|value| text(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr() -> Country {
        Country::from_alpha2("FR").unwrap()
    }

    #[test]
    fn search_sends_the_canonical_identifier() {
        let siret = Identifier {
            kind: "fr.siret".into(),
            value: "732 829 320 00074".into(),
        };
        let request = buyer_search_request(fr(), &siret).unwrap();
        assert_eq!(
            request.path_and_query(),
            "/credit-insurance/organisation-management/v1/buyers?country=FRA&uid=732829320&uidType=SN"
        );
        let lei = Identifier {
            kind: "lei".into(),
            value: "5493001KJTIIGC8Y1R12".into(),
        };
        assert_eq!(
            buyer_search_request(fr(), &lei).unwrap_err().code(),
            "atradius.identifier_unsupported"
        );
        let unknown = Identifier {
            kind: "xx.tax".into(),
            value: "1".into(),
        };
        assert_eq!(
            buyer_search_request(fr(), &unknown).unwrap_err().code(),
            "atradius.identifier_unsupported"
        );
        let bad = Identifier {
            kind: "fr.siren".into(),
            value: "552032535".into(),
        };
        assert_eq!(
            buyer_search_request(fr(), &bad),
            Err(AtradiusRequestError::IdentifierInvalid {
                kind: "fr.siren".into(),
                reason: "identifier.checksum".into()
            })
        );
    }

    #[test]
    fn detail_and_my_buyers_requests() {
        assert_eq!(
            buyer_detail_request("0011223344").unwrap().path,
            "/credit-insurance/organisation-management/v1/buyers/11223344"
        );
        assert_eq!(
            buyer_detail_request("my-buyers").unwrap_err().code(),
            "atradius.buyer_id_invalid"
        );
        let policy = AtradiusPolicy {
            customer_id: 7,
            policy_id: "P".into(),
        };
        let filter = MyBuyersFilter {
            health_change: Some(HealthChange::Down),
            rating_updated_after: DateFilter::parse("2026-01-31"),
            rating_updated_before: None,
        };
        assert_eq!(
            my_buyers_request(&policy, &filter)
                .unwrap()
                .path_and_query(),
            "/credit-insurance/organisation-management/v1/buyers/my-buyers?customerId=7&policyId=P\
             &healthChange=down&buyerRatingUpdatedAfter=2026-01-31"
        );
    }

    #[test]
    fn buyers_without_country_or_id_are_malformed() {
        let no_country = r#"{"data":[{"buyerId":1}]}"#;
        let response = HttpResponse::new(200, no_country);
        assert_eq!(
            parse_buyer_list(&response, None).unwrap_err().code(),
            "insurer.malformed"
        );
        assert_eq!(
            parse_buyer_list(&response, Some(fr())).unwrap()[0]
                .address
                .country,
            fr()
        );
        let no_id = HttpResponse::new(200, r#"{"data":[{"buyerName":"x"}]}"#);
        assert_eq!(
            parse_buyer_list(&no_id, Some(fr())).unwrap_err().code(),
            "insurer.malformed"
        );
    }
}
