//! The formats insurers may have stored one number in, to search for each (Coface asks to try
//! several).

use super::handelsregister;
use super::kind::IdentifierKind;

/// The distinct forms of the same number an insurer may store: the canonical form first, then
/// without the country prefix, with the customary separators, without leading zeros, … No
/// duplicates. A text that is not a valid `kind` gives only itself, trimmed (nothing if blank).
pub fn search_variants(kind: IdentifierKind, canonical: &str) -> Vec<String> {
    let Ok(value) = super::canonical(kind, canonical) else {
        let trimmed = canonical.trim();
        return if trimmed.is_empty() {
            Vec::new()
        } else {
            vec![trimmed.to_owned()]
        };
    };
    let mut variants = vec![value.clone()];
    for variant in others(kind, &value) {
        if !variants.contains(&variant) {
            variants.push(variant);
        }
    }
    variants
}

/// The other forms of a valid canonical `value` (ASCII, so slicing by byte is by character).
fn others(kind: IdentifierKind, value: &str) -> Vec<String> {
    use IdentifierKind as K;
    let at = |from: usize| value.get(from..).unwrap_or_default();
    let slice = |from: usize, to: usize| value.get(from..to).unwrap_or_default();
    match kind {
        K::FrSiren => vec![groups(value, 3, " ")],
        K::FrSiret => vec![format!("{} {}", groups(slice(0, 9), 3, " "), at(9))],
        K::FrVat => vec![
            at(2).to_owned(),
            format!("FR {} {}", slice(2, 4), at(4)),
            format!("FR {} {}", slice(2, 4), groups(at(4), 3, " ")),
        ],
        K::BeKbo => vec![
            without_leading_zeros(value),
            format!("{}.{}.{}", slice(0, 4), slice(4, 7), at(7)),
        ],
        K::BeVat => vec![
            at(2).to_owned(),
            format!("BE {}.{}.{}", slice(2, 6), slice(6, 9), at(9)),
            format!("BE{}", without_leading_zeros(at(2))),
        ],
        K::NlVat => vec![at(2).to_owned(), format!("NL {} {}", slice(2, 11), at(11))],
        K::DeHr => handelsregister::parse(value)
            .map(|entry| {
                let register = entry.spaced_register();
                vec![
                    register.replace(' ', ""),
                    format!("{} {register}", entry.court.replace('-', " ")),
                    register,
                ]
            })
            .unwrap_or_default(),
        K::DeVat => vec![at(2).to_owned(), format!("DE {}", groups(at(2), 3, " "))],
        K::ItPiva => vec![without_leading_zeros(value)],
        K::ItVat => vec![at(2).to_owned(), format!("IT {}", at(2))],
        K::EsCif => vec![format!("{}-{}", slice(0, 1), at(1))],
        K::EsNif => vec![spanish_dashed(value)],
        K::EsVat => vec![at(2).to_owned(), format!("ES {}", spanish_dashed(at(2)))],
        K::GbCrn => {
            let letters = value.bytes().take_while(u8::is_ascii_alphabetic).count();
            let (prefix, number) = value.split_at(letters.min(value.len()));
            let prefix = if prefix == "R" { "R0" } else { prefix };
            let number = if prefix == "R0" { at(2) } else { number };
            vec![format!("{prefix}{}", without_leading_zeros(number))]
        }
        K::GbVat => {
            let body = at(2);
            let mut forms = vec![body.to_owned()];
            if body.bytes().all(|b| b.is_ascii_digit()) {
                let spaced = format!("{} {} {}", slice(2, 5), slice(5, 9), slice(9, 11));
                let branch = at(11);
                let spaced = if branch.is_empty() {
                    spaced
                } else {
                    format!("{spaced} {branch}")
                };
                forms.push(format!("{} {spaced}", slice(0, 2)));
                forms.push(spaced);
            }
            if value.starts_with("XI") {
                forms.push(format!("GB{body}"));
            }
            forms
        }
        K::ChUid => vec![
            format!("CHE-{}", groups(at(3), 3, ".")),
            at(3).to_owned(),
            format!("CHE-{} MWST", groups(at(3), 3, ".")),
        ],
        K::Duns => vec![format!("{}-{}-{}", slice(0, 2), slice(2, 5), at(5))],
        K::UsEin => vec![format!("{}-{}", slice(0, 2), at(2))],
        K::NoVat => {
            let number = slice(2, 11);
            vec![
                format!("NO{number}"),
                number.to_owned(),
                format!("{number}MVA"),
                format!("NO {} MVA", groups(number, 3, " ")),
            ]
        }
        K::GrVat => vec![
            at(2).to_owned(),
            format!("EL {}", at(2)),
            format!("GR{}", at(2)),
        ],
        K::AtVat
        | K::BgVat
        | K::CyVat
        | K::CzVat
        | K::DkVat
        | K::EeVat
        | K::FiVat
        | K::HrVat
        | K::HuVat
        | K::IeVat
        | K::LtVat
        | K::LuVat
        | K::LvVat
        | K::MtVat
        | K::PlVat
        | K::PtVat
        | K::RoVat
        | K::SeVat
        | K::SiVat
        | K::SkVat => vec![at(2).to_owned(), format!("{} {}", slice(0, 2), at(2))],
        K::NlKvk | K::Lei | K::AllianzCompanyId | K::CofaceEasy => Vec::new(),
    }
}

