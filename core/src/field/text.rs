//! Small helpers shared by the field rules. Everything counts characters, never bytes.

/// Trims and collapses every run of white space (including tabs, newlines and no-break spaces)
/// into one blank.
pub(crate) fn collapse_blanks(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Characters refused in one-line text: control characters (C0, DEL, C1) and the bidirectional
/// embedding, override and isolate controls, which can make a name display as something else.
pub(crate) fn is_forbidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` holds a character [`is_forbidden`] refuses.
pub(crate) fn has_forbidden(text: &str) -> bool {
    text.chars().any(is_forbidden)
}

/// The number of characters (Unicode scalar values) in `text`.
pub(crate) fn char_count(text: &str) -> usize {
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_every_kind_of_blank() {
        assert_eq!(collapse_blanks(" a \t b\u{a0}\u{202f}c\n"), "a b c");
        assert_eq!(collapse_blanks("   "), "");
    }

    #[test]
    fn refuses_controls_and_bidi_overrides() {
        assert!(has_forbidden("a\u{7}"));
        assert!(has_forbidden("a\u{202e}b"));
        assert!(has_forbidden("\u{85}"));
        assert!(!has_forbidden("Société Générale"));
        assert_eq!(char_count("Éé"), 2);
    }
}
