//! Waiting in the browser without blocking it.

/// Resolves after `ms` milliseconds (a browser timer; at once when there is no window).
pub(crate) async fn sleep_ms(ms: f64) {
    let delay = ms.clamp(0.0, f64::from(i32::MAX)) as i32;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, delay);
        } else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
