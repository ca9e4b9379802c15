//! The rules behind every input of the widgets: each returns the normalised value or every
//! error, as [`ValidationError`]s whose `field` is the [`Field`]'s camelCase name.

pub mod amount;
pub mod callback_url;
pub mod comment;
pub mod company_name;
mod context;
pub mod customer_reference;
pub mod document;
pub mod postcode;
pub mod region;
mod text;
pub mod time_to_live;
pub mod town;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::validation_error::ValidationError;

pub use amount::{validate_amount, ATRADIUS_MULTIPLE};
pub use callback_url::{validate_callback_url, CALLBACK_URL_MAX_CHARS};
pub use comment::{validate_comment, COMMENT_MAX_CHARS};
pub use company_name::validate_company_name;
pub use context::FieldContext;
pub use customer_reference::{validate_customer_reference, ALLIANZ_MAX_CHARS, DEFAULT_MAX_CHARS};
pub use document::{
    document_media_type, validate_document, DocumentUpload, MAX_DOCUMENTS, MAX_DOCUMENT_BYTES,
    MAX_FILE_NAME_CHARS, PERMITTED_MEDIA_TYPES,
};
pub use postcode::{validate_postcode, POSTCODE_MIN_CHARS};
pub use region::{region_required, validate_region, REGION_MAX_CHARS};
pub use time_to_live::{validate_time_to_live, TIME_TO_LIVE_MAX_HOURS, TIME_TO_LIVE_MIN_HOURS};
pub use town::validate_town;

/// Every code that originates in the field rules and [`validate_document`]. [`validate_field`]
/// can also return, for [`Field::Amount`], the codes of [`crate::money::parse_money`]
/// ([`crate::money::CODES`]) and `currency.required` ([`crate::currency::CODES`]); they are
/// listed there, not here, so that the lists never overlap.
pub const CODES: &[&str] = &[
    // company name
    "name.required",
    "name.invalid_characters",
    "name.no_letters",
    "name.too_short",
    "name.too_long",
    // town
    "town.required",
    "town.invalid_characters",
    "town.too_long",
    // postcode
    "postcode.required",
    "postcode.invalid_characters",
    "postcode.too_long",
    "postcode.format",
    // region
    "region.required",
    "region.invalid_characters",
    "region.unknown",
    "region.too_long",
    // amount (besides parse_money's)
    "amount.not_positive",
    "amount.not_multiple",
    // customer reference
    "customer_reference.invalid_characters",
    "customer_reference.too_long",
    // comment
    "comment.invalid_characters",
    "comment.too_long",
    // callback URL
    "callback_url.required",
    "callback_url.too_long",
    "callback_url.not_https",
    "callback_url.format",
    // time to live
    "time_to_live.required",
    "time_to_live.format",
    "time_to_live.range",
    // documents
    "document.name_required",
    "document.name_too_long",
    "document.media_type",
    "document.extension_mismatch",
    "document.empty",
    "document.too_large",
    "document.too_many",
    "document.duplicate",
];

/// An input the widgets validate with [`validate_field`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    /// A company's name ([`validate_company_name`]).
    CompanyName,
    /// A town ([`validate_town`]).
    Town,
    /// A postal code ([`validate_postcode`]).
    Postcode,
    /// A state, province or territory ([`validate_region`]).
    Region,
    /// An amount of money ([`validate_amount`]).
    Amount,
    /// The insured's own reference ([`validate_customer_reference`]).
    CustomerReference,
    /// A free comment ([`validate_comment`]).
    Comment,
    /// A webhook callback URL ([`validate_callback_url`]).
    CallbackUrl,
    /// A webhook time to live, in hours ([`validate_time_to_live`]).
    TimeToLiveHours,
}

impl Field {
    /// Every field, in a stable order.
    pub const ALL: [Field; 9] = [
        Field::CompanyName,
        Field::Town,
        Field::Postcode,
        Field::Region,
        Field::Amount,
        Field::CustomerReference,
        Field::Comment,
        Field::CallbackUrl,
        Field::TimeToLiveHours,
    ];

