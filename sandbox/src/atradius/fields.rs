//! Reading the fields of a JSON request body, collecting every problem so that one 422 answer
//! lists them all (as Atradius' `errors` array does).

use super::calendar;
use super::cover::{CoverType, PolicyKey};
use super::error::{AtradiusError, Problem, AMOUNT_RULE};
use axum::http::StatusCode;
use serde_json::{Map, Value};

/// Longest accepted `customerRefNumber`.
pub(crate) const MAX_REFERENCE_LENGTH: usize = 50;
/// Largest accepted `creditLimitAmount` (major units).
pub(crate) const MAX_AMOUNT: u64 = 999_999_999_000;

/// The body of a request as a JSON object; 400 otherwise.
pub(crate) fn object(body: &Value) -> Result<&Map<String, Value>, AtradiusError> {
    body.as_object()
        .ok_or_else(|| AtradiusError::bad_request("The body must be a JSON object", None))
}

/// The fields of one JSON object and the problems found in them so far.
pub(crate) struct Fields<'a> {
    map: &'a Map<String, Value>,
    problems: Vec<Problem>,
}

impl<'a> Fields<'a> {
    /// Starts reading `map`.
    pub(crate) fn new(map: &'a Map<String, Value>) -> Self {
        Self {
            map,
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, detail: impl Into<String>, parameter: &'static str) {
        self.problems.push(Problem {
            detail: detail.into(),
            parameter: Some(parameter),
        });
    }

    /// A present, non-null field.
    fn value(&self, name: &str) -> Option<&'a Value> {
        self.map.get(name).filter(|value| !value.is_null())
    }

    /// A required whole number (a JSON integer or a string of digits).
    pub(crate) fn number(&mut self, name: &'static str) -> Option<u64> {
        let found = match self.value(name) {
            None => {
                self.problem(format!("{name} is required"), name);
                return None;
            }
            Some(Value::Number(number)) => number.as_u64(),
            Some(Value::String(text)) if text.bytes().all(|b| b.is_ascii_digit()) => {
                text.parse().ok()
            }
            Some(_) => None,
        };
        if found.is_none() {
            self.problem(format!("{name} must be a number"), name);
        }
        found
    }

    /// A required non-blank string, trimmed.
    pub(crate) fn text(&mut self, name: &'static str) -> Option<String> {
        match self.value(name) {
            Some(Value::String(text)) if !text.trim().is_empty() => Some(text.trim().to_owned()),
            _ => {
                self.problem(format!("{name} is required"), name);
                None
            }
        }
    }

    /// `customerId` and `policyId`.
    pub(crate) fn policy(&mut self) -> Option<PolicyKey> {
        let customer_id = self.number("customerId");
        let policy_id = self.text("policyId");
        Some(PolicyKey {
            customer_id: customer_id?,
            policy_id: policy_id?,
        })
    }

    /// `coverType`, one of the three Atradius knows.
    pub(crate) fn cover_type(&mut self) -> Option<CoverType> {
        let text = self.text("coverType")?;
        let found = CoverType::parse(&text);
        if found.is_none() {
            self.problem(
                "coverType must be credit-limit, credit-check or indication",
                "coverType",
            );
        }
        found
    }

    /// `currencyCode` (three upper-case letters) and `creditLimitAmount` (a positive multiple
    /// of 1000) when `needed`; when not needed (a credit check), both must be absent.
    pub(crate) fn amount(&mut self, needed: bool) -> Option<(String, u64)> {
        if !needed {
            for name in ["creditLimitAmount", "currencyCode"] {
                if self.value(name).is_some() {
                    self.problem(
                        format!("{name} must not be given for a credit check: the policy fixes it"),
                        name,
                    );
                }
            }
            return None;
        }
        let currency = self.text("currencyCode");
        let currency = currency.filter(|code| {
            let valid = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
            if !valid {
                self.problem(
                    "currencyCode must be an ISO 4217 code such as EUR",
                    "currencyCode",
                );
            }
            valid
        });
        let amount = match self.value("creditLimitAmount") {
            None => {
                self.problem("creditLimitAmount is required", "creditLimitAmount");
                None
            }
            Some(value) => {
                let whole = match value {
                    Value::Number(number) => number.as_u64(),
                    Value::String(text) if text.bytes().all(|b| b.is_ascii_digit()) => {
                        text.parse().ok()
                    }
                    _ => None,
                };
                let valid = whole.filter(|a| *a > 0 && a % 1000 == 0 && *a <= MAX_AMOUNT);
                if valid.is_none() {
                    self.problem(AMOUNT_RULE, "creditLimitAmount");
                }
                valid
            }
        };
        Some((currency?, amount?))
    }

    /// The optional `customerRefNumber` (a string or a number), at most
    /// [`MAX_REFERENCE_LENGTH`] characters; blank is none.
    pub(crate) fn reference(&mut self) -> Option<String> {
        let text = match self.value("customerRefNumber")? {
            Value::String(text) => text.trim().to_owned(),
            Value::Number(number) => number.to_string(),
            _ => {
                self.problem("customerRefNumber must be a string", "customerRefNumber");
                return None;
            }
        };
        if text.chars().count() > MAX_REFERENCE_LENGTH {
            self.problem(
                format!("customerRefNumber must be at most {MAX_REFERENCE_LENGTH} characters"),
                "customerRefNumber",
            );
            return None;
        }
        Some(text).filter(|text| !text.is_empty())
    }

    /// The optional `effectFromDate` (`YYYY-MM-DD`) as a Unix second.
    pub(crate) fn effect_from(&mut self) -> Option<u64> {
        let value = self.value("effectFromDate")?;
        let parsed = value.as_str().and_then(calendar::parse);
        if parsed.is_none() {
            self.problem("effectFromDate must be a date YYYY-MM-DD", "effectFromDate");
        }
        parsed
    }

    /// `Ok` when no problem was found, else a 422 listing them all.
    pub(crate) fn finish(self) -> Result<(), AtradiusError> {
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(AtradiusError {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                problems: self.problems,
            })
        }
    }
}
