//! Replay of a push notification CofaServe could not deliver (`PATCH /replay`), and the rules
//! that say when a replay may be asked for.
//!
//! After a failed delivery, CofaServe's notification service retries for about five hours (two
//! rounds of retries); from then on, and until five days after the notification was first sent,
//! the subscriber may ask for the message to be pushed again, at most seven times. After that
//! the message is lost for good. This is proxy-side (operations) work: the replay is not in the
//! browser's [`super::OPERATIONS`].

mod wire;

use serde::{Deserialize, Serialize};

use super::response::parse_json;
use crate::http_request::{HttpRequest, Method};
use crate::insurer_error::InsurerError;

/// Server of the replay API. Unlike the rest of CofaServe it is served from the TCI API host:
/// the seed gives `https://api.coface.com/tci` + root context `replay/v1` + endpoint `/replay`.
pub const REPLAY_BASE_URL: &str = "https://api.coface.com/tci";

/// Path of the replay, relative to [`REPLAY_BASE_URL`] (not to the CofaServe base).
pub const REPLAY_PATH: &str = "/replay/v1/replay";

/// Seconds after the first sending before a replay may be asked for: the five hours the
/// automatic retries take ("basically 5 hours").
pub const REPLAY_OPENS_AFTER_SECS: u64 = 5 * 60 * 60;

/// Seconds after the first sending after which a message can no longer be replayed (5 days).
pub const REPLAY_CLOSES_AFTER_SECS: u64 = 5 * 24 * 60 * 60;

/// Most replays of one message.
pub const MAX_REPLAY_ATTEMPTS: u32 = 7;

/// Whether a replay may be asked for now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[non_exhaustive]
pub enum ReplayDecision {
    /// A replay may be asked for.
    Allowed,
    /// The automatic retries may still be running: wait until this Unix second.
    TooEarly {
        /// Unix second from which a replay may be asked for.
        until: u64,
    },
    /// More than five days have passed since the first sending: the message is lost.
    Expired,
    /// The seven replays have been used: the message is lost.
    AttemptsExhausted,
}

/// Whether a message first sent at `first_sent` may be replayed at `now` (both Unix seconds)
/// after `attempts_so_far` replays: from [`REPLAY_OPENS_AFTER_SECS`] after the first sending
/// (inclusive) until [`REPLAY_CLOSES_AFTER_SECS`] after it (exclusive), at most
/// [`MAX_REPLAY_ATTEMPTS`] times. The final answers come first: exhausted attempts, then expiry.
/// A `now` before `first_sent` (clocks apart) is "too early".
pub fn replay_decision(first_sent: u64, now: u64, attempts_so_far: u32) -> ReplayDecision {
    if attempts_so_far >= MAX_REPLAY_ATTEMPTS {
        return ReplayDecision::AttemptsExhausted;
    }
    match now.checked_sub(first_sent) {
        Some(elapsed) if elapsed >= REPLAY_CLOSES_AFTER_SECS => ReplayDecision::Expired,
        Some(elapsed) if elapsed >= REPLAY_OPENS_AFTER_SECS => ReplayDecision::Allowed,
        _ => ReplayDecision::TooEarly {
            until: first_sent.saturating_add(REPLAY_OPENS_AFTER_SECS),
        },
    }
}

/// Why a replay request was not built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReplayError {
    /// The message id is blank.
    #[error("a replay needs the MessageId of the notification")]
    MissingMessageId,
    /// The rules say no (see [`replay_decision`]).
    #[error("the notification cannot be replayed now: {0:?}")]
    NotAllowed(ReplayDecision),
}

/// The replay request for the notification `message_id` (the SNS `MessageId`), built only when
/// [`replay_decision`] allows it: `PATCH /replay/v1/replay` (on [`REPLAY_BASE_URL`]) with the
/// body `{"messageId": "<id>"}` (field name chosen here: the seed gives no body).
pub fn replay_request(
    message_id: &str,
    first_sent: u64,
    now: u64,
    attempts_so_far: u32,
) -> Result<HttpRequest, ReplayError> {
    let message_id = message_id.trim();
    if message_id.is_empty() {
        return Err(ReplayError::MissingMessageId);
    }
    match replay_decision(first_sent, now, attempts_so_far) {
        ReplayDecision::Allowed => {}
        refused => return Err(ReplayError::NotAllowed(refused)),
    }
    let body = wire::ReplayBody { message_id };
    Ok(HttpRequest::new(Method::Patch, REPLAY_PATH)
        .with_header("accept", "application/json")
        .with_header("content-type", "application/json")
        .with_json(serde_json::json!(body)))
}

