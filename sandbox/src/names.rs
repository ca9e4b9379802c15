//! Word lists the generator builds company names and street addresses from: surnames,
//! sector words in the local language, local legal forms, invented brand stems and street
//! names. Each list is per language or per country where usage differs.

use crate::country::Country;

/// Language of a company's name and address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    /// French.
    Fr,
    /// German.
    De,
    /// Dutch (Flemish in Belgium).
    Nl,
    /// Italian.
    It,
    /// Spanish.
    Es,
    /// English.
    En,
    /// Polish.
    Pl,
    /// Swedish.
    Sv,
}

impl Lang {
    /// The main language of a country (Belgian and Swiss towns override it).
    pub(crate) fn of_country(country: Country) -> Lang {
        match country {
            Country::France | Country::Belgium => Lang::Fr,
            Country::Germany | Country::Switzerland | Country::Austria => Lang::De,
            Country::Netherlands => Lang::Nl,
            Country::Italy => Lang::It,
            Country::Spain => Lang::Es,
            Country::UnitedKingdom | Country::UnitedStates => Lang::En,
            Country::Poland => Lang::Pl,
            Country::Sweden => Lang::Sv,
        }
    }
}

/// Whether a legal form is a capital company or a partnership / sole trader; decides the
/// register section or number range of some identifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FormKind {
    /// Limited company (GmbH, SAS, Ltd, …).
    Capital,
    /// Partnership or sole trader (KG, SNC, HB, LLP, …).
    Partnership,
}

/// A local legal form and how often it occurs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LegalForm {
    /// The suffix written after the name, e.g. `GmbH`.
    pub(crate) name: &'static str,
    /// Capital company or partnership.
    pub(crate) kind: FormKind,
}

const fn capital(name: &'static str, weight: u32) -> (LegalForm, u32) {
    (
        LegalForm {
            name,
            kind: FormKind::Capital,
        },
        weight,
    )
}

const fn partnership(name: &'static str, weight: u32) -> (LegalForm, u32) {
    (
        LegalForm {
            name,
            kind: FormKind::Partnership,
        },
        weight,
    )
}

/// Legal forms (with weights) used in a country for a given language.
pub(crate) fn legal_forms(country: Country, lang: Lang) -> &'static [(LegalForm, u32)] {
    const FR: [(LegalForm, u32); 6] = [
        capital("SAS", 40),
        capital("SARL", 33),
        capital("SA", 9),
        capital("SASU", 10),
        capital("EURL", 5),
        partnership("SNC", 3),
    ];
    const DE: [(LegalForm, u32); 6] = [
        capital("GmbH", 60),
        capital("AG", 5),
        capital("UG (haftungsbeschränkt)", 5),
        partnership("GmbH & Co. KG", 18),
        partnership("KG", 8),
        partnership("OHG", 4),
    ];
    const AT: [(LegalForm, u32); 5] = [
        capital("GmbH", 66),
        capital("AG", 6),
        partnership("GmbH & Co KG", 14),
        partnership("KG", 9),
        partnership("OG", 5),
    ];
    const CH_DE: [(LegalForm, u32); 2] = [capital("AG", 52), capital("GmbH", 48)];
    const CH_FR: [(LegalForm, u32); 2] = [capital("SA", 52), capital("Sàrl", 48)];
    const CH_IT: [(LegalForm, u32); 2] = [capital("SA", 52), capital("Sagl", 48)];
    const BE_FR: [(LegalForm, u32); 4] = [
        capital("SRL", 58),
        capital("SA", 28),
        capital("SC", 9),
        partnership("SNC", 5),
    ];
    const BE_NL: [(LegalForm, u32); 4] = [
        capital("BV", 58),
        capital("NV", 28),
        capital("CV", 9),
        partnership("VOF", 5),
    ];
    const NL: [(LegalForm, u32); 4] = [
        capital("B.V.", 82),
        capital("N.V.", 4),
        partnership("V.O.F.", 10),
        partnership("C.V.", 4),
    ];
    const IT: [(LegalForm, u32); 5] = [
        capital("S.r.l.", 58),
        capital("S.r.l.s.", 8),
        capital("S.p.A.", 10),
        partnership("S.n.c.", 13),
        partnership("S.a.s.", 11),
    ];
    const ES: [(LegalForm, u32); 3] = [
        capital("S.L.", 72),
        capital("S.L.U.", 8),
        capital("S.A.", 20),
    ];
    const GB: [(LegalForm, u32); 4] = [
        capital("Ltd", 82),
        capital("Limited", 6),
        capital("PLC", 4),
        partnership("LLP", 8),
    ];
    const PL: [(LegalForm, u32); 4] = [
        capital("Sp. z o.o.", 72),
        capital("S.A.", 9),
        partnership("Sp.j.", 11),
        partnership("Sp.k.", 8),
    ];
    const SE: [(LegalForm, u32); 3] = [
        capital("AB", 90),
        partnership("HB", 6),
        partnership("KB", 4),
    ];
    const US: [(LegalForm, u32); 4] = [
        capital("Inc.", 44),
        capital("LLC", 44),
        capital("Corp.", 8),
        capital("Co.", 4),
    ];
    match (country, lang) {
        (Country::France, _) => &FR,
        (Country::Germany, _) => &DE,
        (Country::Austria, _) => &AT,
        (Country::Switzerland, Lang::Fr) => &CH_FR,
        (Country::Switzerland, Lang::It) => &CH_IT,
        (Country::Switzerland, _) => &CH_DE,
        (Country::Belgium, Lang::Nl) => &BE_NL,
        (Country::Belgium, _) => &BE_FR,
        (Country::Netherlands, _) => &NL,
        (Country::Italy, _) => &IT,
        (Country::Spain, _) => &ES,
        (Country::UnitedKingdom, _) => &GB,
        (Country::Poland, _) => &PL,
        (Country::Sweden, _) => &SE,
        (Country::UnitedStates, _) => &US,
    }
}

