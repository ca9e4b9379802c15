//! How the proxy receives and fans out notifications: who may subscribe, which certificate
//! hosts are trusted, how old a message may be.

use std::fmt;
use std::time::Duration;

use tradecover_core::coface::replay::REPLAY_CLOSES_AFTER_SECS;

use super::event_hub::EVENT_HISTORY;

/// Seconds CofaServe's retry process may still run after a replay is asked for (the seed: "the
/// whole process will last at its maximum 3600 seconds").
pub const RETRY_PROCESS_SECS: u64 = 3_600;

/// Notification settings of the proxy (`[notifications]` in its configuration, see
/// [`crate::config_notifications`]). `Debug` does not show the callback token.
#[derive(Clone, PartialEq, Eq)]
pub struct NotificationSettings {
    /// Origins (`https://portal.example`) of other sites whose pages may subscribe to
    /// `/proxy/events`; the proxy's own origin always may.
    pub allowed_origins: Vec<String>,
    /// When set, `POST /notifications/allianz-trade` requires `?token=<this>`: Allianz Trade
    /// does not sign its callbacks, so a secret callback URL is what authenticates them (use
    /// URL-safe characters).
    pub allianz_callback_token: Option<String>,
    /// The public URL of `/notifications/allianz-trade` (without the token) that the proxy
    /// registers on the Allianz Trade cover requests it forwards without a webhook
    /// ([`crate::allianz_callback`]); `None`: none is registered (but for the embedded sandbox).
    pub allianz_callback_url: Option<String>,
    /// Hosts (lower case, e.g. `sns.eu-west-1.amazonaws.com`) from which an SNS signing
    /// certificate may be fetched and a `SubscribeURL` visited; any other is refused before any
    /// request.
    pub certificate_hosts: Vec<String>,
    /// SNS topics whose messages are accepted: full ARNs (`arn:aws:sns:eu-west-1:123456789012:
    /// topic`) or account prefixes ending in `:` (`arn:aws:sns:eu-west-1:123456789012:`). Empty:
    /// any topic — then anyone able to subscribe this endpoint to an SNS topic of their own can
    /// have Amazon-signed messages accepted.
    pub topic_arns: Vec<String>,
    /// Oldest SNS `Timestamp` accepted: a message older than this can only be a captured one
    /// sent again.
    pub max_message_age: Duration,
    /// Furthest SNS `Timestamp` accepted ahead of the proxy's clock.
    pub max_clock_skew: Duration,
    /// How many past events are kept for subscribers resuming with `Last-Event-ID`.
    pub history_size: usize,
    /// Tests only: a loopback `http://` base that receives every SNS fetch (certificate,
    /// `SubscribeURL`) instead of Amazon, after the same checks. `None` in production.
    pub insecure_sns_endpoint: Option<String>,
}

impl NotificationSettings {
    /// Whether messages of the SNS topic `topic_arn` are accepted ([`Self::topic_arns`]).
    pub fn accepts_topic(&self, topic_arn: &str) -> bool {
        self.topic_arns.is_empty()
            || self.topic_arns.iter().any(|allowed| {
                if allowed.ends_with(':') {
                    topic_arn
                        .strip_prefix(allowed.as_str())
                        .is_some_and(|topic| !topic.is_empty() && !topic.contains(':'))
                } else {
                    allowed == topic_arn
                }
            })
    }
}

impl fmt::Debug for NotificationSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NotificationSettings")
            .field("allowed_origins", &self.allowed_origins)
            .field(
                "allianz_callback_token",
                &self.allianz_callback_token.as_ref().map(|_| "<redacted>"),
            )
            .field("allianz_callback_url", &self.allianz_callback_url)
            .field("certificate_hosts", &self.certificate_hosts)
            .field("topic_arns", &self.topic_arns)
            .field("max_message_age", &self.max_message_age)
            .field("max_clock_skew", &self.max_clock_skew)
            .field("history_size", &self.history_size)
            .field("insecure_sns_endpoint", &self.insecure_sns_endpoint)
            .finish()
    }
}

impl Default for NotificationSettings {
    /// Same-origin subscribers only; no callback token nor URL; any topic; certificates from
    /// `sns.eu-west-1.amazonaws.com` (Coface's region); a maximum age of the seed's replay
    /// window (5 days) plus the last retry process (1 hour); 5 minutes of clock skew; the last
    /// [`EVENT_HISTORY`] events kept; SNS reached at Amazon.
    fn default() -> Self {
        Self {
            allowed_origins: Vec::new(),
            allianz_callback_token: None,
            allianz_callback_url: None,
            certificate_hosts: vec!["sns.eu-west-1.amazonaws.com".to_owned()],
            topic_arns: Vec::new(),
            max_message_age: Duration::from_secs(REPLAY_CLOSES_AFTER_SECS + RETRY_PROCESS_SECS),
            max_clock_skew: Duration::from_secs(300),
            history_size: EVENT_HISTORY,
            insecure_sns_endpoint: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_match_exactly_or_by_account_prefix() {
        let any = NotificationSettings::default();
        assert!(any.accepts_topic("arn:aws:sns:eu-west-1:1:anything"));
        let settings = NotificationSettings {
            topic_arns: vec![
                "arn:aws:sns:eu-west-1:111122223333:".into(),
                "arn:aws:sns:eu-west-1:444455556666:scoring".into(),
            ],
            ..NotificationSettings::default()
        };
        assert!(settings.accepts_topic("arn:aws:sns:eu-west-1:111122223333:cover"));
        assert!(settings.accepts_topic("arn:aws:sns:eu-west-1:444455556666:scoring"));
        for refused in [
            "arn:aws:sns:eu-west-1:444455556666:scoring2",
            "arn:aws:sns:eu-west-1:111122223333:",
            "arn:aws:sns:eu-west-1:111122223333:a:b",
            "arn:aws:sns:eu-west-1:111122223333",
            "arn:aws:sns:eu-west-1:999999999999:cover",
        ] {
            assert!(!settings.accepts_topic(refused), "{refused}");
        }
    }
}
