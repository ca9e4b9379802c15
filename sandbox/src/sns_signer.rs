//! The sandbox's Amazon SNS: wraps a simulated Coface push message (the CofaServe JSON, pushed
//! to the [`Outbox`](crate::Outbox) without its envelope) into the SNS HTTP envelope Coface's
//! subscribers receive, signed the way SNS signs (`SignatureVersion` 2: RSA PKCS#1 v1.5 with
//! SHA-256 over the fields Amazon names), and makes the matching subscription confirmations.
//!
//! The key is a committed test fixture (`sandbox/fixtures/sns/`, see its README): generating an
//! RSA key at start-up takes seconds in a debug build. Its self-signed certificate is public
//! ([`sns_certificate_pem`], `GET /__sandbox/sns/certificate.pem`) and proves nothing outside
//! the sandbox. The `SigningCertURL` of every envelope is [`SANDBOX_SIGNING_CERT_URL`], an
//! Amazon-shaped URL (verifiers refuse any other host) that a proxy embedding the sandbox maps
//! to this certificate instead of fetching it.
//!
//! Routes (nested under `/__sandbox`):
//! - `GET /__sandbox/sns/certificate.pem`: the signing certificate (PEM);
//! - `GET /__sandbox/sns/confirm?Action=ConfirmSubscription&TopicArn=…&Token=…`: what the
//!   `SubscribeURL` of a sandbox confirmation leads to → `{"subscriptionArn"}`, or 400 when the
//!   token was not issued for that topic.

use std::collections::HashMap;
use std::sync::OnceLock;

use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use axum::http::header;
use axum::response::IntoResponse;
use axum::Json;
use base64ct::{Base64, Encoding};
use rsa::pkcs1v15::SigningKey;
use rsa::pkcs8::DecodePrivateKey;
use rsa::signature::{SignatureEncoding, Signer};
use rsa::RsaPrivateKey;
use serde_json::json;
use sha2::Sha256;

use crate::error::ApiError;
use crate::params::{param, query_params};
use crate::secret::random_hex;

/// The sandbox's signing key (PKCS#8 PEM, a committed test fixture).
const KEY_PEM: &str = include_str!("../fixtures/sns/sandbox-sns-key.pem");
/// The self-signed certificate of [`KEY_PEM`].
const CERTIFICATE_PEM: &str = include_str!("../fixtures/sns/sandbox-sns-cert.pem");

/// AWS region of the sandbox's topics and URLs.
pub const SANDBOX_SNS_REGION: &str = "eu-west-1";
/// AWS account of the sandbox's topic ARNs (a placeholder-shaped, all-zero account).
pub const SANDBOX_SNS_ACCOUNT: &str = "000000000000";
/// `SigningCertURL` of every envelope the sandbox signs.
pub const SANDBOX_SIGNING_CERT_URL: &str =
    "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-tradecover-sandbox.pem";
/// Text signed (with the topic ARN) to make a subscription token, so that the sandbox can tell
/// its own tokens without remembering them.
const TOKEN_CONTEXT: &str = "tradecover-sandbox-subscription\n";

/// Signs SNS envelopes with the sandbox's key.
pub struct SnsSigner {
    key: SigningKey<Sha256>,
}

impl std::fmt::Debug for SnsSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SnsSigner")
            .field("key", &"<sandbox test key>")
            .finish()
    }
}

/// The sandbox's signer (its key is read once per process).
pub fn sns_signer() -> &'static SnsSigner {
    static SIGNER: OnceLock<SnsSigner> = OnceLock::new();
    SIGNER.get_or_init(|| {
        // The key is compiled in: a failure here is a broken build, caught by every test.
        let key = RsaPrivateKey::from_pkcs8_pem(KEY_PEM)
            .unwrap_or_else(|error| panic!("sandbox SNS fixture key unreadable: {error}"));
        SnsSigner {
            key: SigningKey::new(key),
        }
    })
}

