//! Real towns of each sandbox country with real postcodes (or real postcode districts),
//! plus what the generator needs to know about them: a weight (roughly the size of the local
//! economy), the language of Belgian and Swiss towns, the German register court, the US
//! state, and the UK jurisdiction.

use crate::country::Country;
use crate::names::Lang;
use crate::rng::Rng;

/// Which company register serves a UK town.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Jurisdiction {
    /// England and Wales (or any non-UK country).
    Main,
    /// Scotland: company numbers start with `SC`.
    Scotland,
    /// Northern Ireland: company numbers start with `NI`.
    NorthernIreland,
}

/// A town and its postcodes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Town {
    /// Local name, e.g. `Köln`.
    pub(crate) name: &'static str,
    /// Relative number of companies generated there.
    pub(crate) weight: u32,
    /// Full postcodes, except in the Netherlands (4 digits, letters added) and the United
    /// Kingdom (outward code, inward code added).
    pub(crate) postcodes: &'static [&'static str],
    /// US state code.
    pub(crate) region: Option<&'static str>,
    /// Language when it differs from the country's main language.
    pub(crate) lang: Option<Lang>,
    /// German register court when it is not the town itself.
    pub(crate) court: Option<&'static str>,
    /// UK register.
    pub(crate) jurisdiction: Jurisdiction,
}

const fn t(name: &'static str, weight: u32, postcodes: &'static [&'static str]) -> Town {
    Town {
        name,
        weight,
        postcodes,
        region: None,
        lang: None,
        court: None,
        jurisdiction: Jurisdiction::Main,
    }
}

impl Town {
    const fn lang(self, lang: Lang) -> Town {
        Town {
            lang: Some(lang),
            ..self
        }
    }

    const fn state(self, code: &'static str) -> Town {
        Town {
            region: Some(code),
            ..self
        }
    }

    const fn court(self, court: &'static str) -> Town {
        Town {
            court: Some(court),
            ..self
        }
    }

    const fn jurisdiction(self, jurisdiction: Jurisdiction) -> Town {
        Town {
            jurisdiction,
            ..self
        }
    }

    /// The German register court of the town.
    pub(crate) fn register_court(&self) -> &'static str {
        self.court.unwrap_or(self.name)
    }
}

const FR: [Town; 24] = [
    t(
        "Paris",
        60,
        &[
            "75001", "75002", "75003", "75004", "75005", "75006", "75007", "75008", "75009",
            "75010", "75011", "75012", "75013", "75014", "75015", "75016", "75017", "75018",
            "75019", "75020",
        ],
    ),
    t(
        "Lyon",
        20,
        &[
            "69001", "69002", "69003", "69004", "69005", "69006", "69007", "69008", "69009",
        ],
    ),
    t(
        "Marseille",
        18,
        &[
            "13001", "13002", "13003", "13006", "13008", "13009", "13010", "13013", "13015",
        ],
    ),
    t(
        "Toulouse",
        14,
        &["31000", "31100", "31200", "31300", "31400", "31500"],
    ),
    t("Nice", 9, &["06000", "06100", "06200", "06300"]),
    t("Nantes", 10, &["44000", "44100", "44200", "44300"]),
    t("Strasbourg", 9, &["67000", "67100", "67200"]),
    t("Montpellier", 8, &["34000", "34070", "34080", "34090"]),
    t(
        "Bordeaux",
        11,
        &["33000", "33100", "33200", "33300", "33800"],
    ),
    t("Lille", 11, &["59000", "59160", "59260", "59800"]),
    t("Rennes", 7, &["35000", "35200", "35700"]),
    t("Reims", 5, &["51100"]),
    t("Le Havre", 5, &["76600", "76610", "76620"]),
    t("Saint-Étienne", 5, &["42000", "42100"]),
    t("Toulon", 4, &["83000", "83100", "83200"]),
    t("Grenoble", 6, &["38000", "38100"]),
    t("Dijon", 4, &["21000"]),
    t("Angers", 4, &["49000", "49100"]),
    t("Nîmes", 3, &["30000", "30900"]),
    t("Clermont-Ferrand", 4, &["63000", "63100"]),
    t("Le Mans", 3, &["72000", "72100"]),
    t("Aix-en-Provence", 4, &["13090", "13100"]),
    t("Orléans", 4, &["45000", "45100"]),
    t("Besançon", 3, &["25000"]),
];

