//! Request-smuggling defence below HTTP parsing: every accepted connection's bytes are read
//! through a [`FramingInspector`] that finds each HTTP/1 request head before the HTTP parser
//! sees it and records a [`FramingVerdict`] in the connection's queue. The HTTP parser
//! (hyper) quietly merges duplicate `Content-Length` lines and drops `Content-Length` when
//! `Transfer-Encoding` is present, so those ambiguities are only visible here.
//!
//! Refused framings: more than one `Content-Length` line, any `Transfer-Encoding` (with or
//! without `Content-Length`: widgets send only `Content-Length` bodies), an unreadable
//! `Content-Length`, a line ending in a bare LF, and a head longer than [`MAX_HEAD_BYTES`].
//! After a refused head the inspector stops following the stream; the proxy answers that request
//! with `400` and closes the connection, and any later request on it finds no verdict and is
//! refused too.

use std::collections::VecDeque;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use axum::extract::connect_info::Connected;
use axum::serve::{IncomingStream, Listener};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

/// Longest request head inspected (hyper's own limit is larger; longer heads are refused).
pub const MAX_HEAD_BYTES: usize = 32 * 1024;

/// What the inspector concluded about one request head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FramingVerdict {
    /// One unambiguous framing.
    Clean,
    /// Ambiguous or unsafe framing; the reason is for the error message.
    Refused(&'static str),
}

/// Verdicts of one connection, oldest first; the request handler takes one per request.
pub type VerdictQueue = Arc<Mutex<VecDeque<FramingVerdict>>>;

/// What the proxy knows about the connection a request came on.
#[derive(Debug, Clone)]
pub struct ConnectionInfo {
    /// The client's address.
    pub peer: SocketAddr,
    /// The connection's framing verdicts.
    pub verdicts: VerdictQueue,
}

impl ConnectionInfo {
    /// Takes the verdict of the next request on this connection; none left means the
    /// inspector lost track of the framing, which is refused.
    pub fn next_verdict(&self) -> FramingVerdict {
        self.verdicts
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .pop_front()
            .unwrap_or(FramingVerdict::Refused(
                "request framing could not be followed",
            ))
    }
}

impl Connected<IncomingStream<'_, InspectingListener>> for ConnectionInfo {
    fn connect_info(stream: IncomingStream<'_, InspectingListener>) -> Self {
        stream.remote_addr().clone()
    }
}

/// A TCP listener whose connections are read through a [`FramingInspector`].
#[derive(Debug)]
pub struct InspectingListener {
    listener: TcpListener,
}

impl InspectingListener {
    /// Wraps `listener`.
    pub fn new(listener: TcpListener) -> Self {
        Self { listener }
    }
}

impl Listener for InspectingListener {
    type Io = FramingInspector;
    type Addr = ConnectionInfo;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        let (stream, peer) = Listener::accept(&mut self.listener).await;
        let _ = stream.set_nodelay(true);
        let verdicts = VerdictQueue::default();
        (
            FramingInspector::new(stream, verdicts.clone()),
            ConnectionInfo { peer, verdicts },
        )
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        Ok(ConnectionInfo {
            peer: self.listener.local_addr()?,
            verdicts: VerdictQueue::default(),
        })
    }
}

#[derive(Debug)]
enum Phase {
    /// Reading a head; the bytes so far.
    Head(Vec<u8>),
    /// Skipping this many body bytes.
    Body(u64),
    /// No longer following the stream.
    Lost,
}

/// A connection whose incoming bytes are inspected for request framing (see the module docs).
#[derive(Debug)]
pub struct FramingInspector {
    stream: TcpStream,
    phase: Phase,
    verdicts: VerdictQueue,
}

impl FramingInspector {
    /// Inspects `stream`, pushing verdicts into `verdicts`.
    pub fn new(stream: TcpStream, verdicts: VerdictQueue) -> Self {
        Self {
            stream,
            phase: Phase::Head(Vec::new()),
            verdicts,
        }
    }
}

/// Advances `phase` over `bytes`, pushing a verdict into `verdicts` for each complete head.
fn observe_phase(phase: &mut Phase, verdicts: &VerdictQueue, mut bytes: &[u8]) {
    let push = |verdict| {
        verdicts
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push_back(verdict)
    };
    {
        while !bytes.is_empty() {
            match phase {
                Phase::Lost => return,
                Phase::Body(remaining) => {
                    let skipped = (*remaining).min(bytes.len() as u64);
                    bytes = &bytes[skipped as usize..];
                    *remaining -= skipped;
                    if *remaining == 0 {
                        *phase = Phase::Head(Vec::new());
                    }
                }
                Phase::Head(head) => {
                    let previous = head.len();
                    // Blank lines before a request line are allowed and ignored.
                    if previous == 0 {
                        let blank = bytes
                            .iter()
                            .take_while(|b| matches!(b, b'\r' | b'\n'))
                            .count();
                        bytes = &bytes[blank..];
                        if bytes.is_empty() {
                            return;
                        }
                    }
                    head.extend_from_slice(bytes);
                    let search_from = previous.saturating_sub(3);
                    match find_head_end(&head[search_from..]) {
                        Some(end) => {
                            let end = search_from + end;
                            let consumed = end - previous;
                            let (verdict, body) = judge_head(&head[..end]);
                            bytes = &bytes[consumed..];
                            push(verdict);
                            *phase = match (verdict, body) {
                                (FramingVerdict::Clean, 0) => Phase::Head(Vec::new()),
                                (FramingVerdict::Clean, length) => Phase::Body(length),
                                (FramingVerdict::Refused(_), _) => Phase::Lost,
                            };
                        }
                        None if head.len() > MAX_HEAD_BYTES => {
                            push(FramingVerdict::Refused("request head too long"));
                            *phase = Phase::Lost;
                        }
                        None => return,
                    }
                }
            }
        }
    }
}

