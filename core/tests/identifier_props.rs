//! Property tests of `tradecover_core::identifier`.
//!
//! The generators build valid numbers with their own check-digit code, written from the
//! published rules independently of the module, so a wrong rule on either side shows.

use proptest::prelude::*;
use proptest::sample::select;
use tradecover_core::identifier::{
    detect_identifier, search_variants, validate_identifier, IdentifierKind, CODES,
};
use tradecover_core::Country;

use IdentifierKind as K;

// ---------------------------------------------------------------- helpers

/// `n` random digits.
fn ds(n: usize) -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(0u32..10, n)
}

/// Digits as text.
fn text(digits: &[u32]) -> String {
    digits
        .iter()
        .map(|d| char::from_digit(*d, 10).unwrap())
        .collect()
}

/// Sum of digits times weights.
fn wsum(digits: &[u32], weights: &[u32]) -> u32 {
    digits.iter().zip(weights).map(|(d, w)| d * w).sum()
}

/// The Luhn check digit to append: every second digit doubled, starting with the last given.
fn luhn_digit(digits: &[u32]) -> u32 {
    let mut sum = 0;
    for (i, d) in digits.iter().rev().enumerate() {
        sum += if i % 2 == 0 {
            let t = d * 2;
            if t > 9 {
                t - 9
            } else {
                t
            }
        } else {
            *d
        };
    }
    (10 - sum % 10) % 10
}

/// Integer value of digits (u128: no LEI body goes through here, only up to 19 digits).
fn value(digits: &[u32]) -> u128 {
    digits.iter().fold(0, |n, d| n * 10 + u128::from(*d))
}

/// ISO 7064 MOD 11,10 check digit.
fn mod_11_10_digit(digits: &[u32]) -> u32 {
    let mut p = 10;
    for d in digits {
        let mut s = (d + p) % 10;
        if s == 0 {
            s = 10;
        }
        p = s * 2 % 11;
    }
    (11 - p) % 10
}

/// Remainder mod 97 of text read with letters as 10–35 (LEI, NL VAT).
fn mod97_text(text: &str) -> u32 {
    let mut expanded = String::new();
    for c in text.chars() {
        expanded.push_str(&c.to_digit(36).unwrap().to_string());
    }
    expanded
        .chars()
        .fold(0, |r, c| (r * 10 + c.to_digit(10).unwrap()) % 97)
}

fn siren() -> impl Strategy<Value = Vec<u32>> {
    ds(8).prop_map(|mut d| {
        d.push(luhn_digit(&d));
        d
    })
}

fn kbo() -> impl Strategy<Value = String> {
    (0u32..2, ds(7)).prop_map(|(first, rest)| {
        let mut d = vec![first];
        d.extend(rest);
        let check = 97 - (value(&d) % 97) as u32;
        format!("{}{check:02}", text(&d))
    })
}

fn piva() -> impl Strategy<Value = String> {
    let office = prop_oneof![1u32..=100, Just(120), Just(121), Just(888), Just(999)];
    (
        ds(7).prop_filter("not all zero", |d| d.iter().any(|x| *x > 0)),
        office,
    )
        .prop_map(|(mut d, office)| {
            d.extend([office / 100, office / 10 % 10, office % 10]);
            d.push(luhn_digit(&d));
            text(&d)
        })
}

const DNI: &[u8] = b"TRWAGMYFPDXBNJZSQVHLCKE";

fn cif() -> impl Strategy<Value = String> {
    (select(b"ABCDEFGHJNPQRSUVW".to_vec()), ds(7), any::<bool>()).prop_map(
        |(letter, d, letter_control)| {
            let c = luhn_digit(&d);
            let as_letter = char::from(b"JABCDEFGHI"[c as usize]);
            let as_digit = char::from_digit(c, 10).unwrap();
            let control = match letter {
                b'A' | b'B' | b'E' | b'H' => as_digit,
                b'N' | b'P' | b'Q' | b'R' | b'S' | b'W' => as_letter,
                _ if letter_control => as_letter,
                _ => as_digit,
            };
            format!("{}{}{control}", char::from(letter), text(&d))
        },
    )
}

