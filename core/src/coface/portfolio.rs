//! Portfolio follow-up: `GET /companies/products` — the companies with an active product or a
//! pending request, with the last decision of each product ordered — as neutral
//! [`Decision`]s.
//!
//! Every filter of the seed is available (EASY number, customer reference, orderId,
//! deliveryId, date, product code, country). The date needs care: CofaServe reads `2020-07-01`
//! as 2020-07-01T00:00:00 GMT, so to include decisions made on 1 July the request must say
//! `2020-07-02`. [`PortfolioFilter::decided_until`] is the last day to include, as people
//! think of it; [`portfolio_request`] sends the day after.

use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::date::IsoDate;
use super::path;
use super::product_state::{legal_identifiers, to_decision, CompanyFacts, LineRules};
use super::request_error::CofaceRequestError;
use super::response::parse_json;
use super::wire::{
    PortfolioBody, PortfolioCompanyBody, COUNTRY_CODE, CUSTOMER_REFERENCE, DATE, DELIVERY_ID,
    EASY_NUMBER, ORDER_ID, PRODUCT_CODE,
};
use crate::country::Country;
use crate::decision::Decision;
use crate::http_request::{HttpRequest, Method};
use crate::insurer_error::InsurerError;

/// Path of the portfolio.
pub const PORTFOLIO_PATH: &str = "/companies/products";
/// Query parameter of the page number.
const PAGE: &str = "page";

/// The filters of a portfolio request; each one left `None` (or blank) is not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PortfolioFilter {
    /// Only this company (EASY number, temporary ones included).
    pub easy_number: Option<String>,
    /// Only companies with this customer reference.
    pub customer_reference: Option<String>,
    /// Only this order.
    pub order_id: Option<String>,
    /// Only this delivery.
    pub delivery_id: Option<String>,
    /// The last day (ISO `YYYY-MM-DD`) whose decisions are included; the request carries the
    /// next day (the seed's "+1 day" rule).
    pub decided_until: Option<String>,
    /// Only this product code (e.g. `CREDITLIMIT`).
    pub product_code: Option<String>,
    /// Only companies of this country (sent as ISO alpha-3).
    pub country: Option<Country>,
}

/// The portfolio: one decision per product and company, and how many companies matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Portfolio {
    /// One decision per product line, companies in CofaServe's order.
    pub decisions: Vec<Decision>,
    /// How many companies matched (the answer's `count`, never below those returned).
    pub companies: u64,
    /// How many companies this answer returned.
    pub returned_companies: u64,
}

impl Portfolio {
    /// The page to ask for after this answer to page `page` (from 1): the next one while the
    /// companies returned so far, at this answer's page size, fall short of those matched (so a
    /// short last page is followed by one empty answer, which ends the listing).
    pub fn next_page(&self, page: u32) -> Option<u32> {
        let page = page.max(1);
        let seen = u64::from(page).saturating_mul(self.returned_companies);
        (self.returned_companies > 0 && seen < self.companies).then(|| page.saturating_add(1))
    }
}

/// The request for page `page` (from 1) of the portfolio: [`portfolio_request`], with the
/// `page` parameter from the second page on (CofaServe's paging is not in the seed; the
/// sandbox pages by `page` and `limit`, 1,000 companies by default).
pub fn portfolio_page_request(
    filter: &PortfolioFilter,
    page: u32,
) -> Result<HttpRequest, CofaceRequestError> {
    let request = portfolio_request(filter)?;
    Ok(if page > 1 {
        request.with_query(PAGE, page.to_string())
    } else {
        request
    })
}

fn given(value: &Option<String>) -> Option<&str> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|value| !value.is_empty())
}

/// The portfolio request with `filter`'s criteria, in the seed's order.
///
/// Errors: an invalid EASY number, id, product code or date
/// ([`CofaceRequestError::DateInvalid`] also for 9999-12-31, which has no next day).
pub fn portfolio_request(filter: &PortfolioFilter) -> Result<HttpRequest, CofaceRequestError> {
    let mut request = HttpRequest::new(Method::Get, PORTFOLIO_PATH);
    if let Some(easy) = given(&filter.easy_number) {
        request = request.with_query(EASY_NUMBER, path::easy_number(easy)?);
    }
    if let Some(reference) = given(&filter.customer_reference) {
        request = request.with_query(CUSTOMER_REFERENCE, reference);
    }
    if let Some(order) = given(&filter.order_id) {
        request = request.with_query(ORDER_ID, path::id("orderId", order)?);
    }
    if let Some(delivery) = given(&filter.delivery_id) {
        request = request.with_query(DELIVERY_ID, path::id("deliveryId", delivery)?);
    }
    if let Some(last_day) = given(&filter.decided_until) {
        let next_day = IsoDate::parse(last_day)
            .and_then(IsoDate::next_day)
            .ok_or_else(|| CofaceRequestError::DateInvalid {
                field: "decidedUntil",
                value: last_day.to_owned(),
            })?;
        request = request.with_query(DATE, next_day.to_string());
    }
    if let Some(product) = given(&filter.product_code) {
        request = request.with_query(PRODUCT_CODE, path::product_code(product)?);
    }
    if let Some(country) = filter.country {
        request = request.with_query(COUNTRY_CODE, country.alpha3());
    }
    Ok(request.with_header("accept", "application/json"))
}

