//! Serving the application on a TCP listener: connections read through the framing inspector,
//! the peer address available to the rate limit, and a graceful shutdown that stops accepting
//! and lets in-flight requests finish — except the event streams, which never finish on their
//! own: they end when the shutdown begins ([`ShuttingDown`]) and their browsers reconnect.

use std::future::Future;
use std::io;

use axum::{Extension, Router};
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::framing::{ConnectionInfo, InspectingListener};

/// Tells long-lived responses that the server's graceful shutdown has begun; [`serve`] adds it
/// to every request's extensions.
#[derive(Clone, Debug)]
pub struct ShuttingDown(watch::Receiver<bool>);

impl ShuttingDown {
    /// Resolves once the shutdown has begun (or the server is gone).
    pub async fn begun(mut self) {
        let _ = self.0.wait_for(|begun| *begun).await;
    }
}

/// Serves `router` on `listener` until `shutdown` resolves, then waits for in-flight requests
/// (event streams end at once: see [`ShuttingDown`]).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let (begin, begun) = watch::channel(false);
    let router = router.layer(Extension(ShuttingDown(begun)));
    axum::serve(
        InspectingListener::new(listener),
        router.into_make_service_with_connect_info::<ConnectionInfo>(),
    )
    .with_graceful_shutdown(async move {
        shutdown.await;
        let _ = begin.send(true);
    })
    .await
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
