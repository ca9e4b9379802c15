//! Asking the insurer again about a row — a pending one when the notification stream is down,
//! any one for the detail panel's insurer answer:
//! - Allianz Trade: `GET /riskinfo/v3/covers/{coverId}`;
//! - Atradius: `GET …/covers` and `GET …/covers/applications` for the buyer;
//! - Coface: `GET /companies/products?easyNumber=…` (temporary numbers too; the definitive
//!   decision is reconciled by the table).

use tradecover_core::allianz_trade::{cover_get_request, parse_cover};
use tradecover_core::atradius::{
    applications_request, covers_request, parse_cover_list, CoverFilter,
};
use tradecover_core::coface::{parse_portfolio, portfolio_request, PortfolioFilter};
use tradecover_core::decision::Decision;
use tradecover_core::http_response::HttpResponse;
use tradecover_core::locale::Language;
use tradecover_core::{HttpRequest, Insurer};

use super::loader::PortfolioSource;
use crate::proxy_client::{ProxyClient, ProxyResponse};
use crate::widget_error::WidgetError;

/// The requests that ask the insurer about `row` now: Allianz Trade the cover, Atradius the
/// buyer's covers and applications, Coface the company's products. None when they cannot be
/// built (no Atradius policy, an invalid id).
pub fn row_requests(row: &Decision, source: &PortfolioSource) -> Vec<HttpRequest> {
    match row.insurer {
        Insurer::AllianzTrade => cover_get_request(&row.id).into_iter().collect(),
        Insurer::Atradius => {
            let Some(policy) = &source.atradius_policy else {
                return Vec::new();
            };
            let filter = CoverFilter {
                buyer_id: Some(row.buyer_id.clone()),
                cover_type: None,
            };
            let requests = [
                covers_request(policy, &filter),
                applications_request(policy, &filter),
            ];
            requests
                .into_iter()
                .collect::<Result<_, _>>()
                .unwrap_or_default()
        }
        Insurer::Coface => company_request(&row.buyer_id).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// The decisions the insurer now reports for `row`'s cover or buyer (to be merged into the
/// table). A row whose requests cannot be built (no Atradius policy) gives none.
pub async fn check_pending(
    client: &ProxyClient,
    row: &Decision,
    source: &PortfolioSource,
    language: Language,
) -> Result<Vec<Decision>, WidgetError> {
    let mut decisions = Vec::new();
    for request in row_requests(row, source) {
        let response = client.send(row.insurer, &request, language, None).await?;
        decisions.extend(parse_answer(row.insurer, response, language)?);
    }
    Ok(decisions)
}

/// The decisions in an insurer's answer to one of [`row_requests`].
fn parse_answer(
    insurer: Insurer,
    response: ProxyResponse,
    language: Language,
) -> Result<Vec<Decision>, WidgetError> {
    let insurer_error = |error| WidgetError::from_insurer(&error, language);
    match insurer {
        Insurer::AllianzTrade => Ok(vec![
            parse_cover(response.status, &response.body).map_err(insurer_error)?
        ]),
        Insurer::Atradius => parse_cover_list(&HttpResponse::new(response.status, response.body))
            .map_err(insurer_error),
        Insurer::Coface => Ok(parse_portfolio(response.status, &response.body)
            .map_err(insurer_error)?
            .decisions),
        _ => Ok(Vec::new()),
    }
}

/// `GET /companies/products?easyNumber=…` for the Coface company `easy_number`.
fn company_request(easy_number: &str) -> Option<HttpRequest> {
    let filter = PortfolioFilter {
        easy_number: Some(easy_number.to_owned()),
        ..PortfolioFilter::default()
    };
    portfolio_request(&filter).ok()
}

/// The Coface decisions on the company `easy_number` (temporary numbers too), from its
/// portfolio: `GET /companies/products?easyNumber=…`. An invalid number gives none.
pub async fn check_coface_company(
    client: &ProxyClient,
    easy_number: &str,
    language: Language,
) -> Result<Vec<Decision>, WidgetError> {
    let Some(request) = company_request(easy_number) else {
        return Ok(Vec::new());
    };
    let response = client
        .send(Insurer::Coface, &request, language, None)
        .await?;
    parse_answer(Insurer::Coface, response, language)
}