/// The PEM certificate that verifies every signature of [`sns_signer`].
pub fn sns_certificate_pem() -> &'static str {
    CERTIFICATE_PEM
}

impl SnsSigner {
    /// The ARN of `topic`: kept when it is already an ARN (`arn:…`), else
    /// `arn:aws:sns:eu-west-1:000000000000:{topic}`.
    pub fn topic_arn(topic: &str) -> String {
        if topic.starts_with("arn:") {
            topic.to_owned()
        } else {
            format!("arn:aws:sns:{SANDBOX_SNS_REGION}:{SANDBOX_SNS_ACCOUNT}:{topic}")
        }
    }

    /// A fresh `MessageId`, shaped like SNS's (a random UUID).
    pub fn new_message_id() -> String {
        let hex = random_hex(16);
        format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        )
    }

    /// The signed `Notification` envelope of `message` (the CofaServe JSON text) published on
    /// `topic` (a name or an ARN) at `unix_millis`.
    pub fn notification(
        &self,
        topic: &str,
        message: &str,
        message_id: &str,
        unix_millis: u64,
    ) -> serde_json::Value {
        let topic_arn = Self::topic_arn(topic);
        let timestamp = sns_timestamp(unix_millis);
        let text = signed_text(&[
            ("Message", message),
            ("MessageId", message_id),
            ("Timestamp", &timestamp),
            ("TopicArn", &topic_arn),
            ("Type", "Notification"),
        ]);
        json!({
            "Type": "Notification",
            "MessageId": message_id,
            "TopicArn": topic_arn,
            "Message": message,
            "Timestamp": timestamp,
            "SignatureVersion": "2",
            "Signature": self.sign(&text),
            "SigningCertURL": SANDBOX_SIGNING_CERT_URL,
            "UnsubscribeURL": format!(
                "https://sns.{SANDBOX_SNS_REGION}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={topic_arn}:sandbox"
            ),
        })
    }

    /// The signed `SubscriptionConfirmation` envelope SNS sends when an endpoint subscribes to
    /// `topic`: its `SubscribeURL` carries a token [`SnsSigner::is_subscription_token`] accepts.
    pub fn subscription_confirmation(
        &self,
        topic: &str,
        message_id: &str,
        unix_millis: u64,
    ) -> serde_json::Value {
        let topic_arn = Self::topic_arn(topic);
        let token = self.subscription_token(&topic_arn);
        let subscribe_url = format!(
            "https://sns.{SANDBOX_SNS_REGION}.amazonaws.com/?Action=ConfirmSubscription&TopicArn={topic_arn}&Token={token}"
        );
        let message = format!(
            "You have chosen to subscribe to the topic {topic_arn}.\nTo confirm the subscription, visit the SubscribeURL included in this message."
        );
        let timestamp = sns_timestamp(unix_millis);
        let text = signed_text(&[
            ("Message", &message),
            ("MessageId", message_id),
            ("SubscribeURL", &subscribe_url),
            ("Timestamp", &timestamp),
            ("Token", &token),
            ("TopicArn", &topic_arn),
            ("Type", "SubscriptionConfirmation"),
        ]);
        json!({
            "Type": "SubscriptionConfirmation",
            "MessageId": message_id,
            "Token": token,
            "TopicArn": topic_arn,
            "Message": message,
            "SubscribeURL": subscribe_url,
            "Timestamp": timestamp,
            "SignatureVersion": "2",
            "Signature": self.sign(&text),
            "SigningCertURL": SANDBOX_SIGNING_CERT_URL,
        })
    }

    /// Whether `token` is the one this signer issues for `topic_arn`.
    pub fn is_subscription_token(&self, topic_arn: &str, token: &str) -> bool {
        crate::secret::secure_eq(&self.subscription_token(topic_arn), token)
    }

    /// The token of a subscription to `topic_arn`: the hex of the (deterministic) PKCS#1 v1.5
    /// signature of a fixed context and the ARN.
    fn subscription_token(&self, topic_arn: &str) -> String {
        let signature = self
            .key
            .sign(format!("{TOKEN_CONTEXT}{topic_arn}").as_bytes());
        signature
            .to_bytes()
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }

    /// Base64 of the SHA256withRSA signature of `text`.
    fn sign(&self, text: &str) -> String {
        Base64::encode_string(&self.key.sign(text.as_bytes()).to_bytes())
    }
}

