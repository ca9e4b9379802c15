//! A company as Allianz Trade's search answers it: `companyId`, `legalData.companyName`,
//! `address {streetName, town, regionName, postCodes[{postCodeValue}], countryCode}` (ISO
//! alpha-2), `companyIdentifiers[{idTypeCode, idValue}]`, `isHeadOffice` and, for an
//! establishment, `headOfficeCompanyId`.
//!
//! The data set writes street and number together the local way (`12 rue de la Paix`,
//! `Hauptstraße 12`); the sandbox sends that as `streetName` rather than guessing a split.

use serde_json::{json, Map, Value};

use crate::dataset::Company;

use super::company_ids;
use super::created::CreatedCompany;
use super::identifier_match::{wire_code, COMPANY_ID_TYPE};

/// The JSON of a data-set company; `with_company_id_identifier` adds the `EH` identifier
/// (asked for by matching's `companyIdentifierTypeCode: "EH"`).
pub(crate) fn dataset_company(company: &Company, with_company_id_identifier: bool) -> Value {
    let address = company.address();
    let id = company_ids::of_index(company.index());
    let mut identifiers: Vec<Value> = company
        .legal_identifiers()
        .iter()
        .map(|identifier| identifier_json(wire_code(identifier.kind()), identifier.value()))
        .collect();
    if with_company_id_identifier {
        identifiers.push(identifier_json(COMPANY_ID_TYPE, &id));
    }
    let mut address_json = Map::new();
    address_json.insert("streetName".into(), json!(address.street_address()));
    address_json.insert("town".into(), json!(address.town()));
    if let Some(region) = address.region() {
        address_json.insert("regionName".into(), json!(region));
    }
    address_json.insert(
        "postCodes".into(),
        json!([{ "postCodeValue": address.postal_code() }]),
    );
    address_json.insert("countryCode".into(), json!(address.country().alpha2()));
    let mut fields = Map::new();
    fields.insert("companyId".into(), json!(id));
    fields.insert("legalData".into(), json!({ "companyName": company.name() }));
    fields.insert("address".into(), Value::Object(address_json));
    fields.insert("companyIdentifiers".into(), Value::Array(identifiers));
    fields.insert("isHeadOffice".into(), json!(company.is_head_office()));
    if let Some(head_office) = company.head_office_index() {
        fields.insert(
            "headOfficeCompanyId".into(),
            json!(company_ids::of_index(head_office)),
        );
    }
    Value::Object(fields)
}

/// The JSON of a company created through the API.
pub(crate) fn created_company(company: &CreatedCompany, with_company_id_identifier: bool) -> Value {
    let details = &company.details;
    let mut identifiers: Vec<Value> = details
        .identifiers
        .iter()
        .map(|identifier| identifier_json(&identifier.code, &identifier.value))
        .collect();
    if with_company_id_identifier {
        identifiers.push(identifier_json(COMPANY_ID_TYPE, &company.company_id));
    }
    let mut address = Map::new();
    for (key, value) in [
        ("streetName", &details.street),
        ("town", &details.town),
        ("regionName", &details.region),
    ] {
        if let Some(value) = value {
            address.insert(key.into(), json!(value));
        }
    }
    let post_codes: Vec<Value> = details
        .postcode
        .iter()
        .map(|code| json!({ "postCodeValue": code }))
        .collect();
    address.insert("postCodes".into(), Value::Array(post_codes));
    address.insert("countryCode".into(), json!(details.country.alpha2()));
    let channels: Vec<Value> = details
        .phone
        .iter()
        .map(|phone| json!({"typeCode": "PHONE_NUMBER", "value": phone}))
        .collect();
    json!({
        "companyId": company.company_id,
        "legalData": { "companyName": details.name },
        "address": Value::Object(address),
        "companyIdentifiers": identifiers,
        "communicationChannels": channels,
        "isHeadOffice": true,
    })
}

fn identifier_json(code: &str, value: &str) -> Value {
    json!({ "idTypeCode": code, "idValue": value })
}