/// Reads the replay answer: any 2xx (whatever its body, possibly empty) means CofaServe will
/// push the message again; anything else is the matching [`InsurerError`].
pub fn parse_replay_response(status: u16, body: &[u8]) -> Result<(), InsurerError> {
    if (200..300).contains(&status) {
        return Ok(());
    }
    parse_json::<serde::de::IgnoredAny>(status, body).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENT: u64 = 1_714_600_000;
    const HOUR: u64 = 3_600;
    const DAY: u64 = 24 * HOUR;

    #[test]
    fn opens_after_five_hours_and_closes_after_five_days() {
        assert_eq!(
            replay_decision(SENT, SENT, 0),
            ReplayDecision::TooEarly {
                until: SENT + 5 * HOUR
            }
        );
        assert_eq!(
            replay_decision(SENT, SENT + 5 * HOUR - 1, 0),
            ReplayDecision::TooEarly {
                until: SENT + 5 * HOUR
            }
        );
        assert_eq!(
            replay_decision(SENT, SENT + 5 * HOUR, 0),
            ReplayDecision::Allowed
        );
        assert_eq!(
            replay_decision(SENT, SENT + 5 * DAY - 1, 6),
            ReplayDecision::Allowed
        );
        assert_eq!(
            replay_decision(SENT, SENT + 5 * DAY, 0),
            ReplayDecision::Expired
        );
        assert_eq!(replay_decision(SENT, u64::MAX, 0), ReplayDecision::Expired);
    }

    #[test]
    fn seven_attempts_at_most() {
        for attempts in 0..7 {
            assert_eq!(
                replay_decision(SENT, SENT + DAY, attempts),
                ReplayDecision::Allowed
            );
        }
        assert_eq!(
            replay_decision(SENT, SENT + DAY, 7),
            ReplayDecision::AttemptsExhausted
        );
        assert_eq!(
            replay_decision(SENT, SENT, u32::MAX),
            ReplayDecision::AttemptsExhausted
        );
        assert_eq!(
            replay_decision(SENT, SENT + 6 * DAY, 9),
            ReplayDecision::AttemptsExhausted
        );
    }

    #[test]
    fn clocks_apart_and_limits_never_panic() {
        assert_eq!(
            replay_decision(SENT, 0, 0),
            ReplayDecision::TooEarly {
                until: SENT + 5 * HOUR
            }
        );
        assert_eq!(
            replay_decision(u64::MAX, u64::MAX, 0),
            ReplayDecision::TooEarly { until: u64::MAX }
        );
    }

    #[test]
    fn builds_the_replay_only_when_allowed() {
        let request = replay_request(" 5f1c-msg ", SENT, SENT + DAY, 2).unwrap();
        assert_eq!(request.method, Method::Patch);
        assert_eq!(request.path, "/replay/v1/replay");
        assert_eq!(
            request.body,
            Some(serde_json::json!({"messageId": "5f1c-msg"}))
        );
        assert_eq!(
            replay_request(" ", SENT, SENT + DAY, 0),
            Err(ReplayError::MissingMessageId)
        );
        assert_eq!(
            replay_request("m", SENT, SENT + HOUR, 0),
            Err(ReplayError::NotAllowed(ReplayDecision::TooEarly {
                until: SENT + 5 * HOUR
            }))
        );
        assert_eq!(
            replay_request("m", SENT, SENT + DAY, 7),
            Err(ReplayError::NotAllowed(ReplayDecision::AttemptsExhausted))
        );
    }

    #[test]
    fn reads_the_answer() {
        assert_eq!(parse_replay_response(204, b""), Ok(()));
        assert_eq!(parse_replay_response(200, b"not json"), Ok(()));
        assert_eq!(
            parse_replay_response(400, br#"{"code":"ReplayLimitReached","message":"no"}"#),
            Err(InsurerError::Rejected {
                status: 400,
                code: "ReplayLimitReached".into(),
                message: "no".into()
            })
        );
        assert_eq!(
            parse_replay_response(503, b"").unwrap_err().code(),
            "insurer.unavailable"
        );
        assert_eq!(
            parse_replay_response(403, b"").unwrap_err().code(),
            "insurer.unauthorized"
        );
    }
}
