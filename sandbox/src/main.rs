//! `tradecover-sandbox`: serves the sandbox on 127.0.0.1.
//!
//! Options: `--port N` (else env `PORT`, else 8090), `--seed N` (default 2026). Credentials
//! come from the variables the reference proxy reads — `COFACE_USERNAME`, `COFACE_PASSWORD`,
//! `COFACE_API_KEY`, `COFACE_POLICY_NUMBER`, `ALLIANZ_TRADE_API_KEY`, `ATRADIUS_CLIENT_ID`,
//! `ATRADIUS_CLIENT_SECRET`, `ATRADIUS_APP_KEY`; unset ones keep their defaults (user and
//! client `sandbox`, the others random for this process), and are then printed once on
//! standard error so that they can be used.

#![forbid(unsafe_code)]

use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use tradecover_sandbox::{
    router, AllianzTradeCredentials, AtradiusCredentials, CofaceCredentials, SandboxConfig,
    DEFAULT_SEED,
};

const DEFAULT_PORT: u16 = 8090;

const USAGE: &str = "Usage: tradecover-sandbox [--port N] [--seed N]

Serves the tradecover insurer sandbox on 127.0.0.1: Allianz Trade under /allianz-trade,
Atradius under /atradius, Coface under /coface, helpers under /__sandbox.
  --port N   port to listen on (default: $PORT, else 8090)
  --seed N   data set seed (default: 2026)
Environment: PORT, COFACE_USERNAME, COFACE_PASSWORD, COFACE_API_KEY, COFACE_POLICY_NUMBER,
ALLIANZ_TRADE_API_KEY, ATRADIUS_CLIENT_ID, ATRADIUS_CLIENT_SECRET, ATRADIUS_APP_KEY";

/// Parsed command line.
#[derive(Debug, PartialEq, Eq)]
struct Options {
    port: Option<u16>,
    seed: u64,
}

/// Parses `--port N`, `--port=N`, `--seed N`, `--seed=N`; `Err` carries the message to print.
fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        port: None,
        seed: DEFAULT_SEED,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f.to_owned(), Some(v.to_owned())),
            None => (arg.clone(), None),
        };
        match flag.as_str() {
            "-h" | "--help" => return Err(USAGE.to_owned()),
            "--port" | "--seed" => {
                let value = inline
                    .or_else(|| args.next())
                    .ok_or_else(|| format!("{flag} needs a value\n\n{USAGE}"))?;
                if flag == "--port" {
                    let port = value
                        .parse()
                        .map_err(|_| format!("invalid port: {value}"))?;
                    options.port = Some(port);
                } else {
                    options.seed = value
                        .parse()
                        .map_err(|_| format!("invalid seed: {value}"))?;
                }
            }
            _ => return Err(format!("unknown argument: {arg}\n\n{USAGE}")),
        }
    }
    Ok(options)
}

/// Each insurer's credentials from the environment (the variables the reference proxy reads);
/// unset ones keep their defaults. Returns them and the names of the variables that were not
/// set (so their generated values must be shown to be usable).
fn credentials_from_env() -> (
    CofaceCredentials,
    AllianzTradeCredentials,
    AtradiusCredentials,
    Vec<&'static str>,
) {
    let mut coface = CofaceCredentials::default();
    let mut allianz_trade = AllianzTradeCredentials::default();
    let mut atradius = AtradiusCredentials::default();
    let mut generated = Vec::new();
    let fields: [(&'static str, &mut String); 8] = [
        ("COFACE_USERNAME", &mut coface.username),
        ("COFACE_PASSWORD", &mut coface.password),
        ("COFACE_API_KEY", &mut coface.api_key),
        ("COFACE_POLICY_NUMBER", &mut coface.policy_number),
        ("ALLIANZ_TRADE_API_KEY", &mut allianz_trade.api_key),
        ("ATRADIUS_CLIENT_ID", &mut atradius.client_id),
        ("ATRADIUS_CLIENT_SECRET", &mut atradius.client_secret),
        ("ATRADIUS_APP_KEY", &mut atradius.app_key),
    ];
    for (var, slot) in fields {
        match std::env::var(var) {
            Ok(value) if !value.is_empty() => *slot = value,
            _ => generated.push(var),
        }
    }
    (coface, allianz_trade, atradius, generated)
}

async fn shutdown_signal() {
    if tokio::signal::ctrl_c().await.is_err() {
        // Without a signal handler, run until killed.
        std::future::pending::<()>().await;
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            let is_help = message == USAGE;
            eprintln!("{message}");
            return if is_help {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    let port = match options.port {
        Some(port) => port,
        None => match std::env::var("PORT") {
            Ok(raw) if !raw.is_empty() => match raw.parse() {
                Ok(port) => port,
                Err(_) => {
                    eprintln!("invalid PORT: {raw}");
                    return ExitCode::from(2);
                }
            },
            _ => DEFAULT_PORT,
        },
    };
    let (coface, allianz_trade, atradius, generated) = credentials_from_env();
    if !generated.is_empty() {
        // Sandbox-only secrets, drawn for this process: shown so that a client can use them.
        eprintln!("sandbox credentials (sandbox only; set these variables to choose them):");
        let values = [
            ("COFACE_USERNAME", coface.username.as_str()),
            ("COFACE_PASSWORD", coface.password.as_str()),
            ("COFACE_API_KEY", coface.api_key.as_str()),
            ("COFACE_POLICY_NUMBER", coface.policy_number.as_str()),
            ("ALLIANZ_TRADE_API_KEY", allianz_trade.api_key.as_str()),
            ("ATRADIUS_CLIENT_ID", atradius.client_id.as_str()),
            ("ATRADIUS_CLIENT_SECRET", atradius.client_secret.as_str()),
            ("ATRADIUS_APP_KEY", atradius.app_key.as_str()),
        ];
        for (var, value) in values {
            eprintln!("  {var}={value}");
        }
    }
    let app = router(SandboxConfig {
        seed: options.seed,
        coface,
        allianz_trade,
        atradius,
        ..SandboxConfig::default()
    });
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let listener = match tokio::net::TcpListener::bind(address).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("cannot listen on {address}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(port);
    println!("tradecover sandbox listening on http://127.0.0.1:{port}");
    match axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("server error: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_args, Options, DEFAULT_SEED};

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn parses_flags() {
        assert_eq!(
            parse_args(args(&[])),
            Ok(Options {
                port: None,
                seed: DEFAULT_SEED
            })
        );
        assert_eq!(
            parse_args(args(&["--port", "9000", "--seed=7"])),
            Ok(Options {
                port: Some(9000),
                seed: 7
            })
        );
        assert!(parse_args(args(&["--port"])).is_err());
        assert!(parse_args(args(&["--port", "70000"])).is_err());
        assert!(parse_args(args(&["--verbose"])).is_err());
        assert!(parse_args(args(&["--help"])).is_err());
    }
}
