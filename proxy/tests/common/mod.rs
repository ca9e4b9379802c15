//! Helpers shared by the proxy's loopback tests: a proxy served on 127.0.0.1:0, fake insurer
//! routers that count what reaches them, and a raw HTTP/1.1 client for malformed requests.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::http::HeaderMap;
use axum::routing::{any, post};
use axum::{Json, Router};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tradecover_proxy::config::UpstreamSetting;
use tradecover_proxy::{app, ProxyConfig};

/// A proxy served over loopback; dropped → shut down.
pub struct Served {
    pub addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    pub task: Option<JoinHandle<std::io::Result<()>>>,
}

impl Served {
    /// Starts `router` on 127.0.0.1:0.
    pub async fn start(router: Router) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = oneshot::channel::<()>();
        let task = tokio::spawn(tradecover_proxy::serve(listener, router, async move {
            let _ = rx.await;
        }));
        Self {
            addr,
            shutdown: Some(tx),
            task: Some(task),
        }
    }

    /// Starts the proxy for `config`.
    pub async fn proxy(config: ProxyConfig) -> Self {
        Self::start(app(config)).await
    }

    /// `http://127.0.0.1:port{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Begins the graceful shutdown.
    pub fn begin_shutdown(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }

    /// Shuts down and waits for the server to end.
    pub async fn stop(mut self) {
        self.begin_shutdown();
        if let Some(task) = self.task.take() {
            tokio::time::timeout(Duration::from_secs(10), task)
                .await
                .unwrap()
                .unwrap()
                .unwrap();
        }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        self.begin_shutdown();
    }
}

/// A configuration without access log (quiet tests) whose three insurers are `router`.
pub fn config_with(router: Router) -> ProxyConfig {
    let mut config = ProxyConfig::sandbox();
    config.access_log = false;
    config.upstreams.allianz_trade = UpstreamSetting::Router(router.clone());
    config.upstreams.atradius = UpstreamSetting::Router(router.clone());
    config.upstreams.coface = UpstreamSetting::Router(router);
    config
}

/// A fake insurer accepting every login/token request and answering 200 `{"ok":true}` to every
/// other call, counting every request that reaches it.
pub fn counting_insurer() -> (Router, Arc<AtomicUsize>) {
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    let token = |hits: Arc<AtomicUsize>| {
        move || {
            let hits = hits.clone();
            async move {
                hits.fetch_add(1, Ordering::SeqCst);
                Json(serde_json::json!({
                    "idToken": "fake-id-token", "expiresIn": 3600,
                    "access_token": "fake-token", "token_type": "Bearer", "expires_in": 3600,
                    "data": {"access_token": "fake-token", "token_type": "Bearer", "expires_in": 1800}
                }))
            }
        }
    };
    let router = Router::new()
        .route("/authentication/v1/token", post(token(hits.clone())))
        .route("/v1/idp/oauth2/authorize", post(token(hits.clone())))
        .route("/authenticate/v2/tokens", post(token(hits.clone())))
        .fallback(any(move |headers: HeaderMap| {
            let hits = counter.clone();
            async move {
                hits.fetch_add(1, Ordering::SeqCst);
                let idempotency = headers
                    .get("idempotency-key")
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned);
                (
                    [
                        ("connection", "x-secret-hop"),
                        ("x-secret-hop", "1"),
                        ("x-insurer", "yes"),
                    ],
                    Json(serde_json::json!({"ok": true, "idempotencyKey": idempotency})),
                )
            }
        }));
    (router, hits)
}

/// A raw answer: status, head text and body text.
#[derive(Debug)]
pub struct RawAnswer {
    pub status: u16,
    pub head: String,
    pub body: String,
}

/// Sends `bytes` as they are on a new connection and reads one answer (or the connection's
/// end: status 0 when the server closed without answering).
pub async fn raw(addr: SocketAddr, bytes: &[u8]) -> RawAnswer {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(bytes).await.unwrap();
    let mut received = Vec::new();
    let mut buffer = [0u8; 8192];
    let read = async {
        loop {
            let n: usize = stream.read(&mut buffer).await.unwrap_or_default();
            if n == 0 {
                break;
            }
            received.extend_from_slice(&buffer[..n]);
            if let Some(end) = find(&received, b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&received[..end]).to_ascii_lowercase();
                let length = head
                    .lines()
                    .find_map(|line| line.strip_prefix("content-length:"))
                    .and_then(|value| value.trim().parse::<usize>().ok())
                    .unwrap_or(0);
                if received.len() >= end + 4 + length {
                    break;
                }
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(10), read)
        .await
        .expect("an answer or a close within 10 s");
    let end = find(&received, b"\r\n\r\n").unwrap_or(received.len());
    let head = String::from_utf8_lossy(&received[..end]).into_owned();
    let body = String::from_utf8_lossy(received.get(end + 4..).unwrap_or(&[])).into_owned();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    RawAnswer { status, head, body }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
