//! The `[notifications]` section of the proxy's configuration and its environment variables
//! (which override the file), read into [`NotificationSettings`]:
//!
//! ```toml
//! [notifications]
//! allowed_origins = ["https://portal.example.com"]  # TRADECOVER_EVENTS_ALLOWED_ORIGINS
//! allianz_callback_token_file = "/run/secrets/cb"   # TRADECOVER_ALLIANZ_CALLBACK_TOKEN(_FILE)
//! allianz_callback_url = "https://proxy.example.com/notifications/allianz-trade"
//!                                                   # TRADECOVER_ALLIANZ_CALLBACK_URL
//! sns_certificate_hosts = ["sns.eu-west-1.amazonaws.com"] # TRADECOVER_SNS_CERTIFICATE_HOSTS
//! sns_topic_arns = ["arn:aws:sns:eu-west-1:123456789012:"] # TRADECOVER_SNS_TOPIC_ARNS
//! history_size = 1024                               # TRADECOVER_EVENT_HISTORY
//! max_message_age_secs = 435600                     # TRADECOVER_SNS_MAX_MESSAGE_AGE_SECS
//! max_clock_skew_secs = 300                         # TRADECOVER_SNS_MAX_CLOCK_SKEW_SECS
//! insecure_sns_endpoint = "http://127.0.0.1:8091"   # TRADECOVER_INSECURE_SNS_ENDPOINT (tests)
//! ```
//!
//! The callback token is a secret: it never appears in an error message nor in `Debug`.

use std::time::Duration;

use tradecover_core::coface::sns::check_signing_cert_url;

use crate::allianz_callback::is_callback_url;
use crate::config_load::{
    check_keys, credential, list_setting, parse_number, setting, ConfigError,
};
use crate::notifications::sns_remote::is_loopback_http_base;
use crate::notifications::NotificationSettings;

/// Keys of `[notifications]`.
pub const NOTIFICATION_KEYS: [&str; 10] = [
    "allowed_origins",
    "allianz_callback_token",
    "allianz_callback_token_file",
    "allianz_callback_url",
    "sns_certificate_hosts",
    "sns_topic_arns",
    "history_size",
    "max_message_age_secs",
    "max_clock_skew_secs",
    "insecure_sns_endpoint",
];

/// Most events kept for resuming subscribers.
pub const MAX_HISTORY_SIZE: usize = 100_000;
/// Longest clock skew accepted in the configuration (1 hour).
pub const MAX_CLOCK_SKEW_SECS: u64 = 3_600;
/// Shortest and longest callback token.
const TOKEN_LENGTH: std::ops::RangeInclusive<usize> = 16..=256;

