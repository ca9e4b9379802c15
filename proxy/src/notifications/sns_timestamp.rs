//! The SNS `Timestamp` (`2024-05-02T10:15:00.000Z`): read into Unix milliseconds, and the age
//! check that refuses messages too old to be anything but a replay of a captured one.

use std::time::Duration;

use tradecover_core::civil_date::{days_from_civil, days_in_month};

/// Unix milliseconds of an ISO 8601 UTC timestamp `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+00:00)`;
/// `None` for anything else.
pub fn parse_sns_timestamp(value: &str) -> Option<u64> {
    let value = value.trim();
    let body = value
        .strip_suffix('Z')
        .or_else(|| value.strip_suffix("+00:00"))?;
    let (date, time) = body.split_once('T')?;
    let mut date_parts = date.split('-');
    let year: i64 = number(date_parts.next()?, 4)?;
    let month: i64 = number(date_parts.next()?, 2)?;
    let day: i64 = number(date_parts.next()?, 2)?;
    let (clock, fraction) = match time.split_once('.') {
        Some((clock, fraction)) => (clock, Some(fraction)),
        None => (time, None),
    };
    let mut clock_parts = clock.split(':');
    let hour: i64 = number(clock_parts.next()?, 2)?;
    let minute: i64 = number(clock_parts.next()?, 2)?;
    let second: i64 = number(clock_parts.next()?, 2)?;
    if date_parts.next().is_some() || clock_parts.next().is_some() {
        return None;
    }
    let millis = match fraction {
        Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            let padded = format!("{:0<3}", &digits[..digits.len().min(3)]);
            padded.parse::<i64>().ok()?
        }
        Some(_) => return None,
        None => 0,
    };
    let month = u32::try_from(month).ok()?;
    let day = u32::try_from(day).ok()?;
    let days_in_month = days_in_month(year, month)?;
    if year < 1970 || !(1..=days_in_month).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    if second > 59 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second;
    u64::try_from(seconds * 1_000 + millis).ok()
}

/// Exactly `len` ASCII digits.
fn number(text: &str, len: usize) -> Option<i64> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// How a message's timestamp compares with the proxy's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// Within the accepted window.
    Fresh,
    /// Older than the maximum age.
    TooOld,
    /// Further in the future than the allowed clock skew.
    FromTheFuture,
}

/// Whether a message published at `published_ms` may be accepted at `now_ms`: no older than
/// `max_age`, no later than `max_skew` ahead (all Unix milliseconds).
pub fn freshness(
    published_ms: u64,
    now_ms: u64,
    max_age: Duration,
    max_skew: Duration,
) -> Freshness {
    let max_age = u64::try_from(max_age.as_millis()).unwrap_or(u64::MAX);
    let max_skew = u64::try_from(max_skew.as_millis()).unwrap_or(u64::MAX);
    if published_ms > now_ms.saturating_add(max_skew) {
        Freshness::FromTheFuture
    } else if now_ms.saturating_sub(published_ms) > max_age {
        Freshness::TooOld
    } else {
        Freshness::Fresh
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sns_timestamps() {
        assert_eq!(
            parse_sns_timestamp("2024-05-02T10:15:00.000Z"),
            Some(1_714_644_900_000)
        );
        assert_eq!(
            parse_sns_timestamp("2024-05-02T10:15:00.1Z"),
            Some(1_714_644_900_100)
        );
        assert_eq!(
            parse_sns_timestamp("2024-05-02T10:15:00.123456+00:00"),
            Some(1_714_644_900_123)
        );
        assert_eq!(parse_sns_timestamp("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_sns_timestamp("2000-02-29T00:00:00Z"),
            Some(951_782_400_000)
        );
        for bad in [
            "",
            "2024-05-02 10:15:00Z",
            "2024-05-02T10:15:00",
            "2024-05-02T10:15:00+02:00",
            "2023-02-29T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-05-02T24:00:00Z",
            "2024-05-02T10:15:00.Z",
            "2024-5-02T10:15:00Z",
            "+024-05-02T10:15:00Z",
            "1969-12-31T23:59:59Z",
            "2024-05-02T10:15:0xZ",
        ] {
            assert_eq!(parse_sns_timestamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn fresh_within_the_window() {
        let day = Duration::from_secs(86_400);
        let skew = Duration::from_secs(300);
        let now = 10 * 86_400_000;
        assert_eq!(freshness(now, now, day, skew), Freshness::Fresh);
        assert_eq!(
            freshness(now - 86_400_000, now, day, skew),
            Freshness::Fresh
        );
        assert_eq!(
            freshness(now - 86_400_001, now, day, skew),
            Freshness::TooOld
        );
        assert_eq!(freshness(now + 300_000, now, day, skew), Freshness::Fresh);
        assert_eq!(
            freshness(now + 300_001, now, day, skew),
            Freshness::FromTheFuture
        );
    }
}
