//! One cover record: an application, the decision on it, and what became of it, with its JSON
//! as the cover endpoints answer it.
//!
//! Every change of amount or type gives a new record (a new `coverId`) and sends the record it
//! replaces to history with a `historicCode`, as Atradius' covers do. A record is in one of
//! these states: referred (`coverStatus` REFERRED, waiting for the underwriter), decided
//! (`coverStatus` DECISION with a `decisionCode`: in force when something was granted,
//! refused otherwise) or historic (a `historicCode`).

use super::buyer::{buyer_id, unique_identifiers, Rating};
use super::calendar::{date, date_time, Calendar};
use super::review::ReviewState;
use crate::dataset::Dataset;
use crate::underwriting::{validity, Outcome};
use serde_json::{json, Value};
use std::time::Duration;

/// The fixed amount of a credit check (major units of the policy currency): a credit check
/// carries no amount, the policy fixes it (7,000 EUR in the policy one client shows).
pub(crate) const CREDIT_CHECK_AMOUNT: u64 = 7_000;
/// The currency of credit checks, whose application carries none.
pub(crate) const CREDIT_CHECK_CURRENCY: &str = "EUR";
/// Condition code of the condition attached to a partial grant (**chosen**).
const PARTIAL_CONDITION_CODE: &str = "PT60";

/// `coverType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum CoverType {
    /// `credit-limit`.
    CreditLimit,
    /// `credit-check`: the policy's fixed amount, yes or no.
    CreditCheck,
    /// `indication` (the core's chosen name): what Atradius would cover; can be converted.
    Indication,
}

impl CoverType {
    /// The wire value.
    pub(crate) fn wire(self) -> &'static str {
        match self {
            Self::CreditLimit => "credit-limit",
            Self::CreditCheck => "credit-check",
            Self::Indication => "indication",
        }
    }

    /// Reads a wire value (exact, as the API is).
    pub(crate) fn parse(text: &str) -> Option<Self> {
        [Self::CreditLimit, Self::CreditCheck, Self::Indication]
            .into_iter()
            .find(|kind| kind.wire() == text)
    }
}

/// The insured a cover belongs to: `customerId` and `policyId`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct PolicyKey {
    /// `customerId`.
    pub(crate) customer_id: u64,
    /// `policyId`.
    pub(crate) policy_id: String,
}

/// A decision the underwriter will give when the referral falls due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Referral {
    /// Sandbox time at which it is decided.
    pub(crate) due: Duration,
    /// What will be decided.
    pub(crate) outcome: Outcome,
}

/// One cover record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cover {
    /// `coverId`.
    pub(crate) id: u64,
    /// The insured.
    pub(crate) policy: PolicyKey,
    /// Index of the buyer (a head office) in the data set.
    pub(crate) buyer: usize,
    /// `coverType`.
    pub(crate) cover_type: CoverType,
    /// `policyCurrencyCode`.
    pub(crate) currency: String,
    /// Amount applied for (major units); `None` for a credit check.
    pub(crate) requested: Option<u64>,
    /// Amount granted (major units); `None` until decided.
    pub(crate) granted: Option<u64>,
    /// `decisionCode`; `None` until decided.
    pub(crate) decision_code: Option<&'static str>,
    /// The condition attached to the decision.
    pub(crate) condition: Option<&'static str>,
    /// `historicCode`: why the record left the portfolio.
    pub(crate) historic_code: Option<&'static str>,
    /// Pending underwriting.
    pub(crate) referral: Option<Referral>,
    /// The record this application replaces when decided (a supersede).
    pub(crate) supersedes: Option<u64>,
    /// `customerRefNumber`.
    pub(crate) customer_reference: Option<String>,
    /// Unix second of the application.
    pub(crate) applied_at: u64,
    /// Unix second of the decision.
    pub(crate) decided_at: Option<u64>,
    /// Unix second from which the cover takes effect.
    pub(crate) effect_from: Option<u64>,
    /// Unix second at which the record left the portfolio.
    pub(crate) effective_to: Option<u64>,
    /// Where Atradius' review of the cover stands ([`super::review`]).
    pub(crate) review: ReviewState,
}

/// The description Atradius gives with a `decisionCode`.
fn decision_description(code: &str) -> &'static str {
    match code {
        "DC01" => "Fully approved",
        "DC03" => "Refused",
        "DC04" => "Partially approved",
        "DC05" => "Refusal of increase, current cover unchanged",
        "DC08" => "Withdrawal of cover",
        "DC09" => "Reduction in cover",
        "DC21" => "Pre-notification of withdrawal",
        _ => "",
    }
}