/// Parses the portfolio into decisions: each product line of each company becomes one
/// [`Decision`] (id: the deliveryId, or the orderId while no decision exists; status: the
/// delivery status, else the order status). A line with no status code at all is kept, with no
/// neutral status.
pub fn parse_portfolio(status: u16, body: &[u8]) -> Result<Portfolio, InsurerError> {
    let body: PortfolioBody<Companies> = parse_json(status, body)?;
    let Companies { decisions, count } = body.companies;
    Ok(Portfolio {
        decisions,
        companies: body.count.unwrap_or(count).max(count),
        returned_companies: count,
    })
}

/// The `companies` of a portfolio answer, turned into decisions as each company is read, so
/// that a large portfolio is never held twice.
#[derive(Debug, Default)]
struct Companies {
    decisions: Vec<Decision>,
    count: u64,
}

impl<'de> Deserialize<'de> for Companies {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_option(CompaniesVisitor)
    }
}

struct CompaniesVisitor;

impl<'de> Visitor<'de> for CompaniesVisitor {
    type Value = Companies;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of companies or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Companies, E> {
        Ok(Companies::default())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Companies, E> {
        Ok(Companies::default())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Companies, D::Error> {
        deserializer.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Companies, A::Error> {
        let rules = LineRules {
            product_required: true,
            status_if_absent: None,
        };
        let mut companies = Companies::default();
        while let Some(company) = seq.next_element::<PortfolioCompanyBody>()? {
            companies.count += 1;
            let identifiers = legal_identifiers(&company.legal_identifiers);
            let facts = CompanyFacts {
                easy_number: company.easy_number.as_deref(),
                name: company.company_name.as_deref(),
                customer_reference: company.customer_reference.as_deref(),
                identifiers: &identifiers,
            };
            for line in company.products {
                let decision = to_decision(line, &facts, rules).map_err(|error| match error {
                    InsurerError::Malformed { reason } => de::Error::custom(reason),
                    other => de::Error::custom(other),
                })?;
                companies.decisions.push(decision);
            }
        }
        Ok(companies)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_filter_is_the_day_after() {
        let filter = PortfolioFilter {
            decided_until: Some("2020-07-01".into()),
            ..PortfolioFilter::default()
        };
        assert_eq!(
            portfolio_request(&filter).unwrap().path_and_query(),
            "/companies/products?date=2020-07-02"
        );
        let year_end = PortfolioFilter {
            decided_until: Some(" 2020-12-31 ".into()),
            ..PortfolioFilter::default()
        };
        assert_eq!(
            portfolio_request(&year_end).unwrap().query,
            [("date".to_owned(), "2021-01-01".to_owned())]
        );
        for bad in ["2020-02-30", "01/07/2020", "9999-12-31"] {
            let filter = PortfolioFilter {
                decided_until: Some(bad.into()),
                ..PortfolioFilter::default()
            };
            assert_eq!(
                portfolio_request(&filter).unwrap_err().code(),
                "coface.date_invalid"
            );
        }
    }

    fn answer(companies: usize, count: Option<usize>) -> Portfolio {
        let list: Vec<String> = (0..companies)
            .map(|index| format!(r#"{{"easyNumber": "{index:019}", "products": []}}"#))
            .collect();
        let count = count
            .map(|count| format!(r#", "count": {count}"#))
            .unwrap_or_default();
        let body = format!(r#"{{"companies": [{}]{count}}}"#, list.join(","));
        parse_portfolio(200, body.as_bytes()).unwrap()
    }

    #[test]
    fn pages_follow_until_every_matched_company_was_returned() {
        let first = answer(3, Some(7));
        assert_eq!((first.returned_companies, first.companies), (3, 7));
        assert_eq!(first.next_page(1), Some(2));
        assert_eq!(answer(3, Some(7)).next_page(2), Some(3));
        // A short last page cannot be told from a smaller page size: one more (empty) page.
        assert_eq!(answer(1, Some(7)).next_page(3), Some(4));
        assert_eq!(answer(3, Some(6)).next_page(2), None, "a full last page");
        assert_eq!(
            answer(0, Some(7)).next_page(4),
            None,
            "an empty page ends it"
        );
        assert_eq!(answer(5, None).next_page(1), None, "no count: one page");
        let filter = PortfolioFilter {
            country: Some(Country::parse("FR").unwrap()),
            ..PortfolioFilter::default()
        };
        assert_eq!(
            portfolio_page_request(&filter, 1).unwrap().path_and_query(),
            portfolio_request(&filter).unwrap().path_and_query()
        );
        assert_eq!(
            portfolio_page_request(&filter, 3).unwrap().path_and_query(),
            "/companies/products?countryCode=FRA&page=3"
        );
    }

    #[test]
    fn blank_filters_are_not_sent() {
        let filter = PortfolioFilter {
            easy_number: Some(" ".into()),
            customer_reference: Some("".into()),
            ..PortfolioFilter::default()
        };
        let request = portfolio_request(&filter).unwrap();
        assert!(request.query.is_empty());
        let bad = PortfolioFilter {
            order_id: Some("1/2".into()),
            ..PortfolioFilter::default()
        };
        assert_eq!(
            portfolio_request(&bad).unwrap_err().code(),
            "coface.id_invalid"
        );
    }
}
