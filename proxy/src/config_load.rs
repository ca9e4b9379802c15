//! Loading [`ProxyConfig`] from a TOML file (`--config FILE`) and environment variables, which
//! override the file. Credentials come from the file, from `NAME` or from a file named by
//! `NAME_FILE` (e.g. `COFACE_PASSWORD_FILE=/run/secrets/coface_password`); their values never
//! appear in an error message or in `Debug`.
//!
//! ```toml
//! listen = "0.0.0.0:8080"
//! [coface]
//! upstream = "production"            # sandbox (default) | production | https://…
//! username = "api-user"
//! password_file = "/run/secrets/coface_password"
//! [security]
//! allowed_origins = ["https://portal.example.com"]
//! [rate_limit]
//! requests_per_second = 20
//! [notifications]                    # see crate::config_notifications
//! allianz_callback_token_file = "/run/secrets/allianz_callback_token"
//! ```

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use thiserror::Error;
use tradecover_core::Insurer;

use crate::config::{ProxyConfig, UpstreamSetting};
use crate::remote::RemoteUpstream;

/// A configuration that cannot be used; the message names the setting, never a secret value.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

/// Credential settings of each insurer (TOML key = lower case; environment variable =
/// `{PREFIX}_{KEY in upper case}`, plus `_FILE`).
pub const CREDENTIAL_KEYS: [(Insurer, &str, &[&str]); 3] = [
    (Insurer::AllianzTrade, "ALLIANZ_TRADE", &["api_key"]),
    (
        Insurer::Atradius,
        "ATRADIUS",
        &["client_id", "client_secret", "app_key"],
    ),
    (
        Insurer::Coface,
        "COFACE",
        &["username", "password", "api_key", "policy_number"],
    ),
];

/// Top-level keys of the file.
const TOP_KEYS: [&str; 12] = [
    "listen",
    "www_dir",
    "pkg_dir",
    "sandbox_seed",
    "access_log",
    "metrics",
    "allianz-trade",
    "atradius",
    "coface",
    "security",
    "rate_limit",
    "notifications",
];

/// Loads the configuration: defaults ([`ProxyConfig::sandbox`]), then the TOML `file` if any,
/// then the variables `env` gives (the process environment in `main`).
pub fn load(
    file: Option<&Path>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<ProxyConfig, ConfigError> {
    let table = match file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|error| ConfigError(format!("cannot read {}: {error}", path.display())))?;
            text.parse::<toml::Table>().map_err(|error| {
                ConfigError(format!(
                    "{} is not valid TOML: {}",
                    path.display(),
                    error.message()
                ))
            })?
        }
        None => toml::Table::new(),
    };
    from_table(&table, env)
}

