//! From what people paste to a compact form: separators dropped, ASCII upper case, and the
//! country prefix split off.

use super::problem::Problem;

/// Whether `c` is a separator people put in identifiers and that carries no meaning: blanks of
/// any kind (NBSP, tabs, …), dots, dashes (ASCII and typographic), slashes, underscores, commas,
/// soft hyphens and invisible joiners.
pub(super) fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | '-'
                | '/'
                | '_'
                | ','
                | '\u{00AD}'
                | '\u{2010}'..='\u{2015}'
                | '\u{2212}'
                | '\u{200B}'..='\u{200D}'
                | '\u{2060}'
                | '\u{FEFF}'
        )
}

/// The letters and digits of `text`, ASCII upper case, separators dropped.
///
/// Errs with [`Problem::Required`] when nothing is left and with
/// [`Problem::InvalidCharacters`] on any other character. The result is ASCII, so byte
/// positions in it are character positions.
pub(super) fn compact(text: &str) -> Result<String, Problem> {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_uppercase());
        } else if !is_separator(c) {
            return Err(Problem::InvalidCharacters);
        }
    }
    if out.is_empty() {
        Err(Problem::Required)
    } else {
        Ok(out)
    }
}

/// Splits an optional country prefix (one of `prefixes`, first match wins) off a compact text.
///
/// Returns the prefix found (if any) and the rest. A text that starts with two other letters
/// carries another country's prefix: [`Problem::CountryPrefix`] naming `expected`. Only for
/// kinds whose number never starts with two letters.
pub(super) fn split_prefix<'a>(
    compact: &'a str,
    prefixes: &[&'static str],
    expected: &'static str,
) -> Result<(Option<&'static str>, &'a str), Problem> {
    for prefix in prefixes {
        if let Some(rest) = compact.strip_prefix(prefix) {
            return Ok((Some(prefix), rest));
        }
    }
    if starts_with_two_letters(compact) {
        return Err(Problem::CountryPrefix(expected));
    }
    Ok((None, compact))
}

/// Whether the first two characters are ASCII letters.
pub(super) fn starts_with_two_letters(text: &str) -> bool {
    let mut chars = text.chars();
    matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a.is_ascii_alphabetic() && b.is_ascii_alphabetic())
}

/// The values of `text` if it is only ASCII digits.
pub(super) fn digits(text: &str) -> Option<Vec<u8>> {
    text.bytes()
        .map(|b| b.is_ascii_digit().then(|| b - b'0'))
        .collect()
}

/// The digit values of `text`, which must be exactly `len` ASCII digits: [`Problem::Format`]
/// when anything else is in it, [`Problem::Length`] when the count is wrong.
pub(super) fn fixed_digits(text: &str, len: usize) -> Result<Vec<u8>, Problem> {
    let values = digits(text).ok_or(Problem::Format)?;
    if values.len() == len {
        Ok(values)
    } else {
        Err(Problem::length(len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compacts_pasted_text() {
        assert_eq!(
            compact("\u{a0} fr 27\t552.032-534 / \u{2011}\u{200b} "),
            Ok("FR27552032534".to_owned())
        );
        assert_eq!(
            compact("552\u{2212}032\u{2013}534\u{ad}"),
            Ok("552032534".to_owned())
        );
        assert_eq!(compact(" \u{a0}\t"), Err(Problem::Required));
        assert_eq!(compact(" - . "), Err(Problem::Required));
        assert_eq!(compact("55203253é"), Err(Problem::InvalidCharacters));
        assert_eq!(compact("５５２"), Err(Problem::InvalidCharacters));
        assert_eq!(compact("FR+27"), Err(Problem::InvalidCharacters));
    }

    #[test]
    fn splits_prefixes() {
        assert_eq!(split_prefix("FR27", &["FR"], "FR"), Ok((Some("FR"), "27")));
        assert_eq!(split_prefix("27", &["FR"], "FR"), Ok((None, "27")));
        assert_eq!(
            split_prefix("DE27", &["FR"], "FR"),
            Err(Problem::CountryPrefix("FR"))
        );
        assert_eq!(split_prefix("D27", &["FR"], "FR"), Ok((None, "D27")));
        assert_eq!(split_prefix("", &["FR"], "FR"), Ok((None, "")));
    }

    #[test]
    fn reads_digits() {
        assert_eq!(digits("0918"), Some(vec![0, 9, 1, 8]));
        assert_eq!(digits("09A8"), None);
        assert_eq!(fixed_digits("123", 3), Ok(vec![1, 2, 3]));
        assert_eq!(fixed_digits("1234", 3), Err(Problem::length(3)));
        assert_eq!(fixed_digits("12A", 3), Err(Problem::Format));
    }
}
