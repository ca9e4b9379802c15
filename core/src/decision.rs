//! The neutral decision: one row of the tracker, whatever the insurer.

use serde::{Deserialize, Serialize};

use crate::buyer::Identifier;
use crate::insurer::Insurer;
use crate::lifecycle::StatusReport;
use crate::money::Money;

/// A cover, decision or application on one buyer, as an insurer reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    /// The insurer.
    pub insurer: Insurer,
    /// The insurer's key of this cover / decision / application (Atradius coverId, Coface
    /// deliveryId (or orderId while pending), Allianz Trade coverId or requestId).
    pub id: String,
    /// The insurer's key of the buyer (Coface EASY number, Atradius buyerId, Allianz companyId).
    pub buyer_id: String,
    /// Buyer name, when the insurer gives it.
    pub buyer_name: Option<String>,
    /// Buyer identifiers, when the insurer gives them.
    pub buyer_identifiers: Vec<Identifier>,
    /// Product or cover type as the insurer names it (e.g. `credit-limit`, `CREDITLIMIT`).
    pub product: String,
    /// Amount requested.
    pub requested: Option<Money>,
    /// Amount granted (in the policy currency).
    pub granted: Option<Money>,
    /// Neutral and raw status.
    pub status: StatusReport,
    /// ISO date the application was made, `YYYY-MM-DD`.
    pub applied_on: Option<String>,
    /// ISO date of the decision.
    pub decided_on: Option<String>,
    /// ISO date the decision takes effect.
    pub effective_from: Option<String>,
    /// ISO date the decision expires.
    pub expires_on: Option<String>,
    /// The seller's reference for the buyer.
    pub customer_reference: Option<String>,
    /// Coface order id (links a temporary "Z" EASY number to its definitive decision).
    pub order_id: Option<String>,
    /// Conditions attached to the decision, as text.
    pub conditions: Vec<String>,
}
