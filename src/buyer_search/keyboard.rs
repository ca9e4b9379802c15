//! The combobox's keys, as the WAI-ARIA APG combobox pattern describes them.

/// What a key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyAction {
    /// Open the list (if closed) and make this option the active one.
    Activate(usize),
    /// Accept this option.
    Choose(usize),
    /// Search now (Enter without an active option).
    SearchNow,
    /// Close the list, keep the text.
    Close,
    /// The list is closed already: clear the text.
    Clear,
    /// Not the combobox's key: let it through untouched.
    Ignore,
}

/// What `key` does with `count` options, the list `open` or not, and `active` the active one.
pub(crate) fn key_action(key: &str, open: bool, active: Option<usize>, count: usize) -> KeyAction {
    let last = count.checked_sub(1);
    match (key, last) {
        ("ArrowDown", Some(last)) => KeyAction::Activate(match active {
            Some(index) if open => (index + 1).min(last),
            _ => 0,
        }),
        ("ArrowUp", Some(last)) => KeyAction::Activate(match active {
            Some(index) if open => index.saturating_sub(1),
            _ => last,
        }),
        ("Home", Some(_)) if open => KeyAction::Activate(0),
        ("End", Some(last)) if open => KeyAction::Activate(last),
        ("Enter", _) => match active {
            Some(index) if open && index < count => KeyAction::Choose(index),
            _ => KeyAction::SearchNow,
        },
        ("Escape", _) if open => KeyAction::Close,
        ("Escape", _) => KeyAction::Clear,
        _ => KeyAction::Ignore,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_open_and_move_within_the_list() {
        assert_eq!(
            key_action("ArrowDown", false, None, 3),
            KeyAction::Activate(0)
        );
        assert_eq!(
            key_action("ArrowDown", true, Some(0), 3),
            KeyAction::Activate(1)
        );
        assert_eq!(
            key_action("ArrowDown", true, Some(2), 3),
            KeyAction::Activate(2)
        );
        assert_eq!(
            key_action("ArrowUp", false, None, 3),
            KeyAction::Activate(2)
        );
        assert_eq!(
            key_action("ArrowUp", true, Some(0), 3),
            KeyAction::Activate(0)
        );
        assert_eq!(
            key_action("ArrowDown", false, Some(1), 3),
            KeyAction::Activate(0)
        );
        assert_eq!(key_action("ArrowDown", true, None, 0), KeyAction::Ignore);
    }

    #[test]
    fn home_and_end_only_with_the_list_open() {
        assert_eq!(key_action("Home", true, Some(2), 3), KeyAction::Activate(0));
        assert_eq!(key_action("End", true, None, 3), KeyAction::Activate(2));
        assert_eq!(key_action("Home", false, None, 3), KeyAction::Ignore);
        assert_eq!(key_action("End", false, None, 3), KeyAction::Ignore);
    }

    #[test]
    fn enter_and_escape() {
        assert_eq!(key_action("Enter", true, Some(1), 3), KeyAction::Choose(1));
        assert_eq!(key_action("Enter", false, Some(1), 3), KeyAction::SearchNow);
        assert_eq!(key_action("Enter", true, Some(5), 3), KeyAction::SearchNow);
        assert_eq!(key_action("Escape", true, Some(1), 3), KeyAction::Close);
        assert_eq!(key_action("Escape", false, None, 0), KeyAction::Clear);
        assert_eq!(key_action("a", true, Some(1), 3), KeyAction::Ignore);
    }
}
