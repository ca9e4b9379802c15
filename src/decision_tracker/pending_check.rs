//! Asking the insurer again about a pending row, when the notification stream is down:
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
use tradecover_core::Insurer;

use super::loader::PortfolioSource;
use crate::proxy_client::ProxyClient;
use crate::widget_error::WidgetError;

/// The decisions the insurer now reports for `row`'s cover or buyer (to be merged into the
/// table). A row whose request cannot be built (no Atradius policy) gives none.
pub async fn check_pending(
    client: &ProxyClient,
    row: &Decision,
    source: &PortfolioSource,
    language: Language,
) -> Result<Vec<Decision>, WidgetError> {
    let insurer_error = |error| WidgetError::from_insurer(&error, language);
    match row.insurer {
        Insurer::AllianzTrade => {
            let Ok(request) = cover_get_request(&row.id) else {
                return Ok(Vec::new());
            };
            let response = client.send(row.insurer, &request, language, None).await?;
            let decision = parse_cover(response.status, &response.body).map_err(insurer_error)?;
            Ok(vec![decision])
        }
        Insurer::Atradius => {
            let Some(policy) = &source.atradius_policy else {
                return Ok(Vec::new());
            };
            let filter = CoverFilter {
                buyer_id: Some(row.buyer_id.clone()),
                cover_type: None,
            };
            let mut decisions = Vec::new();
            for request in [
                covers_request(policy, &filter),
                applications_request(policy, &filter),
            ] {
                let Ok(request) = request else {
                    return Ok(Vec::new());
                };
                let response = client.send(row.insurer, &request, language, None).await?;
                decisions.extend(
                    parse_cover_list(&HttpResponse::new(response.status, response.body))
                        .map_err(insurer_error)?,
                );
            }
            Ok(decisions)
        }
        Insurer::Coface => check_coface_company(client, &row.buyer_id, language).await,
        _ => Ok(Vec::new()),
    }
}

/// The Coface decisions on the company `easy_number` (temporary numbers too), from its
/// portfolio: `GET /companies/products?easyNumber=…`. An invalid number gives none.
pub async fn check_coface_company(
    client: &ProxyClient,
    easy_number: &str,
    language: Language,
) -> Result<Vec<Decision>, WidgetError> {
    let filter = PortfolioFilter {
        easy_number: Some(easy_number.to_owned()),
        ..PortfolioFilter::default()
    };
    let Ok(request) = portfolio_request(&filter) else {
        return Ok(Vec::new());
    };
    let response = client
        .send(Insurer::Coface, &request, language, None)
        .await?;
    let portfolio = parse_portfolio(response.status, &response.body)
        .map_err(|error| WidgetError::from_insurer(&error, language))?;
    Ok(portfolio.decisions)
}