/// The settings of `section` (the `[notifications]` table, possibly empty) and `env`;
/// `security_origins` (`[security] allowed_origins`) are the default SSE origins.
pub fn notification_settings(
    section: &toml::Table,
    env: &dyn Fn(&str) -> Option<String>,
    security_origins: &[String],
) -> Result<NotificationSettings, ConfigError> {
    check_keys("[notifications]", section, &NOTIFICATION_KEYS)?;
    let mut settings = NotificationSettings {
        allowed_origins: security_origins.to_vec(),
        ..NotificationSettings::default()
    };
    if let Some(origins) = list_setting(
        section,
        "allowed_origins",
        env("TRADECOVER_EVENTS_ALLOWED_ORIGINS"),
    )? {
        if let Some(bad) = origins.iter().find(|origin| !is_origin(origin)) {
            return Err(ConfigError(format!(
                "[notifications] allowed_origins: {bad:?} is not an origin (scheme://host[:port], no path)"
            )));
        }
        settings.allowed_origins = origins;
    }
    let token = credential(
        section,
        "allianz_callback_token",
        "TRADECOVER_ALLIANZ_CALLBACK_TOKEN",
        env,
    )?;
    if let Some(token) = token {
        let url_safe = token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'));
        if !url_safe || !TOKEN_LENGTH.contains(&token.len()) {
            return Err(ConfigError(format!(
                "[notifications] allianz_callback_token (TRADECOVER_ALLIANZ_CALLBACK_TOKEN) must be {}–{} characters of A–Z a–z 0–9 - . _ ~",
                TOKEN_LENGTH.start(),
                TOKEN_LENGTH.end()
            )));
        }
        settings.allianz_callback_token = Some(token);
    }
    if let Some(url) = setting(
        section,
        "allianz_callback_url",
        env("TRADECOVER_ALLIANZ_CALLBACK_URL"),
    )? {
        let url = url.trim();
        if !is_callback_url(url) {
            return Err(ConfigError(format!(
                "[notifications] allianz_callback_url {url:?} must be an https:// URL without query, fragment or user info"
            )));
        }
        settings.allianz_callback_url = Some(url.to_owned());
    }
    if let Some(hosts) = list_setting(
        section,
        "sns_certificate_hosts",
        env("TRADECOVER_SNS_CERTIFICATE_HOSTS"),
    )? {
        if hosts.is_empty() {
            return Err(ConfigError(
                "[notifications] sns_certificate_hosts is empty: every Coface message would be refused".into(),
            ));
        }
        let hosts: Vec<String> = hosts.iter().map(|host| host.to_ascii_lowercase()).collect();
        if let Some(bad) = hosts.iter().find(|host| !is_sns_host(host)) {
            return Err(ConfigError(format!(
                "[notifications] sns_certificate_hosts: {bad:?} is not an Amazon SNS host (sns.<region>.amazonaws.com)"
            )));
        }
        settings.certificate_hosts = hosts;
    }
    if let Some(arns) = list_setting(section, "sns_topic_arns", env("TRADECOVER_SNS_TOPIC_ARNS"))? {
        if let Some(bad) = arns.iter().find(|arn| !is_topic_arn_or_prefix(arn)) {
            return Err(ConfigError(format!(
                "[notifications] sns_topic_arns: {bad:?} is neither arn:aws:sns:<region>:<account>:<topic> nor arn:aws:sns:<region>:<account>:"
            )));
        }
        settings.topic_arns = arns;
    }
    if let Some(value) = setting(section, "history_size", env("TRADECOVER_EVENT_HISTORY"))? {
        let size: usize = parse_number("[notifications] history_size", &value)?;
        if !(1..=MAX_HISTORY_SIZE).contains(&size) {
            return Err(ConfigError(format!(
                "[notifications] history_size must be from 1 to {MAX_HISTORY_SIZE}"
            )));
        }
        settings.history_size = size;
    }
    if let Some(value) = setting(
        section,
        "max_message_age_secs",
        env("TRADECOVER_SNS_MAX_MESSAGE_AGE_SECS"),
    )? {
        let seconds: u64 = parse_number("[notifications] max_message_age_secs", &value)?;
        if seconds == 0 {
            return Err(ConfigError(
                "[notifications] max_message_age_secs must be at least 1".into(),
            ));
        }
        settings.max_message_age = Duration::from_secs(seconds);
    }
    if let Some(value) = setting(
        section,
        "max_clock_skew_secs",
        env("TRADECOVER_SNS_MAX_CLOCK_SKEW_SECS"),
    )? {
        let seconds: u64 = parse_number("[notifications] max_clock_skew_secs", &value)?;
        if seconds > MAX_CLOCK_SKEW_SECS {
            return Err(ConfigError(format!(
                "[notifications] max_clock_skew_secs must be at most {MAX_CLOCK_SKEW_SECS}"
            )));
        }
        settings.max_clock_skew = Duration::from_secs(seconds);
    }
    if let Some(endpoint) = setting(
        section,
        "insecure_sns_endpoint",
        env("TRADECOVER_INSECURE_SNS_ENDPOINT"),
    )? {
        if !is_loopback_http_base(endpoint.trim()) {
            return Err(ConfigError(format!(
                "[notifications] insecure_sns_endpoint {endpoint:?} must be http://127.0.0.1:<port>, http://localhost:<port> or http://[::1]:<port> (tests only)"
            )));
        }
        settings.insecure_sns_endpoint = Some(endpoint.trim().to_owned());
    }
    Ok(settings)
}

