//! Text normalisation for searching company names, towns and postcodes.
//!
//! Rules (applied identically to the stored names and to the query):
//! - letters and digits are upper-cased;
//! - Latin diacritics are stripped (`é` → `E`, `ł` → `L`, `ø` → `O`, `å` → `A`), ligatures and
//!   special letters are spelled out (`ß` → `SS`, `æ` → `AE`, `œ` → `OE`, `þ` → `TH`) and
//!   combining marks of decomposed input are dropped;
//! - full stops are deleted so that dotted abbreviations read as one word
//!   (`S.r.l.` → `SRL`, `S.A.` → `SA`);
//! - every other character that is not a letter or digit (spaces, `&`, `-`, `'`, `/`, …) is a
//!   separator; runs of separators become one space and the result is trimmed.
//!
//! German umlauts are also indexed in their `AE`/`OE`/`UE` spelling (see [`german_form`]) so
//! that both `muller` and `mueller` find `Müller`.

/// How one input character appears in the normalised text.
enum Folded {
    /// One upper-case ASCII character.
    Ascii(u8),
    /// A fixed ASCII spelling (`ß` → `SS`).
    Text(&'static str),
    /// A non-Latin letter or digit kept in upper case.
    Other(char),
    /// Removed without a trace (full stop, combining mark).
    Drop,
    /// A word separator.
    Separator,
}

/// Folds one character; `german` spells umlauts `AE`, `OE`, `UE`.
fn fold(c: char, german: bool) -> Folded {
    if c.is_ascii_alphanumeric() {
        // ASCII letters and digits: the byte is the character.
        return Folded::Ascii(c.to_ascii_uppercase() as u8);
    }
    if c == '.' || ('\u{0300}'..='\u{036F}').contains(&c) {
        return Folded::Drop;
    }
    if c.is_ascii() {
        return Folded::Separator;
    }
    if german {
        match c {
            'Ä' | 'ä' => return Folded::Text("AE"),
            'Ö' | 'ö' => return Folded::Text("OE"),
            'Ü' | 'ü' => return Folded::Text("UE"),
            _ => {}
        }
    }
    let text = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "A",
        'Æ' | 'æ' => "AE",
        'Ç' | 'ç' | 'Ć'..='č' => "C",
        'Ð' | 'ð' | 'Ď'..='đ' => "D",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "E",
        'Ĝ'..='ģ' => "G",
        'Ĥ'..='ħ' => "H",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => "I",
        'Ĳ' | 'ĳ' => "IJ",
        'Ĵ' | 'ĵ' => "J",
        'Ķ' | 'ķ' | 'ĸ' => "K",
        'Ĺ'..='ł' => "L",
        'Ñ' | 'ñ' | 'Ń'..='ŋ' => "N",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "O",
        'Œ' | 'œ' => "OE",
        'Ŕ'..='ř' => "R",
        'Ś'..='š' | 'Ș' | 'ș' => "S",
        'ß' | 'ẞ' => "SS",
        'Ţ'..='ŧ' | 'Ț' | 'ț' => "T",
        'Þ' | 'þ' => "TH",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "U",
        'Ŵ' | 'ŵ' => "W",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ'..='Ÿ' => "Y",
        'Ź'..='ž' => "Z",
        _ if c.is_alphanumeric() => return Folded::Other(c),
        _ => return Folded::Separator,
    };
    Folded::Text(text)
}

fn normalize_with(text: &str, german: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        let folded = fold(c, german);
        if matches!(folded, Folded::Drop) {
            continue;
        }
        if matches!(folded, Folded::Separator) {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match folded {
            Folded::Ascii(b) => out.push(char::from(b)),
            Folded::Text(s) => out.push_str(s),
            Folded::Other(c) => out.extend(c.to_uppercase()),
            Folded::Drop | Folded::Separator => {}
        }
    }
    out
}

/// Normalises free text for matching: upper case, no diacritics, single spaces between words.
///
/// ```
/// use tradecover_sandbox::normalize;
/// assert_eq!(normalize("Société Générale S.A."), "SOCIETE GENERALE SA");
/// assert_eq!(normalize("  Müller & Söhne  GmbH"), "MULLER SOHNE GMBH");
/// ```
pub fn normalize(text: &str) -> String {
    normalize_with(text, false)
}

/// Normalises like [`normalize`] but spells German umlauts `AE`, `OE`, `UE`
/// (`Müller` → `MUELLER`). Returns `None` when that changes nothing.
pub fn german_form(text: &str) -> Option<String> {
    if text
        .chars()
        .any(|c| matches!(c, 'Ä' | 'ä' | 'Ö' | 'ö' | 'Ü' | 'ü'))
    {
        Some(normalize_with(text, true))
    } else {
        None
    }
}

