//! Companies created through `POST /company-referential/v1/companies`: unknown buyers that
//! the data set does not hold, kept in the simulation's state with their new company id.
//!
//! A created company is found again by its identifiers and company id (the name index covers
//! the generated data set only), and cover can be requested on it. It is underwritten by the
//! shared policy as the data set's next record would be: its underwriting record's index
//! continues the data set's, so which created companies are high-risk is deterministic.

use crate::country::Country;
use crate::dataset::{Address, Company, EstablishmentType};

use super::company_ids;

/// One identifier as it was given: `idTypeCode` and `idValue`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GivenIdentifier {
    /// `idTypeCode`, upper case.
    pub(crate) code: String,
    /// `idValue`, trimmed.
    pub(crate) value: String,
}

/// What the creation request described.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NewCompany {
    /// `legalData.companyName`.
    pub(crate) name: String,
    /// `address.streetName`.
    pub(crate) street: Option<String>,
    /// `address.town`.
    pub(crate) town: Option<String>,
    /// `address.regionName`.
    pub(crate) region: Option<String>,
    /// `address.postCodes[0].postCodeValue` (or `address.postalCode`).
    pub(crate) postcode: Option<String>,
    /// `address.countryCode`.
    pub(crate) country: Country,
    /// `companyIdentifiers`.
    pub(crate) identifiers: Vec<GivenIdentifier>,
    /// The `PHONE_NUMBER` communication channel.
    pub(crate) phone: Option<String>,
}

/// A company created through the API.
#[derive(Clone, Debug)]
pub(crate) struct CreatedCompany {
    /// Its new company id.
    pub(crate) company_id: String,
    /// What was given.
    pub(crate) details: NewCompany,
    /// The record the underwriting policy judges it by.
    pub(crate) underwriting_record: Company,
}

/// Every company created so far, in creation order.
#[derive(Debug, Default)]
pub(crate) struct CreatedCompanies {
    all: Vec<CreatedCompany>,
}

impl CreatedCompanies {
    /// Records `details` as a new company; `dataset_len` is the size of the data set, whose
    /// indexes the underwriting record continues.
    pub(crate) fn create(&mut self, details: NewCompany, dataset_len: usize) -> &CreatedCompany {
        let n = self.all.len();
        let underwriting_record = Company {
            index: dataset_len + n,
            name: details.name.clone(),
            establishment_type: EstablishmentType::HeadOffice,
            head_office: None,
            establishment_count: 0,
            easy_number: None,
            address: Address {
                street_address: details.street.clone().unwrap_or_default(),
                postal_code: details.postcode.clone().unwrap_or_default(),
                town: "",
                region: None,
                country: details.country,
            },
            identifiers: Vec::new(),
            known_to_coface: false,
            search_key: String::new(),
            name_len: 0,
        };
        self.all.push(CreatedCompany {
            company_id: company_ids::of_created(n),
            details,
            underwriting_record,
        });
        &self.all[n]
    }

    /// The `n`-th created company.
    pub(crate) fn get(&self, n: usize) -> Option<&CreatedCompany> {
        self.all.get(n)
    }

    /// Every created company.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &CreatedCompany> {
        self.all.iter()
    }
}
