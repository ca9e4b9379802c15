//! The filtered view as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma,
//! quote or line break quoted, quotes doubled), safe to open in a spreadsheet: a cell starting
//! with `=`, `+`, `-`, `@` (or a tab or carriage return) is prefixed with `'` so it is never
//! read as a formula.

/// One CSV field, quoted and defused as needed.
pub fn csv_field(value: &str) -> String {
    let defused = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// The CSV text of `header` and `rows`, each line ended by CRLF.
pub fn csv_text(header: &[String], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut text = String::new();
    let mut line = |cells: &[String]| {
        let fields: Vec<String> = cells.iter().map(|cell| csv_field(cell)).collect();
        text.push_str(&fields.join(","));
        text.push_str("\r\n");
    };
    line(header);
    for row in rows {
        line(&row);
    }
    text
}