const DE: [Town; 22] = [
    t(
        "Berlin",
        40,
        &[
            "10115", "10117", "10119", "10178", "10179", "10243", "10245", "10551", "10623",
            "10707", "12043", "13347",
        ],
    )
    .court("Berlin (Charlottenburg)"),
    t(
        "Hamburg",
        22,
        &[
            "20095", "20097", "20099", "20144", "20354", "20457", "22041", "22085", "22767",
        ],
    ),
    t(
        "München",
        20,
        &[
            "80331", "80333", "80335", "80336", "80469", "80539", "80802", "81369", "81667",
        ],
    ),
    t(
        "Köln",
        14,
        &[
            "50667", "50668", "50670", "50672", "50674", "50676", "50823", "51063",
        ],
    ),
    t(
        "Frankfurt am Main",
        12,
        &[
            "60306", "60308", "60311", "60313", "60314", "60325", "60486", "60594",
        ],
    ),
    t(
        "Stuttgart",
        10,
        &[
            "70173", "70174", "70176", "70178", "70182", "70190", "70372",
        ],
    ),
    t(
        "Düsseldorf",
        10,
        &[
            "40210", "40211", "40212", "40213", "40215", "40219", "40233", "40476",
        ],
    ),
    t(
        "Leipzig",
        8,
        &[
            "04103", "04105", "04107", "04109", "04177", "04229", "04315",
        ],
    ),
    t(
        "Dortmund",
        7,
        &["44135", "44137", "44139", "44141", "44143", "44147"],
    ),
    t("Essen", 7, &["45127", "45128", "45130", "45138", "45141"]),
    t("Bremen", 7, &["28195", "28199", "28203", "28209", "28217"]),
    t(
        "Dresden",
        7,
        &["01067", "01069", "01097", "01099", "01127", "01307"],
    ),
    t(
        "Hannover",
        7,
        &["30159", "30161", "30163", "30165", "30169", "30173"],
    ),
    t(
        "Nürnberg",
        7,
        &[
            "90402", "90403", "90408", "90411", "90429", "90443", "90459",
        ],
    ),
    t("Duisburg", 4, &["47051", "47053", "47057", "47059"]),
    t("Bochum", 4, &["44787", "44789", "44791", "44793"]),
    t("Wuppertal", 4, &["42103", "42105", "42275", "42283"]),
    t("Bielefeld", 4, &["33602", "33604", "33609", "33613"]),
    t("Bonn", 4, &["53111", "53113", "53115", "53117"]),
    t(
        "Münster",
        4,
        &[
            "48143", "48145", "48147", "48149", "48151", "48153", "48155",
        ],
    ),
    t(
        "Mannheim",
        4,
        &["68159", "68161", "68163", "68165", "68167"],
    ),
    t(
        "Augsburg",
        4,
        &["86150", "86152", "86153", "86154", "86159"],
    ),
];

const BE: [Town; 24] = [
    t(
        "Bruxelles",
        30,
        &["1000", "1020", "1040", "1050", "1060", "1070", "1080"],
    ),
    t("Antwerpen", 20, &["2000", "2018", "2060", "2100", "2140"]).lang(Lang::Nl),
    t("Gent", 12, &["9000", "9030", "9040", "9050"]).lang(Lang::Nl),
    t("Charleroi", 7, &["6000", "6001", "6010", "6040"]),
    t("Liège", 9, &["4000", "4020", "4030"]),
    t("Brugge", 6, &["8000", "8200", "8310"]).lang(Lang::Nl),
    t("Namur", 5, &["5000", "5002", "5100"]),
    t("Leuven", 6, &["3000", "3001", "3010"]).lang(Lang::Nl),
    t("Mons", 4, &["7000", "7020"]),
    t("Aalst", 4, &["9300", "9320"]).lang(Lang::Nl),
    t("Mechelen", 4, &["2800", "2811"]).lang(Lang::Nl),
    t("La Louvière", 3, &["7100", "7110"]),
    t("Kortrijk", 4, &["8500", "8501", "8510"]).lang(Lang::Nl),
    t("Hasselt", 4, &["3500", "3510"]).lang(Lang::Nl),
    t("Oostende", 3, &["8400"]).lang(Lang::Nl),
    t("Sint-Niklaas", 3, &["9100"]).lang(Lang::Nl),
    t("Tournai", 3, &["7500"]),
    t("Genk", 3, &["3600"]).lang(Lang::Nl),
    t("Roeselare", 3, &["8800"]).lang(Lang::Nl),
    t("Verviers", 2, &["4800"]),
    t("Mouscron", 2, &["7700"]),
    t("Wavre", 3, &["1300"]),
    t("Waterloo", 2, &["1410"]),
    t("Zaventem", 3, &["1930"]).lang(Lang::Nl),
];

