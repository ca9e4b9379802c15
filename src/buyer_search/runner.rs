//! Sends the requests of a search in turn, through the proxy or from the cache, until one
//! lists buyers.

use tradecover_core::locale::Language;
use tradecover_core::{Country, HttpRequest, Insurer};
use web_sys::AbortSignal;

use super::plan::{read_answer, Hits, Stage};
use super::response_cache::{cached, remember};
use crate::proxy_client::ProxyClient;
use crate::widget_error::WidgetError;

/// Runs `requests` in order: the first answer listing buyers ends the search (`Some`); `None`
/// when none did. Stops early, with `None`, once `is_current` says a newer search took over.
pub(crate) async fn run_search(
    client: &ProxyClient,
    insurer: Insurer,
    country: Country,
    requests: Vec<(Stage, HttpRequest)>,
    language: Language,
    abort: Option<&AbortSignal>,
    is_current: impl Fn() -> bool,
) -> Result<Option<Hits>, WidgetError> {
    for (stage, request) in requests {
        if !is_current() {
            return Ok(None);
        }
        let key = client.request_key(insurer, &request);
        let (response, fresh) = match cached(&key) {
            Some(response) => (response, false),
            None => (client.send(insurer, &request, language, abort).await?, true),
        };
        let answer = read_answer(insurer, stage, country, response.status, &response.body)
            .map_err(|error| WidgetError::from_insurer(&error, language))?;
        if fresh {
            remember(key, response);
        }
        if answer.is_some() {
            return Ok(answer);
        }
    }
    Ok(None)
}
