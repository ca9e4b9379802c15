//! Sending a validated application to its insurer through the proxy, with its idempotency key,
//! and reading the answer with the insurer's parser.

use std::collections::BTreeMap;

use tradecover_core::allianz_trade::{
    self, create_company_request, parse_create_company, CompanyCreation, NewCompany,
};
use tradecover_core::atradius::{self, AtradiusPolicy};
use tradecover_core::coface::{self, ActionCode, ProductResource};
use tradecover_core::cover_application::{ApplicationBuyer, CoverApplication};
use tradecover_core::decision::Decision;
use tradecover_core::http_response::HttpResponse;
use tradecover_core::locale::Language;
use tradecover_core::{HttpRequest, Insurer, InsurerError};

use super::text::text;
use crate::proxy_client::{ProxyClient, ProxyResponse};
use crate::widget_error::WidgetError;

/// Header carrying the draft's idempotency key; the proxy passes it on.
pub const IDEMPOTENCY_HEADER: &str = "idempotency-key";

/// The Coface product of a credit limit.
pub const COFACE_CREDIT_LIMIT: &str = "CREDITLIMIT";

/// Suffix of the key sent with an Allianz Trade company creation, so that it never collides
/// with the cover request's own key.
const COMPANY_KEY_SUFFIX: &str = "-company";

/// Where an accepted application stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// The insurer answered with a decision row: decided, referred, pending…; `reasons` are the
    /// rejection reasons it gave besides the row's conditions.
    Answered {
        /// The neutral decision row.
        decision: Box<Decision>,
        /// Rejection reasons (Coface), as text.
        reasons: Vec<String>,
    },
    /// The insurer took the request as a job (Allianz Trade): follow it.
    Job {
        /// The job id.
        job_id: String,
    },
}

/// An application the insurer accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    /// The insurer's keys of the application (`orderId`, `coverId`, `jobId`, `buyerId`…).
    pub references: BTreeMap<String, String>,
    /// Where it stands.
    pub progress: Progress,
}

/// The error for an application the insurer's request builder refuses (`code` is the
/// builder's).
pub fn cannot_send(code: &str, insurer: Insurer, language: Language) -> WidgetError {
    WidgetError {
        code: code.to_owned(),
        field: None,
        message: text(
            language,
            "form.cannot_send",
            &[("insurer", insurer.display_name())],
        ),
        retryable: false,
    }
}

fn insurer_error(error: &InsurerError, language: Language) -> WidgetError {
    WidgetError::from_insurer(error, language)
}

async fn send(
    client: &ProxyClient,
    insurer: Insurer,
    request: HttpRequest,
    key: &str,
    language: Language,
) -> Result<ProxyResponse, WidgetError> {
    let request = request.with_header(IDEMPOTENCY_HEADER, key);
    client.send(insurer, &request, language, None).await
}

fn reference(references: &mut BTreeMap<String, String>, name: &str, value: Option<&str>) {
    if let Some(value) = value.map(str::trim).filter(|value| !value.is_empty()) {
        references.insert(name.to_owned(), value.to_owned());
    }
}

/// Sends `application` to its insurer. Coface and Atradius answer with a decision row at once;
/// Allianz Trade with a job. For a buyer Allianz Trade does not know, the company is created
/// first and `on_company_created` gets its new id (keep it: a retry must not create it again).
///
/// A transport failure is a retryable `network.failed`; insurer answers that are errors map
/// to the core's `insurer.*` codes; a request the core refuses to build is not sent.
pub async fn submit(
    client: &ProxyClient,
    application: &CoverApplication,
    atradius_policy: Option<&AtradiusPolicy>,
    language: Language,
    on_company_created: impl Fn(&str),
) -> Result<Accepted, WidgetError> {
    let key = application.idempotency_key.as_str();
    let insurer = application.insurer;
    let mut references = BTreeMap::new();
    match insurer {
        Insurer::Coface => {
            let request = coface::order_request(
                application,
                COFACE_CREDIT_LIMIT,
                &ActionCode::Crea,
                ProductResource::Products,
            )
            .map_err(|error| cannot_send(error.code(), insurer, language))?;
            let response = send(client, insurer, request, key, language).await?;
            let report = coface::parse_order_response(response.status, &response.body)
                .map_err(|error| insurer_error(&error, language))?;
            let decision = report.decision;
            reference(&mut references, "orderId", decision.order_id.as_deref());
            reference(&mut references, "id", Some(&decision.id));
            reference(&mut references, "buyerId", Some(&decision.buyer_id));
            let reasons = report
                .rejection_reasons
                .into_iter()
                .map(|reason| match reason.label {
                    Some(label) if reason.code.is_empty() => label,
                    Some(label) => format!("{}: {label}", reason.code),
                    None => reason.code,
                })
                .collect();
            Ok(Accepted {
                references,
                progress: Progress::Answered {
                    decision: Box::new(decision),
                    reasons,
                },
            })
        }
        Insurer::Atradius => {
            let policy = atradius_policy
                .ok_or_else(|| cannot_send("atradius.policy_required", insurer, language))?;
            let request = atradius::application_request(policy, application)
                .map_err(|error| cannot_send(error.code(), insurer, language))?;
            let response = send(client, insurer, request, key, language).await?;
            let answer = HttpResponse::new(response.status, response.body);
            let decision = atradius::parse_application_response(&answer, application)
                .map_err(|error| insurer_error(&error, language))?;
            reference(&mut references, "coverId", Some(&decision.id));
            reference(&mut references, "buyerId", Some(&decision.buyer_id));
            Ok(Accepted {
                references,
                progress: Progress::Answered {
                    decision: Box::new(decision),
                    reasons: Vec::new(),
                },
            })
        }
        _ => {
            let mut application = application.clone();
            if let Some(company) = NewCompany::from_buyer(&application.buyer) {
                let request = create_company_request(&company)
                    .map_err(|error| cannot_send(error.code(), insurer, language))?;
                let company_key = format!("{key}{COMPANY_KEY_SUFFIX}");
                let response = send(client, insurer, request, &company_key, language).await?;
                match parse_create_company(response.status, &response.body)
                    .map_err(|error| insurer_error(&error, language))?
                {
                    CompanyCreation::Created { company_id } => {
                        on_company_created(&company_id);
                        application.buyer = ApplicationBuyer::Known {
                            insurer_id: company_id,
                        };
                    }
                    _ => {
                        return Err(WidgetError {
                            code: "allianz_trade.company_pending".to_owned(),
                            field: None,
                            message: text(
                                language,
                                "form.company_pending",
                                &[("insurer", insurer.display_name())],
                            ),
                            retryable: true,
                        })
                    }
                }
            }
            let request = allianz_trade::cover_request(&application)
                .map_err(|error| cannot_send(error.code(), insurer, language))?;
            let response = send(client, insurer, request, key, language).await?;
            let job_id = allianz_trade::parse_job_id(response.status, &response.body)
                .map_err(|error| insurer_error(&error, language))?;
            reference(&mut references, "jobId", Some(&job_id));
            if let ApplicationBuyer::Known { insurer_id } = &application.buyer {
                reference(&mut references, "buyerId", Some(insurer_id));
            }
            Ok(Accepted {
                references,
                progress: Progress::Job { job_id },
            })
        }
    }
}
