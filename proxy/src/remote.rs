//! A real insurer API reached over HTTPS: its base URL, how insurer paths map onto it, and the
//! HTTP client (rustls, no redirects followed, bounded time).

use std::fmt;
use std::time::Duration;

use tradecover_core::Insurer;

/// How an insurer path becomes a path under the base URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathStyle {
    /// Appended as it is.
    Plain,
    /// Allianz Trade's test environment: `uatm` goes into each path (`/search/v2/…` →
    /// `/search/uatm-v2/…`, `/company-referential/v1/…` → `/company-referential/uatm-v1/…`,
    /// anything else gets a `/uatm` prefix, e.g. `/uatm/v1/idp/oauth2/authorize`).
    AllianzTradeUat,
}

impl PathStyle {
    /// The path under the base URL for the insurer path `path_and_query`.
    pub fn apply(self, path_and_query: &str) -> String {
        match self {
            PathStyle::Plain => path_and_query.to_owned(),
            PathStyle::AllianzTradeUat => {
                for service in ["/search/", "/company-referential/"] {
                    if let Some(rest) = path_and_query.strip_prefix(service) {
                        let versioned = rest.starts_with('v')
                            && rest[1..].starts_with(|c: char| c.is_ascii_digit());
                        if versioned {
                            return format!("{service}uatm-{rest}");
                        }
                    }
                }
                format!("/uatm{path_and_query}")
            }
        }
    }
}

/// A named base URL from the insurers' documentation (see the seeds and
/// `shared/reference/insurer-apis.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// Insurer.
    pub insurer: Insurer,
    /// `uat` or `production`.
    pub name: &'static str,
    /// Base URL (no trailing slash).
    pub base: &'static str,
    /// How insurer paths map onto it.
    pub style: PathStyle,
}

/// Every named base. Coface publishes no test base, so it has only `production`.
pub const PRESETS: &[Preset] = &[
    Preset {
        insurer: Insurer::AllianzTrade,
        name: "uat",
        base: "https://api-services.uat.1placedessaisons.com",
        style: PathStyle::AllianzTradeUat,
    },
    Preset {
        insurer: Insurer::AllianzTrade,
        name: "production",
        base: "https://api.allianz-trade.com",
        style: PathStyle::Plain,
    },
    Preset {
        insurer: Insurer::Atradius,
        name: "uat",
        base: "https://api-uat.atradius.com",
        style: PathStyle::Plain,
    },
    Preset {
        insurer: Insurer::Atradius,
        name: "production",
        base: "https://api.atradius.com",
        style: PathStyle::Plain,
    },
    Preset {
        insurer: Insurer::Coface,
        name: "production",
        base: "https://api.coface.com/tci",
        style: PathStyle::Plain,
    },
];

/// Time allowed to connect to an insurer.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Time allowed for a whole insurer call.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(30);

/// The proxy's HTTP client for remote calls: rustls, no redirect followed, [`CONNECT_TIMEOUT`]
/// to connect and `timeout` for a whole call.
pub fn http_client(timeout: Duration) -> Result<reqwest::Client, String> {
    reqwest::Client::builder()
        .use_rustls_tls()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(timeout)
        .build()
        .map_err(|error| format!("cannot build the HTTP client: {error}"))
}

/// A remote insurer API.
#[derive(Clone)]
pub struct RemoteUpstream {
    base: String,
    style: PathStyle,
    client: reqwest::Client,
}

impl fmt::Debug for RemoteUpstream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RemoteUpstream")
            .field("base", &self.base)
            .field("style", &self.style)
            .finish()
    }
}