const NL: [Town; 22] = [
    t(
        "Amsterdam",
        30,
        &[
            "1011", "1012", "1015", "1016", "1017", "1018", "1052", "1054", "1071", "1073", "1078",
            "1083",
        ],
    ),
    t(
        "Rotterdam",
        20,
        &[
            "3011", "3012", "3013", "3014", "3015", "3021", "3031", "3072",
        ],
    ),
    t(
        "Den Haag",
        14,
        &["2511", "2512", "2513", "2514", "2517", "2564", "2595"],
    ),
    t("Utrecht", 12, &["3511", "3512", "3521", "3531", "3581"]),
    t("Eindhoven", 9, &["5611", "5612", "5616", "5621", "5642"]),
    t("Groningen", 6, &["9711", "9712", "9718", "9724"]),
    t("Tilburg", 6, &["5011", "5038", "5041"]),
    t("Almere", 5, &["1315", "1323"]),
    t("Breda", 5, &["4811", "4818"]),
    t("Nijmegen", 5, &["6511", "6521"]),
    t("Apeldoorn", 4, &["7311", "7315"]),
    t("Haarlem", 5, &["2011", "2012"]),
    t("Arnhem", 5, &["6811", "6821"]),
    t("Enschede", 4, &["7511", "7521"]),
    t("Amersfoort", 4, &["3811", "3812"]),
    t("Zaandam", 3, &["1506", "1507"]),
    t("'s-Hertogenbosch", 5, &["5211", "5223"]),
    t("Zwolle", 4, &["8011", "8017"]),
    t("Leiden", 4, &["2311", "2312"]),
    t("Maastricht", 4, &["6211", "6221"]),
    t("Dordrecht", 3, &["3311", "3312"]),
    t("Delft", 3, &["2611", "2628"]),
];

const IT: [Town; 24] = [
    t(
        "Roma",
        30,
        &[
            "00144", "00184", "00185", "00186", "00187", "00193", "00197",
        ],
    ),
    t(
        "Milano",
        34,
        &[
            "20121", "20122", "20123", "20124", "20129", "20135", "20144", "20154",
        ],
    ),
    t("Napoli", 12, &["80121", "80132", "80133", "80138", "80142"]),
    t("Torino", 14, &["10121", "10122", "10123", "10128", "10138"]),
    t("Palermo", 7, &["90133", "90139", "90141", "90144"]),
    t("Genova", 7, &["16121", "16122", "16123", "16129"]),
    t(
        "Bologna",
        10,
        &["40121", "40122", "40123", "40124", "40126"],
    ),
    t("Firenze", 9, &["50122", "50123", "50127", "50129", "50144"]),
    t("Bari", 6, &["70121", "70122", "70124"]),
    t("Catania", 5, &["95121", "95124", "95129"]),
    t(
        "Venezia",
        6,
        &["30121", "30122", "30124", "30171", "30172", "30174"],
    ),
    t("Verona", 6, &["37121", "37122", "37129"]),
    t("Messina", 3, &["98122", "98123"]),
    t("Padova", 6, &["35121", "35122", "35131"]),
    t("Trieste", 4, &["34121", "34122", "34133"]),
    t("Brescia", 6, &["25121", "25122", "25124"]),
    t("Parma", 4, &["43121", "43122", "43125"]),
    t("Modena", 4, &["41121", "41122", "41124"]),
    t("Reggio nell'Emilia", 4, &["42121", "42122", "42124"]),
    t("Prato", 4, &["59100"]),
    t("Cagliari", 3, &["09121", "09123", "09124"]),
    t("Forlì", 3, &["47121", "47122"]),
    t("Cantù", 2, &["22063"]),
    t("Bergamo", 5, &["24121", "24122", "24125"]),
];