/// Family names common in a country (and language, for Belgium and Switzerland).
pub(crate) fn surnames(country: Country, lang: Lang) -> &'static [&'static str] {
    #[rustfmt::skip]
    const FR: [&str; 60] = [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
        "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
        "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet",
        "François", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry",
        "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont",
        "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Boyer", "Denis",
        "Lemaire", "Duval", "Joly", "Gaillard", "Brun", "Barbier", "Arnaud", "Rolland",
    ];
    #[rustfmt::skip]
    const BE_FR: [&str; 40] = [
        "Dubois", "Lambert", "Dupont", "Martin", "Simon", "Laurent", "Leclercq", "Lejeune",
        "Renard", "Dumont", "François", "Legrand", "Mathieu", "Lemaire", "Henry", "Denis",
        "Collard", "Hubert", "Noël", "Lefèvre", "Gérard", "Fontaine", "Jacquet", "Delvaux",
        "Michaux", "Thiry", "Gilson", "Servais", "Lambotte", "Charlier", "Pirotte", "Massart",
        "Lecomte", "Wauters", "Piette", "Delhaye", "Bastin", "Hennuy", "Defourny", "Georges",
    ];
    #[rustfmt::skip]
    const BE_NL: [&str; 40] = [
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
        "Wouters", "De Smet", "Hermans", "Aerts", "Pauwels", "Verstraete", "Desmet", "Vermeulen",
        "Van Damme", "Declercq", "Martens", "Michiels", "Cools", "Lambrechts", "Segers",
        "Van den Broeck", "Smets", "Verhaegen", "De Backer", "Stevens", "Claeys", "Coppens",
        "Vandenberghe", "Hendrickx", "Lemmens", "Wuyts", "Bogaerts", "Vervoort", "De Wilde",
        "Van Acker", "Verbeke", "De Vos",
    ];
    #[rustfmt::skip]
    const DE: [&str; 56] = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
        "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
        "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt",
        "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler",
        "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang",
        "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller",
        "Günther", "Frank", "Berger",
    ];
    #[rustfmt::skip]
    const AT: [&str; 44] = [
        "Gruber", "Huber", "Bauer", "Wagner", "Müller", "Pichler", "Steiner", "Moser", "Mayer",
        "Hofer", "Leitner", "Berger", "Fuchs", "Eder", "Fischer", "Schmid", "Winkler", "Weber",
        "Schwarz", "Maier", "Schneider", "Reiter", "Mayr", "Schmidt", "Wimmer", "Egger", "Brunner",
        "Lang", "Baumgartner", "Auer", "Binder", "Lechner", "Wolf", "Wallner", "Aigner", "Ebner",
        "Koller", "Lehner", "Haas", "Schuster", "Pölzl", "Hörmann", "Strasser", "Kofler",
    ];
    #[rustfmt::skip]
    const CH_DE: [&str; 40] = [
        "Müller", "Meier", "Schmid", "Keller", "Weber", "Huber", "Schneider", "Meyer", "Steiner",
        "Fischer", "Gerber", "Brunner", "Baumann", "Frei", "Zimmermann", "Moser", "Widmer", "Wyss",
        "Graf", "Roth", "Suter", "Baumgartner", "Bachmann", "Studer", "Kunz", "Lüthi", "Marti",
        "Hofer", "Bühler", "Kälin", "Zürcher", "Egli", "Frey", "Ammann", "Bucher", "Fässler",
        "Hess", "Sutter", "Vogt", "Wälti",
    ];
    #[rustfmt::skip]
    const NL: [&str; 50] = [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
        "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
        "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf",
        "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel",
        "van der Veen", "van den Broek", "de Bruijn", "de Bruin", "van der Heijden", "Schouten",
        "van Beek", "Willems", "van Vliet", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam",
        "van der Wal", "Prins", "Blom", "Huisman", "Kuipers",
    ];
    #[rustfmt::skip]
    const IT: [&str; 56] = [
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
        "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo",
        "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso",
        "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile", "Martinelli", "Vitale",
        "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti", "Parisi", "Villa",
        "Conte", "Ferraro", "Fabbri", "Bianco", "Marini", "Grasso", "Valentini", "Messina", "Sala",
        "De Angelis", "Gatti", "Pellegrini", "Palumbo", "Sanna",
    ];
    #[rustfmt::skip]
    const ES: [&str; 50] = [
        "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez",
        "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez",
        "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos",
        "Gil", "Ramírez", "Serrano", "Blanco", "Molina", "Morales", "Suárez", "Ortega", "Delgado",
        "Castro", "Ortiz", "Rubio", "Marín", "Sanz", "Núñez", "Iglesias", "Medina", "Garrido",
        "Cortés", "Castillo", "Santos", "Lozano", "Guerrero", "Cano", "Prieto",
    ];
    #[rustfmt::skip]
    const GB: [&str; 56] = [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
        "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards",
        "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood",
        "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King",
        "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis",
        "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter",
        "Richardson", "Campbell",
    ];
    #[rustfmt::skip]
    const US: [&str; 56] = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
        "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris",
        "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill",
        "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips",
        "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook",
        "Rogers", "Morgan", "Cooper", "Peterson", "Reed", "Bailey", "Garcia", "Martinez",
        "Hernandez", "Nguyen",
    ];
    #[rustfmt::skip]
    const PL: [&str; 46] = [
        "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
        "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur",
        "Wojciechowski", "Kwiatkowski", "Krawczyk", "Kaczmarek", "Piotrowski", "Grabowski", "Zając",
        "Pawłowski", "Michalski", "Król", "Wieczorek", "Jabłoński", "Wróbel", "Nowakowski",
        "Majewski", "Olszewski", "Stępień", "Malinowski", "Jaworski", "Adamczyk", "Dudek",
        "Nowicki", "Pawlak", "Górski", "Witkowski", "Walczak", "Sikora", "Baran", "Rutkowski",
        "Michalak", "Szewczyk", "Ostrowski",
    ];
    #[rustfmt::skip]
    const SV: [&str; 44] = [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
        "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson",
        "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Olofsson", "Lindström", "Lindqvist",
        "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren", "Lundqvist",
        "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg",
        "Wallin", "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk",
    ];
    match (country, lang) {
        (Country::France, _) => &FR,
        (Country::Belgium, Lang::Nl) => &BE_NL,
        (Country::Belgium, _) => &BE_FR,
        (Country::Germany, _) => &DE,
        (Country::Austria, _) => &AT,
        (Country::Switzerland, Lang::Fr) => &FR,
        (Country::Switzerland, Lang::It) => &IT,
        (Country::Switzerland, _) => &CH_DE,
        (Country::Netherlands, _) => &NL,
        (Country::Italy, _) => &IT,
        (Country::Spain, _) => &ES,
        (Country::UnitedKingdom, _) => &GB,
        (Country::UnitedStates, _) => &US,
        (Country::Poland, _) => &PL,
        (Country::Sweden, _) => &SV,
    }
}

