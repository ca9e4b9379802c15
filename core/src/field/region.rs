//! The state, province or territory Coface asks for in some countries.

use super::text::{char_count, collapse_blanks, has_forbidden};
use super::Field;
use crate::country::Country;
use crate::validation_error::ValidationError;

/// Every code [`validate_region`] can produce.
pub const CODES: &[&str] = &[
    "region.required",
    "region.invalid_characters",
    "region.unknown",
    "region.too_long",
];

/// Most characters of a free-text region.
pub const REGION_MAX_CHARS: usize = 50;

/// Whether Coface needs a region next to the town or postal code in `country`: the US and its
/// possessions (PR, GU, VI, AS, MP, UM), Canada, Australia, and Denmark's possessions
/// (Greenland, the Faroe Islands).
pub fn region_required(country: Country) -> bool {
    matches!(
        country.alpha2(),
        "US" | "PR" | "GU" | "VI" | "AS" | "MP" | "UM" | "CA" | "AU" | "GL" | "FO"
    )
}

/// A subdivision code and the names people type for it (compared without case, accents, dots
/// or hyphens).
type Subdivision = (&'static str, &'static [&'static str]);

/// USPS codes: the 50 states, DC, the inhabited territories, the minor outlying islands and the
/// armed forces codes.
const US: &[Subdivision] = &[
    ("AL", &["Alabama"]),
    ("AK", &["Alaska"]),
    ("AZ", &["Arizona"]),
    ("AR", &["Arkansas"]),
    ("CA", &["California"]),
    ("CO", &["Colorado"]),
    ("CT", &["Connecticut"]),
    ("DE", &["Delaware"]),
    ("FL", &["Florida"]),
    ("GA", &["Georgia"]),
    ("HI", &["Hawaii"]),
    ("ID", &["Idaho"]),
    ("IL", &["Illinois"]),
    ("IN", &["Indiana"]),
    ("IA", &["Iowa"]),
    ("KS", &["Kansas"]),
    ("KY", &["Kentucky"]),
    ("LA", &["Louisiana"]),
    ("ME", &["Maine"]),
    ("MD", &["Maryland"]),
    ("MA", &["Massachusetts"]),
    ("MI", &["Michigan"]),
    ("MN", &["Minnesota"]),
    ("MS", &["Mississippi"]),
    ("MO", &["Missouri"]),
    ("MT", &["Montana"]),
    ("NE", &["Nebraska"]),
    ("NV", &["Nevada"]),
    ("NH", &["New Hampshire"]),
    ("NJ", &["New Jersey"]),
    ("NM", &["New Mexico"]),
    ("NY", &["New York"]),
    ("NC", &["North Carolina"]),
    ("ND", &["North Dakota"]),
    ("OH", &["Ohio"]),
    ("OK", &["Oklahoma"]),
    ("OR", &["Oregon"]),
    ("PA", &["Pennsylvania"]),
    ("RI", &["Rhode Island"]),
    ("SC", &["South Carolina"]),
    ("SD", &["South Dakota"]),
    ("TN", &["Tennessee"]),
    ("TX", &["Texas"]),
    ("UT", &["Utah"]),
    ("VT", &["Vermont"]),
    ("VA", &["Virginia"]),
    ("WA", &["Washington"]),
    ("WV", &["West Virginia"]),
    ("WI", &["Wisconsin"]),
    ("WY", &["Wyoming"]),
    (
        "DC",
        &["District of Columbia", "Washington DC", "Washington D.C."],
    ),
    ("AS", &["American Samoa"]),
    ("GU", &["Guam"]),
    ("MP", &["Northern Mariana Islands"]),
    ("PR", &["Puerto Rico"]),
    (
        "VI",
        &["U.S. Virgin Islands", "US Virgin Islands", "Virgin Islands"],
    ),
    (
        "UM",
        &[
            "U.S. Minor Outlying Islands",
            "United States Minor Outlying Islands",
        ],
    ),
    ("AA", &["Armed Forces Americas"]),
    ("AE", &["Armed Forces Europe"]),
    ("AP", &["Armed Forces Pacific"]),
];

/// Canada Post codes of the provinces and territories, with English and French names.
const CA: &[Subdivision] = &[
    ("AB", &["Alberta"]),
    ("BC", &["British Columbia", "Colombie-Britannique"]),
    ("MB", &["Manitoba"]),
    ("NB", &["New Brunswick", "Nouveau-Brunswick"]),
    (
        "NL",
        &[
            "Newfoundland and Labrador",
            "Terre-Neuve-et-Labrador",
            "Newfoundland",
        ],
    ),
    ("NS", &["Nova Scotia", "Nouvelle-Écosse"]),
    (
        "NT",
        &["Northwest Territories", "Territoires du Nord-Ouest"],
    ),
    ("NU", &["Nunavut"]),
    ("ON", &["Ontario"]),
    ("PE", &["Prince Edward Island", "Île-du-Prince-Édouard"]),
    ("QC", &["Quebec", "Québec", "PQ"]),
    ("SK", &["Saskatchewan"]),
    ("YT", &["Yukon", "Yukon Territory"]),
];

/// Australia Post codes of the states and territories.
const AU: &[Subdivision] = &[
    ("ACT", &["Australian Capital Territory"]),
    ("NSW", &["New South Wales"]),
    ("NT", &["Northern Territory"]),
    ("QLD", &["Queensland"]),
    ("SA", &["South Australia"]),
    ("TAS", &["Tasmania"]),
    ("VIC", &["Victoria"]),
    ("WA", &["Western Australia"]),
];

/// Checks a region. In the US, Canada and Australia it must be a state, province or territory,
/// typed as its code (`ny`, `US-NY`, `QC`, `NSW`) or its name (`New York`, `Québec`, `New South
/// Wales`), and is written as the code. Elsewhere it is free text of at most 50 characters.
/// A blank region is `""`, or an error where [`region_required`] says so or when `required`.
///
/// Errors (field `region`): `region.required`; `region.invalid_characters`; `region.unknown`
/// (param `country`: the alpha-2 code) in US, CA, AU; `region.too_long` (param `max`: 50).
pub fn validate_region(
    value: &str,
    country: Option<Country>,
    required: bool,
) -> Result<String, Vec<ValidationError>> {
    let field = Field::Region.as_str();
    let region = collapse_blanks(value);
    if region.is_empty() {
        return if required || country.is_some_and(region_required) {
            Err(vec![ValidationError::new("region.required", field)])
        } else {
            Ok(region)
        };
    }
    if has_forbidden(&region) {
        return Err(vec![ValidationError::new(
            "region.invalid_characters",
            field,
        )]);
    }
    let list = match country.map(Country::alpha2) {
        Some("US") => Some(US),
        Some("CA") => Some(CA),
        Some("AU") => Some(AU),
        _ => None,
    };
    match (list, country) {
        (Some(list), Some(country)) => {
            find(list, country, &region)
                .map(str::to_owned)
                .ok_or_else(|| {
                    vec![ValidationError::new("region.unknown", field)
                        .with_param("country", country.alpha2())]
                })
        }
        _ if char_count(&region) > REGION_MAX_CHARS => {
            Err(vec![
                ValidationError::new("region.too_long", field).with_param("max", REGION_MAX_CHARS)
            ])
        }
        _ => Ok(region),
    }
}

/// The code of the subdivision `typed` names, if any.
fn find(list: &[Subdivision], country: Country, typed: &str) -> Option<&'static str> {
    let upper = typed.to_ascii_uppercase();
    let prefix = format!("{}-", country.alpha2());
    let code = upper.strip_prefix(&prefix).unwrap_or(&upper).trim();
    if let Some((found, _)) = list.iter().find(|(candidate, _)| *candidate == code) {
        return Some(found);
    }
    let wanted = fold(typed);
    list.iter()
        .find(|(_, names)| names.iter().any(|name| fold(name) == wanted))
        .map(|(code, _)| *code)
}

/// Lower case, accents removed, dots dropped, hyphens as blanks, blanks collapsed.
fn fold(text: &str) -> String {
    let folded: String = text
        .chars()
        .filter(|c| *c != '.')
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' | 'Ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'î' | 'ï' | 'Î' | 'Ï' => 'i',
            'ô' | 'ö' | 'Ô' | 'Ö' => 'o',
            'û' | 'ù' | 'ü' | 'Û' | 'Ù' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            '-' => ' ',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect();
    collapse_blanks(&folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: &str, country: &str) -> Result<String, Vec<String>> {
        validate_region(value, Country::from_alpha2(country), false)
            .map_err(|errors| errors.into_iter().map(|error| error.code).collect())
    }

    #[test]
    fn knows_where_a_region_is_needed() {
        for code in [
            "US", "PR", "GU", "VI", "AS", "MP", "UM", "CA", "AU", "GL", "FO",
        ] {
            assert!(
                region_required(Country::from_alpha2(code).unwrap()),
                "{code}"
            );
        }
        for code in ["FR", "DK", "GB", "DE", "MX"] {
            assert!(
                !region_required(Country::from_alpha2(code).unwrap()),
                "{code}"
            );
        }
    }

    #[test]
    fn reads_codes_and_names() {
        assert_eq!(check("ny", "US"), Ok("NY".into()));
        assert_eq!(check("US-CA", "US"), Ok("CA".into()));
        assert_eq!(check(" new  york ", "US"), Ok("NY".into()));
        assert_eq!(check("Washington D.C.", "US"), Ok("DC".into()));
        assert_eq!(check("Québec", "CA"), Ok("QC".into()));
        assert_eq!(check("quebec", "CA"), Ok("QC".into()));
        assert_eq!(check("ile du prince edouard", "CA"), Ok("PE".into()));
        assert_eq!(check("nsw", "AU"), Ok("NSW".into()));
        assert_eq!(check("Western Australia", "AU"), Ok("WA".into()));
        assert_eq!(check("Nuuk area", "GL"), Ok("Nuuk area".into()));
        assert_eq!(check("Île-de-France", "FR"), Ok("Île-de-France".into()));
        assert_eq!(check("", "FR"), Ok(String::new()));
    }

    #[test]
    fn refuses() {
        assert_eq!(check("", "US"), Err(vec!["region.required".into()]));
        assert_eq!(check(" ", "FO"), Err(vec!["region.required".into()]));
        assert_eq!(check("Bavaria", "US"), Err(vec!["region.unknown".into()]));
        assert_eq!(check("NSW", "CA"), Err(vec!["region.unknown".into()]));
        assert_eq!(
            check("a\u{1}", "FR"),
            Err(vec!["region.invalid_characters".into()])
        );
        assert_eq!(
            check(&"r".repeat(51), "FR"),
            Err(vec!["region.too_long".into()])
        );
        let error = &validate_region("XX", Country::from_alpha2("AU"), false).unwrap_err()[0];
        assert_eq!(error.params["country"], "AU");
        assert_eq!(
            validate_region("", None, true).unwrap_err()[0].code,
            "region.required"
        );
    }
}
