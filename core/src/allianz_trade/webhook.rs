//! The webhook settings an asynchronous call carries instead of being polled: a request header
//! whose value is the Base64 of the JSON `{"callbackUrl", "timeToLive", "extendedNotification"}`.
//!
//! The header name is **chosen**: Allianz Trade's public pages only say "include it in the
//! header according to the API specification"; `callback` is the name commonly reported. The
//! insurer calls back only HTTPS endpoints whose domain it has whitelisted, 3 attempts 30 s apart.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

use super::wire::{CallbackBody, CALLBACK_HEADER};
use crate::cover_application::DecisionCallback;

/// Name of the header carrying the webhook settings (chosen; see the module documentation).
pub const CALLBACK_HEADER_NAME: &str = CALLBACK_HEADER;

/// Where and how long Allianz Trade calls back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WebhookConfig {
    /// HTTPS endpoint, whitelisted by Allianz Trade.
    pub callback_url: String,
    /// How long the callback stays valid, in hours.
    pub time_to_live_hours: u32,
    /// Whether to receive the functional notification (the business decision, once available)
    /// besides the technical one.
    pub extended_notification: bool,
}

impl From<&DecisionCallback> for WebhookConfig {
    /// The webhook of a cover application. Functional notifications are always asked for: the
    /// decision tracker needs the business decision, which only they carry.
    fn from(callback: &DecisionCallback) -> Self {
        Self {
            callback_url: callback.url.clone(),
            time_to_live_hours: callback.time_to_live_hours,
            extended_notification: true,
        }
    }
}

/// The header to add to an asynchronous call: `(name, Base64 of the settings JSON)`. The JSON
/// is compact, in the documented order, and leaves `extendedNotification` out when false (as
/// the documented technical-only example does). The URL is not checked here: the cover
/// application's validation does that.
pub fn callback_header(config: &WebhookConfig) -> (&'static str, String) {
    let body = CallbackBody {
        callback_url: &config.callback_url,
        time_to_live: config.time_to_live_hours,
        extended_notification: config.extended_notification,
    };
    let json = serde_json::to_vec(&body).unwrap_or_default();
    (CALLBACK_HEADER, STANDARD.encode(json))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_the_documented_examples() {
        let technical = WebhookConfig {
            callback_url: "https://client.example.com/webhook".into(),
            time_to_live_hours: 24,
            extended_notification: false,
        };
        let (name, value) = callback_header(&technical);
        assert_eq!(name, "callback");
        let json = STANDARD.decode(value).unwrap();
        assert_eq!(
            std::str::from_utf8(&json).unwrap(),
            r#"{"callbackUrl":"https://client.example.com/webhook","timeToLive":24}"#
        );
        let callback = DecisionCallback {
            url: "https://client.example.com/webhook".into(),
            time_to_live_hours: 24,
        };
        let (_, value) = callback_header(&WebhookConfig::from(&callback));
        assert_eq!(
            STANDARD.decode(value).unwrap(),
            br#"{"callbackUrl":"https://client.example.com/webhook","timeToLive":24,"extendedNotification":true}"#
        );
    }
}