const ES: [Town; 23] = [
    t(
        "Madrid",
        40,
        &[
            "28001", "28004", "28010", "28013", "28014", "28015", "28020", "28028", "28036",
            "28046",
        ],
    ),
    t(
        "Barcelona",
        34,
        &[
            "08001", "08002", "08007", "08008", "08010", "08013", "08015", "08021", "08028",
            "08036",
        ],
    ),
    t(
        "Valencia",
        12,
        &["46001", "46002", "46004", "46010", "46021"],
    ),
    t(
        "Sevilla",
        10,
        &["41001", "41003", "41004", "41011", "41018"],
    ),
    t("Zaragoza", 8, &["50001", "50003", "50004", "50008"]),
    t("Málaga", 8, &["29001", "29002", "29004", "29016"]),
    t("Murcia", 5, &["30001", "30002", "30005"]),
    t("Palma", 5, &["07001", "07002", "07003", "07012"]),
    t(
        "Las Palmas de Gran Canaria",
        5,
        &["35001", "35002", "35010"],
    ),
    t("Bilbao", 8, &["48001", "48005", "48008", "48009", "48011"]),
    t("Alicante", 5, &["03001", "03002", "03003", "03005"]),
    t("Córdoba", 4, &["14001", "14002", "14004", "14008"]),
    t("Valladolid", 4, &["47001", "47002", "47003"]),
    t("Vigo", 4, &["36201", "36202", "36203"]),
    t("Gijón", 3, &["33201", "33202", "33206"]),
    t("A Coruña", 4, &["15001", "15003", "15004"]),
    t("Vitoria-Gasteiz", 3, &["01001", "01002", "01005"]),
    t("Granada", 4, &["18001", "18002", "18009"]),
    t("Oviedo", 3, &["33001", "33003", "33004"]),
    t("Cádiz", 2, &["11001", "11002", "11004"]),
    t("Santander", 3, &["39001", "39002", "39003"]),
    t("Pamplona", 3, &["31001", "31002", "31008"]),
    t("San Sebastián", 4, &["20001", "20003", "20004"]),
];

const GB: [Town; 23] = [
    t(
        "London",
        60,
        &[
            "EC1A", "EC2A", "EC2M", "EC3V", "EC4M", "WC1B", "WC2N", "SW1A", "SW1P", "SW1E", "W1D",
            "W1J", "W1K", "SE1", "E1", "N1", "NW1",
        ],
    ),
    t("Manchester", 12, &["M1", "M2", "M3", "M4", "M15"]),
    t("Birmingham", 12, &["B1", "B2", "B3", "B4", "B5"]),
    t("Leeds", 8, &["LS1", "LS2", "LS10", "LS11"]),
    t("Glasgow", 8, &["G1", "G2", "G3", "G4"]).jurisdiction(Jurisdiction::Scotland),
    t("Edinburgh", 7, &["EH1", "EH2", "EH3", "EH6"]).jurisdiction(Jurisdiction::Scotland),
    t("Liverpool", 6, &["L1", "L2", "L3"]),
    t("Bristol", 7, &["BS1", "BS2", "BS8"]),
    t("Sheffield", 5, &["S1", "S2", "S3"]),
    t("Newcastle upon Tyne", 5, &["NE1", "NE2"]),
    t("Nottingham", 5, &["NG1", "NG2"]),
    t("Leicester", 4, &["LE1", "LE2"]),
    t("Cardiff", 5, &["CF10", "CF11", "CF24"]),
    t("Belfast", 5, &["BT1", "BT2", "BT7"]).jurisdiction(Jurisdiction::NorthernIreland),
    t("Southampton", 4, &["SO14", "SO15"]),
    t("Cambridge", 4, &["CB1", "CB2"]),
    t("Oxford", 4, &["OX1", "OX2", "OX4"]),
    t("Aberdeen", 3, &["AB10", "AB11"]).jurisdiction(Jurisdiction::Scotland),
    t("Brighton", 3, &["BN1", "BN2"]),
    t("Reading", 4, &["RG1", "RG2"]),
    t("Coventry", 3, &["CV1"]),
    t("Milton Keynes", 3, &["MK9"]),
    t("Norwich", 3, &["NR1", "NR2"]),
];