/// Builds the search key of a name: its normalised form, followed by the German spelling of
/// each word that has one. Returns the key and the length of the normalised name at its
/// start (so `&key[..len]` is exactly [`normalize`]`(name)`).
pub(crate) fn search_key(name: &str) -> (String, usize) {
    let mut key = normalize(name);
    let len = key.len();
    if let Some(german) = german_form(name) {
        let plain: Vec<String> = key.split(' ').map(str::to_owned).collect();
        for (i, word) in german.split(' ').enumerate() {
            if plain.get(i).map(String::as_str) != Some(word) {
                key.push(' ');
                key.push_str(word);
            }
        }
    }
    (key, len)
}

/// Compacts a postcode for prefix matching: upper-case letters and digits only
/// (`sw1a 1aa` → `SW1A1AA`, `00-950` → `00950`).
pub fn compact_postcode(postcode: &str) -> String {
    postcode
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Whether the compacted `postcode` starts with the already compacted `prefix`.
pub(crate) fn postcode_has_prefix(postcode: &str, prefix: &str) -> bool {
    let mut chars = postcode
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase());
    prefix.chars().all(|p| chars.next() == Some(p))
}

#[cfg(test)]
mod tests {
    use super::{compact_postcode, german_form, normalize, postcode_has_prefix, search_key};

    #[test]
    fn strips_accents_and_case() {
        assert_eq!(normalize("Société Générale"), "SOCIETE GENERALE");
        assert_eq!(normalize("Málaga"), "MALAGA");
        assert_eq!(normalize("Köln"), "KOLN");
        assert_eq!(normalize("Nîmes"), "NIMES");
        assert_eq!(normalize("façade"), "FACADE");
    }

    #[test]
    fn spells_out_special_letters() {
        assert_eq!(normalize("Großhandel"), "GROSSHANDEL");
        assert_eq!(normalize("GROẞ"), "GROSS");
        assert_eq!(normalize("Ærø"), "AERO");
        assert_eq!(normalize("Œuvre"), "OEUVRE");
        assert_eq!(normalize("Łódź"), "LODZ");
        assert_eq!(normalize("Wrocław"), "WROCLAW");
        assert_eq!(
            normalize("Gdańsk Częstochowa Białystok"),
            "GDANSK CZESTOCHOWA BIALYSTOK"
        );
        assert_eq!(normalize("Växjö Umeå Øresund"), "VAXJO UMEA ORESUND");
        assert_eq!(normalize("Þór"), "THOR");
        assert_eq!(normalize("Dvořák Šťastný Žižka"), "DVORAK STASTNY ZIZKA");
        assert_eq!(normalize("İstanbul Ağrı"), "ISTANBUL AGRI");
    }

    #[test]
    fn drops_combining_marks_of_decomposed_text() {
        assert_eq!(normalize("Socie\u{301}te\u{301}"), "SOCIETE");
    }

    #[test]
    fn separators_and_full_stops() {
        assert_eq!(normalize("Rossi S.r.l."), "ROSSI SRL");
        assert_eq!(normalize("Kowalski Sp. z o.o."), "KOWALSKI SP Z OO");
        assert_eq!(
            normalize("Müller & Söhne GmbH & Co. KG"),
            "MULLER SOHNE GMBH CO KG"
        );
        assert_eq!(normalize("L'Atelier-du/Bois"), "L ATELIER DU BOIS");
        assert_eq!(normalize("  --  "), "");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("Αθήνα"), "ΑΘΉΝΑ");
    }

    #[test]
    fn german_spelling_is_an_extra_form() {
        assert_eq!(
            german_form("Müller Bäckerei"),
            Some("MUELLER BAECKEREI".into())
        );
        assert_eq!(german_form("Schmidt"), None);
        let (key, len) = search_key("Müller Logistik GmbH");
        assert_eq!(&key[..len], "MULLER LOGISTIK GMBH");
        assert_eq!(key, "MULLER LOGISTIK GMBH MUELLER");
        let (key, len) = search_key("Dupont SAS");
        assert_eq!((key.as_str(), len), ("DUPONT SAS", 10));
    }

    #[test]
    fn postcodes_compare_without_spaces_or_hyphens() {
        assert_eq!(compact_postcode("sw1a 1aa"), "SW1A1AA");
        assert_eq!(compact_postcode("00-950"), "00950");
        assert!(postcode_has_prefix("SW1A 1AA", "SW1A1"));
        assert!(postcode_has_prefix("111 22", "11122"));
        assert!(postcode_has_prefix("75002", "75"));
        assert!(postcode_has_prefix("75002", ""));
        assert!(!postcode_has_prefix("75002", "76"));
        assert!(!postcode_has_prefix("750", "75002"));
    }
}