fn nif() -> BoxedStrategy<String> {
    prop_oneof![
        (0u32..100_000_000).prop_map(|n| format!("{n:08}{}", char::from(DNI[(n % 23) as usize]))),
        (0u32..3, 0u32..10_000_000).prop_map(|(x, n)| {
            let full = x * 10_000_000 + n;
            format!(
                "{}{n:07}{}",
                char::from(b"XYZ"[x as usize]),
                char::from(DNI[(full % 23) as usize])
            )
        }),
        (select(b"KLM".to_vec()), 0u32..10_000_000).prop_map(|(l, n)| format!(
            "{}{n:07}{}",
            char::from(l),
            char::from(DNI[(n % 23) as usize])
        )),
        cif(),
    ]
    .boxed()
}

const IE: &[u8] = b"WABCDEFGHIJKLMNOPQRSTUV";

fn ie_letter(seven: &[u32], second: u32) -> char {
    char::from(IE[((wsum(seven, &[8, 7, 6, 5, 4, 3, 2]) + 9 * second) % 23) as usize])
}

const COURTS: &[(&str, &str)] = &[
    ("KOELN", "Köln"),
    ("MUENCHEN", "München"),
    ("BERLIN-CHARLOTTENBURG", "Berlin (Charlottenburg)"),
    ("FRANKFURT-AM-MAIN", "Frankfurt am Main"),
    ("HAMBURG", "Hamburg"),
    ("DUESSELDORF", "Düsseldorf"),
    ("BAD-HOMBURG-V-D-H", "Bad Homburg v.d.H."),
    ("ST-INGBERT", "St. Ingbert"),
];

/// (register, number, suffix, court index) of a de.hr entry.
fn register_entry() -> impl Strategy<Value = (&'static str, u32, &'static str, usize)> {
    (
        select(vec!["HRA", "HRB", "GNR", "GSR", "PR", "VR"]),
        1u32..1_000_000,
        select(vec!["", "", "B", "HB"]),
        0..COURTS.len(),
    )
}

// ---------------------------------------------------------------- generators