/// The configuration of the parsed file `table` and the variables `env` gives.
pub(crate) fn from_table(
    table: &toml::Table,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<ProxyConfig, ConfigError> {
    check_keys("the configuration", table, &TOP_KEYS)?;
    let env = |name: &str| env(name).filter(|value| !value.is_empty());
    let mut config = ProxyConfig::sandbox();

    if let Some(listen) = setting(table, "listen", env("TRADECOVER_LISTEN"))? {
        config.listen = listen
            .parse::<SocketAddr>()
            .map_err(|_| ConfigError(format!("listen {listen:?} is not an address:port")))?;
    }
    if let Some(port) = env("PORT") {
        config.listen.set_port(parse_number("PORT", &port)?);
    }
    if let Some(dir) = setting(table, "www_dir", env("TRADECOVER_WWW_DIR"))? {
        config.www_dir = Some(PathBuf::from(dir));
    }
    if let Some(dir) = setting(table, "pkg_dir", env("TRADECOVER_PKG_DIR"))? {
        config.pkg_dir = Some(PathBuf::from(dir));
    }
    if let Some(seed) = setting(table, "sandbox_seed", env("TRADECOVER_SANDBOX_SEED"))? {
        config.sandbox_seed = parse_number("sandbox_seed", &seed)?;
    }
    if let Some(value) = setting(table, "access_log", env("TRADECOVER_ACCESS_LOG"))? {
        config.access_log = parse_bool("access_log", &value)?;
    }
    if let Some(value) = setting(table, "metrics", env("TRADECOVER_METRICS"))? {
        config.metrics = parse_bool("metrics", &value)?;
    }

    let empty = toml::Table::new();
    let security = section(table, "security", &empty)?;
    check_keys(
        "[security]",
        security,
        &[
            "allowed_origins",
            "allowed_hosts",
            "max_body_bytes",
            "max_query_bytes",
            "max_response_bytes",
        ],
    )?;
    if let Some(list) = list_setting(
        security,
        "allowed_origins",
        env("TRADECOVER_ALLOWED_ORIGINS"),
    )? {
        config.security.allowed_origins = list;
    }
    if let Some(list) = list_setting(security, "allowed_hosts", env("TRADECOVER_ALLOWED_HOSTS"))? {
        config.security.allowed_hosts = list;
    }
    for (key, variable, slot) in [
        (
            "max_body_bytes",
            "TRADECOVER_MAX_BODY_BYTES",
            &mut config.security.max_body_bytes,
        ),
        (
            "max_query_bytes",
            "TRADECOVER_MAX_QUERY_BYTES",
            &mut config.security.max_query_bytes,
        ),
        (
            "max_response_bytes",
            "TRADECOVER_MAX_RESPONSE_BYTES",
            &mut config.security.max_response_bytes,
        ),
    ] {
        if let Some(value) = setting(security, key, env(variable))? {
            *slot = parse_number(key, &value)?;
        }
    }

    let rate = section(table, "rate_limit", &empty)?;
    check_keys(
        "[rate_limit]",
        rate,
        &["requests_per_second", "burst", "exempt_loopback"],
    )?;
    if let Some(value) = setting(
        rate,
        "requests_per_second",
        env("TRADECOVER_RATE_LIMIT_PER_SECOND"),
    )? {
        let per_second: f64 = parse_number("requests_per_second", &value)?;
        if !(per_second > 0.0 && per_second.is_finite()) {
            return Err(ConfigError("requests_per_second must be positive".into()));
        }
        config.rate_limit.requests_per_second = per_second;
    }
    if let Some(value) = setting(rate, "burst", env("TRADECOVER_RATE_LIMIT_BURST"))? {
        config.rate_limit.burst = parse_number("burst", &value)?;
    }
    if let Some(value) = setting(
        rate,
        "exempt_loopback",
        env("TRADECOVER_RATE_LIMIT_EXEMPT_LOOPBACK"),
    )? {
        config.rate_limit.exempt_loopback = parse_bool("exempt_loopback", &value)?;
    }

    config.notifications = crate::config_notifications::notification_settings(
        section(table, "notifications", &empty)?,
        &env,
        &config.security.allowed_origins,
    )?;

    for (insurer, prefix, keys) in CREDENTIAL_KEYS {
        let name = insurer.as_str();
        let section = section(table, name, &empty)?;
        let mut allowed = vec!["upstream".to_owned()];
        for key in keys {
            allowed.push((*key).to_owned());
            allowed.push(format!("{key}_file"));
        }
        let allowed: Vec<&str> = allowed.iter().map(String::as_str).collect();
        check_keys(&format!("[{name}]"), section, &allowed)?;
        let upstream = match setting(section, "upstream", env(&format!("{prefix}_UPSTREAM")))? {
            None => UpstreamSetting::Sandbox,
            Some(text) if text.trim() == "sandbox" => UpstreamSetting::Sandbox,
            Some(text) => {
                UpstreamSetting::Remote(RemoteUpstream::parse(insurer, &text).map_err(ConfigError)?)
            }
        };
        let remote = matches!(upstream, UpstreamSetting::Remote(_));
        for key in keys.iter().copied() {
            let variable = format!("{prefix}_{}", key.to_ascii_uppercase());
            let value = credential(section, key, &variable, &env)?;
            match (value, remote) {
                (Some(value), _) => set_credential(&mut config, insurer, key, value),
                (None, true) => {
                    return Err(ConfigError(format!(
                        "{name} uses a real upstream but {key} is not set ({variable}, {variable}_FILE or {key} / {key}_file in [{name}])"
                    )))
                }
                (None, false) => {}
            }
        }
        match insurer {
            Insurer::AllianzTrade => config.upstreams.allianz_trade = upstream,
            Insurer::Atradius => config.upstreams.atradius = upstream,
            _ => config.upstreams.coface = upstream,
        }
    }
    Ok(config)
}

fn set_credential(config: &mut ProxyConfig, insurer: Insurer, key: &str, value: String) {
    let slot = match (insurer, key) {
        (Insurer::AllianzTrade, _) => &mut config.allianz_trade.api_key,
        (Insurer::Atradius, "client_id") => &mut config.atradius.client_id,
        (Insurer::Atradius, "client_secret") => &mut config.atradius.client_secret,
        (Insurer::Atradius, _) => &mut config.atradius.app_key,
        (_, "username") => &mut config.coface.username,
        (_, "password") => &mut config.coface.password,
        (_, "api_key") => &mut config.coface.api_key,
        _ => &mut config.coface.policy_number,
    };
    *slot = value;
}

/// A credential from `NAME`, `NAME_FILE`, `key` or `key_file` (first found, in that order).
pub(crate) fn credential(
    section: &toml::Table,
    key: &str,
    variable: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Option<String>, ConfigError> {
    if let Some(value) = env(variable) {
        return Ok(Some(value));
    }
    let file = match env(&format!("{variable}_FILE")) {
        Some(path) => Some((path, format!("{variable}_FILE"))),
        None => setting(section, &format!("{key}_file"), None)?
            .map(|path| (path, format!("{key}_file"))),
    };
    if let Some((path, origin)) = file {
        let text = std::fs::read_to_string(&path).map_err(|error| {
            ConfigError(format!(
                "cannot read the file named by {origin} ({path}): {error}"
            ))
        })?;
        let value = text.trim_end_matches(['\n', '\r']).to_owned();
        if value.is_empty() {
            return Err(ConfigError(format!(
                "the file named by {origin} ({path}) is empty"
            )));
        }
        return Ok(Some(value));
    }
    setting(section, key, None)
}

/// The table `[key]` of `table` (`empty` when absent).
pub(crate) fn section<'a>(
    table: &'a toml::Table,
    key: &str,
    empty: &'a toml::Table,
) -> Result<&'a toml::Table, ConfigError> {
    match table.get(key) {
        None => Ok(empty),
        Some(toml::Value::Table(section)) => Ok(section),
        Some(_) => Err(ConfigError(format!("{key} must be a table ([{key}])"))),
    }
}