/// Business-sector words in a language ("Logistique", "Maschinenbau", …).
pub(crate) fn sectors(lang: Lang) -> &'static [&'static str] {
    #[rustfmt::skip]
    const FR: [&str; 48] = [
        "Logistique", "Transports", "Bâtiment", "Menuiserie", "Boulangerie", "Distribution",
        "Industries", "Emballages", "Conseil", "Informatique", "Électricité", "Plomberie",
        "Métallerie", "Imprimerie", "Textiles", "Chimie", "Négoce", "Services", "Construction",
        "Immobilier", "Mécanique", "Automobiles", "Énergie", "Environnement", "Matériaux",
        "Équipements", "Peinture", "Charpente", "Maçonnerie", "Travaux Publics", "Agencement",
        "Carrosserie", "Froid Industriel", "Sécurité", "Nettoyage", "Vins", "Fromagerie",
        "Électronique", "Ingénierie", "Import-Export", "Location", "Outillage", "Plastiques",
        "Papeterie", "Traiteur", "Chaudronnerie", "Couverture", "Paysages",
    ];
    #[rustfmt::skip]
    const DE: [&str; 44] = [
        "Logistik", "Spedition", "Bau", "Metallbau", "Maschinenbau", "Elektrotechnik",
        "Haustechnik", "Holzbau", "Druckerei", "Bäckerei", "Handel", "Großhandel", "Immobilien",
        "Beratung", "Software", "Systemtechnik", "Automation", "Fahrzeugbau", "Kunststofftechnik",
        "Verpackungen", "Möbelwerkstätten", "Lebensmittel", "Getränke", "Stahlbau", "Elektro",
        "Sanitär", "Gebäudereinigung", "Umwelttechnik", "Energietechnik", "Medizintechnik",
        "Feinmechanik", "Werkzeugbau", "Transporte", "Dienstleistungen", "Textil", "Chemie", "Glas",
        "Landtechnik", "Zerspanungstechnik", "Dachdeckerei", "Malerbetrieb", "Schreinerei",
        "Brauerei", "Kältetechnik",
    ];
    #[rustfmt::skip]
    const NL: [&str; 36] = [
        "Logistiek", "Transport", "Bouw", "Installatietechniek", "Metaal", "Techniek", "Handel",
        "Groothandel", "Vastgoed", "Advies", "Software", "Automatisering", "Verpakkingen",
        "Meubelen", "Voeding", "Drukkerij", "Bakkerij", "Elektro", "Schilders", "Schoonmaak",
        "Machinebouw", "Kunststoffen", "Energie", "Installaties", "Tuinbouw", "Bloemen",
        "Scheepvaart", "Staalbouw", "Dienstverlening", "Textiel", "Chemie", "Infra", "Accountants",
        "Houtbouw", "Koeltechniek", "Grondverzet",
    ];
    #[rustfmt::skip]
    const IT: [&str; 38] = [
        "Costruzioni", "Trasporti", "Logistica", "Impianti", "Meccanica", "Elettronica",
        "Informatica", "Alimentari", "Tessile", "Arredamenti", "Edilizia", "Serramenti",
        "Ceramiche", "Carpenteria", "Metalli", "Plastica", "Imballaggi", "Servizi", "Consulenza",
        "Distribuzione", "Vini", "Oleificio", "Caseificio", "Calzature", "Moda", "Chimica",
        "Farmaceutica", "Automazione", "Stampi", "Ingegneria", "Termoidraulica", "Commercio",
        "Immobiliare", "Macchine", "Pelletteria", "Tipografia", "Segheria", "Autotrasporti",
    ];
    #[rustfmt::skip]
    const ES: [&str; 36] = [
        "Construcciones", "Transportes", "Logística", "Instalaciones", "Ingeniería",
        "Distribuciones", "Alimentación", "Informática", "Consultoría", "Inmobiliaria", "Servicios",
        "Metalúrgica", "Carpintería", "Electricidad", "Fontanería", "Textil", "Muebles", "Vinos",
        "Aceites", "Envases", "Plásticos", "Maquinaria", "Suministros", "Reformas", "Talleres",
        "Gráficas", "Química", "Automoción", "Energía", "Climatización", "Comercial",
        "Excavaciones", "Conservas", "Cerámicas", "Aluminios", "Papelera",
    ];
    #[rustfmt::skip]
    const EN: [&str; 42] = [
        "Logistics", "Transport", "Construction", "Engineering", "Electrical", "Plumbing",
        "Joinery", "Print", "Foods", "Distribution", "Consulting", "Software", "Systems",
        "Solutions", "Holdings", "Trading", "Industries", "Manufacturing", "Packaging",
        "Properties", "Services", "Technologies", "Building Supplies", "Metals", "Plastics",
        "Textiles", "Chemicals", "Motors", "Energy", "Environmental", "Interiors", "Furniture",
        "Freight", "Catering", "Cleaning", "Security", "Medical", "Labs", "Fabrication", "Roofing",
        "Landscaping", "Tooling",
    ];
    #[rustfmt::skip]
    const PL: [&str; 34] = [
        "Transport", "Logistyka", "Budownictwo", "Instalacje", "Elektronika", "Informatyka",
        "Meble", "Handel", "Hurtownia", "Produkcja", "Konstrukcje", "Metal", "Tworzywa",
        "Opakowania", "Spedycja", "Poligrafia", "Piekarnia", "Serwis", "Doradztwo", "Nieruchomości",
        "Energetyka", "Automatyka", "Chemia", "Tekstylia", "Mechanika", "Systemy", "Technologie",
        "Dystrybucja", "Maszyny", "Stal", "Drewno", "Żywność", "Ogrodnictwo", "Usługi",
    ];
    #[rustfmt::skip]
    const SV: [&str; 34] = [
        "Bygg", "Transport", "Logistik", "Maskin", "Mekaniska", "Elektro", "VVS", "Måleri",
        "Snickeri", "Trä", "Stål", "Plast", "Förpackning", "Livsmedel", "Konsult", "Data", "System",
        "Teknik", "Handel", "Fastigheter", "Industri", "Verkstad", "Tryckeri", "Bageri", "Städ",
        "Energi", "Miljö", "Möbler", "Kemi", "Textil", "Åkeri", "Entreprenad", "Mark", "Kyl",
    ];
    match lang {
        Lang::Fr => &FR,
        Lang::De => &DE,
        Lang::Nl => &NL,
        Lang::It => &IT,
        Lang::Es => &ES,
        Lang::En => &EN,
        Lang::Pl => &PL,
        Lang::Sv => &SV,
    }
}

