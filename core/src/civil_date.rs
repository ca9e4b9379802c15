//! Proleptic Gregorian calendar arithmetic on day counts since 1970-01-01, in UTC: the one
//! implementation of Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms that the
//! core, the sandbox and the proxy share (they turn insurer dates into instants and back).

/// Seconds in a day (UTC has no leap seconds in Unix time).
pub const SECONDS_PER_DAY: u64 = 86_400;

/// Whether `year` is a Gregorian leap year.
pub fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days of `month` (1–12) in `year`; `None` for a month out of range.
pub fn days_in_month(year: i64, month: u32) -> Option<u32> {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if is_leap_year(year) => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// Days since 1970-01-01 of the date `year`-`month`-`day` (negative before 1970). The date is
/// not checked: day 0 or 32 simply count from the month's start, which callers that accept
/// text must rule out first ([`days_in_month`]).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let month = i64::from(month);
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date (year, month 1–12, day 1–31) of the `days`-th day after 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // month is 1..=12 and day 1..=31 by construction.
    (year, month as u32, day as u32)
}

/// The date of the Unix second `unix` (UTC).
pub fn civil_from_unix(unix: u64) -> (i64, u32, u32) {
    civil_from_days(i64::try_from(unix / SECONDS_PER_DAY).unwrap_or(i64::MAX / 2))
}

/// `unix` seconds as RFC 3339 UTC text, `YYYY-MM-DDTHH:MM:SSZ`.
pub fn rfc3339_utc(unix: u64) -> String {
    let (year, month, day) = civil_from_unix(unix);
    let second_of_day = unix % SECONDS_PER_DAY;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        second_of_day / 3600,
        second_of_day % 3600 / 60,
        second_of_day % 60
    )
}

/// `unix` seconds as an ISO 8601 date, `YYYY-MM-DD` (UTC).
pub fn iso_date(unix: u64) -> String {
    let (year, month, day) = civil_from_unix(unix);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 2, 29), 11_016);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(rfc3339_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_utc(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(rfc3339_utc(1_798_761_599), "2026-12-31T23:59:59Z");
        assert_eq!(iso_date(951_782_400), "2000-02-29");
    }

    #[test]
    fn every_day_of_four_centuries_round_trips_in_order() {
        let mut expected = days_from_civil(1900, 1, 1);
        for year in 1900..2300 {
            for month in 1..=12 {
                let Some(days) = days_in_month(year, month) else {
                    panic!("month {month}");
                };
                for day in 1..=days {
                    let count = days_from_civil(year, month, day);
                    assert_eq!(count, expected, "{year}-{month}-{day}");
                    assert_eq!(civil_from_days(count), (year, month, day));
                    expected += 1;
                }
            }
        }
        assert_eq!(days_in_month(2024, 13), None);
        assert!(is_leap_year(2000) && !is_leap_year(1900) && is_leap_year(2024));
    }
}
