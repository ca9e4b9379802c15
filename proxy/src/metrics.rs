//! `GET /metrics`: the proxy's counters in the Prometheus text format (version 0.0.4).
//!
//! - `tradecover_proxy_requests_total{insurer,operation,status}`: answered widget calls;
//! - `tradecover_proxy_upstream_duration_seconds{insurer}`: histogram of insurer call latency;
//! - `tradecover_proxy_token_fetches_total{insurer,outcome}`: logins / token requests;
//! - `tradecover_proxy_rate_limited_total`: requests refused with 429.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Upper bounds (seconds) of the latency histogram's buckets.
pub const LATENCY_BUCKETS: [f64; 11] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

#[derive(Debug, Default, Clone)]
struct Histogram {
    buckets: [u64; LATENCY_BUCKETS.len()],
    count: u64,
    sum: f64,
}

/// The proxy's counters, shared by all requests.
#[derive(Debug, Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, String, u16), u64>>,
    latency: Mutex<BTreeMap<String, Histogram>>,
    token_fetches: Mutex<BTreeMap<(String, &'static str), u64>>,
    rate_limited: AtomicU64,
}

impl Metrics {
    /// Counts an answered widget call.
    pub fn record_request(&self, insurer: &str, operation: &str, status: u16) {
        let mut requests = self.requests.lock().unwrap_or_else(|p| p.into_inner());
        *requests
            .entry((insurer.to_owned(), operation.to_owned(), status))
            .or_default() += 1;
    }

    /// Records the latency of one call to `insurer`.
    pub fn record_upstream_latency(&self, insurer: &str, elapsed: Duration) {
        let seconds = elapsed.as_secs_f64();
        let mut latency = self.latency.lock().unwrap_or_else(|p| p.into_inner());
        let histogram = latency.entry(insurer.to_owned()).or_default();
        for (bucket, bound) in histogram.buckets.iter_mut().zip(LATENCY_BUCKETS) {
            if seconds <= bound {
                *bucket += 1;
            }
        }
        histogram.count += 1;
        histogram.sum += seconds;
    }

    /// Counts a token request (or login) to `insurer`; `outcome` is `ok` or `error`.
    pub fn record_token_fetch(&self, insurer: &str, outcome: &'static str) {
        let mut fetches = self.token_fetches.lock().unwrap_or_else(|p| p.into_inner());
        *fetches.entry((insurer.to_owned(), outcome)).or_default() += 1;
    }

    /// Counts a request refused by the rate limit.
    pub fn record_rate_limited(&self) {
        self.rate_limited.fetch_add(1, Ordering::Relaxed);
    }

    /// Token requests made to `insurer` so far, whatever their outcome.
    pub fn token_fetches(&self, insurer: &str) -> u64 {
        let fetches = self.token_fetches.lock().unwrap_or_else(|p| p.into_inner());
        fetches
            .iter()
            .filter(|((name, _), _)| name == insurer)
            .map(|(_, count)| count)
            .sum()
    }

    /// Everything in the Prometheus text format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str("# HELP tradecover_proxy_requests_total Widget calls answered, by insurer, operation and status.\n");
        out.push_str("# TYPE tradecover_proxy_requests_total counter\n");
        for ((insurer, operation, status), count) in self
            .requests
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
        {
            let _ = writeln!(
                out,
                "tradecover_proxy_requests_total{{insurer=\"{insurer}\",operation=\"{operation}\",status=\"{status}\"}} {count}"
            );
        }
        out.push_str(
            "# HELP tradecover_proxy_upstream_duration_seconds Latency of insurer calls.\n",
        );
        out.push_str("# TYPE tradecover_proxy_upstream_duration_seconds histogram\n");
        for (insurer, histogram) in self
            .latency
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
        {
            for (bound, count) in LATENCY_BUCKETS.iter().zip(histogram.buckets) {
                let _ = writeln!(
                    out,
                    "tradecover_proxy_upstream_duration_seconds_bucket{{insurer=\"{insurer}\",le=\"{bound}\"}} {count}"
                );
            }
            let _ = writeln!(
                out,
                "tradecover_proxy_upstream_duration_seconds_bucket{{insurer=\"{insurer}\",le=\"+Inf\"}} {}\ntradecover_proxy_upstream_duration_seconds_sum{{insurer=\"{insurer}\"}} {}\ntradecover_proxy_upstream_duration_seconds_count{{insurer=\"{insurer}\"}} {}",
                histogram.count, histogram.sum, histogram.count
            );
        }
        out.push_str("# HELP tradecover_proxy_token_fetches_total Token requests and logins sent to insurers.\n");
        out.push_str("# TYPE tradecover_proxy_token_fetches_total counter\n");
        for ((insurer, outcome), count) in self
            .token_fetches
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
        {
            let _ = writeln!(
                out,
                "tradecover_proxy_token_fetches_total{{insurer=\"{insurer}\",outcome=\"{outcome}\"}} {count}"
            );
        }
        out.push_str("# HELP tradecover_proxy_rate_limited_total Requests refused by the per-client rate limit.\n");
        out.push_str("# TYPE tradecover_proxy_rate_limited_total counter\n");
        let _ = writeln!(
            out,
            "tradecover_proxy_rate_limited_total {}",
            self.rate_limited.load(Ordering::Relaxed)
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_and_histogram() {
        let metrics = Metrics::default();
        metrics.record_request("coface", "company.search_by_name", 200);
        metrics.record_request("coface", "company.search_by_name", 200);
        metrics.record_upstream_latency("coface", Duration::from_millis(30));
        metrics.record_token_fetch("coface", "ok");
        metrics.record_rate_limited();
        let text = metrics.render();
        assert!(text.contains("tradecover_proxy_requests_total{insurer=\"coface\",operation=\"company.search_by_name\",status=\"200\"} 2"), "{text}");
        assert!(text.contains("tradecover_proxy_upstream_duration_seconds_bucket{insurer=\"coface\",le=\"0.025\"} 0"), "{text}");
        assert!(text.contains("tradecover_proxy_upstream_duration_seconds_bucket{insurer=\"coface\",le=\"0.05\"} 1"), "{text}");
        assert!(text
            .contains("tradecover_proxy_token_fetches_total{insurer=\"coface\",outcome=\"ok\"} 1"));
        assert!(text.contains("tradecover_proxy_rate_limited_total 1"));
        assert_eq!(metrics.token_fetches("coface"), 1);
    }
}
