//! Loads the portfolio of each chosen insurer through the proxy, page by page, into neutral
//! decisions parsed by the core:
//! - Allianz Trade: `POST /riskinfo/v3/covers/search`, pages until the core finds no next one;
//! - Atradius: `GET /credit-insurance/cover-management/v1/covers` (one page: no pagination is
//!   documented);
//! - Coface: `GET /companies/products`, then `&page=N` while the companies returned fall short
//!   of the answer's `count`.

use tradecover_core::allianz_trade::{
    covers_search_request, parse_covers_page, CoverSearch, Pagination,
};
use tradecover_core::atradius::{covers_request, parse_cover_list, AtradiusPolicy, CoverFilter};
use tradecover_core::coface::{parse_portfolio, portfolio_page_request, PortfolioFilter};
use tradecover_core::cover_application::PolicyRef;
use tradecover_core::decision::Decision;
use tradecover_core::http_response::HttpResponse;
use tradecover_core::locale::Language;
use tradecover_core::{HttpRequest, Insurer, ValidationError};
use web_sys::AbortSignal;

use crate::proxy_client::ProxyClient;
use crate::widget_error::WidgetError;

/// What a portfolio is loaded with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PortfolioSource {
    /// The Allianz Trade policies to list.
    pub allianz_policies: Vec<PolicyRef>,
    /// The Atradius policy to list.
    pub atradius_policy: Option<AtradiusPolicy>,
    /// Allianz Trade page size.
    pub page_size: u32,
}

/// One page received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedPage {
    /// Its decisions.
    pub decisions: Vec<Decision>,
    /// The next page to ask for, if any.
    pub next_page: Option<u32>,
    /// How many decisions the insurer has in all, when it says.
    pub total: Option<u64>,
}

fn setup_error(code: &str, language: Language) -> WidgetError {
    WidgetError::from_validation(&ValidationError::new(code, "policy"), language)
}

async fn send(
    client: &ProxyClient,
    insurer: Insurer,
    request: &HttpRequest,
    language: Language,
    abort: &AbortSignal,
) -> Result<(u16, Vec<u8>), WidgetError> {
    let response = client.send(insurer, request, language, Some(abort)).await?;
    Ok((response.status, response.body))
}

/// Loads page `page` (from 1) of `insurer`'s portfolio.
pub async fn load_page(
    client: &ProxyClient,
    insurer: Insurer,
    source: &PortfolioSource,
    page: u32,
    language: Language,
    abort: &AbortSignal,
) -> Result<LoadedPage, WidgetError> {
    let insurer_error = |error| WidgetError::from_insurer(&error, language);
    match insurer {
        Insurer::AllianzTrade => {
            if source.allianz_policies.is_empty() {
                return Err(setup_error("policy.required", language));
            }
            let pagination = Pagination {
                page,
                page_size: source.page_size,
            };
            let request = covers_search_request(&CoverSearch {
                policies: source.allianz_policies.clone(),
                pagination,
            });
            let (status, body) = send(client, insurer, &request, language, abort).await?;
            let page = parse_covers_page(&HttpResponse::new(status, body), &pagination)
                .map_err(insurer_error)?;
            Ok(LoadedPage {
                decisions: page.decisions,
                next_page: page.next_page,
                total: page.total,
            })
        }
        Insurer::Atradius => {
            let Some(policy) = &source.atradius_policy else {
                return Err(setup_error("policy.required", language));
            };
            let request = covers_request(policy, &CoverFilter::default())
                .map_err(|_| setup_error("policy.required", language))?;
            let (status, body) = send(client, insurer, &request, language, abort).await?;
            let decisions =
                parse_cover_list(&HttpResponse::new(status, body)).map_err(insurer_error)?;
            Ok(LoadedPage {
                total: Some(decisions.len() as u64),
                decisions,
                next_page: None,
            })
        }
        Insurer::Coface => {
            let request = portfolio_page_request(&PortfolioFilter::default(), page)
                .map_err(|_| setup_error("insurer.rejected", language))?;
            let (status, body) = send(client, insurer, &request, language, abort).await?;
            let portfolio = parse_portfolio(status, &body).map_err(insurer_error)?;
            Ok(LoadedPage {
                next_page: portfolio.next_page(page),
                total: None,
                decisions: portfolio.decisions,
            })
        }
        other => Err(WidgetError {
            code: "insurer.unsupported".to_owned(),
            field: None,
            message: tradecover_core::messages::text(
                language,
                "insurer.unsupported",
                &[("insurer", other.display_name())],
            ),
            retryable: false,
        }),
    }
}
