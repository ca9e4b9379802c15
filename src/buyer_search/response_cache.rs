//! Answers already received, kept for the page's lifetime so that typing the same query again
//! (in any instance) sends nothing. Only answers that were read without error are kept.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::proxy_client::ProxyResponse;

/// Most answers kept; past it the cache starts afresh (a page rarely gets there).
const CAPACITY: usize = 500;

thread_local! {
    static ANSWERS: RefCell<HashMap<String, ProxyResponse>> = RefCell::new(HashMap::new());
}

/// The answer kept for the request `key`, if any.
pub(crate) fn cached(key: &str) -> Option<ProxyResponse> {
    ANSWERS.with(|answers| answers.borrow().get(key).cloned())
}

/// Keeps `response` as the answer to the request `key`.
pub(crate) fn remember(key: String, response: ProxyResponse) {
    ANSWERS.with(|answers| {
        let mut answers = answers.borrow_mut();
        if answers.len() >= CAPACITY {
            answers.clear();
        }
        answers.insert(key, response);
    });
}
