//! What the proxy fans out to browsers: one notification from an insurer, read into the neutral
//! model where the core offers it.

use serde::Serialize;
use tradecover_core::Insurer;

/// The SSE event type of a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum EventKind {
    /// A decision on a buyer (neutral [`tradecover_core::decision::Decision`] row): Allianz
    /// Trade's functional notification, or a Coface notification that names the company, the
    /// decision or order, and a status.
    Decision,
    /// A cover was created or updated (Allianz Trade's technical notification; neutral
    /// decision row, whose status may still be pending).
    Cover,
    /// A Coface notification on an order that carries no full decision row: the parsed
    /// CofaServe fields.
    Order,
    /// Sent to one subscriber only, when the events it asked to resume from are no longer kept:
    /// it should reload what it shows.
    Gap,
}

impl EventKind {
    /// The name in the SSE `event:` field.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Decision => "decision",
            EventKind::Cover => "cover",
            EventKind::Order => "order",
            EventKind::Gap => "gap",
        }
    }
}

/// One notification, ready to be sent to the subscribers of its policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotificationEvent {
    /// The event type.
    pub kind: EventKind,
    /// Which insurer sent it.
    pub insurer: Insurer,
    /// The policy (Allianz Trade `policyId`) or contract (Coface `contractNumber`) it is about,
    /// when the notification says.
    pub policy: Option<String>,
    /// The SSE `data:` JSON: `{"insurer", "policy", "decision" | "notification"}`.
    pub data: serde_json::Value,
}

impl NotificationEvent {
    /// An event whose data holds `payload` under `payload_name`, with the insurer and policy.
    pub fn new(
        kind: EventKind,
        insurer: Insurer,
        policy: Option<String>,
        payload_name: &str,
        payload: serde_json::Value,
    ) -> Self {
        let mut data = serde_json::Map::new();
        data.insert("insurer".into(), serde_json::json!(insurer));
        data.insert("policy".into(), serde_json::json!(policy));
        data.insert(payload_name.into(), payload);
        Self {
            kind,
            insurer,
            policy,
            data: serde_json::Value::Object(data),
        }
    }

    /// Whether a subscriber to `policy` receives this event: when the event names that policy,
    /// or names none (the proxy holds one policy per insurer, so an unlabelled notification is
    /// about that one).
    pub fn concerns(&self, policy: &str) -> bool {
        self.policy.as_deref().is_none_or(|own| own == policy)
    }
}