/// The string SNS signs: each field's name and value, each followed by a newline, in the
/// (byte-sorted) order given.
fn signed_text(fields: &[(&str, &str)]) -> String {
    let mut text = String::new();
    for (name, value) in fields {
        text.push_str(name);
        text.push('\n');
        text.push_str(value);
        text.push('\n');
    }
    text
}

/// `unix_millis` as an SNS `Timestamp`: `YYYY-MM-DDTHH:MM:SS.mmmZ` (UTC).
pub fn sns_timestamp(unix_millis: u64) -> String {
    let seconds = unix_millis / 1000;
    let (year, month, day) = tradecover_core::civil_date::civil_from_unix(seconds);
    let second_of_day = seconds % 86_400;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        second_of_day / 3600,
        second_of_day % 3600 / 60,
        second_of_day % 60,
        unix_millis % 1000
    )
}

/// `GET /__sandbox/sns/certificate.pem`.
pub(crate) async fn certificate_route() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/x-pem-file")],
        CERTIFICATE_PEM,
    )
}

/// `GET /__sandbox/sns/confirm?Action=ConfirmSubscription&TopicArn=…&Token=…`.
pub(crate) async fn confirm_route(
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let params = query_params(query)?;
    if param(&params, "Action") != Some("ConfirmSubscription") {
        return Err(ApiError::bad_request("Action must be ConfirmSubscription"));
    }
    let topic_arn =
        param(&params, "TopicArn").ok_or_else(|| ApiError::bad_request("TopicArn is required"))?;
    let token =
        param(&params, "Token").ok_or_else(|| ApiError::bad_request("Token is required"))?;
    if !sns_signer().is_subscription_token(topic_arn, token) {
        return Err(ApiError::bad_request(
            "The token was not issued for this topic",
        ));
    }
    Ok(Json(json!({
        "subscriptionArn": format!("{topic_arn}:{}", &token[..token.len().min(36)]),
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_iso_utc_with_milliseconds() {
        assert_eq!(sns_timestamp(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(sns_timestamp(1_714_644_900_123), "2024-05-02T10:15:00.123Z");
        assert_eq!(sns_timestamp(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(sns_timestamp(4_102_444_799_999), "2099-12-31T23:59:59.999Z");
    }

    #[test]
    fn topics_become_arns_and_message_ids_look_like_uuids() {
        assert_eq!(
            SnsSigner::topic_arn("scoring"),
            "arn:aws:sns:eu-west-1:000000000000:scoring"
        );
        assert_eq!(
            SnsSigner::topic_arn("arn:aws:sns:x:1:t"),
            "arn:aws:sns:x:1:t"
        );
        let id = SnsSigner::new_message_id();
        assert_eq!(id.len(), 36);
        assert_eq!(id.matches('-').count(), 4);
        assert_ne!(id, SnsSigner::new_message_id());
    }

    #[test]
    fn tokens_belong_to_their_topic() {
        let signer = sns_signer();
        let envelope = signer.subscription_confirmation("scoring", "m-1", 0);
        let token = envelope["Token"].as_str().unwrap();
        let arn = envelope["TopicArn"].as_str().unwrap();
        assert!(signer.is_subscription_token(arn, token));
        assert!(!signer.is_subscription_token(&SnsSigner::topic_arn("coface_opinion"), token));
        assert!(!signer.is_subscription_token(arn, "00"));
    }
}
