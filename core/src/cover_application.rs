//! A cover application: the raw draft a form holds, and the validated application built from it.

use serde::{Deserialize, Serialize};

use crate::buyer::{Address, Identifier};
use crate::country::Country;
use crate::currency::Currency;
use crate::field::{region_required, validate_field, Field, FieldContext};
use crate::identifier::{parse_kind, validate_identifier};
use crate::insurer::Insurer;
use crate::locale::Locale;
use crate::money::{parse_money, Money};
use crate::validation_error::ValidationError;

/// Every error code this module produces itself (field rules add theirs).
pub const CODES: &[&str] = &[
    "cover_type.required",
    "cover_type.unknown",
    "cover_type.unsupported",
    "policy.required",
    "buyer.location_required",
    "idempotency_key.format",
];

/// What the insurer is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CoverType {
    /// A credit limit: the insurer covers sales to the buyer up to an amount.
    CreditLimit,
    /// An indication: a non-binding view of the limit the insurer would grant (Atradius).
    Indication,
    /// A credit check: cover for small amounts on the buyer without underwriting (Atradius).
    CreditCheck,
}

impl CoverType {
    /// Parses `creditLimit`, `indication` or `creditCheck`.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "creditLimit" => Some(Self::CreditLimit),
            "indication" => Some(Self::Indication),
            "creditCheck" => Some(Self::CreditCheck),
            _ => None,
        }
    }

    /// The name used in drafts and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CreditLimit => "creditLimit",
            Self::Indication => "indication",
            Self::CreditCheck => "creditCheck",
        }
    }

    /// Whether `insurer` offers this cover type through its API.
    pub fn offered_by(self, insurer: Insurer) -> bool {
        match self {
            Self::CreditLimit => true,
            Self::Indication | Self::CreditCheck => insurer == Insurer::Atradius,
        }
    }
}

/// An Allianz Trade policy reference: business unit, policy and extension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyRef {
    /// Business unit code, e.g. `FRA`.
    pub business_unit_code: String,
    /// Policy number.
    pub policy_id: String,
    /// Policy extension, e.g. `DCL`.
    pub extension_id: String,
}

/// The buyer an application is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum ApplicationBuyer {
    /// A buyer the insurer identified (its key: EASY number, company id, buyer id).
    Known {
        /// The insurer's key for the buyer.
        insurer_id: String,
    },
    /// A buyer the insurer could not identify: every identification detail the user has.
    Unknown {
        /// Registered name.
        name: String,
        /// Address.
        address: Address,
        /// Legal identifiers, validated.
        identifiers: Vec<Identifier>,
        /// Phone number, as typed (helps Coface identify US and Canadian companies).
        phone: Option<String>,
    },
}

/// Webhook the insurer calls back on a decision (Allianz Trade).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionCallback {
    /// HTTPS URL.
    pub url: String,
    /// How long the insurer keeps trying, in hours.
    pub time_to_live_hours: u32,
}

/// A validated cover application, ready for an insurer's request builder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CoverApplication {
    /// Insurer applied to.
    pub insurer: Insurer,
    /// The buyer.
    pub buyer: ApplicationBuyer,
    /// What is requested.
    pub cover_type: CoverType,
    /// Amount requested (zero for a credit check, whose amount the policy fixes).
    pub amount: Money,
    /// The seller's own reference for the buyer, if any.
    pub customer_reference: Option<String>,
    /// Whether the seller asks for an urgent decision (Allianz Trade).
    pub urgent: bool,
    /// Policy (Allianz Trade requires it).
    pub policy: Option<PolicyRef>,
    /// Free comment for the underwriter.
    pub comment: Option<String>,
    /// Decision webhook (Allianz Trade), if any.
    pub callback: Option<DecisionCallback>,
    /// Client-generated key: a retried submit creates one application.
    pub idempotency_key: String,
}

/// One identifier as typed: kind name and raw text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct IdentifierDraft {
    /// Kind name, e.g. `fr.siren`.
    pub kind: String,
    /// Raw text.
    pub value: String,
}

