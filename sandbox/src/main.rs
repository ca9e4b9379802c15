//! `tradecover-sandbox`: serves the sandbox on 127.0.0.1.
//!
//! Options: `--port N` (else env `PORT`, else 8090), `--seed N` (default 2026). Credentials
//! come from `COFACE_USERNAME`, `COFACE_PASSWORD`, `COFACE_API_KEY`, `COFACE_POLICY_NUMBER`;
//! unset ones keep their defaults (user `sandbox`, the others random for this process and
//! printed once on standard error so that they can be used).

#![forbid(unsafe_code)]

use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use tradecover_sandbox::{router, CofaceCredentials, SandboxConfig, DEFAULT_SEED};

const DEFAULT_PORT: u16 = 8090;

const USAGE: &str = "Usage: tradecover-sandbox [--port N] [--seed N]

Serves the tradecover insurer sandbox (Coface under /coface) on 127.0.0.1.
  --port N   port to listen on (default: $PORT, else 8090)
  --seed N   data set seed (default: 2026)
Environment: PORT, COFACE_USERNAME, COFACE_PASSWORD, COFACE_API_KEY, COFACE_POLICY_NUMBER";

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

/// Credentials from the environment; returns them and the names of the generated ones.
fn credentials_from_env() -> (CofaceCredentials, Vec<&'static str>) {
    let mut credentials = CofaceCredentials::default();
    let mut generated = Vec::new();
    let fields: [(&str, &str, &mut String); 4] = [
        ("COFACE_USERNAME", "username", &mut credentials.username),
        ("COFACE_PASSWORD", "password", &mut credentials.password),
        ("COFACE_API_KEY", "api key", &mut credentials.api_key),
        (
            "COFACE_POLICY_NUMBER",
            "policy number",
            &mut credentials.policy_number,
        ),
    ];
    for (var, label, slot) in fields {
        match std::env::var(var) {
            Ok(value) if !value.is_empty() => *slot = value,
            _ if label != "username" => generated.push(label),
            _ => {}
        }
    }
    (credentials, generated)
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
    let (coface, generated) = credentials_from_env();
    if !generated.is_empty() {
        eprintln!(
            "Coface sandbox credentials generated for this process (sandbox only): username={} password={} api_key={} policy_number={}",
            coface.username, coface.password, coface.api_key, coface.policy_number
        );
    }
    let app = router(SandboxConfig {
        seed: options.seed,
        coface,
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
