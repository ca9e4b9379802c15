//! Dates on the sandbox clock. The sandbox clock counts time since the sandbox started; the
//! calendar anchors that count to the UTC date and time at which the simulation was created,
//! so that Atradius' dates (`applicationDate`, `decisionDate`, …) read like real ones and move
//! on when tests advance the clock.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tradecover_core::civil_date::{days_from_civil, days_in_month, iso_date, rfc3339_utc};

const DAY: u64 = 86_400;

/// Converts sandbox time (since the sandbox started) into Unix seconds and dates.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Calendar {
    /// Unix second at which sandbox time was zero.
    origin: u64,
}

impl Calendar {
    /// A calendar on which sandbox time `now` is the current UTC time.
    pub(crate) fn anchored(now: Duration) -> Self {
        let unix = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|elapsed| elapsed.as_secs())
            .unwrap_or_default();
        Self {
            origin: unix.saturating_sub(now.as_secs()),
        }
    }

    /// The Unix second at which sandbox time was zero.
    pub(crate) fn origin(&self) -> u64 {
        self.origin
    }

    /// The Unix second of sandbox time `at`.
    pub(crate) fn unix(&self, at: Duration) -> u64 {
        self.origin.saturating_add(at.as_secs())
    }
}

/// `YYYY-MM-DD` of a Unix second (UTC).
pub(crate) fn date(unix: u64) -> String {
    iso_date(unix)
}

/// `YYYY-MM-DDTHH:MM:SSZ` of a Unix second.
pub(crate) fn date_time(unix: u64) -> String {
    rfc3339_utc(unix)
}

/// Reads `YYYY-MM-DD` (midnight) or `YYYY-MM-DDTHH:MM:SS` as a Unix second; `None` for
/// anything else or a date before 1970.
pub(crate) fn parse(text: &str) -> Option<u64> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let number = |from: usize, to: usize| -> Option<u64> {
        let part = text.get(from..to)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    if !(1970..=9999).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    let (year, month, day) = (
        i64::try_from(year).ok()?,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    );
    if day == 0 || day > days_in_month(year, month)? {
        return None;
    }
    let time = match text.get(10..)? {
        "" => 0,
        rest => {
            let clock = rest.strip_prefix(['T', ' '])?;
            let cb = clock.as_bytes();
            if cb.len() != 8 || cb[2] != b':' || cb[5] != b':' {
                return None;
            }
            let field = |from: usize| -> Option<u64> {
                let part = clock.get(from..from + 2)?;
                part.bytes()
                    .all(|b| b.is_ascii_digit())
                    .then(|| part.parse().ok())
                    .flatten()
            };
            let (hours, minutes, seconds) = (field(0)?, field(3)?, field(6)?);
            if hours > 23 || minutes > 59 || seconds > 59 {
                return None;
            }
            hours * 3600 + minutes * 60 + seconds
        }
    };
    let days = u64::try_from(days_from_civil(year, month, day)).ok()?;
    Some(days * DAY + time)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date_time(951_782_400 + 3_723), "2000-02-29T01:02:03Z");
        assert_eq!(parse("2000-02-29T01:02:03"), Some(951_782_400 + 3_723));
        assert_eq!(parse("2026-12-01"), Some(1_796_083_200));
        assert_eq!(date(1_796_083_200), "2026-12-01");
        for day in (0..200_000).step_by(97) {
            assert_eq!(parse(&date(day * DAY)), Some(day * DAY));
        }
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for text in [
            "",
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "1969-12-31",
            "2026-01-01T24:00:00",
            "2026-01-01T10:00",
            "2026-01-01Z",
            "２０２６-01-01",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