/// A cover application as a form holds it: every field as typed. Persisted as a draft and
/// validated as a whole by [`CoverApplicationDraft::validate`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CoverApplicationDraft {
    /// `coface`, `atradius` or `allianz-trade`.
    pub insurer: String,
    /// The insurer's key of the selected buyer; empty for a buyer the insurer does not know.
    pub buyer_id: String,
    /// Unknown buyer: name.
    pub buyer_name: String,
    /// Unknown buyer: street and number.
    pub buyer_street: String,
    /// Unknown buyer: postal code.
    pub buyer_postcode: String,
    /// Unknown buyer: town.
    pub buyer_town: String,
    /// Unknown buyer: region or state (required for the US, Canada, Australia…).
    pub buyer_region: String,
    /// Unknown buyer: country (ISO alpha-2 or alpha-3).
    pub buyer_country: String,
    /// Unknown buyer: phone number.
    pub buyer_phone: String,
    /// Unknown buyer: legal identifiers.
    pub identifiers: Vec<IdentifierDraft>,
    /// `creditLimit`, `indication` or `creditCheck`.
    pub cover_type: String,
    /// Amount as typed, in the locale's format.
    pub amount: String,
    /// ISO 4217 currency code.
    pub currency: String,
    /// The seller's reference for the buyer.
    pub customer_reference: String,
    /// Urgent decision requested (Allianz Trade).
    pub urgent: bool,
    /// Allianz Trade policy: business unit code.
    pub policy_business_unit: String,
    /// Allianz Trade policy: policy id.
    pub policy_id: String,
    /// Allianz Trade policy: extension id.
    pub policy_extension: String,
    /// Comment for the underwriter.
    pub comment: String,
    /// Allianz Trade decision webhook URL.
    pub callback_url: String,
    /// Allianz Trade webhook time to live, in hours.
    pub callback_ttl_hours: String,
    /// Client-generated idempotency key.
    pub idempotency_key: String,
}

/// Collects the errors of many fields, renaming each error's field to the draft's.
struct Errors(Vec<ValidationError>);

impl Errors {
    fn field(
        &mut self,
        field: Field,
        name: &str,
        value: &str,
        context: &FieldContext,
    ) -> Option<String> {
        match validate_field(field, value, context) {
            Ok(value) => Some(value),
            Err(errors) => {
                self.0.extend(errors.into_iter().map(|mut error| {
                    error.field = name.to_owned();
                    error
                }));
                None
            }
        }
    }

    fn push(&mut self, error: ValidationError) {
        self.0.push(error);
    }
}

fn optional(text: String) -> Option<String> {
    Some(text).filter(|text| !text.is_empty())
}

impl CoverApplicationDraft {
    /// Validates every field (all errors, not only the first) and builds the application.
    pub fn validate(&self, locale: &Locale) -> Result<CoverApplication, Vec<ValidationError>> {
        let mut errors = Errors(Vec::new());
        let insurer = Insurer::parse(&self.insurer)
            .map_err(|error| errors.push(error))
            .ok();
        let currency = Currency::parse(&self.currency)
            .map_err(|mut error| {
                error.field = "currency".to_owned();
                errors.push(error)
            })
            .ok();
        let context = FieldContext {
            country: Country::parse(&self.buyer_country).ok(),
            currency,
            locale: *locale,
            insurer,
            max_amount_minor: None,
        };

        let buyer = self.validate_buyer(&mut errors, &context);
        let cover_type = match CoverType::parse(&self.cover_type) {
            None if self.cover_type.trim().is_empty() => {
                errors.push(ValidationError::new("cover_type.required", "coverType"));
                None
            }
            None => {
                errors.push(
                    ValidationError::new("cover_type.unknown", "coverType")
                        .with_param("value", self.cover_type.trim()),
                );
                None
            }
            Some(cover_type) => match insurer {
                Some(insurer) if !cover_type.offered_by(insurer) => {
                    errors.push(
                        ValidationError::new("cover_type.unsupported", "coverType")
                            .with_param("insurer", insurer.display_name()),
                    );
                    None
                }
                _ => Some(cover_type),
            },
        };
        // A credit check is for the amount the policy fixes: nothing is typed, nothing is sent.
        let amount = if cover_type == Some(CoverType::CreditCheck) {
            currency.map(|currency| Money::from_minor(0, currency))
        } else {
            match (
                currency,
                errors.field(Field::Amount, "amount", &self.amount, &context),
            ) {
                (Some(currency), Some(_)) => parse_money(&self.amount, currency, locale).ok(),
                _ => None,
            }
        };
        let customer_reference = errors
            .field(
                Field::CustomerReference,
                "customerReference",
                &self.customer_reference,
                &context,
            )
            .and_then(optional);
        let comment = errors
            .field(Field::Comment, "comment", &self.comment, &context)
            .and_then(optional);
        let policy = self.validate_policy(&mut errors, insurer);
        let callback = if self.callback_url.trim().is_empty() {
            None
        } else {
            let url = errors.field(
                Field::CallbackUrl,
                "callbackUrl",
                &self.callback_url,
                &context,
            );
            let ttl = errors
                .field(
                    Field::TimeToLiveHours,
                    "callbackTtlHours",
                    &self.callback_ttl_hours,
                    &context,
                )
                .and_then(|ttl| ttl.parse().ok());
            url.zip(ttl)
                .map(|(url, time_to_live_hours)| DecisionCallback {
                    url,
                    time_to_live_hours,
                })
        };
        let key = self.idempotency_key.trim();
        let key_ok = (8..=64).contains(&key.len())
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !key_ok {
            errors.push(ValidationError::new(
                "idempotency_key.format",
                "idempotencyKey",
            ));
        }

        match (insurer, buyer, cover_type, amount) {
            (Some(insurer), Some(buyer), Some(cover_type), Some(amount)) if errors.0.is_empty() => {
                Ok(CoverApplication {
                    insurer,
                    buyer,
                    cover_type,
                    amount,
                    customer_reference,
                    urgent: self.urgent,
                    policy,
                    comment,
                    callback,
                    idempotency_key: key.to_owned(),
                })
            }
            _ => Err(errors.0),
        }
    }