/// The `decisionCode` of an underwriting outcome.
pub(crate) fn decision_code(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Granted => "DC01",
        Outcome::Partial { .. } => "DC04",
        Outcome::Refused => "DC03",
    }
}

impl Cover {
    /// Whether the record is history.
    pub(crate) fn is_historic(&self) -> bool {
        self.historic_code.is_some()
    }

    /// Whether the record waits for the underwriter.
    pub(crate) fn is_referred(&self) -> bool {
        !self.is_historic() && self.referral.is_some()
    }

    /// Whether the record is decided and not history.
    pub(crate) fn is_decided(&self) -> bool {
        !self.is_historic() && self.referral.is_none() && self.decision_code.is_some()
    }

    /// Whether the record is a decision that granted cover.
    pub(crate) fn is_in_force(&self) -> bool {
        self.is_decided() && self.granted.is_some_and(|granted| granted > 0)
    }

    /// The amount the underwriter assesses: the amount applied for, or the credit check's.
    pub(crate) fn assessed_amount(&self) -> u64 {
        self.requested.unwrap_or(CREDIT_CHECK_AMOUNT)
    }

    /// Records the underwriter's `outcome` at Unix second `at`.
    pub(crate) fn decide(&mut self, outcome: &Outcome, at: u64) {
        self.referral = None;
        self.granted = Some(outcome.granted(self.assessed_amount()));
        self.decision_code = Some(decision_code(outcome));
        self.condition = match outcome {
            Outcome::Partial { condition, .. } => Some(condition),
            _ => None,
        };
        self.decided_at = Some(at);
        self.effect_from = Some(self.effect_from.map_or(at, |from| from.max(at)));
    }

    /// Sends the record to history with `code` at Unix second `at`.
    pub(crate) fn retire(&mut self, code: &'static str, at: u64) {
        self.historic_code = Some(code);
        self.effective_to = Some(at);
    }

    /// Whether Atradius reviews the record (a credit limit in force: see [`super::review`]).
    pub(crate) fn is_reviewed(&self) -> bool {
        self.cover_type == CoverType::CreditLimit && self.is_in_force()
    }

    /// Unix second at which a reviewed record's decision expires: the validity of the
    /// shared review policy after the decision the review counts from.
    pub(crate) fn expires_at(&self) -> Option<u64> {
        if self.cover_type != CoverType::CreditLimit || self.granted.is_none_or(|g| g == 0) {
            return None;
        }
        let from = self.review.from.or(self.decided_at)?;
        Some(from.saturating_add(validity().as_secs()))
    }

    /// The record as the cover endpoints answer it.
    pub(crate) fn to_json(&self, dataset: &Dataset, calendar: &Calendar) -> Value {
        let company = dataset.get(self.buyer);
        let decision = self.granted.map(|granted| {
            let conditions: Vec<Value> = self
                .condition
                .iter()
                .map(|condition| {
                    json!({
                        "conditionCode": PARTIAL_CONDITION_CODE,
                        "conditionType": "STD",
                        "conditionDescription": condition,
                        "conditionCategoryDescription": "Payment terms",
                    })
                })
                .collect();
            let mut decision = json!({
                "decisionAmtInPolicyCurrency": granted,
                "decisionConditions": conditions,
            });
            if let Some(expiry) = self.expires_at() {
                decision["decisionExpiryDate"] = json!(date(expiry));
            }
            decision
        });
        json!({
            "coverId": self.id,
            "customerId": self.policy.customer_id,
            "policyId": self.policy.policy_id,
            "buyerId": company.map(buyer_id),
            "buyerName": company.map(|company| company.name()),
            "uniqueIdentifiers": company.map(unique_identifiers).unwrap_or_default(),
            "coverType": self.cover_type.wire(),
            "coverStatus": if self.referral.is_some() { "REFERRED" } else { "DECISION" },
            "decisionCode": self.decision_code,
            "decisionTypeDescription": self.decision_code.map(decision_description),
            "historicCode": self.historic_code,
            "pendingProcessIndicator": null,
            "pendingProcessStatus": null,
            "policyCurrencyCode": self.currency,
            "creditLimitApplicationAmountInPolicyCurrency": self.requested,
            "totalDecision": decision,
            "firstAmtDecision": decision,
            "applicationDate": date_time(self.applied_at),
            "decisionDate": self.decided_at.map(date_time),
            "effectFromDate": self.effect_from.map(date),
            "effectiveToDate": self.effective_to.map(date),
            "withdrawalDate": self.review.withdrawal_at.map(date),
            "customerRefNumber": self.customer_reference,
            "currentBuyerRating": company.map(|company| Rating::of(company, calendar).current.to_string()),
        })
    }
}