/// First syllables of invented brand names ("Altis", "Norvex", …).
pub(crate) const STEM_HEADS: [&str; 32] = [
    "Al", "Ar", "Bel", "Cor", "Da", "El", "Fa", "Gal", "Ka", "Lu", "Mar", "No", "Or", "Pra",
    "Quin", "Ro", "Sol", "Ta", "Ve", "Xa", "Zen", "Ny", "Op", "Ste", "Tri", "Vi", "Neo", "Ax",
    "Cy", "Ily", "Mo", "Ter",
];

/// Last syllables of invented brand names.
pub(crate) const STEM_TAILS: [&str; 24] = [
    "tis", "vo", "nex", "ra", "lia", "gon", "dor", "via", "tek", "ron", "mar", "sys", "ko", "lis",
    "nova", "tix", "lux", "vant", "mira", "quest", "dis", "ber", "sca", "rion",
];

/// Name templates with weights. Placeholders: `{S}` surname, `{S2}` another surname,
/// `{Sg}` Swedish genitive of the surname, `{T}` invented stem, `{W}` sector word,
/// `{C}` town, `{dC}` French "de/d'" + town.
pub(crate) fn name_templates(lang: Lang) -> &'static [(&'static str, u32)] {
    const FR: [(&str, u32); 10] = [
        ("{S} {W}", 26),
        ("{W} {S}", 14),
        ("{T} {W}", 14),
        ("{T}", 10),
        ("{S} et Fils", 6),
        ("{S} & {S2}", 7),
        ("Groupe {S}", 5),
        ("Établissements {S}", 6),
        ("Société {T}", 4),
        ("{W} {dC}", 8),
    ];
    const DE: [(&str, u32); 8] = [
        ("{S} {W}", 28),
        ("{W} {S}", 16),
        ("{T} {W}", 14),
        ("{T}", 10),
        ("{S} & Söhne", 6),
        ("{S} & {S2}", 8),
        ("{S} Gruppe", 5),
        ("{W} {C}", 8),
    ];
    const NL: [(&str, u32); 8] = [
        ("{S} {W}", 30),
        ("{W} {S}", 10),
        ("{T} {W}", 16),
        ("{T}", 10),
        ("{S} & Zonen", 6),
        ("{S} & {S2}", 8),
        ("{S} Groep", 5),
        ("{W} {C}", 8),
    ];
    const IT: [(&str, u32); 8] = [
        ("{W} {S}", 28),
        ("{S} {W}", 14),
        ("{T} {W}", 14),
        ("{T}", 10),
        ("{S} & Figli", 7),
        ("{S} & {S2}", 8),
        ("Gruppo {S}", 5),
        ("{W} {C}", 7),
    ];
    const ES: [(&str, u32); 8] = [
        ("{W} {S}", 28),
        ("{S} {W}", 12),
        ("{T} {W}", 14),
        ("{T}", 10),
        ("{S} e Hijos", 7),
        ("{S} y {S2}", 8),
        ("Grupo {S}", 5),
        ("{W} de {C}", 8),
    ];
    const EN: [(&str, u32); 8] = [
        ("{S} {W}", 30),
        ("{T} {W}", 18),
        ("{T}", 10),
        ("{S} & Sons", 7),
        ("{S} & {S2}", 9),
        ("{S} Group", 5),
        ("{C} {W}", 10),
        ("{S} Brothers", 3),
    ];
    const PL: [(&str, u32); 8] = [
        ("{W} {S}", 24),
        ("{S} {W}", 14),
        ("{T} {W}", 16),
        ("{T}", 12),
        ("{S} i Synowie", 5),
        ("{S} i {S2}", 7),
        ("Grupa {S}", 5),
        ("{W} {C}", 8),
    ];
    const SV: [(&str, u32); 7] = [
        ("{Sg} {W}", 32),
        ("{T} {W}", 18),
        ("{T}", 12),
        ("{S} & Söner", 6),
        ("{S} & {S2}", 7),
        ("{C} {W}", 10),
        ("{W} i {C}", 6),
    ];
    match lang {
        Lang::Fr => &FR,
        Lang::De => &DE,
        Lang::Nl => &NL,
        Lang::It => &IT,
        Lang::Es => &ES,
        Lang::En => &EN,
        Lang::Pl => &PL,
        Lang::Sv => &SV,
    }
}

