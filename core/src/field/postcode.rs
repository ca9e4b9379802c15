//! Postal codes, checked and written the way each country's post office writes them.

use super::text::{char_count, collapse_blanks};
use super::Field;
use crate::buyer_query::POSTCODE_MAX_CHARS;
use crate::country::Country;
use crate::validation_error::ValidationError;

/// Every code [`validate_postcode`] can produce.
pub const CODES: &[&str] = &[
    "postcode.required",
    "postcode.invalid_characters",
    "postcode.too_long",
    "postcode.format",
];

/// Fewest characters of a postal code in a country without a known format.
pub const POSTCODE_MIN_CHARS: usize = 2;

/// One country's postal code format.
struct Format {
    /// ISO 3166-1 alpha-2 codes of the countries using it.
    countries: &'static [&'static str],
    /// Accepted shapes, as written canonically: `9` a digit, `A` a letter, blank and `-`
    /// separators written in the canonical form, absent or any separator when typed.
    shapes: &'static [&'static str],
    /// Written before the canonical form (`LV-`).
    lead: &'static str,
    /// Country prefixes people type before a digit-led code (`D-10115`, `CH-8001`), dropped.
    prefixes: &'static [&'static str],
    /// A further check on the compact form (letters and digits only).
    check: fn(&str) -> bool,
    /// What a valid code looks like, for the `postcode.format` message.
    example: &'static str,
}

fn any(_: &str) -> bool {
    true
}

fn not_leading_zero(code: &str) -> bool {
    !code.starts_with('0')
}

fn not_double_zero(code: &str) -> bool {
    !code.starts_with("00")
}

const fn format(
    countries: &'static [&'static str],
    shapes: &'static [&'static str],
    prefixes: &'static [&'static str],
    check: fn(&str) -> bool,
    example: &'static str,
) -> Format {
    Format {
        countries,
        shapes,
        lead: "",
        prefixes,
        check,
        example,
    }
}

const ZIP: &[&str] = &["99999", "99999-9999"];

/// Every known format. Countries not listed take 2 to 12 letters, digits, blanks or dashes.
const FORMATS: &[Format] = &[
    format(&["AT"], &["9999"], &["AT", "A"], not_leading_zero, "1010"),
    format(&["AU"], &["9999"], &["AU"], any, "2000"),
    format(&["BE"], &["9999"], &["BE", "B"], not_leading_zero, "1000"),
    format(&["BG"], &["9999"], &["BG"], not_leading_zero, "1000"),
    format(&["CA"], &["A9A 9A9"], &[], canadian, "K1A 0B1"),
    format(&["CH"], &["9999"], &["CH"], not_leading_zero, "8001"),
    format(&["CY"], &["9999"], &["CY"], any, "1010"),
    format(&["CZ"], &["999 99"], &["CZ"], not_leading_zero, "110 00"),
    format(&["DE"], &["99999"], &["DE", "D"], not_double_zero, "10115"),
    format(&["DK"], &["9999"], &["DK"], any, "1050"),
    format(&["EE"], &["99999"], &["EE"], not_leading_zero, "10111"),
    format(&["ES"], &["99999"], &["ES", "E"], spanish, "28001"),
    format(&["FI"], &["99999"], &["FIN", "FI"], any, "00100"),
    format(&["FO"], &["999"], &["FO"], not_leading_zero, "100"),
    format(&["FR"], &["99999"], &["FR", "F"], not_double_zero, "75001"),
    format(
        &["GL"],
        &["9999"],
        &["GL", "DK"],
        |code| code.starts_with("39"),
        "3900",
    ),
    format(&["GR"], &["999 99"], &["GR"], not_leading_zero, "105 57"),
    format(&["HR"], &["99999"], &["HR"], not_leading_zero, "10000"),
    format(&["HU"], &["9999"], &["HU", "H"], not_leading_zero, "1051"),
    format(&["IE"], &["XXX XXXX"], &[], eircode, "D02 X285"),
    format(&["IT"], &["99999"], &["IT", "I"], any, "00184"),
    format(
        &["LI"],
        &["9999"],
        &["FL", "LI"],
        |code| code.starts_with("94"),
        "9490",
    ),
    Format {
        lead: "LT-",
        ..format(&["LT"], &["99999"], &["LT"], any, "LT-01100")
    },
    format(&["LU"], &["9999"], &["LU", "L"], not_leading_zero, "1009"),
    Format {
        lead: "LV-",
        ..format(&["LV"], &["9999"], &["LV"], not_leading_zero, "LV-1050")
    },
    format(&["MT"], &["AAA 9999"], &[], any, "VLT 1117"),
    format(&["NL"], &["9999 AA"], &["NL"], dutch, "1012 AB"),
    format(&["NO"], &["9999"], &["NO", "N"], any, "0150"),
    format(&["PL"], &["99-999"], &["PL"], any, "00-950"),
    format(
        &["PT"],
        &["9999-999"],
        &["PT", "P"],
        not_leading_zero,
        "1000-001",
    ),
    format(&["RO"], &["999999"], &["RO"], any, "010011"),
    format(
        &["SE"],
        &["999 99"],
        &["SE", "S"],
        not_leading_zero,
        "111 22",
    ),
    format(&["SI"], &["9999"], &["SLO", "SI"], not_leading_zero, "1000"),
    format(&["SK"], &["999 99"], &["SK"], any, "811 01"),
    format(&["US"], ZIP, &[], any, "10001"),
    format(&["PR"], ZIP, &[], any, "00901"),
    format(&["VI"], ZIP, &[], any, "00802"),
    format(&["GU"], ZIP, &[], any, "96910"),
    format(&["AS"], ZIP, &[], any, "96799"),
    format(&["MP"], ZIP, &[], any, "96950"),
    format(
        &["IT", "SM"],
        &["99999"],
        &[],
        |code| code.starts_with("4789"),
        "47890",
    ),
];