/// A valid canonical value of `kind`.
fn valid(kind: IdentifierKind) -> BoxedStrategy<String> {
    match kind {
        K::FrSiren => siren().prop_map(|d| text(&d)).boxed(),
        K::FrSiret => (siren(), ds(4))
            .prop_map(|(mut d, nic)| {
                d.extend(nic);
                d.push(luhn_digit(&d));
                text(&d)
            })
            .prop_filter("La Poste", |s| !s.starts_with("356000000"))
            .boxed(),
        K::FrVat => siren()
            .prop_map(|d| {
                let key = (12 + 3 * (value(&d) % 97) as u32) % 97;
                format!("FR{key:02}{}", text(&d))
            })
            .boxed(),
        K::BeKbo => kbo().boxed(),
        K::BeVat => kbo().prop_map(|k| format!("BE{k}")).boxed(),
        K::NlKvk => ds(8).prop_map(|d| text(&d)).boxed(),
        K::NlVat => prop_oneof![
            (ds(8), 1u32..100).prop_filter_map("check 10", |(mut d, branch)| {
                let check = wsum(&d, &[9, 8, 7, 6, 5, 4, 3, 2]) % 11;
                (check < 10).then(|| {
                    d.push(check);
                    format!("NL{}B{branch:02}", text(&d))
                })
            }),
            ds(9).prop_map(|d| {
                let stem = format!("NL{}B", text(&d));
                let r = mod97_text(&stem) * 100 % 97;
                let branch = match (1 + 97 - r) % 97 {
                    0 => 97,
                    b => b,
                };
                format!("{stem}{branch:02}")
            }),
        ]
        .boxed(),
        K::DeHr => register_entry()
            .prop_map(|(register, number, suffix, court)| {
                format!("{register}{number}{suffix}@{}", COURTS[court].0)
            })
            .boxed(),
        K::DeVat => ds(8)
            .prop_map(|mut d| {
                d.push(mod_11_10_digit(&d));
                format!("DE{}", text(&d))
            })
            .boxed(),
        K::ItPiva => piva().boxed(),
        K::ItVat => piva().prop_map(|p| format!("IT{p}")).boxed(),
        K::EsCif => cif().boxed(),
        K::EsNif => nif(),
        K::EsVat => nif().prop_map(|n| format!("ES{n}")).boxed(),
        K::GbCrn => prop_oneof![
            ds(8).prop_map(|d| text(&d)),
            (
                select(vec![
                    "SC", "NI", "OC", "SO", "NC", "R0", "LP", "SL", "SF", "NL", "FC", "SE"
                ]),
                ds(6)
            )
                .prop_map(|(p, d)| format!("{p}{}", text(&d))),
        ]
        .boxed(),
        K::GbVat => prop_oneof![
            (
                ds(7),
                any::<bool>(),
                prop::option::of(ds(3)),
                select(vec!["GB", "XI"])
            )
                .prop_map(|(d, new_rule, branch, prefix)| {
                    let s = wsum(&d, &[8, 7, 6, 5, 4, 3, 2]) % 97;
                    // Old: s + c ≡ 0; 9755 (numbers from 100 000 000): s + c + 55 ≡ 0.
                    let c = if new_rule && d[0] > 0 {
                        (42 + 97 - s) % 97
                    } else {
                        (97 - s) % 97
                    };
                    let branch = branch.map(|b| text(&b)).unwrap_or_default();
                    format!("{prefix}{}{c:02}{branch}", text(&d))
                }),
            (0u32..500).prop_map(|n| format!("GBGD{n:03}")),
            (500u32..1000).prop_map(|n| format!("GBHA{n:03}")),
        ]
        .boxed(),
        K::ChUid => ds(8)
            .prop_filter_map("check 10", |mut d| {
                let c = match 11 - wsum(&d, &[5, 4, 3, 2, 7, 6, 5, 4]) % 11 {
                    11 => 0,
                    10 => return None,
                    c => c,
                };
                d.push(c);
                Some(format!("CHE{}", text(&d)))
            })
            .boxed(),
        K::Lei => {
            prop::collection::vec(select(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".to_vec()), 18)
                .prop_map(|chars| {
                    let body: String = chars.into_iter().map(char::from).collect();
                    let check = 98 - mod97_text(&format!("{body}00"));
                    format!("{body}{check:02}")
                })
                .boxed()
        }
        K::Duns => ds(9).prop_map(|d| text(&d)).boxed(),
        K::AllianzCompanyId => prop::collection::vec(0u32..10, 6..=10)
            .prop_map(|d| text(&d))
            .boxed(),
        K::CofaceEasy => prop_oneof![
            ds(19).prop_map(|d| text(&d)),
            prop::collection::vec(0u32..10, 1..=18).prop_map(|d| format!("Z{}", text(&d))),
        ]
        .boxed(),
        K::AtVat => ds(7)
            .prop_map(|d| {
                let sum: u32 = d
                    .iter()
                    .enumerate()
                    .map(|(i, x)| {
                        if i % 2 == 1 {
                            (2 * x) / 10 + (2 * x) % 10
                        } else {
                            *x
                        }
                    })
                    .sum();
                format!("ATU{}{}", text(&d), (10 - (sum + 4) % 10) % 10)
            })
            .boxed(),
        K::BgVat => prop_oneof![
            ds(8).prop_map(|mut d| {
                let mut r = wsum(&d, &[1, 2, 3, 4, 5, 6, 7, 8]) % 11;
                if r == 10 {
                    r = wsum(&d, &[3, 4, 5, 6, 7, 8, 9, 10]) % 11;
                }
                d.push(r % 10);
                format!("BG{}", text(&d))
            }),
            ds(9).prop_map(|mut d| {
                d.push(wsum(&d, &[2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11 % 10);
                format!("BG{}", text(&d))
            }),
        ]
        .boxed(),
        K::CyVat => ds(8)
            .prop_map(|d| {
                let map = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
                let sum: u32 = d
                    .iter()
                    .enumerate()
                    .map(|(i, x)| if i % 2 == 0 { map[*x as usize] } else { *x })
                    .sum();
                format!("CY{}{}", text(&d), char::from(b'A' + (sum % 26) as u8))
            })
            .boxed(),
        K::CzVat => prop_oneof![
            (0u32..9, ds(6)).prop_map(|(first, rest)| {
                let mut d = vec![first];
                d.extend(rest);
                let c = (11 - wsum(&d, &[8, 7, 6, 5, 4, 3, 2]) % 11) % 11;
                d.push(if c == 0 { 1 } else { c % 10 });
                format!("CZ{}", text(&d))
            }),
            ds(9).prop_map(|mut d| {
                d.push((value(&d) % 11 % 10) as u32);
                format!("CZ{}", text(&d))
            }),
            ds(9).prop_map(|d| format!("CZ{}", text(&d))),
        ]
        .boxed(),
        K::DkVat => ds(7)
            .prop_filter_map("no digit", |mut d| {
                let c = (11 - wsum(&d, &[2, 7, 6, 5, 4, 3, 2]) % 11) % 11;
                (c < 10).then(|| {
                    d.push(c);
                    format!("DK{}", text(&d))
                })
            })
            .boxed(),
        K::EeVat => ds(8)
            .prop_map(|mut d| {
                d.push((10 - wsum(&d, &[3, 7, 1, 3, 7, 1, 3, 7]) % 10) % 10);
                format!("EE{}", text(&d))
            })
            .boxed(),
        K::GrVat => ds(8)
            .prop_map(|mut d| {
                d.push(wsum(&d, &[256, 128, 64, 32, 16, 8, 4, 2]) % 11 % 10);
                format!("EL{}", text(&d))
            })
            .boxed(),
        K::FiVat => ds(7)
            .prop_filter_map("no digit", |mut d| {
                let c = (11 - wsum(&d, &[7, 9, 10, 5, 8, 4, 2]) % 11) % 11;
                (c < 10).then(|| {
                    d.push(c);
                    format!("FI{}", text(&d))
                })
            })
            .boxed(),
        K::HrVat => ds(10)
            .prop_map(|mut d| {
                d.push(mod_11_10_digit(&d));
                format!("HR{}", text(&d))
            })
            .boxed(),
        K::HuVat => ds(7)
            .prop_map(|mut d| {
                d.push((10 - wsum(&d, &[9, 7, 3, 1, 9, 7, 3]) % 10) % 10);
                format!("HU{}", text(&d))
            })
            .boxed(),
        K::IeVat => prop_oneof![
            (ds(7), prop::option::of(0u32..10)).prop_map(|(d, second)| {
                let letter = ie_letter(&d, second.unwrap_or(0));
                let second = second
                    .map(|s| char::from(IE[s as usize]).to_string())
                    .unwrap_or_default();
                format!("IE{}{letter}{second}", text(&d))
            }),
            (
                0u32..10,
                select(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ".to_vec()),
                ds(5)
            )
                .prop_map(|(first, letter, middle)| {
                    let mut seven = vec![0];
                    seven.extend(&middle);
                    seven.push(first);
                    format!(
                        "IE{first}{}{}{}",
                        char::from(letter),
                        text(&middle),
                        ie_letter(&seven, 0)
                    )
                }),
        ]
        .boxed(),
        K::LtVat => (prop_oneof![ds(7), ds(10)])
            .prop_map(|mut d| {
                d.push(1);
                let mut r = wsum(&d, &[1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2]) % 11;
                if r == 10 {
                    r = wsum(&d, &[3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4]) % 11;
                }
                d.push(r % 10);
                format!("LT{}", text(&d))
            })
            .boxed(),
        K::LuVat => (0u32..1_000_000)
            .prop_map(|n| format!("LU{n:06}{:02}", n % 89))
            .boxed(),
        K::LvVat => prop_oneof![
            (4u32..10, ds(9)).prop_filter_map("no digit", |(first, rest)| {
                let mut d = vec![first];
                d.extend(rest);
                let s = wsum(&d, &[9, 1, 4, 8, 3, 10, 2, 5, 7, 6]) % 11;
                let last = (3 + 11 - s) % 11;
                (last < 10).then(|| {
                    d.push(last);
                    format!("LV{}", text(&d))
                })
            }),
            (0u32..4, ds(10)).prop_map(|(first, rest)| format!("LV{first}{}", text(&rest))),
        ]
        .boxed(),
        K::MtVat => ds(7)
            .prop_filter_map("no digit", |mut d| {
                let last = (37 - wsum(&d, &[3, 4, 6, 7, 8, 9, 10]) % 37) % 37;
                (last < 10).then(|| {
                    d.push(last);
                    format!("MT{}", text(&d))
                })
            })
            .boxed(),
        K::PlVat => ds(9)
            .prop_filter_map("check 10", |mut d| {
                let c = wsum(&d, &[6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
                (c < 10).then(|| {
                    d.push(c);
                    format!("PL{}", text(&d))
                })
            })
            .boxed(),
        K::PtVat => ds(8)
            .prop_map(|mut d| {
                let c = 11 - wsum(&d, &[9, 8, 7, 6, 5, 4, 3, 2]) % 11;
                d.push(if c >= 10 { 0 } else { c });
                format!("PT{}", text(&d))
            })
            .boxed(),
        K::RoVat => (1u32..10, prop::collection::vec(0u32..10, 0..=8))
            .prop_map(|(first, rest)| {
                let mut d = vec![first];
                d.extend(rest);
                let mut padded = vec![0; 9 - d.len()];
                padded.extend(&d);
                let c = wsum(&padded, &[7, 5, 3, 2, 1, 7, 5, 3, 2]) * 10 % 11 % 10;
                format!("RO{}{c}", text(&d))
            })
            .boxed(),
        K::SeVat => ds(9)
            .prop_map(|mut d| {
                d.push(luhn_digit(&d));
                format!("SE{}01", text(&d))
            })
            .boxed(),
        K::SiVat => (1u32..10, ds(6))
            .prop_filter_map("check 11", |(first, rest)| {
                let mut d = vec![first];
                d.extend(rest);
                let c = match 11 - wsum(&d, &[8, 7, 6, 5, 4, 3, 2]) % 11 {
                    10 => 0,
                    11 => return None,
                    c => c,
                };
                d.push(c);
                Some(format!("SI{}", text(&d)))
            })
            .boxed(),
        K::SkVat => (1u32..10, 0u32..10, select(vec![2u32, 3, 4, 7, 8, 9]), ds(6))
            .prop_filter_map("no digit", |(a, b, c, rest)| {
                let mut d = vec![a, b, c];
                d.extend(rest);
                let last = (11 - (value(&d) * 10 % 11) as u32) % 11;
                (last < 10).then(|| {
                    d.push(last);
                    format!("SK{}", text(&d))
                })
            })
            .boxed(),
        K::NoVat => ds(8)
            .prop_filter_map("check 10", |mut d| {
                let c = match 11 - wsum(&d, &[3, 2, 7, 6, 5, 4, 3, 2]) % 11 {
                    11 => 0,
                    10 => return None,
                    c => c,
                };
                d.push(c);
                Some(format!("NO{}MVA", text(&d)))
            })
            .boxed(),
        K::UsEin => {
            let prefixes: Vec<u32> = (1..100)
                .filter(|p| {
                    ![7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97].contains(p)
                })
                .collect();
            (select(prefixes), ds(7))
                .prop_map(|(p, d)| format!("{p:02}{}", text(&d)))
                .boxed()
        }
        other => panic!("no generator for {other}"),
    }
}

/// A kind and a valid canonical value of it.
fn any_valid() -> impl Strategy<Value = (IdentifierKind, String)> {
    select(IdentifierKind::ALL.to_vec()).prop_flat_map(|kind| (Just(kind), valid(kind)))
}

// ---------------------------------------------------------------- paste formats

/// `s` cut in groups of `n` characters joined by `sep`.
fn grouped(s: &str, n: usize, sep: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars
        .chunks(n)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(sep)
}

/// The country prefix people may leave out, for kinds whose canonical form carries one.
fn optional_prefix(kind: IdentifierKind, canonical: &str) -> Option<usize> {
    if kind == K::ChUid {
        return Some(3);
    }
    if kind == K::GbVat && canonical.starts_with("XI") {
        return None;
    }
    kind.is_vat().then_some(2)
}

/// The prefix people may add to a bare national number.
fn addable_prefix(kind: IdentifierKind) -> Option<&'static str> {
    match kind {
        K::BeKbo => Some("BE"),
        K::ItPiva => Some("IT"),
        K::EsCif | K::EsNif => Some("ES"),
        _ => None,
    }
}

/// `canonical` as someone may paste it, by `how`.
fn pasted(kind: IdentifierKind, canonical: &str, how: usize) -> String {
    match how {
        0 => grouped(canonical, 3, " "),
        1 => grouped(canonical, 3, "."),
        2 => grouped(canonical, 3, "-"),
        3 => canonical.to_lowercase(),
        4 => format!("\t\u{a0}{}\u{a0} \n", grouped(canonical, 4, "\u{a0}")),
        5 => format!("  {canonical}\t"),
        6 => match optional_prefix(kind, canonical) {
            Some(len) => canonical[len..].to_owned(),
            None => canonical.to_owned(),
        },
        7 => match addable_prefix(kind) {
            Some(prefix) => format!("{prefix} {canonical}"),
            None => canonical.to_owned(),
        },
        8 => grouped(&canonical.to_lowercase(), 2, "/"),
        _ => match kind {
            K::ChUid => format!("{} MWST", grouped(canonical, 3, ".")),
            K::NoVat => canonical.trim_end_matches("MVA").to_owned(),
            _ => format!("{canonical}\u{2009}"),
        },
    }
}

/// A de.hr entry as people write it, by `how`.
fn pasted_register(register: &str, number: u32, suffix: &str, court: usize, how: usize) -> String {
    let (_, typed) = COURTS[court];
    let register = if register == "GNR" { "GnR" } else { register };
    let register = if register == "GSR" { "GsR" } else { register };
    let spaced = format!("{register} {number} {suffix}");
    match how {
        0 => format!("Amtsgericht {typed} {spaced}"),
        1 => format!("{register} {number}{suffix}, Amtsgericht {typed}"),
        2 => format!("Registergericht: Amtsgericht {typed}, Registernummer: {spaced}"),
        3 => format!("AG {} {}", typed.to_uppercase(), spaced.to_lowercase()),
        _ => format!("  {register} {:06}{suffix} @ {typed}\u{a0}", number),
    }
}

// ---------------------------------------------------------------- properties

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn canonical_values_validate_to_themselves((kind, canonical) in any_valid()) {
        let identifier = validate_identifier(kind, &canonical);
        prop_assert_eq!(identifier.as_ref().map(|i| i.value.as_str()), Ok(canonical.as_str()),
            "{} {:?}", kind, identifier);
        let identifier = identifier.unwrap();
        prop_assert_eq!(identifier.kind.as_str(), kind.as_str());
    }

    #[test]
    fn pasted_formats_give_the_canonical_value((kind, canonical) in any_valid(), how in 0usize..10) {
        prop_assume!(kind != K::DeHr);
        let typed = pasted(kind, &canonical, how);
        let result = validate_identifier(kind, &typed).map(|i| i.value);
        prop_assert_eq!(result, Ok(canonical.clone()), "{} typed {:?}", kind, typed);
    }

    #[test]
    fn pasted_register_entries_give_the_canonical_value(
        (register, number, suffix, court) in register_entry(),
        how in 0usize..5,
    ) {
        let canonical = format!("{register}{number}{suffix}@{}", COURTS[court].0);
        let typed = pasted_register(register, number, suffix, court, how);
        let result = validate_identifier(K::DeHr, &typed).map(|i| i.value);
        prop_assert_eq!(result, Ok(canonical), "typed {:?}", typed);
    }

    #[test]
    fn detection_finds_the_kind((kind, canonical) in any_valid()) {
        let country = kind.country().unwrap_or_else(|| Country::from_alpha2("FR").unwrap());
        let found = detect_identifier(country, &canonical);
        prop_assert!(found.contains(&kind), "{} {} → {:?}", kind, canonical, found);
        for other in &found {
            prop_assert!(other.country().is_none() || other.country() == Some(country));
        }
    }

    #[test]
    fn search_variants_start_with_the_canonical_value((kind, canonical) in any_valid()) {
        let variants = search_variants(kind, &canonical);
        prop_assert_eq!(variants.first(), Some(&canonical));
        for (i, variant) in variants.iter().enumerate() {
            prop_assert!(!variants[..i].contains(variant), "duplicate {}", variant);
        }
    }
}

/// Kinds whose check detects every change of a single digit.
const SINGLE_DIGIT_SAFE: &[IdentifierKind] = &[
    K::FrSiren,
    K::FrSiret,
    K::FrVat,
    K::BeKbo,
    K::BeVat,
    K::DeVat,
    K::HrVat,
    K::ItPiva,
    K::ItVat,
    K::SeVat,
    K::NoVat,
    K::ChUid,
    K::PlVat,
    K::DkVat,
    K::FiVat,
    K::EeVat,
    K::HuVat,
    K::MtVat,
    K::LuVat,
    K::SkVat,
    K::SiVat,
    K::AtVat,
    K::Lei,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn one_changed_digit_is_refused(
        (kind, canonical) in select(SINGLE_DIGIT_SAFE.to_vec()).prop_flat_map(|k| (Just(k), valid(k))),
        position in any::<prop::sample::Index>(),
        delta in 1u32..10,
    ) {
        let digit_positions: Vec<usize> = canonical
            .char_indices()
            .filter(|(_, c)| c.is_ascii_digit())
            .map(|(i, _)| i)
            .collect();
        let at = digit_positions[position.index(digit_positions.len())];
        let old = canonical[at..].chars().next().unwrap().to_digit(10).unwrap();
        let new = char::from_digit((old + delta) % 10, 10).unwrap();
        let mut changed = canonical.clone();
        changed.replace_range(at..at + 1, &new.to_string());
        prop_assume!(!changed.starts_with("356000000"));
        let result = validate_identifier(kind, &changed);
        prop_assert!(result.is_err(), "{} {} → {} accepted", kind, canonical, changed);
    }
}

/// Text that reaches past the first checks: digits, letters, separators and some hostile
/// characters.
fn tricky_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9A-Za-z .\\-/@()\u{a0}\u{200b}äöüßÄẞé\u{301}\u{1F600}\u{0}\u{FEFF}]{0,40}",
        "(FR|DE|BE|NL|GB|XI|EL|GR|CHE|ES|IT|AT|IE|NO|HRB|Amtsgericht )?[0-9A-Z]{0,22}( MWST| MVA| B)?",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn never_panics_and_errors_are_listed(kind in select(IdentifierKind::ALL.to_vec()), typed in tricky_text()) {
        match validate_identifier(kind, &typed) {
            Ok(identifier) => {
                prop_assert_eq!(identifier.kind.as_str(), kind.as_str());
                // Whatever is accepted is canonical: validating it again changes nothing.
                let again = validate_identifier(kind, &identifier.value).map(|i| i.value);
                prop_assert_eq!(again, Ok(identifier.value.clone()), "{} {:?}", kind, typed);
                let allowed = |c: char| c.is_ascii_uppercase() || c.is_ascii_digit()
                    || (kind == K::DeHr && (c == '@' || c == '-'));
                prop_assert!(identifier.value.chars().all(allowed), "{}", identifier.value);
            }
            Err(error) => {
                prop_assert!(CODES.contains(&error.code.as_str()), "{}", error.code);
                prop_assert_eq!(error.field.as_str(), "identifier");
                prop_assert_eq!(error.params.get("kind").map(String::as_str), Some(kind.as_str()));
            }
        }
        let country = kind.country().unwrap_or_else(|| Country::from_alpha2("US").unwrap());
        for found in detect_identifier(country, &typed) {
            prop_assert!(validate_identifier(found, &typed).is_ok());
        }
        let _ = search_variants(kind, &typed);
    }
}