    fn validate_buyer(
        &self,
        errors: &mut Errors,
        context: &FieldContext,
    ) -> Option<ApplicationBuyer> {
        let buyer_id = self.buyer_id.trim();
        if !buyer_id.is_empty() {
            return Some(ApplicationBuyer::Known {
                insurer_id: buyer_id.to_owned(),
            });
        }
        let before = errors.0.len();
        let name = errors.field(Field::CompanyName, "buyerName", &self.buyer_name, context);
        let country = match Country::parse(&self.buyer_country) {
            Ok(country) => Some(country),
            Err(mut error) => {
                error.field = "buyerCountry".to_owned();
                errors.push(error);
                None
            }
        };
        let street = optional(
            self.buyer_street
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        );
        let town = errors
            .field(Field::Town, "buyerTown", &self.buyer_town, context)
            .and_then(optional);
        let postcode = if self.buyer_postcode.trim().is_empty() {
            None
        } else {
            errors.field(
                Field::Postcode,
                "buyerPostcode",
                &self.buyer_postcode,
                context,
            )
        };
        let needs_region = country.is_some_and(region_required);
        let region = if needs_region || !self.buyer_region.trim().is_empty() {
            errors
                .field(Field::Region, "buyerRegion", &self.buyer_region, context)
                .and_then(optional)
        } else {
            None
        };
        if town.is_none() && postcode.is_none() && errors.0.len() == before {
            errors.push(ValidationError::new("buyer.location_required", "buyerTown"));
        }
        let mut identifiers = Vec::new();
        for (index, draft) in self.identifiers.iter().enumerate() {
            if draft.kind.trim().is_empty() && draft.value.trim().is_empty() {
                continue;
            }
            let field = format!("identifiers[{index}]");
            let checked =
                parse_kind(&draft.kind).and_then(|kind| validate_identifier(kind, &draft.value));
            match checked {
                Ok(identifier) => identifiers.push(identifier),
                Err(mut error) => {
                    error.field = field;
                    errors.push(error);
                }
            }
        }
        let phone = optional(self.buyer_phone.trim().to_owned());
        Some(ApplicationBuyer::Unknown {
            name: name?,
            address: Address {
                street,
                postcode,
                town,
                region,
                country: country?,
            },
            identifiers,
            phone,
        })
    }

    fn validate_policy(&self, errors: &mut Errors, insurer: Option<Insurer>) -> Option<PolicyRef> {
        let parts = [
            ("policyBusinessUnit", self.policy_business_unit.trim()),
            ("policyId", self.policy_id.trim()),
            ("policyExtension", self.policy_extension.trim()),
        ];
        if insurer == Some(Insurer::AllianzTrade) {
            for (field, value) in parts {
                if value.is_empty() {
                    errors.push(ValidationError::new("policy.required", field));
                }
            }
        }
        if parts.iter().any(|(_, value)| value.is_empty()) {
            return None;
        }
        Some(PolicyRef {
            business_unit_code: parts[0].1.to_owned(),
            policy_id: parts[1].1.to_owned(),
            extension_id: parts[2].1.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(cover_type: &str, amount: &str) -> CoverApplicationDraft {
        CoverApplicationDraft {
            insurer: "atradius".into(),
            buyer_id: "11223344".into(),
            cover_type: cover_type.into(),
            amount: amount.into(),
            currency: "EUR".into(),
            idempotency_key: "key-12345678".into(),
            ..CoverApplicationDraft::default()
        }
    }

    #[test]
    fn a_credit_check_needs_no_amount() {
        let locale = Locale::parse("en");
        let check = draft("creditCheck", "").validate(&locale).unwrap();
        assert_eq!(check.amount, Money::from_minor(0, Currency::EUR));
        let errors = draft("creditLimit", "").validate(&locale).unwrap_err();
        assert_eq!(errors[0].code, "amount.required");
        assert_eq!(
            draft("creditLimit", "50,000")
                .validate(&locale)
                .unwrap()
                .amount,
            Money::from_minor(5_000_000, Currency::EUR)
        );
    }
}