/// Checks and writes a postal code for `country`, canonically: upper case, the country's own
/// separators (`1234 AB`, `SW1A 1AA`, `K1A 0B1`, `12345-6789`, `00-950`, `LV-1050`), typed
/// country prefixes dropped (`D-10115` → `10115`). A blank value is `""`, or an error when
/// `required`.
///
/// Formats: FR, DE, IT, ES (01–52), EE, FI, HR 5 digits; BE, AT, CH, LI, LU, DK, NO, BG, CY, HU,
/// SI, AU 4 digits; NL `1234 AB`; GB (and GG, JE, IM) full `SW1A 1AA` or outward code `SW1A`;
/// IE Eircode `D02 X285`; CZ, SK, GR, SE `123 45`; PL `12-345`; PT `1234-567`; RO 6 digits;
/// MT `VLT 1117`; LV `LV-1234`; LT `LT-12345`; US, PR, VI, GU, AS, MP ZIP or ZIP+4; CA
/// `K1A 0B1`; GL 39xx; FO 3 digits; SM 4789x. Other countries: 2 to 12 letters, digits, blanks
/// or dashes, upper-cased.
///
/// Errors (field `postcode`): `postcode.required`; `postcode.invalid_characters` (anything but
/// ASCII letters, digits, blanks and dashes); `postcode.too_long` (param `max`: 12);
/// `postcode.format` (param `example` where the country has a known format).
pub fn validate_postcode(
    value: &str,
    country: Option<Country>,
    required: bool,
) -> Result<String, Vec<ValidationError>> {
    let field = Field::Postcode.as_str();
    let postcode = collapse_blanks(value).to_ascii_uppercase();
    if postcode.is_empty() {
        return if required {
            Err(vec![ValidationError::new("postcode.required", field)])
        } else {
            Ok(postcode)
        };
    }
    let mut errors = Vec::new();
    if !postcode
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
    {
        errors.push(ValidationError::new("postcode.invalid_characters", field));
    }
    if char_count(&postcode) > POSTCODE_MAX_CHARS {
        errors.push(
            ValidationError::new("postcode.too_long", field).with_param("max", POSTCODE_MAX_CHARS),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let code = country.map(Country::alpha2).unwrap_or_default();
    if matches!(code, "GB" | "GG" | "JE" | "IM") {
        return british(&compact(&postcode)).ok_or_else(|| {
            let example = match code {
                "GG" => "GY1 1AA",
                "JE" => "JE2 3AB",
                "IM" => "IM1 1AA",
                _ => "SW1A 1AA",
            };
            vec![ValidationError::new("postcode.format", field).with_param("example", example)]
        });
    }
    let formats: Vec<&Format> = FORMATS
        .iter()
        .filter(|format| format.countries.contains(&code))
        .collect();
    let Some(first) = formats.first() else {
        return if char_count(&postcode) < POSTCODE_MIN_CHARS {
            Err(vec![ValidationError::new("postcode.format", field)])
        } else {
            Ok(postcode)
        };
    };
    formats
        .iter()
        .find_map(|format| canonical(&postcode, format))
        .ok_or_else(|| {
            let error = ValidationError::new("postcode.format", field);
            vec![error.with_param("example", first.example)]
        })
}

/// Letters and digits only.
fn compact(postcode: &str) -> String {
    postcode
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// The canonical form of `postcode` (upper case, no other characters than letters, digits,
/// blanks and dashes) in `format`, if it is one.
fn canonical(postcode: &str, format: &Format) -> Option<String> {
    let mut code = postcode;
    for prefix in format.prefixes {
        if let Some(rest) = code.strip_prefix(prefix) {
            let rest = rest.trim_start_matches([' ', '-']);
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                code = rest;
                break;
            }
        }
    }
    let compact = compact(code);
    if !(format.check)(&compact) {
        return None;
    }
    format
        .shapes
        .iter()
        .find_map(|shape| fit(&compact, shape))
        .map(|written| format!("{}{written}", format.lead))
}

/// Writes `compact` in `shape` if its letters and digits fit it.
fn fit(compact: &str, shape: &str) -> Option<String> {
    let slots = shape.chars().filter(|c| !matches!(c, ' ' | '-')).count();
    if compact.chars().count() != slots {
        return None;
    }
    let mut chars = compact.chars();
    let mut out = String::with_capacity(shape.len());
    for slot in shape.chars() {
        if matches!(slot, ' ' | '-') {
            out.push(slot);
            continue;
        }
        let c = chars.next()?;
        let fits = match slot {
            '9' => c.is_ascii_digit(),
            'A' => c.is_ascii_uppercase(),
            _ => c.is_ascii_alphanumeric(),
        };
        if !fits {
            return None;
        }
        out.push(c);
    }
    Some(out)
}

fn spanish(code: &str) -> bool {
    code.get(..2)
        .and_then(|province| province.parse::<u8>().ok())
        .is_some_and(|province| (1..=52).contains(&province))
}

fn dutch(code: &str) -> bool {
    let letters = code.get(4..).unwrap_or_default();
    not_leading_zero(code) && !matches!(letters, "SA" | "SD" | "SS")
}

/// Canadian postal codes never use D, F, I, O, Q or U, nor W or Z first.
fn canadian(code: &str) -> bool {
    let bytes = code.as_bytes();
    [0, 2, 4].iter().all(|&at| {
        bytes
            .get(at)
            .is_some_and(|letter| !b"DFIOQU".contains(letter))
    }) && bytes.first().is_some_and(|first| !b"WZ".contains(first))
}

/// Eircode: a routing key (a letter and two digits, or `D6W`) then four letters or digits, all
/// from the Eircode alphabet.
fn eircode(code: &str) -> bool {
    const LETTERS: &[u8] = b"ACDEFHKNPRTVWXY";
    let bytes = code.as_bytes();
    let routing = match bytes {
        [b'D', b'6', b'W', ..] => true,
        [letter, a, b, ..] => LETTERS.contains(letter) && a.is_ascii_digit() && b.is_ascii_digit(),
        _ => false,
    };
    routing
        && bytes.len() == 7
        && bytes[3..]
            .iter()
            .all(|c| c.is_ascii_digit() || LETTERS.contains(c))
}

/// A UK postcode: full (`SW1A 1AA`) or outward code only (`SW1A`), or `GIR 0AA`.
fn british(code: &str) -> Option<String> {
    if code == "GIR0AA" {
        return Some("GIR 0AA".to_owned());
    }
    if outward(code) {
        return Some(code.to_owned());
    }
    let split = code.len().checked_sub(3)?;
    let (out, inward) = (code.get(..split)?, code.get(split..)?);
    let inward_ok = match inward.as_bytes() {
        [digit, a, b] => {
            digit.is_ascii_digit()
                && [a, b]
                    .iter()
                    .all(|letter| letter.is_ascii_uppercase() && !b"CIKMOV".contains(letter))
        }
        _ => false,
    };
    (inward_ok && outward(out)).then(|| format!("{out} {inward}"))
}

/// A UK outward code: A9, A99, A9A, AA9, AA99 or AA9A with the Royal Mail's letter rules.
fn outward(code: &str) -> bool {
    let first = |c: &u8| c.is_ascii_uppercase() && !b"QVX".contains(c);
    let second = |c: &u8| c.is_ascii_uppercase() && !b"IJZ".contains(c);
    let digit = |c: &u8| c.is_ascii_digit();
    match code.as_bytes() {
        [a, n] => first(a) && digit(n),
        [a, b, c] => {
            (first(a) && digit(b) && digit(c))
                || (first(a) && digit(b) && b"ABCDEFGHJKPSTUW".contains(c))
                || (first(a) && second(b) && digit(c))
        }
        [a, b, n, d] => {
            first(a) && second(b) && digit(n) && (digit(d) || b"ABEHMNPRVWXY".contains(d))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(value: &str, country: &str) -> String {
        validate_postcode(value, Country::from_alpha2(country), true)
            .unwrap_or_else(|errors| panic!("{value} in {country}: {errors:?}"))
    }

    fn codes(value: &str, country: &str) -> Vec<String> {
        validate_postcode(value, Country::from_alpha2(country), true)
            .unwrap_err()
            .into_iter()
            .map(|error| error.code)
            .collect()
    }

    #[test]
    fn writes_canonical_forms() {
        for (value, country, expected) in [
            ("75001", "FR", "75001"),
            ("F-75001", "FR", "75001"),
            ("1000", "BE", "1000"),
            ("B-1000", "BE", "1000"),
            ("1234ab", "NL", "1234 AB"),
            (" 1234  AB ", "NL", "1234 AB"),
            ("D-10115", "DE", "10115"),
            ("00184", "IT", "00184"),
            ("28001", "ES", "28001"),
            ("sw1a1aa", "GB", "SW1A 1AA"),
            ("SW1A 1AA", "GB", "SW1A 1AA"),
            ("sw1a", "GB", "SW1A"),
            ("M1 1AE", "GB", "M1 1AE"),
            ("B33 8TH", "GB", "B33 8TH"),
            ("CR2 6XH", "GB", "CR2 6XH"),
            ("DN55 1PT", "GB", "DN55 1PT"),
            ("W1A 0AX", "GB", "W1A 0AX"),
            ("EC1A 1BB", "GB", "EC1A 1BB"),
            ("gir 0aa", "GB", "GIR 0AA"),
            ("GY1 1AA", "GG", "GY1 1AA"),
            ("CH-8001", "CH", "8001"),
            ("A-1010", "AT", "1010"),
            ("1000", "BG", "1000"),
            ("10000", "HR", "10000"),
            ("1010", "CY", "1010"),
            ("11000", "CZ", "110 00"),
            ("1050", "DK", "1050"),
            ("10111", "EE", "10111"),
            ("00100", "FI", "00100"),
            ("10557", "GR", "105 57"),
            ("1051", "HU", "1051"),
            ("d02x285", "IE", "D02 X285"),
            ("D6W 1234", "IE", "D6W 1234"),
            ("1050", "LV", "LV-1050"),
            ("LV 1050", "LV", "LV-1050"),
            ("LT-01100", "LT", "LT-01100"),
            ("L-1009", "LU", "1009"),
            ("vlt1117", "MT", "VLT 1117"),
            ("00950", "PL", "00-950"),
            ("1000001", "PT", "1000-001"),
            ("010011", "RO", "010011"),
            ("81101", "SK", "811 01"),
            ("SI-1000", "SI", "1000"),
            ("11122", "SE", "111 22"),
            ("0150", "NO", "0150"),
            ("10001", "US", "10001"),
            ("100011234", "US", "10001-1234"),
            ("10001 1234", "US", "10001-1234"),
            ("00901", "PR", "00901"),
            ("k1a0b1", "CA", "K1A 0B1"),
            ("2000", "AU", "2000"),
            ("3900", "GL", "3900"),
            ("FO-100", "FO", "100"),
            ("9490", "LI", "9490"),
            ("47890", "SM", "47890"),
            ("c1425dkf", "AR", "C1425DKF"),
            ("100-0001", "JP", "100-0001"),
        ] {
            assert_eq!(ok(value, country), expected, "{value} in {country}");
        }
    }

    #[test]
    fn refuses_wrong_shapes_with_an_example() {
        for (value, country) in [
            ("7500", "FR"),
            ("00100", "FR"),
            ("0100", "BE"),
            ("1234", "NL"),
            ("0123 AB", "NL"),
            ("1234 SS", "NL"),
            ("1011", "DE"),
            ("53001", "ES"),
            ("QW1 1AA", "GB"),
            ("SW1A 1CA", "GB"),
            ("SW1A1", "GB"),
            ("W1I 1AA", "GB"),
            ("K1A 0B", "CA"),
            ("D1A 0B1", "CA"),
            ("W1A 0B1", "CA"),
            ("1234", "US"),
            ("12345-67", "US"),
            ("B02 X285", "IE"),
            ("0999", "CH"),
            ("4000", "GL"),
            ("D-10115", "FR"),
        ] {
            let errors = validate_postcode(value, Country::from_alpha2(country), true).unwrap_err();
            assert_eq!(errors.len(), 1, "{value} in {country}");
            assert_eq!(errors[0].code, "postcode.format", "{value} in {country}");
            assert!(
                errors[0].params.contains_key("example"),
                "{value} in {country}"
            );
        }
    }

    #[test]
    fn generic_and_shared_rules() {
        assert_eq!(codes("", "FR"), ["postcode.required"]);
        assert_eq!(validate_postcode("  ", None, false).unwrap(), "");
        assert_eq!(codes("75<01", "FR"), ["postcode.invalid_characters"]);
        assert_eq!(codes("7500É", "FR"), ["postcode.invalid_characters"]);
        assert_eq!(codes("1234567890123", "AR"), ["postcode.too_long"]);
        assert_eq!(codes("1", "AR"), ["postcode.format"]);
        assert_eq!(validate_postcode("ab-12", None, true).unwrap(), "AB-12");
        let error = &validate_postcode("1", None, true).unwrap_err()[0];
        assert!(error.params.is_empty());
        assert_eq!(error.field, "postcode");
    }
}