/// An error naming the first key of `table` (at `place`) that is not `allowed`.
pub(crate) fn check_keys(
    place: &str,
    table: &toml::Table,
    allowed: &[&str],
) -> Result<(), ConfigError> {
    match table.keys().find(|key| !allowed.contains(&key.as_str())) {
        Some(key) => Err(ConfigError(format!(
            "unknown setting {key:?} in {place} (known: {})",
            allowed.join(", ")
        ))),
        None => Ok(()),
    }
}

/// The environment value if set, else the file's value as text.
pub(crate) fn setting(
    table: &toml::Table,
    key: &str,
    from_env: Option<String>,
) -> Result<Option<String>, ConfigError> {
    if from_env.is_some() {
        return Ok(from_env);
    }
    match table.get(key) {
        None => Ok(None),
        Some(toml::Value::String(text)) => Ok(Some(text.clone())),
        Some(toml::Value::Integer(number)) => Ok(Some(number.to_string())),
        Some(toml::Value::Float(number)) => Ok(Some(number.to_string())),
        Some(toml::Value::Boolean(flag)) => Ok(Some(flag.to_string())),
        Some(_) => Err(ConfigError(format!(
            "{key} must be a string, number or boolean"
        ))),
    }
}

/// A list from the environment (comma-separated) or the file (array of strings).
pub(crate) fn list_setting(
    table: &toml::Table,
    key: &str,
    from_env: Option<String>,
) -> Result<Option<Vec<String>>, ConfigError> {
    if let Some(text) = from_env {
        return Ok(Some(
            text.split(',')
                .map(|item| item.trim().to_owned())
                .filter(|item| !item.is_empty())
                .collect(),
        ));
    }
    match table.get(key) {
        None => Ok(None),
        Some(toml::Value::Array(items)) => items
            .iter()
            .map(|item| {
                item.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| ConfigError(format!("{key} must be a list of strings")))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        Some(_) => Err(ConfigError(format!("{key} must be a list of strings"))),
    }
}

/// `text` as a number, or an error naming `key`.
pub(crate) fn parse_number<T: std::str::FromStr>(key: &str, text: &str) -> Result<T, ConfigError> {
    text.trim()
        .parse()
        .map_err(|_| ConfigError(format!("{key} {text:?} is not a valid number")))
}

fn parse_bool(key: &str, text: &str) -> Result<bool, ConfigError> {
    match text.trim() {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err(ConfigError(format!("{key} {text:?} is not true or false"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load_text(text: &str, env: &[(&str, &str)]) -> Result<ProxyConfig, ConfigError> {
        let table: toml::Table = text.parse().unwrap();
        let env: HashMap<String, String> = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        from_table(&table, &|name| env.get(name).cloned())
    }

    #[test]
    fn defaults_are_the_sandbox() {
        let config = load_text("", &[]).unwrap();
        assert!(matches!(config.upstreams.coface, UpstreamSetting::Sandbox));
        assert_eq!(config.listen.to_string(), "127.0.0.1:8080");
        assert!(config.rate_limit.exempt_loopback);
    }

    #[test]
    fn the_environment_overrides_the_file() {
        let text = r#"
            listen = "0.0.0.0:9000"
            [coface]
            upstream = "production"
            username = "file-user"
            password = "file-pass"
            api_key = "file-key"
            policy_number = "P-1"
            [rate_limit]
            requests_per_second = 5
            burst = 10
            exempt_loopback = false
            [security]
            allowed_origins = ["https://portal.example.com"]
        "#;
        let config = load_text(
            text,
            &[
                ("COFACE_PASSWORD", "env-pass"),
                ("TRADECOVER_RATE_LIMIT_BURST", "99"),
            ],
        )
        .unwrap();
        assert_eq!(config.listen.to_string(), "0.0.0.0:9000");
        assert_eq!(config.coface.username, "file-user");
        assert_eq!(config.coface.password, "env-pass");
        assert_eq!(config.rate_limit.burst, 99);
        assert_eq!(config.rate_limit.requests_per_second, 5.0);
        assert!(!config.rate_limit.exempt_loopback);
        assert_eq!(
            config.security.allowed_origins,
            ["https://portal.example.com"]
        );
        let UpstreamSetting::Remote(remote) = &config.upstreams.coface else {
            panic!("remote")
        };
        assert_eq!(remote.base(), "https://api.coface.com/tci");
        let shown = format!("{config:?}");
        assert!(
            !shown.contains("env-pass") && !shown.contains("file-key"),
            "{shown}"
        );
    }

    #[test]
    fn credentials_from_files() {
        let dir =
            std::env::temp_dir().join(format!("tradecover-proxy-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let key_file = dir.join("allianz_key");
        std::fs::write(&key_file, "file-secret-key\n").unwrap();
        let config = load_text(
            "[allianz-trade]\nupstream = \"uat\"",
            &[("ALLIANZ_TRADE_API_KEY_FILE", key_file.to_str().unwrap())],
        )
        .unwrap();
        assert_eq!(config.allianz_trade.api_key, "file-secret-key");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn mistakes_are_named_without_secrets() {
        let missing = load_text(
            "[atradius]\nupstream = \"production\"\nclient_secret = \"hush-123\"",
            &[],
        )
        .unwrap_err();
        assert!(missing.0.contains("client_id"), "{missing}");
        assert!(!missing.0.contains("hush-123"));
        assert!(load_text("[coface]\nupstream = \"uat\"", &[]).is_err());
        assert!(load_text("lisen = \"x\"", &[])
            .unwrap_err()
            .0
            .contains("lisen"));
        assert!(load_text("[coface]\npasword = \"x\"", &[]).is_err());
        assert!(load_text("", &[("TRADECOVER_RATE_LIMIT_PER_SECOND", "-1")]).is_err());
        assert!(load_text("", &[("ATRADIUS_CLIENT_SECRET_FILE", "/nonexistent/x")]).is_err());
    }
}
