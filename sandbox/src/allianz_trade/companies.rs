//! `POST /company-referential/v1/companies`: create a company the search did not find.
//!
//! Body (the company as search answers it): `legalData.companyName` and `address.countryCode`
//! (alpha-2, one of the sandbox's countries) required; `address.{streetName, town,
//! regionName, postCodes[{postCodeValue}] or postalCode}`, `companyIdentifiers[{idTypeCode,
//! idValue}]` and `communicationChannels[{typeCode: "PHONE_NUMBER", value}]` optional.
//!
//! Answer 201 `{"companyId", "status": "CREATED"}`. A company that one of the given
//! identifiers already names (in the data set or created before) is not created twice: 200
//! `{"companyId", "status": "EXISTING"}` with its id.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde_json::{json, Value};

use super::body::{array_at, object, object_at, required_text, text_at, Object};
use super::company_ids;
use super::created::{GivenIdentifier, NewCompany};
use super::error::AllianzError;
use super::identifier_match::{answers_to, same_free, same_value};
use super::{AllianzTradeState, Simulation};
use crate::country::Country;

/// Path of the company creation.
pub(crate) const COMPANIES_PATH: &str = "/company-referential/v1/companies";

/// The creation handler.
pub(crate) async fn create(
    State(state): State<Arc<AllianzTradeState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), AllianzError> {
    state.begin(&headers)?;
    let details = new_company(&object(&body)?)?;
    let mut simulation = state.simulation();
    if let Some(company_id) = existing(&state, &simulation, &details) {
        return Ok((
            StatusCode::OK,
            Json(json!({"companyId": company_id, "status": "EXISTING"})),
        ));
    }
    let created = simulation.created.create(details, state.dataset.len());
    Ok((
        StatusCode::CREATED,
        Json(json!({"companyId": created.company_id, "status": "CREATED"})),
    ))
}

fn new_company(fields: &Object) -> Result<NewCompany, AllianzError> {
    let legal = object_at(fields, "legalData", "legalData")?
        .ok_or_else(|| AllianzError::bad_request("legalData.companyName is required"))?;
    let name = required_text(legal, "companyName", "legalData.companyName")?;
    let address = object_at(fields, "address", "address")?
        .ok_or_else(|| AllianzError::bad_request("address.countryCode is required"))?;
    let code = required_text(address, "countryCode", "address.countryCode")?;
    let country = Country::from_alpha2(&code)
        .or_else(|| Country::from_alpha3(&code))
        .ok_or_else(|| {
            let known: Vec<&str> = Country::ALL.iter().map(|c| c.alpha2()).collect();
            AllianzError::unprocessable(
                "COUNTRY_NOT_SUPPORTED",
                format!(
                    "address.countryCode {code:?} is not one of the sandbox's countries ({})",
                    known.join(", ")
                ),
            )
        })?;
    let mut postcode = text_at(address, "postalCode", "address.postalCode")?;
    for (i, item) in array_at(address, "postCodes", "address.postCodes")?
        .iter()
        .enumerate()
    {
        let Value::Object(item) = item else {
            return Err(AllianzError::bad_request(format!(
                "address.postCodes[{i}] must be a JSON object"
            )));
        };
        let value = text_at(item, "postCodeValue", "address.postCodes[].postCodeValue")?;
        postcode = postcode.or(value);
    }
    let mut identifiers = Vec::new();
    for (i, item) in array_at(fields, "companyIdentifiers", "companyIdentifiers")?
        .iter()
        .enumerate()
    {
        let path = format!("companyIdentifiers[{i}]");
        let Value::Object(item) = item else {
            return Err(AllianzError::bad_request(format!(
                "{path} must be a JSON object"
            )));
        };
        identifiers.push(GivenIdentifier {
            code: required_text(item, "idTypeCode", &format!("{path}.idTypeCode"))?
                .to_ascii_uppercase(),
            value: required_text(item, "idValue", &format!("{path}.idValue"))?,
        });
    }
    let mut phone = None;
    for item in array_at(fields, "communicationChannels", "communicationChannels")? {
        if let Value::Object(item) = item {
            let is_phone = text_at(item, "typeCode", "communicationChannels[].typeCode")?
                .is_some_and(|code| code.eq_ignore_ascii_case("PHONE_NUMBER"));
            if is_phone && phone.is_none() {
                phone = text_at(item, "value", "communicationChannels[].value")?;
            }
        }
    }
    Ok(NewCompany {
        name,
        street: text_at(address, "streetName", "address.streetName")?,
        town: text_at(address, "town", "address.town")?,
        region: text_at(address, "regionName", "address.regionName")?,
        postcode,
        country,
        identifiers,
        phone,
    })
}

/// The id of a company of the same country that one of `details`' identifiers names.
fn existing(
    state: &AllianzTradeState,
    simulation: &Simulation,
    details: &NewCompany,
) -> Option<String> {
    for given in &details.identifiers {
        let in_dataset = state
            .dataset
            .in_country(details.country)
            .iter()
            .find(|company| {
                company.legal_identifiers().iter().any(|identifier| {
                    answers_to(identifier.kind(), &given.code)
                        && same_value(identifier.kind(), identifier.value(), &given.value)
                })
            });
        if let Some(company) = in_dataset {
            return Some(company_ids::of_index(company.index()));
        }
        let created = simulation.created.iter().find(|company| {
            company.details.country == details.country
                && company.details.identifiers.iter().any(|known| {
                    same_free(
                        &known.code,
                        &known.value,
                        &given.code,
                        &given.value,
                        details.country,
                    )
                })
        });
        if let Some(company) = created {
            return Some(company.company_id.clone());
        }
    }
    None
}