const CH: [Town; 21] = [
    t(
        "Zürich",
        30,
        &[
            "8001", "8002", "8003", "8004", "8005", "8008", "8032", "8045", "8050",
        ],
    ),
    t(
        "Genève",
        16,
        &["1201", "1202", "1203", "1204", "1205", "1207"],
    )
    .lang(Lang::Fr),
    t(
        "Basel",
        12,
        &["4001", "4051", "4052", "4053", "4056", "4057"],
    ),
    t(
        "Bern",
        10,
        &["3001", "3005", "3007", "3011", "3012", "3013"],
    ),
    t("Lausanne", 9, &["1003", "1004", "1005", "1006", "1007"]).lang(Lang::Fr),
    t("Winterthur", 5, &["8400", "8401", "8404", "8406"]),
    t("Luzern", 5, &["6003", "6004", "6005"]),
    t("St. Gallen", 5, &["9000", "9001", "9008"]),
    t("Lugano", 6, &["6900", "6901", "6903"]).lang(Lang::It),
    t("Biel/Bienne", 3, &["2502", "2503"]),
    t("Thun", 2, &["3600"]),
    t("Köniz", 2, &["3098"]),
    t("La Chaux-de-Fonds", 2, &["2300"]).lang(Lang::Fr),
    t("Fribourg", 3, &["1700"]).lang(Lang::Fr),
    t("Schaffhausen", 2, &["8200"]),
    t("Chur", 2, &["7000"]),
    t("Neuchâtel", 3, &["2000"]).lang(Lang::Fr),
    t("Sion", 2, &["1950"]).lang(Lang::Fr),
    t("Zug", 6, &["6300"]),
    t("Aarau", 2, &["5000"]),
    t("Bellinzona", 2, &["6500"]).lang(Lang::It),
];

const AT: [Town; 21] = [
    t(
        "Wien",
        50,
        &[
            "1010", "1020", "1030", "1040", "1050", "1060", "1070", "1080", "1090", "1100", "1120",
            "1150", "1210", "1220",
        ],
    ),
    t("Graz", 12, &["8010", "8020"]),
    t("Linz", 10, &["4020", "4030"]),
    t("Salzburg", 8, &["5020"]),
    t("Innsbruck", 7, &["6020"]),
    t("Klagenfurt am Wörthersee", 5, &["9020"]),
    t("Villach", 3, &["9500"]),
    t("Wels", 3, &["4600"]),
    t("St. Pölten", 3, &["3100"]),
    t("Dornbirn", 3, &["6850"]),
    t("Wiener Neustadt", 2, &["2700"]),
    t("Steyr", 2, &["4400"]),
    t("Feldkirch", 2, &["6800"]),
    t("Bregenz", 2, &["6900"]),
    t("Leoben", 2, &["8700"]),
    t("Krems an der Donau", 2, &["3500"]),
    t("Baden", 2, &["2500"]),
    t("Wolfsberg", 1, &["9400"]),
    t("Leonding", 2, &["4060"]),
    t("Klosterneuburg", 2, &["3400"]),
    t("Traun", 1, &["4050"]),
];

const PL: [Town; 20] = [
    t(
        "Warszawa",
        40,
        &[
            "00-001", "00-018", "00-120", "00-510", "00-950", "01-217", "02-672", "03-734",
        ],
    ),
    t(
        "Kraków",
        16,
        &["30-002", "30-552", "31-005", "31-042", "31-153"],
    ),
    t(
        "Łódź",
        9,
        &["90-001", "90-136", "90-242", "91-065", "92-318"],
    ),
    t(
        "Wrocław",
        12,
        &["50-001", "50-077", "50-138", "53-332", "54-129"],
    ),
    t("Poznań", 11, &["60-101", "60-529", "61-001", "61-758"]),
    t("Gdańsk", 9, &["80-001", "80-244", "80-831", "80-958"]),
    t("Szczecin", 5, &["70-017", "70-383", "71-010"]),
    t("Bydgoszcz", 4, &["85-009", "85-066"]),
    t("Lublin", 4, &["20-002", "20-076", "20-950"]),
    t("Białystok", 3, &["15-062", "15-281"]),
    t("Katowice", 8, &["40-003", "40-098", "40-158"]),
    t("Gdynia", 4, &["81-310", "81-384"]),
    t("Częstochowa", 3, &["42-200", "42-217"]),
    t("Radom", 2, &["26-600", "26-610"]),
    t("Toruń", 3, &["87-100", "87-118"]),
    t("Sosnowiec", 2, &["41-200"]),
    t("Kielce", 2, &["25-303", "25-516"]),
    t("Rzeszów", 3, &["35-064", "35-959"]),
    t("Gliwice", 3, &["44-100"]),
    t("Olsztyn", 2, &["10-521", "10-959"]),
];

