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
