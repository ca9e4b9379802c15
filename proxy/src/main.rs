//! `tradecover-proxy`: runs the reference proxy with the embedded sandbox on 127.0.0.1.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use tradecover_proxy::{app, ProxyConfig};

const USAGE: &str = "usage: tradecover-proxy [--port N] [--www DIR] [--pkg DIR] [--seed N]
  --port N   port on 127.0.0.1 (default: $PORT, else 8080; 0 picks a free one)
  --www DIR  directory served at / (default: ./www if it exists)
  --pkg DIR  directory served at /pkg (default: ./pkg if it exists)
  --seed N   seed of the sandbox data set
Coface credentials come from COFACE_USERNAME, COFACE_PASSWORD, COFACE_API_KEY and
COFACE_POLICY_NUMBER; unset ones are generated for the embedded sandbox.";

struct Args {
    port: u16,
    config: ProxyConfig,
}

fn parse_args() -> Result<Args, String> {
    let mut config = ProxyConfig::sandbox();
    let mut port = match std::env::var("PORT") {
        Ok(text) => text
            .parse()
            .map_err(|_| format!("PORT={text} is not a port"))?,
        Err(_) => 8080,
    };
    let mut www = None;
    let mut pkg = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--port" => {
                let text = value()?;
                port = text
                    .parse()
                    .map_err(|_| format!("--port {text} is not a port"))?;
            }
            "--www" => www = Some(PathBuf::from(value()?)),
            "--pkg" => pkg = Some(PathBuf::from(value()?)),
            "--seed" => {
                let text = value()?;
                config.sandbox_seed = text
                    .parse()
                    .map_err(|_| format!("--seed {text} is not a number"))?;
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let existing = |dir: &str| Some(PathBuf::from(dir)).filter(|path| path.is_dir());
    config.www_dir = www.or_else(|| existing("www"));
    config.pkg_dir = pkg.or_else(|| existing("pkg"));
    for (variable, slot) in [
        ("COFACE_USERNAME", &mut config.coface.username),
        ("COFACE_PASSWORD", &mut config.coface.password),
        ("COFACE_API_KEY", &mut config.coface.api_key),
        ("COFACE_POLICY_NUMBER", &mut config.coface.policy_number),
    ] {
        if let Ok(value) = std::env::var(variable) {
            if !value.is_empty() {
                *slot = value;
            }
        }
    }
    Ok(Args { port, config })
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("tradecover-proxy: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let address = SocketAddr::from(([127, 0, 0, 1], args.port));
    let listener = match tokio::net::TcpListener::bind(address).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("tradecover-proxy: cannot listen on {address}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let bound = listener.local_addr().unwrap_or(address);
    println!("tradecover proxy (embedded sandbox) listening on http://{bound}/");
    let served = axum::serve(listener, app(args.config))
        .with_graceful_shutdown(shutdown_signal())
        .await;
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("tradecover-proxy: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM; in-flight requests then finish before the process exits.
async fn shutdown_signal() {
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