impl RemoteUpstream {
    /// The upstream for `setting` of `insurer`: a preset name (`uat`, `production`) or a base URL
    /// (`https://…`; plain `http://` only for `127.0.0.1`, `[::1]` or `localhost`, for tests
    /// against a standalone sandbox). The base must have no query, fragment or credentials.
    pub fn parse(insurer: Insurer, setting: &str) -> Result<Self, String> {
        let setting = setting.trim();
        if let Some(preset) = PRESETS
            .iter()
            .find(|preset| preset.insurer == insurer && preset.name == setting)
        {
            return Self::new(preset.base, preset.style);
        }
        let known: Vec<&str> = PRESETS
            .iter()
            .filter(|preset| preset.insurer == insurer)
            .map(|preset| preset.name)
            .collect();
        let base = setting.trim_end_matches('/');
        let rest = if let Some(rest) = base.strip_prefix("https://") {
            rest
        } else if let Some(rest) = base.strip_prefix("http://") {
            let host = rest.split(['/', ':']).next().unwrap_or("");
            let bracketed_v6 = rest.starts_with("[::1]");
            if !(bracketed_v6 || host == "127.0.0.1" || host == "localhost") {
                return Err(format!(
                    "{insurer} upstream {base:?}: plain http is only allowed to loopback"
                ));
            }
            rest
        } else {
            return Err(format!(
                "{insurer} upstream {setting:?} is neither `sandbox`, one of {known:?} nor an https URL"
            ));
        };
        let host = rest.split('/').next().unwrap_or("");
        if host.is_empty()
            || rest.contains(['?', '#', '@', '\\', ' '])
            || rest.split('/').any(|segment| segment == "..")
        {
            return Err(format!(
                "{insurer} upstream {base:?} is not a plain base URL"
            ));
        }
        Self::new(base, PathStyle::Plain)
    }

    fn new(base: &str, style: PathStyle) -> Result<Self, String> {
        let client = http_client(CALL_TIMEOUT)?;
        Ok(Self {
            base: base.to_owned(),
            style,
            client,
        })
    }

    /// The base URL.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The full URL of an insurer path and query.
    pub fn url_for(&self, path_and_query: &str) -> String {
        format!("{}{}", self.base, self.style.apply(path_and_query))
    }

    /// The HTTP client.
    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allianz_uat_paths_carry_uatm() {
        let uat = PathStyle::AllianzTradeUat;
        assert_eq!(
            uat.apply("/v1/idp/oauth2/authorize"),
            "/uatm/v1/idp/oauth2/authorize"
        );
        assert_eq!(
            uat.apply("/search/v2/companies/advancedSearch"),
            "/search/uatm-v2/companies/advancedSearch"
        );
        assert_eq!(
            uat.apply("/company-referential/v1/companies"),
            "/company-referential/uatm-v1/companies"
        );
        assert_eq!(
            uat.apply("/riskinfo/v3/covers/search"),
            "/uatm/riskinfo/v3/covers/search"
        );
    }

    #[test]
    fn presets_and_urls() {
        let uat = RemoteUpstream::parse(Insurer::AllianzTrade, "uat").unwrap();
        assert_eq!(
            uat.url_for("/v1/idp/oauth2/authorize"),
            "https://api-services.uat.1placedessaisons.com/uatm/v1/idp/oauth2/authorize"
        );
        let prod = RemoteUpstream::parse(Insurer::Atradius, "production").unwrap();
        assert_eq!(prod.base(), "https://api.atradius.com");
        let custom = RemoteUpstream::parse(Insurer::Coface, "https://gw.example.com/tci/").unwrap();
        assert_eq!(
            custom.url_for("/companies/name?x=1"),
            "https://gw.example.com/tci/companies/name?x=1"
        );
        assert!(RemoteUpstream::parse(Insurer::Coface, "http://127.0.0.1:8090/coface").is_ok());
        for refused in [
            "uat",
            "http://example.com",
            "ftp://example.com",
            "https://user:pw@example.com",
            "https://example.com/?q",
            "https://",
            "staging",
        ] {
            assert!(
                RemoteUpstream::parse(Insurer::Coface, refused).is_err(),
                "{refused}"
            );
        }
    }
}
