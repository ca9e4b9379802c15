//! Helpers of the notification tests: the proxy app served on a loopback port, a bare HTTP/1.1
//! client and a small Server-Sent Events reader over raw TCP (what a browser's `EventSource`
//! does).
#![allow(dead_code)]

use std::net::SocketAddr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tradecover_proxy::{app, ProxyConfig};

/// Something listening on a loopback address.
pub trait Listening {
    /// Its address.
    fn addr(&self) -> SocketAddr;
}

/// A bare address.
pub struct Address(pub SocketAddr);

impl Listening for Address {
    fn addr(&self) -> SocketAddr {
        self.0
    }
}

impl Listening for RunningProxy {
    fn addr(&self) -> SocketAddr {
        self.addr
    }
}

/// The proxy served on 127.0.0.1; stopped when dropped.
pub struct RunningProxy {
    pub addr: SocketAddr,
    pub config: ProxyConfig,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl RunningProxy {
    /// Serves `app(ProxyConfig::sandbox())` on a free loopback port.
    pub async fn start() -> Self {
        let config = ProxyConfig::sandbox();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let router = app(config.clone());
        let task = tokio::spawn(async move {
            axum::serve(listener, router)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
                .unwrap();
        });
        Self {
            addr,
            config,
            stop: Some(stop),
            task,
        }
    }

    /// `POST path` with a JSON body (and extra headers): status and body.
    pub async fn post(&self, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
        self.request("POST", path, headers, body).await
    }

    /// Any request: status and body (read until the server closes).
    pub async fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> (u16, String) {
        let mut stream = TcpStream::connect(self.addr).await.unwrap();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nhost: {}\r\nconnection: close\r\ncontent-length: {}\r\n",
            self.addr,
            body.len()
        );
        if !headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("content-type"))
        {
            head.push_str("content-type: application/json\r\n");
        }
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).await.unwrap();
        stream.write_all(body.as_bytes()).await.unwrap();
        let mut raw = Vec::new();
        tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut raw))
            .await
            .expect("answer within 10 s")
            .unwrap();
        let (status, headers, rest) = split_head(&raw).expect("an HTTP answer");
        let body = if is_chunked(&headers) {
            let mut decoder = ChunkDecoder::default();
            decoder.feed(rest);
            decoder.decoded
        } else {
            rest.to_vec()
        };
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    /// Stops the server and waits for it.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = tokio::time::timeout(Duration::from_secs(5), &mut self.task).await;
    }
}

impl Drop for RunningProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Splits an HTTP answer into status, lower-cased header lines and what follows them.
fn split_head(raw: &[u8]) -> Option<(u16, Vec<String>, &[u8])> {
    let end = raw.windows(4).position(|window| window == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers = lines.map(|line| line.to_ascii_lowercase()).collect();
    Some((status, headers, &raw[end + 4..]))
}

fn is_chunked(headers: &[String]) -> bool {
    headers
        .iter()
        .any(|line| line.starts_with("transfer-encoding:") && line.contains("chunked"))
}

/// Incremental decoder of `Transfer-Encoding: chunked`.
#[derive(Default)]
struct ChunkDecoder {
    pending: Vec<u8>,
    decoded: Vec<u8>,
}

impl ChunkDecoder {
    fn feed(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
        loop {
            let Some(line_end) = self.pending.windows(2).position(|w| w == b"\r\n") else {
                return;
            };
            let size_text = String::from_utf8_lossy(&self.pending[..line_end]).into_owned();
            let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16)
                .expect("a chunk size");
            if size == 0 {
                self.pending.clear();
                return;
            }
            let start = line_end + 2;
            if self.pending.len() < start + size + 2 {
                return;
            }
            self.decoded
                .extend_from_slice(&self.pending[start..start + size]);
            self.pending.drain(..start + size + 2);
        }
    }
}

/// One Server-Sent Event.
#[derive(Debug, Clone, PartialEq)]
pub struct SseEvent {
    pub id: Option<String>,
    pub event: Option<String>,
    pub data: String,
}

impl SseEvent {
    /// The data as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.data).unwrap()
    }

    /// The id as a number.
    pub fn number(&self) -> u64 {
        self.id.as_deref().unwrap().parse().unwrap()
    }
}

/// An open `GET /proxy/events` connection.
pub struct SseClient {
    stream: TcpStream,
    decoder: ChunkDecoder,
    pub status: u16,
    pub headers: Vec<String>,
    /// Comments received so far (keep-alives, the opening one).
    pub comments: Vec<String>,
}

