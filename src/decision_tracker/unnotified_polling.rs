//! Pending rows of insurers whose decisions may not reach the proxy's stream, asked about again
//! with the core's polling policy while the stream is up (while it is down, every pending row
//! is). Coface pushes every change of an order; Atradius notifies nothing; Allianz Trade calls
//! back only for cover requests registered with a webhook (the reference proxy registers its
//! own; another proxy may not) and under the policy the stream follows — so Atradius and
//! Allianz Trade rows are polled.

use std::future::Future;
use std::time::Duration;

use tradecover_core::decision::Decision;
use tradecover_core::lifecycle::{next_check_at, PollHistory, PollingPolicy, Status};
use tradecover_core::Insurer;

/// How often the loop wakes up to see whether a row is due (or new pending rows arrived).
pub const WAKE_UP: Duration = Duration::from_secs(1);

/// Whether `insurer`'s decisions always reach the proxy's notification stream.
pub fn reaches_stream(insurer: Insurer) -> bool {
    insurer == Insurer::Coface
}

/// Whether `row` waits for a decision that only polling will bring.
pub fn needs_polling(row: &Decision) -> bool {
    !reaches_stream(row.insurer) && row.status.status.is_some_and(Status::is_waiting)
}

/// What the loop is told each time it wakes up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamState {
    /// The stream is up: poll the rows it will not bring.
    Up,
    /// The stream is down or off: another loop polls (or nobody asked for live updates).
    Other,
    /// The tracker is gone: stop.
    Gone,
}

/// Runs until `state()` says the tracker is gone: every [`WAKE_UP`], while the stream is up,
/// asks `check` about the rows `pending()` gives once the policy's delay has passed. The delay
/// starts again from the first one each time more rows are pending than at the last look (a new
/// application), and whenever the stream goes down.
pub async fn poll_unnotified<F: Future<Output = ()>>(
    policy: PollingPolicy,
    seed: u64,
    now_seconds: impl Fn() -> u64,
    sleep: impl Fn(Duration) -> F,
    state: impl Fn() -> StreamState,
    pending: impl Fn() -> Vec<Decision>,
    check: impl AsyncFn(Decision),
) {
    let fresh = |now: u64| PollHistory {
        submitted_at: now,
        checks: 0,
        last_check_at: None,
        retry_after: None,
        seed,
    };
    let mut history = fresh(now_seconds());
    let mut waiting = 0;
    loop {
        sleep(WAKE_UP).await;
        match state() {
            StreamState::Gone => return,
            StreamState::Other => {
                history = fresh(now_seconds());
                waiting = 0;
                continue;
            }
            StreamState::Up => {}
        }
        let rows = pending();
        if rows.len() > waiting {
            history = fresh(now_seconds());
        }
        waiting = rows.len();
        if rows.is_empty() || now_seconds() < next_check_at(now_seconds(), &history, &policy) {
            continue;
        }
        let checked_at = now_seconds();
        for row in rows {
            check(row).await;
            if state() == StreamState::Gone {
                return;
            }
        }
        history.checks += 1;
        history.last_check_at = Some(checked_at);
        waiting = pending().len();
    }
}