/// `http(s)://host[:port]` with no path, query, user info or trailing slash.
fn is_origin(origin: &str) -> bool {
    let Some(authority) = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
    else {
        return false;
    };
    !authority.is_empty()
        && authority
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
}

/// `arn:<partition>:sns:<region>:<account>:<topic>`, or the same without the topic (ending in
/// `:`): six `:`-separated parts, none blank but the topic, no spaces.
fn is_topic_arn_or_prefix(arn: &str) -> bool {
    let parts: Vec<&str> = arn.split(':').collect();
    parts.len() == 6
        && parts[0] == "arn"
        && parts[2] == "sns"
        && parts[..5].iter().all(|part| !part.is_empty())
        && parts[4].bytes().all(|b| b.is_ascii_digit())
        && !arn.contains(char::is_whitespace)
}

/// A host the core accepts in a `SigningCertURL` (`sns.<region>.amazonaws.com`).
fn is_sns_host(host: &str) -> bool {
    !host.contains(['/', '?', '#', '@', ':'])
        && check_signing_cert_url(&format!("https://{host}/SimpleNotificationService.pem")).is_ok()
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use crate::config::ProxyConfig;
    use crate::config_load::{from_table, ConfigError};

    fn load(text: &str, env: &[(&str, &str)]) -> Result<ProxyConfig, ConfigError> {
        let table: toml::Table = text.parse().unwrap();
        let env: HashMap<String, String> = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        from_table(&table, &|name| env.get(name).cloned())
    }

    #[test]
    fn the_section_is_read_and_the_environment_wins() {
        let config = load(
            r#"
            [security]
            allowed_origins = ["https://portal.example"]
            [notifications]
            allianz_callback_token = "file-token-0123456789"
            sns_certificate_hosts = ["SNS.us-east-1.amazonaws.com", "sns.eu-west-1.amazonaws.com"]
            sns_topic_arns = ["arn:aws:sns:eu-west-1:111122223333:"]
            history_size = 50
            max_message_age_secs = 600
            max_clock_skew_secs = 30
            "#,
            &[
                (
                    "TRADECOVER_ALLIANZ_CALLBACK_TOKEN",
                    "env-token-abcdefghijkl",
                ),
                ("TRADECOVER_EVENT_HISTORY", "70"),
            ],
        )
        .unwrap();
        let settings = &config.notifications;
        assert_eq!(settings.allowed_origins, ["https://portal.example"]);
        assert_eq!(
            settings.allianz_callback_token.as_deref(),
            Some("env-token-abcdefghijkl")
        );
        assert_eq!(
            settings.certificate_hosts,
            ["sns.us-east-1.amazonaws.com", "sns.eu-west-1.amazonaws.com"]
        );
        assert_eq!(settings.topic_arns, ["arn:aws:sns:eu-west-1:111122223333:"]);
        assert_eq!(settings.history_size, 70);
        assert_eq!(settings.max_message_age.as_secs(), 600);
        assert_eq!(settings.max_clock_skew.as_secs(), 30);
        assert_eq!(settings.insecure_sns_endpoint, None);
        assert!(config
            .secrets()
            .contains(&"env-token-abcdefghijkl".to_owned()));

        let own = load(
            "[security]\nallowed_origins = [\"https://a.example\"]\n[notifications]\nallowed_origins = [\"https://b.example:8443\"]",
            &[],
        )
        .unwrap();
        assert_eq!(
            own.notifications.allowed_origins,
            ["https://b.example:8443"]
        );
    }

    #[test]
    fn the_callback_url_is_read_and_must_be_https_without_query() {
        let config = load(
            "[notifications]\nallianz_callback_url = \"https://file.example/n\"",
            &[(
                "TRADECOVER_ALLIANZ_CALLBACK_URL",
                " https://proxy.example.com/notifications/allianz-trade ",
            )],
        )
        .unwrap();
        assert_eq!(
            config.notifications.allianz_callback_url.as_deref(),
            Some("https://proxy.example.com/notifications/allianz-trade")
        );
        assert_eq!(
            load("", &[]).unwrap().notifications.allianz_callback_url,
            None
        );
        for bad in [
            "http://proxy.example.com/n",
            "https://proxy.example.com/n?token=x",
        ] {
            let error = load("", &[("TRADECOVER_ALLIANZ_CALLBACK_URL", bad)]).unwrap_err();
            assert!(error.0.contains("allianz_callback_url"), "{error}");
        }
    }

    #[test]
    fn the_token_comes_from_a_file_and_is_never_shown() {
        let dir = std::env::temp_dir().join(format!(
            "tradecover-proxy-notifications-{}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("callback_token");
        std::fs::write(&file, "from-a-file-9876543210\n").unwrap();
        let config = load(
            "",
            &[(
                "TRADECOVER_ALLIANZ_CALLBACK_TOKEN_FILE",
                file.to_str().unwrap(),
            )],
        )
        .unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            config.notifications.allianz_callback_token.as_deref(),
            Some("from-a-file-9876543210")
        );
        for shown in [format!("{config:?}"), format!("{:?}", config.notifications)] {
            assert!(!shown.contains("from-a-file-9876543210"), "{shown}");
            assert!(shown.contains("<redacted>"), "{shown}");
        }
    }

    #[test]
    fn mistakes_name_the_key_and_never_the_token() {
        /// `(file, environment, key the error must name)`.
        type Case = (
            &'static str,
            &'static [(&'static str, &'static str)],
            &'static str,
        );
        let cases: [Case; 10] = [
            (
                "[notifications]\nsns_topic_arns = [\"arn:aws:sns:eu-west-1:coface\"]",
                &[],
                "sns_topic_arns",
            ),
            ("[notifications]\nhistroy_size = 5", &[], "histroy_size"),
            ("[notifications]\nhistory_size = 0", &[], "history_size"),
            ("", &[("TRADECOVER_EVENT_HISTORY", "many")], "history_size"),
            (
                "[notifications]\nsns_certificate_hosts = [\"attacker.example\"]",
                &[],
                "sns_certificate_hosts",
            ),
            (
                "[notifications]\nsns_certificate_hosts = []",
                &[],
                "sns_certificate_hosts",
            ),
            (
                "[notifications]\nmax_clock_skew_secs = 86400",
                &[],
                "max_clock_skew_secs",
            ),
            (
                "[notifications]\nallowed_origins = [\"https://portal.example/app\"]",
                &[],
                "allowed_origins",
            ),
            (
                "[notifications]\ninsecure_sns_endpoint = \"http://sns.attacker.example\"",
                &[],
                "insecure_sns_endpoint",
            ),
            ("notifications = 3", &[], "notifications"),
        ];
        for (text, env, key) in cases {
            let error = load(text, env).unwrap_err();
            assert!(error.0.contains(key), "{text}: {error}");
        }
        for bad_token in [
            "short-tok3n",
            "has space in it 0123456",
            "ünïcode-0123456789",
        ] {
            let error = load("", &[("TRADECOVER_ALLIANZ_CALLBACK_TOKEN", bad_token)]).unwrap_err();
            assert!(error.0.contains("allianz_callback_token"), "{error}");
            assert!(!error.0.contains(bad_token), "{error}");
        }
        let loopback = load(
            "[notifications]\ninsecure_sns_endpoint = \"http://127.0.0.1:8091\"",
            &[],
        )
        .unwrap();
        assert_eq!(
            loopback.notifications.insecure_sns_endpoint.as_deref(),
            Some("http://127.0.0.1:8091")
        );
    }
}