impl SseClient {
    /// Opens `path` (with its query) on the proxy, with extra headers; returns once the answer's
    /// head has arrived.
    pub async fn connect(proxy: &impl Listening, path: &str, headers: &[(&str, &str)]) -> Self {
        let mut stream = TcpStream::connect(proxy.addr()).await.unwrap();
        let mut head = format!(
            "GET {path} HTTP/1.1\r\nhost: {}\r\naccept: text/event-stream\r\n",
            proxy.addr()
        );
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).await.unwrap();
        let mut raw = Vec::new();
        let mut buffer = [0u8; 4096];
        let (status, headers, rest) = loop {
            let read = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buffer))
                .await
                .expect("the answer's head within 5 s")
                .unwrap();
            assert!(read > 0, "closed before the answer's head");
            raw.extend_from_slice(&buffer[..read]);
            if let Some((status, headers, rest)) = split_head(&raw) {
                break (status, headers, rest.to_vec());
            }
        };
        let mut decoder = ChunkDecoder::default();
        let chunked = is_chunked(&headers);
        if chunked {
            decoder.feed(&rest);
        } else {
            decoder.decoded.extend_from_slice(&rest);
        }
        Self {
            stream,
            decoder,
            status,
            headers,
            comments: Vec::new(),
        }
    }

    /// The value of a response header.
    pub fn header(&self, name: &str) -> Option<String> {
        let prefix = format!("{}:", name.to_ascii_lowercase());
        self.headers.iter().find_map(|line| {
            line.strip_prefix(&prefix)
                .map(|value| value.trim().to_owned())
        })
    }

    /// The next event (comments are collected, not returned), or `None` if none comes within
    /// `wait` or the stream ends.
    pub async fn next_event(&mut self, wait: Duration) -> Option<SseEvent> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            while let Some(block) = self.take_block() {
                if let Some(event) = self.parse_block(&block) {
                    return Some(event);
                }
            }
            let mut buffer = [0u8; 4096];
            let read = tokio::time::timeout_at(deadline, self.stream.read(&mut buffer))
                .await
                .ok()?
                .ok()?;
            if read == 0 {
                return None;
            }
            self.decoder.feed(&buffer[..read]);
        }
    }

    fn take_block(&mut self) -> Option<String> {
        let decoded = &mut self.decoder.decoded;
        let end = decoded.windows(2).position(|w| w == b"\n\n")?;
        let block = String::from_utf8_lossy(&decoded[..end]).into_owned();
        decoded.drain(..end + 2);
        Some(block)
    }

    fn parse_block(&mut self, block: &str) -> Option<SseEvent> {
        let mut event = SseEvent {
            id: None,
            event: None,
            data: String::new(),
        };
        let mut has_data = false;
        for line in block.lines() {
            if let Some(comment) = line.strip_prefix(':') {
                self.comments.push(comment.trim().to_owned());
                continue;
            }
            let (field, value) = line.split_once(':').unwrap_or((line, ""));
            let value = value.strip_prefix(' ').unwrap_or(value).to_owned();
            match field {
                "id" => event.id = Some(value),
                "event" => event.event = Some(value),
                "data" => {
                    if has_data {
                        event.data.push('\n');
                    }
                    event.data.push_str(&value);
                    has_data = true;
                }
                _ => {}
            }
        }
        has_data.then_some(event)
    }
}

/// Milliseconds since the Unix epoch.
pub fn unix_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
}

/// A CofaServe push message (what the sandbox's Coface simulation pushes, without envelope):
/// a partial decision on a credit limit for `contract`.
pub fn coface_decision_message(contract: &str, delivery_id: &str) -> serde_json::Value {
    serde_json::json!({
        "externalId": format!("EXT-{delivery_id}"),
        "eventDate": "2026-12-01",
        "contractNumber": contract,
        "easyNumber": "0012345678904700000",
        "companyName": "Société Dupont SAS",
        "countryCode": "FRA",
        "productCode": "CREDITLIMIT",
        "orderId": format!("ORD-{delivery_id}"),
        "deliveryId": delivery_id,
        "orderStatus": "STATUS_CLOSED",
        "deliveryStatus": "DECIDED_PARTIAL",
        "requestedAmount": 100000,
        "grantedAmount": "50000.00",
        "currencyCode": "EUR",
        "decisionDate": "2026-12-01",
        "effectDate": "2026-12-02"
    })
}

/// An Allianz Trade functional notification (a refused cover request) for `policy`.
pub fn allianz_functional(
    notification_id: &str,
    request_id: &str,
    policy: &str,
) -> serde_json::Value {
    serde_json::json!({
        "notificationId": notification_id,
        "coverRequest": {
            "requestId": request_id,
            "companyId": "12345678",
            "policy": {"policyId": policy},
            "requestStatusCode": "Refused",
            "lastUpdateDate": "2026-12-01T10:00:00Z",
            "creationDate": "2026-11-30",
            "creditLimitDetails": {"requestedAmount": 50000, "currencyCode": "EUR"}
        }
    })
}