/// Index just after the blank line ending a head (`\n\n` or `\n\r\n`), if present.
fn find_head_end(bytes: &[u8]) -> Option<usize> {
    bytes
        .windows(2)
        .enumerate()
        .find_map(|(index, pair)| match pair {
            [b'\n', b'\n'] => Some(index + 2),
            [b'\n', b'\r'] if bytes.get(index + 2) == Some(&b'\n') => Some(index + 3),
            _ => None,
        })
}

/// The verdict on a complete head, and the body length that follows it.
fn judge_head(head: &[u8]) -> (FramingVerdict, u64) {
    let text = String::from_utf8_lossy(head);
    let lines: Vec<&str> = text.split('\n').collect();
    if lines
        .first()
        .is_some_and(|line| line.starts_with("PRI * HTTP/2"))
    {
        return (FramingVerdict::Refused("HTTP/2 is not served"), 0);
    }
    let mut lengths = Vec::new();
    let mut transfer_encoding = false;
    // The last piece is what follows the final LF (empty).
    for (index, line) in lines[..lines.len().saturating_sub(1)].iter().enumerate() {
        if !line.ends_with('\r') {
            return (FramingVerdict::Refused("line ending without CR"), 0);
        }
        if index == 0 {
            continue;
        }
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let name = name.trim();
        if name.eq_ignore_ascii_case("content-length") {
            lengths.push(value.trim());
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            transfer_encoding = true;
        }
    }
    if transfer_encoding && !lengths.is_empty() {
        return (
            FramingVerdict::Refused("both Content-Length and Transfer-Encoding"),
            0,
        );
    }
    if transfer_encoding {
        return (
            FramingVerdict::Refused("Transfer-Encoding is not accepted"),
            0,
        );
    }
    match lengths.as_slice() {
        [] => (FramingVerdict::Clean, 0),
        [length] if !length.is_empty() && length.bytes().all(|b| b.is_ascii_digit()) => {
            match length.parse::<u64>() {
                Ok(length) => (FramingVerdict::Clean, length),
                Err(_) => (FramingVerdict::Refused("unreadable Content-Length"), 0),
            }
        }
        [_] => (FramingVerdict::Refused("unreadable Content-Length"), 0),
        _ => (FramingVerdict::Refused("more than one Content-Length"), 0),
    }
}

impl AsyncRead for FramingInspector {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.stream).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = &polled {
            observe_phase(&mut this.phase, &this.verdicts, &buf.filled()[before..]);
        }
        polled
    }
}

impl AsyncWrite for FramingInspector {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().stream).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdicts_of(chunks: &[&[u8]]) -> Vec<FramingVerdict> {
        let verdicts = VerdictQueue::default();
        let mut phase = Phase::Head(Vec::new());
        for chunk in chunks {
            observe_phase(&mut phase, &verdicts, chunk);
        }
        let queue = verdicts.lock().unwrap();
        queue.iter().copied().collect()
    }

    #[test]
    fn follows_pipelined_requests_split_anywhere() {
        let stream = b"POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloGET /b HTTP/1.1\r\nHost: x\r\n\r\n";
        for split in 1..stream.len() {
            let (first, second) = stream.split_at(split);
            assert_eq!(
                verdicts_of(&[first, second]),
                vec![FramingVerdict::Clean, FramingVerdict::Clean],
                "split at {split}"
            );
        }
    }

    #[test]
    fn refuses_ambiguous_framing() {
        for (head, reason) in [
            (
                &b"POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n"[..],
                "more than one Content-Length",
            ),
            (
                b"POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
                "both Content-Length and Transfer-Encoding",
            ),
            (
                b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
                "Transfer-Encoding is not accepted",
            ),
            (
                b"POST / HTTP/1.1\r\nContent-Length: +5\r\n\r\n",
                "unreadable Content-Length",
            ),
            (b"GET / HTTP/1.1\nHost: x\n\n", "line ending without CR"),
        ] {
            assert_eq!(verdicts_of(&[head]), vec![FramingVerdict::Refused(reason)]);
        }
    }
}