/// How street addresses are written in a country / language.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StreetStyle {
    /// Street names.
    pub(crate) names: &'static [&'static str],
    /// `12 rue de la Paix` (true) or `Hauptstraße 12` (false).
    pub(crate) number_first: bool,
    /// Between street name and number when the number comes last (`", "` in Italy and Spain).
    pub(crate) separator: &'static str,
    /// Highest house number.
    pub(crate) max_number: u64,
}

/// The street style of a country and language.
pub(crate) fn street_style(country: Country, lang: Lang) -> StreetStyle {
    #[rustfmt::skip]
    const FR: [&str; 30] = [
        "rue de la Paix", "avenue Victor Hugo", "rue Jean Jaurès", "boulevard de la République",
        "rue Pasteur", "avenue du Général de Gaulle", "rue des Lilas", "rue de la Gare",
        "boulevard Gambetta", "rue Voltaire", "rue Émile Zola", "chemin du Château",
        "rue Saint-Michel", "rue des Écoles", "route Nationale", "place Carnot", "avenue Foch",
        "rue de Verdun", "rue du Commerce", "rue de l'Église", "allée des Tilleuls",
        "impasse des Artisans", "rue de l'Industrie", "avenue de la Libération", "rue Nationale",
        "boulevard Pasteur", "rue du Moulin", "rue des Acacias", "quai des Chartrons",
        "rue du Faubourg Saint-Antoine",
    ];
    #[rustfmt::skip]
    const BE_FR: [&str; 16] = [
        "Rue de la Station", "Rue de l'Église", "Chaussée de Bruxelles", "Avenue des Combattants",
        "Rue du Moulin", "Rue Haute", "Place Communale", "Rue de la Gare", "Boulevard Industriel",
        "Rue du Commerce", "Avenue Reine Astrid", "Rue Saint-Pierre", "Rue des Écoles",
        "Chaussée de Namur", "Rue de Liège", "Avenue Louise",
    ];
    #[rustfmt::skip]
    const BE_NL: [&str; 16] = [
        "Stationsstraat", "Kerkstraat", "Molenstraat", "Nieuwstraat", "Dorpsstraat",
        "Industrielaan", "Kapelstraat", "Schoolstraat", "Markt", "Grote Markt", "Brugsesteenweg",
        "Kortrijksesteenweg", "Leopoldlaan", "Koning Albertlaan", "Zandstraat", "Hoogstraat",
    ];
    #[rustfmt::skip]
    const NL: [&str; 20] = [
        "Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenstraat", "Schoolstraat", "Industrieweg",
        "Julianalaan", "Beatrixlaan", "Wilhelminastraat", "Oranjestraat", "Marktplein",
        "Nieuwstraat", "Havenweg", "Parallelweg", "Kastanjelaan", "Lindelaan", "Hoofdstraat",
        "Europaweg", "Energieweg", "Kanaalweg",
    ];
    #[rustfmt::skip]
    const DE: [&str; 26] = [
        "Hauptstraße", "Bahnhofstraße", "Schillerstraße", "Goethestraße", "Lindenallee", "Am Markt",
        "Industriestraße", "Gartenstraße", "Kirchplatz", "Marktplatz", "Mühlenweg", "Königstraße",
        "Friedrichstraße", "Ringstraße", "Gewerbepark", "Dorfstraße", "Waldstraße", "Schulstraße",
        "Poststraße", "Am Hafen", "Kaiserstraße", "Lessingstraße", "Ahornweg", "Birkenweg",
        "Im Gewerbegebiet", "Kantstraße",
    ];
    #[rustfmt::skip]
    const AT: [&str; 20] = [
        "Hauptstraße", "Bahnhofstraße", "Kirchengasse", "Schulgasse", "Lindengasse", "Mühlgasse",
        "Wiener Straße", "Grazer Straße", "Industriestraße", "Hauptplatz", "Kaiserstraße",
        "Mozartstraße", "Feldgasse", "Gewerbepark", "Linzer Straße", "Dorfstraße", "Bahnhofplatz",
        "Ringstraße", "Rathausplatz", "Salzburger Straße",
    ];
    #[rustfmt::skip]
    const CH_DE: [&str; 15] = [
        "Bahnhofstrasse", "Hauptstrasse", "Dorfstrasse", "Kirchgasse", "Industriestrasse",
        "Seestrasse", "Zürcherstrasse", "Bernstrasse", "Poststrasse", "Schulhausstrasse",
        "Gewerbestrasse", "Marktgasse", "Rosenweg", "Lindenstrasse", "Badenerstrasse",
    ];
    #[rustfmt::skip]
    const CH_FR: [&str; 15] = [
        "Rue du Marché", "Rue de la Gare", "Avenue de la Gare", "Chemin des Vignes",
        "Route de Lausanne", "Rue du Lac", "Rue Centrale", "Avenue de France", "Rue de l'Industrie",
        "Grand-Rue", "Chemin du Château", "Rue des Moulins", "Route de Genève", "Place du Marché",
        "Rue du Temple",
    ];
    #[rustfmt::skip]
    const CH_IT: [&str; 12] = [
        "Via Cantonale", "Via San Gottardo", "Corso Elvezia", "Via Pretorio", "Via Nassa",
        "Via Lugano", "Via Industria", "Via alla Stazione", "Piazza Indipendenza",
        "Via Serafino Balestra", "Via Ciseri", "Via Trevano",
    ];
    #[rustfmt::skip]
    const IT: [&str; 20] = [
        "Via Roma", "Via Giuseppe Garibaldi", "Corso Italia", "Via Giuseppe Verdi",
        "Piazza della Repubblica", "Via Giuseppe Mazzini", "Via Cavour", "Viale dell'Industria",
        "Via Dante Alighieri", "Via XX Settembre", "Via Nazionale", "Corso Vittorio Emanuele II",
        "Via della Libertà", "Via San Francesco", "Via Guglielmo Marconi", "Via Giacomo Matteotti",
        "Via dei Mille", "Viale Europa", "Via Aldo Moro", "Via dell'Artigianato",
    ];
    #[rustfmt::skip]
    const ES: [&str; 20] = [
        "Calle Mayor", "Calle Real", "Avenida de la Constitución", "Plaza de España",
        "Calle San Juan", "Calle de la Iglesia", "Avenida de la Libertad", "Calle Nueva",
        "Plaza Mayor", "Calle del Sol", "Avenida de Andalucía", "Calle Cervantes",
        "Paseo de la Estación", "Calle del Carmen", "Avenida del Puerto", "Calle de la Industria",
        "Calle Colón", "Ronda de Poniente", "Calle Alfonso XIII", "Avenida de Europa",
    ];
    #[rustfmt::skip]
    const GB: [&str; 22] = [
        "High Street", "Station Road", "Church Street", "Victoria Road", "London Road", "Mill Lane",
        "King Street", "Queen Street", "Market Street", "Bridge Street", "New Road", "The Crescent",
        "Albert Road", "Park Road", "Green Lane", "Manor Road", "George Street", "Castle Street",
        "Chapel Street", "Springfield Road", "Riverside Way", "Enterprise Way",
    ];
    #[rustfmt::skip]
    const US: [&str; 20] = [
        "Main Street", "Oak Avenue", "Market Street", "Park Avenue", "Elm Street",
        "Washington Boulevard", "Commerce Drive", "Industrial Parkway", "2nd Street", "Broadway",
        "Maple Avenue", "Pine Street", "Cedar Lane", "Lincoln Avenue", "Madison Avenue",
        "Jefferson Street", "Lake Street", "River Road", "Technology Drive",
        "Corporate Center Drive",
    ];
    #[rustfmt::skip]
    const PL: [&str; 20] = [
        "ul. Mickiewicza", "ul. Słowackiego", "ul. Kościuszki", "ul. Piłsudskiego", "ul. Kolejowa",
        "ul. Polna", "ul. Lipowa", "ul. Długa", "ul. Krótka", "ul. Przemysłowa", "ul. Ogrodowa",
        "ul. Sienkiewicza", "al. Jana Pawła II", "ul. Jagiellońska", "ul. Kwiatowa", "ul. Szkolna",
        "ul. Leśna", "ul. Słoneczna", "ul. Fabryczna", "ul. Żeromskiego",
    ];
    #[rustfmt::skip]
    const SV: [&str; 20] = [
        "Storgatan", "Drottninggatan", "Kungsgatan", "Järnvägsgatan", "Industrivägen", "Skolgatan",
        "Kyrkogatan", "Västra vägen", "Stationsgatan", "Hamngatan", "Nygatan", "Parkvägen",
        "Torggatan", "Östra Storgatan", "Fabriksgatan", "Verkstadsgatan", "Ringvägen",
        "Södra vägen", "Bangårdsgatan", "Åsgatan",
    ];
    let last = |names: &'static [&'static str], max_number: u64| StreetStyle {
        names,
        number_first: false,
        separator: " ",
        max_number,
    };
    let first = |names: &'static [&'static str], max_number: u64| StreetStyle {
        names,
        number_first: true,
        separator: " ",
        max_number,
    };
    match (country, lang) {
        (Country::France, _) => first(&FR, 180),
        (Country::Belgium, Lang::Nl) => last(&BE_NL, 250),
        (Country::Belgium, _) => last(&BE_FR, 250),
        (Country::Netherlands, _) => last(&NL, 240),
        (Country::Germany, _) => last(&DE, 160),
        (Country::Austria, _) => last(&AT, 90),
        (Country::Switzerland, Lang::Fr) => last(&CH_FR, 120),
        (Country::Switzerland, Lang::It) => last(&CH_IT, 80),
        (Country::Switzerland, _) => last(&CH_DE, 120),
        (Country::Italy, _) => StreetStyle {
            separator: ", ",
            ..last(&IT, 200)
        },
        (Country::Spain, _) => StreetStyle {
            separator: ", ",
            ..last(&ES, 150)
        },
        (Country::UnitedKingdom, _) => first(&GB, 250),
        (Country::UnitedStates, _) => first(&US, 9_900),
        (Country::Poland, _) => last(&PL, 140),
        (Country::Sweden, _) => last(&SV, 90),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LANGS: [Lang; 8] = [
        Lang::Fr,
        Lang::De,
        Lang::Nl,
        Lang::It,
        Lang::Es,
        Lang::En,
        Lang::Pl,
        Lang::Sv,
    ];

    #[test]
    fn every_list_is_populated_and_free_of_duplicates() {
        fn unique(list: &[&str]) -> bool {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted.windows(2).all(|w| w[0] != w[1])
        }
        for lang in LANGS {
            assert!(sectors(lang).len() >= 30, "{lang:?}");
            assert!(unique(sectors(lang)), "{lang:?}");
            assert!(!name_templates(lang).is_empty());
            for country in Country::ALL {
                assert!(surnames(country, lang).len() >= 40, "{country} {lang:?}");
                assert!(unique(surnames(country, lang)), "{country} {lang:?}");
                assert!(!legal_forms(country, lang).is_empty());
                let style = street_style(country, lang);
                assert!(style.names.len() >= 12 && unique(style.names));
            }
        }
    }

    #[test]
    fn templates_only_use_known_placeholders() {
        for lang in LANGS {
            for (template, weight) in name_templates(lang) {
                assert!(*weight > 0);
                let mut rest = *template;
                while let Some(start) = rest.find('{') {
                    let end = rest[start..]
                        .find('}')
                        .map(|e| start + e)
                        .unwrap_or(rest.len());
                    let key = &rest[start + 1..end];
                    assert!(
                        ["S", "S2", "Sg", "T", "W", "C", "dC"].contains(&key),
                        "{template}"
                    );
                    rest = rest.get(end + 1..).unwrap_or("");
                }
            }
        }
    }
}
