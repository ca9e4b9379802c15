//! Create unknown company: `POST /company-referential/v1/companies`, for a buyer company search
//! did not find, so that cover can then be requested on its new company id.
//!
//! The body is **chosen** (the endpoint was seen in one client, its body is not public): the
//! company resource as company search returns it — `legalData.companyName`, `address
//! {streetName, town, regionName, postCodes[{postCodeValue}], countryCode (alpha-2)}`,
//! `companyIdentifiers[{idTypeCode, idValue}]`, `communicationChannels[{typeCode:
//! "PHONE_NUMBER", value}]`. The answer is the new `companyId`, or a `jobId` when the creation
//! is asynchronous.

use serde::{Deserialize, Serialize};

use super::company_search::company_id;
use super::cover_request::job_id_of;
use super::identifier_types;
use super::request_error::RequestError;
use super::response::{malformed, parse_value};
use super::wire::{
    loose_text, non_blank, ChannelBody, CompanyCreatedBody, NewAddressBody, NewCompanyBody,
    NewLegalDataBody, NewPostCodeBody, CONTENT_TYPE_HEADER, JSON, PHONE_NUMBER,
};
use crate::buyer::{Address, Identifier};
use crate::cover_application::ApplicationBuyer;
use crate::http_request::{HttpRequest, Method};
use crate::insurer_error::InsurerError;

/// Path of the company creation, relative to the Allianz Trade base.
pub const COMPANIES_PATH: &str = "/company-referential/v1/companies";

/// A company to create: every identification detail the user has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewCompany {
    /// Registered name.
    pub name: String,
    /// Address.
    pub address: Address,
    /// Legal identifiers, validated.
    #[serde(default)]
    pub identifiers: Vec<Identifier>,
    /// Phone number, as typed.
    #[serde(default)]
    pub phone: Option<String>,
}

impl NewCompany {
    /// The company of an application's unknown buyer; `None` for a buyer Allianz Trade knows.
    pub fn from_buyer(buyer: &ApplicationBuyer) -> Option<Self> {
        match buyer {
            ApplicationBuyer::Unknown {
                name,
                address,
                identifiers,
                phone,
            } => Some(Self {
                name: name.clone(),
                address: address.clone(),
                identifiers: identifiers.clone(),
                phone: phone.clone(),
            }),
            ApplicationBuyer::Known { .. } => None,
        }
    }
}

/// The creation request; [`RequestError::UnsupportedIdentifier`] for an identifier Allianz
/// Trade has no type for. Blank parts of the address are left out.
pub fn create_company_request(company: &NewCompany) -> Result<HttpRequest, RequestError> {
    let address = &company.address;
    let body = NewCompanyBody {
        legal_data: NewLegalDataBody {
            company_name: company.name.trim(),
        },
        address: NewAddressBody {
            street_name: non_blank(address.street.as_deref()),
            town: non_blank(address.town.as_deref()),
            region_name: non_blank(address.region.as_deref()),
            post_codes: non_blank(address.postcode.as_deref())
                .map(|value| {
                    vec![NewPostCodeBody {
                        post_code_value: value,
                    }]
                })
                .unwrap_or_default(),
            country_code: address.country.alpha2(),
        },
        company_identifiers: company
            .identifiers
            .iter()
            .map(identifier_types::to_wire)
            .collect::<Result<Vec<_>, _>>()?,
        communication_channels: non_blank(company.phone.as_deref())
            .map(|value| {
                vec![ChannelBody {
                    type_code: PHONE_NUMBER,
                    value,
                }]
            })
            .unwrap_or_default(),
    };
    Ok(HttpRequest::new(Method::Post, COMPANIES_PATH)
        .with_header(CONTENT_TYPE_HEADER, JSON)
        .with_json(serde_json::to_value(body).unwrap_or_default()))
}

/// What the creation answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "type")]
#[non_exhaustive]
pub enum CompanyCreation {
    /// The company exists: cover may be requested on it.
    Created {
        /// Its Allianz Trade company id.
        company_id: String,
    },
    /// The creation is being processed: follow the job.
    Accepted {
        /// The job id.
        job_id: String,
    },
}

/// Parses the creation answer: `{"companyId"}` (created), or a job id, bare or as `{"jobId"}`
/// (accepted). Neither gives [`InsurerError::Malformed`].
pub fn parse_create_company(status: u16, body: &[u8]) -> Result<CompanyCreation, InsurerError> {
    let value = parse_value(status, body)?;
    if value.is_object() {
        let created: CompanyCreatedBody =
            serde_json::from_value(value.clone()).map_err(|error| malformed(error.to_string()))?;
        if let Some(id) = loose_text(&created.company_id) {
            return Ok(CompanyCreation::Created {
                company_id: company_id(id),
            });
        }
        if let Some(id) = loose_text(&created.job_id) {
            return Ok(CompanyCreation::Accepted {
                job_id: id.to_owned(),
            });
        }
    }
    job_id_of(&value)
        .filter(|_| !value.is_object())
        .map(|job_id| CompanyCreation::Accepted { job_id })
        .ok_or_else(|| malformed("the creation answer has no companyId or jobId"))
}