const SE: [Town; 21] = [
    t(
        "Stockholm",
        40,
        &[
            "111 20", "111 22", "111 43", "111 52", "113 30", "114 35", "116 45", "118 46",
        ],
    ),
    t(
        "Göteborg",
        18,
        &["411 03", "411 05", "411 18", "413 01", "416 64"],
    ),
    t(
        "Malmö",
        12,
        &["211 18", "211 20", "211 34", "214 21", "217 41"],
    ),
    t("Uppsala", 6, &["752 28", "753 10", "753 20"]),
    t("Västerås", 4, &["722 11", "722 15"]),
    t("Örebro", 4, &["702 10", "702 11", "703 61"]),
    t("Linköping", 4, &["581 31", "582 22", "582 24"]),
    t("Helsingborg", 4, &["252 20", "252 25"]),
    t("Jönköping", 4, &["553 15", "553 20"]),
    t("Norrköping", 3, &["602 24", "602 32"]),
    t("Lund", 3, &["222 21", "223 50"]),
    t("Umeå", 3, &["903 26", "903 29"]),
    t("Gävle", 3, &["802 50", "803 20"]),
    t("Borås", 3, &["503 30", "503 32"]),
    t("Södertälje", 3, &["151 72"]),
    t("Eskilstuna", 2, &["632 20"]),
    t("Halmstad", 2, &["302 42"]),
    t("Växjö", 2, &["352 30"]),
    t("Karlstad", 2, &["652 24"]),
    t("Sundsvall", 2, &["852 30"]),
    t("Luleå", 2, &["972 32"]),
];

const US: [Town; 22] = [
    t(
        "New York",
        40,
        &["10001", "10004", "10005", "10017", "10022", "10036"],
    )
    .state("NY"),
    t(
        "Los Angeles",
        22,
        &["90012", "90017", "90025", "90036", "90071"],
    )
    .state("CA"),
    t(
        "Chicago",
        20,
        &["60601", "60602", "60603", "60606", "60611", "60654"],
    )
    .state("IL"),
    t("Houston", 14, &["77002", "77007", "77056", "77098"]).state("TX"),
    t("Phoenix", 7, &["85003", "85004", "85016"]).state("AZ"),
    t("Philadelphia", 9, &["19102", "19103", "19106", "19107"]).state("PA"),
    t("San Antonio", 6, &["78205", "78209", "78216"]).state("TX"),
    t("San Diego", 7, &["92101", "92108", "92121"]).state("CA"),
    t("Dallas", 12, &["75201", "75202", "75204", "75219"]).state("TX"),
    t("San Jose", 8, &["95110", "95112", "95113", "95131"]).state("CA"),
    t("Austin", 8, &["78701", "78702", "78704"]).state("TX"),
    t("Jacksonville", 5, &["32202", "32204", "32207"]).state("FL"),
    t("Columbus", 5, &["43215"]).state("OH"),
    t("Charlotte", 6, &["28202", "28203"]).state("NC"),
    t("Seattle", 10, &["98101", "98104", "98109", "98121"]).state("WA"),
    t("Denver", 7, &["80202", "80203", "80205"]).state("CO"),
    t("Boston", 10, &["02108", "02110", "02116", "02210"]).state("MA"),
    t("Atlanta", 10, &["30303", "30308", "30309"]).state("GA"),
    t("Miami", 9, &["33130", "33131", "33132"]).state("FL"),
    t("Detroit", 5, &["48201", "48226"]).state("MI"),
    t("Minneapolis", 6, &["55401", "55402"]).state("MN"),
    t("Portland", 5, &["97204", "97205", "97209"]).state("OR"),
];

/// The towns of a country.
pub(crate) fn towns(country: Country) -> &'static [Town] {
    match country {
        Country::France => &FR,
        Country::Germany => &DE,
        Country::Belgium => &BE,
        Country::Netherlands => &NL,
        Country::Italy => &IT,
        Country::Spain => &ES,
        Country::UnitedKingdom => &GB,
        Country::Switzerland => &CH,
        Country::Austria => &AT,
        Country::Poland => &PL,
        Country::Sweden => &SE,
        Country::UnitedStates => &US,
    }
}