/// `text` in groups of `size` characters joined by `separator` (ASCII text).
fn groups(text: &str, size: usize, separator: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .chunks(size)
        .map(|chunk| chunk.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(separator)
}

/// `text` without its leading zeros (at least one digit kept).
fn without_leading_zeros(text: &str) -> String {
    let trimmed = text.trim_start_matches('0');
    if trimmed.is_empty() && !text.is_empty() {
        "0".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// A Spanish NIF as often printed: `12345678-Z`, `X-1234567-L`, `A-58818501`.
fn spanish_dashed(nif: &str) -> String {
    let at = |from: usize, to: usize| nif.get(from..to).unwrap_or_default();
    match nif.bytes().next() {
        Some(b'0'..=b'9') => format!("{}-{}", at(0, 8), at(8, 9)),
        Some(b'X' | b'Y' | b'Z' | b'K' | b'L' | b'M') => {
            format!("{}-{}-{}", at(0, 1), at(1, 8), at(8, 9))
        }
        _ => format!("{}-{}", at(0, 1), at(1, 9)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use IdentifierKind as K;

    fn variants(kind: IdentifierKind, text: &str) -> Vec<String> {
        search_variants(kind, text)
    }

    #[test]
    fn brief_examples() {
        assert_eq!(
            variants(K::FrSiren, "552032534"),
            ["552032534", "552 032 534"]
        );
        assert_eq!(
            variants(K::FrVat, "FR27552032534"),
            [
                "FR27552032534",
                "27552032534",
                "FR 27 552032534",
                "FR 27 552 032 534"
            ]
        );
        assert_eq!(
            variants(K::BeKbo, "0403170701"),
            ["0403170701", "403170701", "0403.170.701"]
        );
        assert_eq!(
            variants(K::ChUid, "CHE116281710"),
            [
                "CHE116281710",
                "CHE-116.281.710",
                "116281710",
                "CHE-116.281.710 MWST"
            ]
        );
        assert_eq!(variants(K::GbCrn, "00012345"), ["00012345", "12345"]);
        assert_eq!(variants(K::GbCrn, "SC012345"), ["SC012345", "SC12345"]);
        assert_eq!(variants(K::GbCrn, "SC123456"), ["SC123456"]);
        assert_eq!(variants(K::GbCrn, "R0012345"), ["R0012345", "R012345"]);
    }

    #[test]
    fn other_kinds() {
        assert_eq!(
            variants(K::FrSiret, "73282932000074"),
            ["73282932000074", "732 829 320 00074"]
        );
        assert_eq!(
            variants(K::BeVat, "BE0403170701"),
            [
                "BE0403170701",
                "0403170701",
                "BE 0403.170.701",
                "BE403170701"
            ]
        );
        assert_eq!(
            variants(K::GbVat, "GB980780684"),
            ["GB980780684", "980780684", "GB 980 7806 84", "980 7806 84"]
        );
        assert_eq!(
            variants(K::GbVat, "XI980780684"),
            [
                "XI980780684",
                "980780684",
                "XI 980 7806 84",
                "980 7806 84",
                "GB980780684"
            ]
        );
        assert_eq!(
            variants(K::DeHr, "Amtsgericht Köln HRB 12345"),
            ["HRB12345@KOELN", "HRB12345", "KOELN HRB 12345", "HRB 12345"]
        );
        assert_eq!(
            variants(K::NoVat, "NO123456785MVA"),
            [
                "NO123456785MVA",
                "NO123456785",
                "123456785",
                "123456785MVA",
                "NO 123 456 785 MVA"
            ]
        );
        assert_eq!(
            variants(K::EsNif, "X1234567L"),
            ["X1234567L", "X-1234567-L"]
        );
        assert_eq!(variants(K::EsNif, "12345678Z"), ["12345678Z", "12345678-Z"]);
        assert_eq!(
            variants(K::EsVat, "ESA58818501"),
            ["ESA58818501", "A58818501", "ES A-58818501"]
        );
        assert_eq!(variants(K::UsEin, "123456789"), ["123456789", "12-3456789"]);
        assert_eq!(
            variants(K::Lei, "5493001KJTIIGC8Y1R12"),
            ["5493001KJTIIGC8Y1R12"]
        );
        assert_eq!(
            variants(K::GrVat, "EL094259216"),
            ["EL094259216", "094259216", "EL 094259216", "GR094259216"]
        );
        assert_eq!(
            variants(K::PlVat, "5260250274"),
            ["PL5260250274", "5260250274", "PL 5260250274"]
        );
    }

    #[test]
    fn invalid_text_gives_itself() {
        assert_eq!(variants(K::FrSiren, " 123 "), ["123"]);
        assert!(variants(K::FrSiren, "  ").is_empty());
    }
}
