//! Calendar dates of sandbox time. The sandbox clock counts from the start of the sandbox; its
//! day zero is [`EPOCH_DAYS`] (2026-01-01, GMT), so dates are deterministic and move on only
//! when sandbox time does. Dates are written ISO `YYYY-MM-DD`, as CofaServe exchanges them.

use std::time::Duration;

use tradecover_core::civil_date::{civil_from_days, days_from_civil, days_in_month};

/// Day zero of sandbox time: 2026-01-01, in days since 1970-01-01.
pub(crate) const EPOCH_DAYS: i64 = 20_454;

const SECONDS_PER_DAY: u64 = 86_400;

/// The ISO date of sandbox time `at`.
pub(crate) fn date_of(at: Duration) -> String {
    let days = EPOCH_DAYS + i64::try_from(at.as_secs() / SECONDS_PER_DAY).unwrap_or(0);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The ISO date `days` whole days after sandbox time `at`.
pub(crate) fn date_after(at: Duration, days: u64) -> String {
    date_of(at.saturating_add(Duration::from_secs(days.saturating_mul(SECONDS_PER_DAY))))
}

/// Where midnight GMT of the ISO date `text` falls in sandbox time, as seconds that may be
/// negative (a date before the sandbox started); `None` if `text` is not exactly a valid
/// `YYYY-MM-DD`.
pub(crate) fn midnight_of(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let digits = |from: usize, to: usize| -> Option<i64> {
        let part = text.get(from..to)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (digits(0, 4)?, digits(5, 7)?, digits(8, 10)?);
    let month = u32::try_from(month).ok()?;
    let day = u32::try_from(day).ok()?;
    if year < 1 || day < 1 || day > days_in_month(year, month)? {
        return None;
    }
    let seconds_per_day = i64::try_from(SECONDS_PER_DAY).ok()?;
    Some((days_from_civil(year, month, day) - EPOCH_DAYS) * seconds_per_day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_zero_is_new_year_2026() {
        assert_eq!(days_from_civil(2026, 1, 1), EPOCH_DAYS);
        assert_eq!(date_of(Duration::ZERO), "2026-01-01");
        assert_eq!(date_of(Duration::from_secs(86_399)), "2026-01-01");
        assert_eq!(date_of(Duration::from_secs(86_400 * 59)), "2026-03-01");
        assert_eq!(date_after(Duration::ZERO, 365), "2027-01-01");
    }

    #[test]
    fn midnights() {
        assert_eq!(midnight_of("2026-01-01"), Some(0));
        assert_eq!(midnight_of("2026-01-02"), Some(86_400));
        assert_eq!(midnight_of("2025-12-31"), Some(-86_400));
        assert_eq!(
            midnight_of("2028-02-29"),
            Some((365 + 365 + 31 + 28) * 86_400)
        );
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "26-01-01",
            "2026-01-1x",
            "",
            "２０２６-01-01",
        ] {
            assert_eq!(midnight_of(bad), None, "{bad}");
        }
    }
}