    /// The camelCase name used in JSON, attributes and [`ValidationError::field`]:
    /// `companyName`, `town`, `postcode`, `region`, `amount`, `customerReference`, `comment`,
    /// `callbackUrl`, `timeToLiveHours`.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::CompanyName => "companyName",
            Field::Town => "town",
            Field::Postcode => "postcode",
            Field::Region => "region",
            Field::Amount => "amount",
            Field::CustomerReference => "customerReference",
            Field::Comment => "comment",
            Field::CallbackUrl => "callbackUrl",
            Field::TimeToLiveHours => "timeToLiveHours",
        }
    }

    /// Reads a field name: camelCase (`companyName`), also in any case and with `-` or `_`
    /// between words (`company-name`, `COMPANY_NAME`), blanks around ignored; `None` for
    /// anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let wanted: String = text
            .trim()
            .chars()
            .filter(|c| !matches!(c, '-' | '_'))
            .collect();
        Self::ALL
            .into_iter()
            .find(|field| field.as_str().eq_ignore_ascii_case(&wanted))
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Validates `value` as `field` in `context` and returns it normalised, or every error. Each
/// rule's function documents what it accepts, what it returns and its codes.
///
/// Company name and amount are required. Town, postcode, callback URL and time to live are
/// optional here (a blank value gives `""`); a region is required where
/// [`region_required`]`(context.country)` says so. A widget that makes an optional field
/// required calls the rule's own function with `required: true` (`town.required`,
/// `postcode.required`, `region.required`, `callback_url.required`, `time_to_live.required`).
pub fn validate_field(
    field: Field,
    value: &str,
    context: &FieldContext,
) -> Result<String, Vec<ValidationError>> {
    match field {
        Field::CompanyName => validate_company_name(value),
        Field::Town => validate_town(value, false),
        Field::Postcode => validate_postcode(value, context.country, false),
        Field::Region => validate_region(value, context.country, false),
        Field::Amount => validate_amount(value, context),
        Field::CustomerReference => validate_customer_reference(value, context.insurer),
        Field::Comment => validate_comment(value),
        Field::CallbackUrl => validate_callback_url(value, false),
        Field::TimeToLiveHours => validate_time_to_live(value, false),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn codes_aggregate_every_rule() {
        let mut expected = BTreeSet::new();
        for codes in [
            company_name::CODES,
            town::CODES,
            postcode::CODES,
            region::CODES,
            amount::CODES,
            customer_reference::CODES,
            comment::CODES,
            callback_url::CODES,
            time_to_live::CODES,
            document::CODES,
        ] {
            expected.extend(codes);
        }
        let listed: BTreeSet<&str> = CODES.iter().copied().collect();
        assert_eq!(listed.len(), CODES.len(), "codes must be unique");
        assert_eq!(listed, expected);
        for code in crate::money::CODES.iter().chain(crate::currency::CODES) {
            assert!(
                !listed.contains(code),
                "{code} is listed by money or currency"
            );
        }
    }

    #[test]
    fn field_names_round_trip() {
        for field in Field::ALL {
            assert_eq!(Field::parse(field.as_str()).unwrap(), field);
            let json = serde_json::to_string(&field).unwrap();
            assert_eq!(json, format!("\"{}\"", field.as_str()));
        }
        assert_eq!(Field::parse("company-name").unwrap(), Field::CompanyName);
        assert_eq!(
            Field::parse("TIME_TO_LIVE_HOURS").unwrap(),
            Field::TimeToLiveHours
        );
        assert_eq!(Field::parse(" town "), Some(Field::Town));
        assert_eq!(Field::parse(""), None);
        assert_eq!(Field::parse("iban"), None);
    }

    #[test]
    fn dispatches_with_the_context() {
        let netherlands = FieldContext {
            country: crate::Country::from_alpha2("NL"),
            ..FieldContext::default()
        };
        assert_eq!(
            validate_field(Field::Postcode, "1234ab", &netherlands).unwrap(),
            "1234 AB"
        );
        assert_eq!(validate_field(Field::Town, "", &netherlands).unwrap(), "");
        let united_states = FieldContext {
            country: crate::Country::from_alpha2("US"),
            ..FieldContext::default()
        };
        assert_eq!(
            validate_field(Field::Region, "", &united_states).unwrap_err()[0].code,
            "region.required"
        );
        assert_eq!(validate_field(Field::Region, "", &netherlands).unwrap(), "");
        assert_eq!(
            validate_field(Field::CompanyName, "", &netherlands).unwrap_err()[0].code,
            "name.required"
        );
    }
}
