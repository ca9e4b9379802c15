//! Helpers shared by the widgets' browser tests: the window, waiting (a timer, then Leptos'
//! asynchronous DOM update), the calls a stubbed `window.fetch` recorded, and a guard that runs
//! one test at a time (the tests share `window.fetch`, storage, `EventSource` and the URL).
#![allow(dead_code)] // each test crate uses its own subset

use std::time::Duration;

use js_sys::Reflect;
use serde_json::Value;
use wasm_bindgen_futures::JsFuture;

/// The page's window.
pub fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

/// Waits `duration` of real time, then lets Leptos update the DOM.
pub async fn sleep(duration: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                duration.as_millis() as i32,
            )
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

/// Waits until `condition` holds (at most `limit`); returns whether it did.
pub async fn until(limit: Duration, condition: impl Fn() -> bool) -> bool {
    let step = Duration::from_millis(20);
    let mut waited = Duration::ZERO;
    while waited < limit {
        if condition() {
            return true;
        }
        sleep(step).await;
        waited += step;
    }
    condition()
}

/// The calls the stubbed `window.fetch` recorded in `window.__tcCalls`.
pub fn calls() -> Vec<Value> {
    let calls = Reflect::get(&window(), &"__tcCalls".into()).unwrap();
    let text = js_sys::JSON::stringify(&calls)
        .unwrap()
        .as_string()
        .unwrap();
    serde_json::from_str(&text).unwrap()
}

thread_local! {
    static BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Held while a test runs; the next test's [`turn`] waits for it to be dropped.
pub struct Turn;

impl Drop for Turn {
    fn drop(&mut self) {
        BUSY.with(|busy| busy.set(false));
    }
}

/// Waits until no other test of this crate is running, then holds the turn.
pub async fn turn() -> Turn {
    while BUSY.with(|busy| busy.replace(true)) {
        sleep(Duration::from_millis(10)).await;
    }
    Turn
}
