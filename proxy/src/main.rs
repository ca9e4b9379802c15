//! `tradecover-proxy`: runs the reference proxy (by default on 127.0.0.1:8080 with every insurer
//! simulated by the embedded sandbox).

use std::path::PathBuf;
use std::process::ExitCode;

use tradecover_proxy::config::UpstreamSetting;
use tradecover_proxy::{app, config_load, serve, shutdown_signal, ProxyConfig};

const USAGE: &str = "usage: tradecover-proxy [--config FILE] [--listen ADDR:PORT] [--port N] [--www DIR] [--pkg DIR] [--seed N]
  --config FILE      TOML configuration (see proxy/README.md); environment variables override it
  --listen ADDR:PORT address to listen on (default 127.0.0.1:8080, or TRADECOVER_LISTEN)
  --port N           port (default: $PORT, else 8080; 0 picks a free one)
  --www DIR          directory served at / (default: ./www if it exists)
  --pkg DIR          directory served at /pkg (default: ./pkg if it exists)
  --seed N           seed of the sandbox data set
Per insurer (ALLIANZ_TRADE, ATRADIUS, COFACE): {PREFIX}_UPSTREAM = sandbox | uat | production |
https://…, credentials {PREFIX}_API_KEY, ATRADIUS_CLIENT_ID/_CLIENT_SECRET/_APP_KEY,
COFACE_USERNAME/_PASSWORD/_API_KEY/_POLICY_NUMBER, each also as NAME_FILE. Unset credentials of
sandbox upstreams are generated.";

fn parse_args() -> Result<ProxyConfig, String> {
    let mut config_file = None;
    let mut listen = None;
    let mut port = None;
    let mut www = None;
    let mut pkg = None;
    let mut seed = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--config" => config_file = Some(PathBuf::from(value()?)),
            "--listen" => listen = Some(value()?),
            "--port" => {
                let text = value()?;
                port = Some(
                    text.parse::<u16>()
                        .map_err(|_| format!("--port {text} is not a port"))?,
                );
            }
            "--www" => www = Some(PathBuf::from(value()?)),
            "--pkg" => pkg = Some(PathBuf::from(value()?)),
            "--seed" => {
                let text = value()?;
                seed = Some(
                    text.parse::<u64>()
                        .map_err(|_| format!("--seed {text} is not a number"))?,
                );
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let mut config = config_load::load(config_file.as_deref(), &|name| std::env::var(name).ok())
        .map_err(|error| error.to_string())?;
    if let Some(listen) = listen {
        config.listen = listen
            .parse()
            .map_err(|_| format!("--listen {listen} is not an address:port"))?;
    }
    if let Some(port) = port {
        config.listen.set_port(port);
    }
    if let Some(seed) = seed {
        config.sandbox_seed = seed;
    }
    let existing = |dir: &str| Some(PathBuf::from(dir)).filter(|path| path.is_dir());
    config.www_dir = www.or(config.www_dir).or_else(|| existing("www"));
    config.pkg_dir = pkg.or(config.pkg_dir).or_else(|| existing("pkg"));
    Ok(config)
}

fn describe(setting: &UpstreamSetting) -> String {
    match setting {
        UpstreamSetting::Sandbox => "embedded sandbox".to_owned(),
        UpstreamSetting::Router(_) => "in-process router".to_owned(),
        UpstreamSetting::Remote(remote) => remote.base().to_owned(),
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let config = match parse_args() {
        Ok(config) => config,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("tradecover-proxy: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(config.listen).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!(
                "tradecover-proxy: cannot listen on {}: {error}",
                config.listen
            );
            return ExitCode::FAILURE;
        }
    };
    let bound = listener.local_addr().unwrap_or(config.listen);
    println!(
        "tradecover proxy listening on http://{bound}/ (allianz-trade: {}, atradius: {}, coface: {})",
        describe(&config.upstreams.allianz_trade),
        describe(&config.upstreams.atradius),
        describe(&config.upstreams.coface),
    );
    match serve(listener, app(config), shutdown_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("tradecover-proxy: {error}");
            ExitCode::FAILURE
        }
    }
}