/// Letters used in Dutch postcodes (F, I, O, Q, U and Y are not used).
const NL_LETTERS: &[u8] = b"ABCDEGHJKLMNPRSTVWXZ";
/// Letters used in the last two positions of UK inward codes.
const GB_INWARD_LETTERS: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";

fn letter(rng: &mut Rng, letters: &[u8]) -> char {
    char::from(rng.pick(letters).copied().unwrap_or(b'A'))
}

/// Draws a postcode of `town` in its country's format.
pub(crate) fn postcode(country: Country, town: &Town, rng: &mut Rng) -> String {
    let base = rng.pick(town.postcodes).copied().unwrap_or_default();
    match country {
        Country::Netherlands => loop {
            let (a, b) = (letter(rng, NL_LETTERS), letter(rng, NL_LETTERS));
            // SA, SD and SS are never issued.
            if !(a == 'S' && matches!(b, 'A' | 'D' | 'S')) {
                break format!("{base} {a}{b}");
            }
        },
        Country::UnitedKingdom => format!(
            "{base} {}{}{}",
            rng.below(10),
            letter(rng, GB_INWARD_LETTERS),
            letter(rng, GB_INWARD_LETTERS)
        ),
        _ => base.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape_ok(country: Country, code: &str) -> bool {
        let b = code.as_bytes();
        let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
        match country {
            Country::France
            | Country::Germany
            | Country::Italy
            | Country::Spain
            | Country::UnitedStates => b.len() == 5 && digits(b),
            Country::Belgium | Country::Switzerland | Country::Austria => b.len() == 4 && digits(b),
            Country::Netherlands => {
                b.len() == 7
                    && digits(&b[..4])
                    && b[0] != b'0'
                    && b[4] == b' '
                    && b[5..].iter().all(|c| NL_LETTERS.contains(c))
            }
            Country::UnitedKingdom => {
                let Some((outward, inward)) = code.split_once(' ') else {
                    return false;
                };
                (2..=4).contains(&outward.len())
                    && outward.as_bytes()[0].is_ascii_uppercase()
                    && inward.len() == 3
                    && inward.as_bytes()[0].is_ascii_digit()
                    && inward.as_bytes()[1..]
                        .iter()
                        .all(|c| GB_INWARD_LETTERS.contains(c))
            }
            Country::Poland => b.len() == 6 && digits(&b[..2]) && b[2] == b'-' && digits(&b[3..]),
            Country::Sweden => b.len() == 6 && digits(&b[..3]) && b[3] == b' ' && digits(&b[4..]),
        }
    }

    #[test]
    fn every_country_has_enough_towns_with_well_formed_postcodes() {
        let mut rng = Rng::new(5);
        for country in Country::ALL {
            let list = towns(country);
            assert!((15..=25).contains(&list.len()), "{country}: {}", list.len());
            let mut names: Vec<&str> = list.iter().map(|t| t.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), list.len(), "{country}: duplicate town");
            for town in list {
                assert!(town.weight > 0 && !town.postcodes.is_empty());
                assert_eq!(town.region.is_some(), country == Country::UnitedStates);
                for _ in 0..20 {
                    let code = postcode(country, town, &mut rng);
                    assert!(shape_ok(country, &code), "{country} {}: {code}", town.name);
                }
            }
        }
    }

    #[test]
    fn spanish_postcodes_start_with_a_province_code() {
        for town in towns(Country::Spain) {
            for code in town.postcodes {
                let province: u32 = code[..2].parse().unwrap_or(0);
                assert!((1..=52).contains(&province), "{code}");
            }
        }
    }

    #[test]
    fn some_town_names_carry_accents() {
        for country in [
            Country::France,
            Country::Germany,
            Country::Spain,
            Country::Poland,
            Country::Sweden,
        ] {
            assert!(
                towns(country).iter().any(|t| !t.name.is_ascii()),
                "{country}"
            );
        }
        assert_eq!(
            towns(Country::Germany)[0].register_court(),
            "Berlin (Charlottenburg)"
        );
        assert_eq!(towns(Country::Germany)[3].register_court(), "Köln");
    }
}
