//! CofaServe push notifications (NOTIFICATION – PUSH): the topics and their products, the
//! subscription requests, and reading what Amazon SNS pushes to the subscriber's endpoint — the
//! SNS envelope and the CofaServe message inside its `Message`.
//!
//! The flow on the proxy's side: [`parse_sns_envelope`] the body received; check where its
//! certificate comes from and verify its signature ([`super::sns`]); drop it if its
//! [`SnsEnvelope::dedup_key`] (the SNS `MessageId`) was already handled; then [`read_push`] it
//! into a [`PushMessage`], whose [`CofaceNotification`] carries a neutral [`StatusReport`].
//!
//! Subscribing is set-up work done by the proxy or an administrator, never by the browser: no
//! call of this module is in [`super::OPERATIONS`]. The names of the subscription's OAuth block
//! and of the CofaServe message are chosen here (the seed does not give them); see `wire`.

pub(in crate::coface) mod decode;
mod wire;

use std::fmt;

use serde::Serialize;

use self::decode::{non_blank, text};
use self::wire::{
    CofaceMessageBody, EndpointBody, OauthBody, OauthCredentialsBody, OauthOptionsBody,
    SnsEnvelopeBody, SubscriptionAnswerBody, SubscriptionBody, TokenAuthSubscriptionBody,
};
use super::code_enum::code_enum;
use super::date::wire_date;
use super::response::parse_json;
use super::status::{
    delivery_status_report, order_status_report, product_status_report, DeliveryStatus, OrderStatus,
};
use crate::country::Country;
use crate::currency::Currency;
use crate::decision::Decision;
use crate::field::validate_callback_url;
use crate::http_request::{HttpRequest, Method};
use crate::identifier::is_temporary_easy;
use crate::insurer::Insurer;
use crate::insurer_error::InsurerError;
use crate::lifecycle::StatusReport;
use crate::money::Money;
use crate::validation_error::ValidationError;

code_enum! {
    /// A CofaServe notification topic (`topicName`): notifications are sorted by topic
    /// according to the product they are about.
    pub enum Topic {
        /// `credit_insurance_cover`: ECL, CREDITLIMIT, ARATINGLIMIT, ILU.
        CreditInsuranceCover = "credit_insurance_cover",
        /// `credit_insurance_special_cover`: TOPLINER, OCL.
        CreditInsuranceSpecialCover = "credit_insurance_special_cover",
        /// `coface_opinion`: CCO (customised credit opinion).
        CofaceOpinion = "coface_opinion",
        /// `scoring`: ARATING, ARATINGCHMON, SCORECHECK (DRA), SCOREMON (DRA monitored).
        Scoring = "scoring",
        /// `extension_of_due_date`: EDD.
        ExtensionOfDueDate = "extension_of_due_date",
    }
}

code_enum! {
    /// A CofaServe product code as the notification topics list them.
    pub enum ProductCode {
        /// `ECL`: express credit limit.
        Ecl = "ECL",
        /// `CREDITLIMIT`: credit limit.
        CreditLimit = "CREDITLIMIT",
        /// `ARATINGLIMIT`: @rating limit.
        AratingLimit = "ARATINGLIMIT",
        /// `ILU`.
        Ilu = "ILU",
        /// `TOPLINER`: TopLiner (top-up cover).
        TopLiner = "TOPLINER",
        /// `OCL`.
        Ocl = "OCL",
        /// `CCO`: customised credit opinion.
        Cco = "CCO",
        /// `ARATING`: @rating.
        Arating = "ARATING",
        /// `ARATINGCHMON`: @rating, monitored.
        AratingChMon = "ARATINGCHMON",
        /// `SCORECHECK`: DRA (debtor risk assessment).
        ScoreCheck = "SCORECHECK",
        /// `SCOREMON`: DRA, monitored.
        ScoreMon = "SCOREMON",
        /// `EDD`: extension of due date.
        Edd = "EDD",
    }
}

const CREDIT_INSURANCE_COVER: &[ProductCode] = &[
    ProductCode::Ecl,
    ProductCode::CreditLimit,
    ProductCode::AratingLimit,
    ProductCode::Ilu,
];
const CREDIT_INSURANCE_SPECIAL_COVER: &[ProductCode] = &[ProductCode::TopLiner, ProductCode::Ocl];
const COFACE_OPINION: &[ProductCode] = &[ProductCode::Cco];
const SCORING: &[ProductCode] = &[
    ProductCode::Arating,
    ProductCode::AratingChMon,
    ProductCode::ScoreCheck,
    ProductCode::ScoreMon,
];
const EXTENSION_OF_DUE_DATE: &[ProductCode] = &[ProductCode::Edd];

impl Topic {
    /// The products whose notifications this topic carries (none known for `Other`).
    pub fn product_codes(&self) -> &'static [ProductCode] {
        match self {
            Topic::CreditInsuranceCover => CREDIT_INSURANCE_COVER,
            Topic::CreditInsuranceSpecialCover => CREDIT_INSURANCE_SPECIAL_COVER,
            Topic::CofaceOpinion => COFACE_OPINION,
            Topic::Scoring => SCORING,
            Topic::ExtensionOfDueDate => EXTENSION_OF_DUE_DATE,
            Topic::Other(_) => &[],
        }
    }

    /// The topic to subscribe to for notifications on `product`, if known.
    pub fn of_product(product: &ProductCode) -> Option<Topic> {
        [
            Topic::CreditInsuranceCover,
            Topic::CreditInsuranceSpecialCover,
            Topic::CofaceOpinion,
            Topic::Scoring,
            Topic::ExtensionOfDueDate,
        ]
        .into_iter()
        .find(|topic| topic.product_codes().contains(product))
    }

    /// The topic named by the last `:`-separated part of an SNS `TopicArn`
    /// (`arn:aws:sns:<region>:<account>:<topicName>`); `Other` with that part when unknown.
    pub fn from_topic_arn(topic_arn: &str) -> Topic {
        Topic::parse(topic_arn.rsplit(':').next().unwrap_or_default())
    }
}

/// Path of the subscription to `topic`, relative to the CofaServe base.
pub fn subscription_path(topic: &Topic) -> String {
    format!("/topics/{}/subscriptions", topic.as_str())
}

/// Path of the subscription with OAuth details to `topic`, relative to the CofaServe base.
pub fn token_auth_subscription_path(topic: &Topic) -> String {
    format!("/topics/{}/subscriptions/with-token-auth", topic.as_str())
}

/// Why a subscription request was not built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SubscriptionError {
    /// The topic name is not a safe path segment (letters, digits, `_`, `-`).
    #[error("not a topic name: {0:?}")]
    TopicInvalid(String),
    /// The endpoint (or the token endpoint) is not an absolute `https://` URL (the
    /// `callback_url.*` rule).
    #[error("the endpoint is not a valid https URL")]
    EndpointInvalid(Vec<ValidationError>),
    /// The OAuth client id or secret is blank.
    #[error("the OAuth client id and secret are required")]
    CredentialsMissing,
}

/// The subscriber's HTTPS endpoint, in the parts CofaServe's `endpoint` object takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NotificationEndpoint {
    /// Always `https`.
    pub scheme: String,
    /// Host name or address, lower case.
    pub host: String,
    /// Port, when not the scheme's default.
    pub port: Option<u16>,
    /// Path, starting with `/`.
    pub path: String,
    /// Query string without the `?` (e.g. `my_technical_user=mtu007`), if any.
    pub query: Option<String>,
}

impl NotificationEndpoint {
    /// Splits an absolute `https://` URL (checked by [`validate_callback_url`]: no user info,
    /// no fragment, a valid host and port) into its parts.
    pub fn from_url(url: &str) -> Result<Self, SubscriptionError> {
        let url = validate_callback_url(url, true).map_err(SubscriptionError::EndpointInvalid)?;
        let invalid = || {
            SubscriptionError::EndpointInvalid(vec![ValidationError::new(
                "callback_url.format",
                "callbackUrl",
            )])
        };
        let (scheme, rest) = url.split_once("://").ok_or_else(invalid)?;
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(authority_end);
        let (host, port) = match authority.rfind(':') {
            Some(colon) if !authority[colon..].contains(']') => {
                let port = authority[colon + 1..]
                    .parse::<u16>()
                    .map_err(|_| invalid())?;
                (&authority[..colon], Some(port))
            }
            _ => (authority, None),
        };
        let (path, query) = match tail.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (tail, None),
        };
        Ok(Self {
            scheme: scheme.to_owned(),
            host: host.to_owned(),
            port: port.filter(|port| *port != 443),
            path: if path.is_empty() { "/" } else { path }.to_owned(),
            query: query.filter(|query| !query.is_empty()).map(str::to_owned),
        })
    }

    fn body(&self) -> EndpointBody<'_> {
        EndpointBody {
            path: &self.path,
            scheme: &self.scheme,
            port: self.port.map(|port| port.to_string()).unwrap_or_default(),
            host: &self.host,
            query: self.query.as_deref(),
        }
    }
}

/// How CofaServe obtains a token from the subscriber before each push (subscription "with
/// token auth"): the subscriber's token endpoint and the client credentials CofaServe uses
/// there (OAuth client-credentials grant). `Debug` never shows the secret.
#[derive(Clone, PartialEq, Eq)]
pub struct SubscriberOauth {
    /// The subscriber's token endpoint.
    pub token_endpoint: NotificationEndpoint,
    /// Client id CofaServe presents.
    pub client_id: String,
    /// Client secret CofaServe presents.
    pub client_secret: String,
    /// Scope to ask for, if any.
    pub scope: Option<String>,
}

impl fmt::Debug for SubscriberOauth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SubscriberOauth")
            .field("token_endpoint", &self.token_endpoint)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("scope", &self.scope)
            .finish()
    }
}

/// OAuth grant CofaServe uses at the subscriber's token endpoint.
const CLIENT_CREDENTIALS: &str = "client_credentials";

fn check_topic(topic: &Topic) -> Result<(), SubscriptionError> {
    let name = topic.as_str();
    let safe = !name.is_empty()
        && name.len() <= 256
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'));
    if safe {
        Ok(())
    } else {
        Err(SubscriptionError::TopicInvalid(name.to_owned()))
    }
}

/// `POST /topics/{topicName}/subscriptions` with `{"endpoint": {path, scheme, port, host,
/// query}}`: pushes of `topic` go to `endpoint`.
pub fn subscription_request(
    topic: &Topic,
    endpoint: &NotificationEndpoint,
) -> Result<HttpRequest, SubscriptionError> {
    check_topic(topic)?;
    let body = SubscriptionBody {
        endpoint: endpoint.body(),
    };
    Ok(HttpRequest::new(Method::Post, subscription_path(topic))
        .with_header("accept", "application/json")
        .with_header("content-type", "application/json")
        .with_json(serde_json::json!(body)))
}

/// `POST /topics/{topicName}/subscriptions/with-token-auth`: as [`subscription_request`], plus
/// the `oauth` block (`authenticationEndpoint`, `credentials {clientId, clientSecret}`,
/// `options {grantType: "client_credentials", scope}` — names chosen here).
pub fn token_auth_subscription_request(
    topic: &Topic,
    endpoint: &NotificationEndpoint,
    oauth: &SubscriberOauth,
) -> Result<HttpRequest, SubscriptionError> {
    check_topic(topic)?;
    let client_id = oauth.client_id.trim();
    if client_id.is_empty() || oauth.client_secret.is_empty() {
        return Err(SubscriptionError::CredentialsMissing);
    }
    let body = TokenAuthSubscriptionBody {
        endpoint: endpoint.body(),
        oauth: OauthBody {
            authentication_endpoint: oauth.token_endpoint.body(),
            credentials: OauthCredentialsBody {
                client_id,
                client_secret: &oauth.client_secret,
            },
            options: OauthOptionsBody {
                grant_type: CLIENT_CREDENTIALS,
                scope: oauth
                    .scope
                    .as_deref()
                    .map(str::trim)
                    .filter(|scope| !scope.is_empty()),
            },
        },
    };
    Ok(
        HttpRequest::new(Method::Post, token_auth_subscription_path(topic))
            .with_header("accept", "application/json")
            .with_header("content-type", "application/json")
            .with_json(serde_json::json!(body)),
    )
}

/// What CofaServe answered to a subscription. Every field is optional: the answer's shape is not
/// documented (names chosen: `subscriptionArn`, `topicName`, `status`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionReceipt {
    /// The SNS subscription ARN, if given.
    pub subscription_arn: Option<String>,
    /// The topic, if given.
    pub topic: Option<Topic>,
    /// The subscription's status as given (e.g. `confirmed`), if any.
    pub status: Option<String>,
}

/// Reads the answer to a subscription: any 2xx is a subscription (an empty body included);
/// errors map to [`InsurerError`].
pub fn parse_subscription_response(
    status: u16,
    body: &[u8],
) -> Result<SubscriptionReceipt, InsurerError> {
    if (200..300).contains(&status) && body.iter().all(u8::is_ascii_whitespace) {
        return Ok(SubscriptionReceipt::default());
    }
    let answer: SubscriptionAnswerBody = parse_json(status, body)?;
    Ok(SubscriptionReceipt {
        subscription_arn: non_blank(answer.subscription_arn),
        topic: non_blank(answer.topic_name).map(|name| Topic::parse(&name)),
        status: non_blank(answer.status),
    })
}

code_enum! {
    /// The `Type` of an Amazon SNS message.
    pub enum SnsMessageType {
        /// `Notification`: a message published to the topic.
        Notification = "Notification",
        /// `SubscriptionConfirmation`: SNS asks the endpoint to confirm a subscription.
        SubscriptionConfirmation = "SubscriptionConfirmation",
        /// `UnsubscribeConfirmation`: SNS confirms that the endpoint was unsubscribed.
        UnsubscribeConfirmation = "UnsubscribeConfirmation",
    }
}

/// The Amazon SNS HTTP/S envelope of a push, every value as received (the signature is computed
/// over them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SnsEnvelope {
    /// `Type`.
    pub message_type: SnsMessageType,
    /// `MessageId`: unique per message, the de-duplication key.
    pub message_id: String,
    /// `TopicArn`.
    pub topic_arn: String,
    /// `Subject`, if any.
    pub subject: Option<String>,
    /// `Message`: for a notification, the CofaServe message (JSON text).
    pub message: String,
    /// `Timestamp`: when SNS published the message (ISO 8601, UTC).
    pub timestamp: String,
    /// `SignatureVersion` (`1`: SHA1withRSA, `2`: SHA256withRSA).
    pub signature_version: Option<String>,
    /// `Signature`, Base64.
    pub signature: Option<String>,
    /// `SigningCertURL`: where the signing certificate is.
    pub signing_cert_url: Option<String>,
    /// `SubscribeURL` (subscription and unsubscribe confirmations).
    pub subscribe_url: Option<String>,
    /// `UnsubscribeURL` (notifications): calling it cancels the subscription.
    pub unsubscribe_url: Option<String>,
    /// `Token` (subscription and unsubscribe confirmations).
    pub token: Option<String>,
}

impl SnsEnvelope {
    /// The key under which a push is de-duplicated: its `MessageId` (SNS may deliver a message
    /// more than once; each is to be handled once).
    pub fn dedup_key(&self) -> &str {
        &self.message_id
    }
}

/// Parses the body SNS posted to the endpoint. `Type`, `MessageId`, `TopicArn` and `Timestamp`
/// must be present and not blank, and `Message` present; unknown fields are ignored, a repeated
/// field is refused. Errors are [`InsurerError::Malformed`].
pub fn parse_sns_envelope(body: &[u8]) -> Result<SnsEnvelope, InsurerError> {
    let malformed = |reason: String| InsurerError::Malformed { reason };
    let envelope: SnsEnvelopeBody = serde_json::from_slice(body)
        .map_err(|error| malformed(format!("not an SNS message: {error}")))?;
    for (name, value) in [
        ("Type", &envelope.message_type),
        ("MessageId", &envelope.message_id),
        ("TopicArn", &envelope.topic_arn),
        ("Timestamp", &envelope.timestamp),
    ] {
        if value.trim().is_empty() {
            return Err(malformed(format!("the SNS message has a blank {name}")));
        }
    }
    Ok(SnsEnvelope {
        message_type: SnsMessageType::parse(&envelope.message_type),
        message_id: envelope.message_id,
        topic_arn: envelope.topic_arn,
        subject: envelope.subject,
        message: envelope.message,
        timestamp: envelope.timestamp,
        signature_version: envelope.signature_version,
        signature: envelope.signature,
        signing_cert_url: envelope.signing_cert_url,
        subscribe_url: envelope.subscribe_url,
        unsubscribe_url: envelope.unsubscribe_url,
        token: envelope.token,
    })
}

/// A CofaServe notification: a change on a product of the portfolio.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CofaceNotification {
    /// The SNS `MessageId`: the de-duplication key (and the id to replay it).
    pub message_id: String,
    /// The topic, from the `TopicArn`.
    pub topic: Topic,
    /// When SNS published it (`Timestamp`, as received).
    pub published_at: String,
    /// CofaServe's id of the notification (`externalId`), which also finds the delivery.
    pub external_id: Option<String>,
    /// Date of the event, `YYYY-MM-DD`.
    pub event_date: Option<String>,
    /// The contract (policy) number.
    pub contract_number: Option<String>,
    /// The company's EASY number (temporary `Z…` while Coface identifies the company).
    pub easy_number: Option<String>,
    /// The company's name.
    pub company_name: Option<String>,
    /// The company's country (`countryCode`, ISO alpha-3 or alpha-2; `None` if unknown).
    pub country: Option<Country>,
    /// The product.
    pub product: Option<ProductCode>,
    /// The order (request) id: links a decision on a definitive EASY number to the request
    /// made under a temporary one.
    pub order_id: Option<String>,
    /// The delivery (decision) id.
    pub delivery_id: Option<String>,
    /// The product's status, raw and neutral, when the message carries one: the delivery
    /// status if there is one (the answer in force), else the order status, else a single
    /// `status` field read as whichever of the two its code belongs to.
    pub status: Option<StatusReport>,
    /// The amount requested.
    pub requested: Option<Money>,
    /// The amount granted.
    pub granted: Option<Money>,
    /// Date of the decision.
    pub decision_date: Option<String>,
    /// Date the decision takes effect.
    pub effective_date: Option<String>,
    /// Date the decision expires.
    pub expiry_date: Option<String>,
    /// The customer's reference for the company.
    pub customer_reference: Option<String>,
}

impl CofaceNotification {
    /// The de-duplication key: the SNS `MessageId`.
    pub fn dedup_key(&self) -> &str {
        &self.message_id
    }

    /// Whether the company still has a temporary (`Z…`) EASY number.
    pub fn has_temporary_easy_number(&self) -> bool {
        self.easy_number.as_deref().is_some_and(is_temporary_easy)
    }

    /// The tracker row this notification describes, when it names the company (EASY number),
    /// the decision or request (deliveryId, else orderId) and a status.
    pub fn decision(&self) -> Option<Decision> {
        let buyer_id = self.easy_number.clone()?;
        let id = self.delivery_id.clone().or_else(|| self.order_id.clone())?;
        let status = self.status.clone()?;
        Some(Decision {
            insurer: Insurer::Coface,
            id,
            buyer_id,
            buyer_name: self.company_name.clone(),
            buyer_identifiers: Vec::new(),
            product: self
                .product
                .as_ref()
                .map(|product| product.as_str().to_owned())
                .unwrap_or_default(),
            requested: self.requested,
            granted: self.granted,
            status,
            applied_on: None,
            decided_on: self.decision_date.clone(),
            effective_from: self.effective_date.clone(),
            expires_on: self.expiry_date.clone(),
            customer_reference: self.customer_reference.clone(),
            order_id: self.order_id.clone(),
            conditions: Vec::new(),
        })
    }
}

/// What a push is, once read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[non_exhaustive]
pub enum PushMessage {
    /// A CofaServe notification.
    Notification(Box<CofaceNotification>),
    /// SNS asks to confirm a subscription by visiting `subscribe_url` (CofaServe normally
    /// confirms its subscriptions itself). Check the URL with
    /// [`super::sns::check_sns_url`] before visiting it.
    SubscriptionConfirmation {
        /// The topic.
        topic: Topic,
        /// The URL to visit to confirm.
        subscribe_url: String,
        /// The confirmation token.
        token: Option<String>,
    },
    /// SNS confirms the endpoint was unsubscribed.
    UnsubscribeConfirmation {
        /// The topic.
        topic: Topic,
    },
    /// A `Type` this version does not know, kept for logging.
    Other {
        /// The `Type`, as received.
        message_type: String,
    },
}

/// Reads a (verified) SNS envelope: a `Notification` is read as a CofaServe message (JSON in
/// `Message`); a subscription confirmation must carry its `SubscribeURL`. Errors are
/// [`InsurerError::Malformed`]; unknown fields and codes are kept, not refused.
pub fn read_push(envelope: &SnsEnvelope) -> Result<PushMessage, InsurerError> {
    let topic = Topic::from_topic_arn(&envelope.topic_arn);
    match &envelope.message_type {
        SnsMessageType::Notification => {
            read_notification(envelope, topic).map(|n| PushMessage::Notification(Box::new(n)))
        }
        SnsMessageType::SubscriptionConfirmation => {
            let subscribe_url = non_blank(envelope.subscribe_url.clone()).ok_or_else(|| {
                InsurerError::Malformed {
                    reason: "a subscription confirmation without SubscribeURL".into(),
                }
            })?;
            Ok(PushMessage::SubscriptionConfirmation {
                topic,
                subscribe_url,
                token: non_blank(envelope.token.clone()),
            })
        }
        SnsMessageType::UnsubscribeConfirmation => {
            Ok(PushMessage::UnsubscribeConfirmation { topic })
        }
        SnsMessageType::Other(message_type) => Ok(PushMessage::Other {
            message_type: message_type.clone(),
        }),
    }
}

fn read_notification(
    envelope: &SnsEnvelope,
    topic: Topic,
) -> Result<CofaceNotification, InsurerError> {
    let message: CofaceMessageBody =
        serde_json::from_str(&envelope.message).map_err(|error| InsurerError::Malformed {
            reason: format!("the notification's Message is not a CofaServe message: {error}"),
        })?;
    let delivery_id = text(message.delivery_id);
    let delivery_status = non_blank(message.delivery_status);
    let order_status = non_blank(message.order_status);
    let status = product_status_report(delivery_status.as_deref(), order_status.as_deref())
        .or_else(|| {
            non_blank(message.status).map(|code| status_report(&code, delivery_id.is_some()))
        });
    let currency = non_blank(message.currency_code);
    let currency = match currency {
        Some(code) => Some(
            Currency::from_code(&code).ok_or_else(|| InsurerError::Malformed {
                reason: format!("the notification has an unknown currencyCode {code:?}"),
            })?,
        ),
        None => None,
    };
    let country = non_blank(message.country_code)
        .and_then(|code| Country::from_alpha3(&code).or_else(|| Country::from_alpha2(&code)));
    Ok(CofaceNotification {
        message_id: envelope.message_id.clone(),
        topic,
        published_at: envelope.timestamp.clone(),
        external_id: text(message.external_id),
        event_date: wire_date(message.event_date.as_deref(), "eventDate")?,
        contract_number: text(message.contract_number),
        easy_number: text(message.easy_number).map(|easy| easy.to_ascii_uppercase()),
        company_name: non_blank(message.company_name),
        country,
        product: non_blank(message.product_code).map(|code| ProductCode::parse(&code)),
        order_id: text(message.order_id),
        delivery_id,
        status,
        requested: message
            .requested_amount
            .to_money(currency, "requestedAmount")?,
        granted: message.granted_amount.to_money(currency, "grantedAmount")?,
        decision_date: wire_date(message.decision_date.as_deref(), "decisionDate")?,
        effective_date: wire_date(message.effect_date.as_deref(), "effectDate")?,
        expiry_date: wire_date(message.expiry_date.as_deref(), "expiryDate")?,
        customer_reference: non_blank(message.customer_reference),
    })
}

/// The report of a single `status` field (when the message has neither `deliveryStatus` nor
/// `orderStatus`): an order status when the code is one, a
/// delivery status when it is one (the two lists do not overlap); an unknown code is taken as
/// a delivery status when the message has a `deliveryId`, an order status otherwise.
fn status_report(code: &str, has_delivery_id: bool) -> StatusReport {
    if OrderStatus::parse(code).is_known() {
        order_status_report(code)
    } else if DeliveryStatus::parse(code).is_known() || has_delivery_id {
        delivery_status_report(code)
    } else {
        order_status_report(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::{Outcome, PendingReason, RawStatus, Status};

    #[test]
    fn topics_and_products() {
        assert_eq!(
            Topic::CreditInsuranceCover.product_codes(),
            [
                ProductCode::Ecl,
                ProductCode::CreditLimit,
                ProductCode::AratingLimit,
                ProductCode::Ilu
            ]
        );
        assert_eq!(
            Topic::of_product(&ProductCode::parse("scoremon")),
            Some(Topic::Scoring)
        );
        assert_eq!(
            Topic::of_product(&ProductCode::parse("TOPLINER")),
            Some(Topic::CreditInsuranceSpecialCover)
        );
        assert_eq!(Topic::of_product(&ProductCode::parse("ARATINGMON")), None);
        let every_product: usize = Topic::CODES
            .iter()
            .map(|name| Topic::parse(name).product_codes().len())
            .sum();
        assert_eq!(every_product, ProductCode::CODES.len());
        assert_eq!(
            Topic::from_topic_arn("arn:aws:sns:eu-west-1:123456789012:extension_of_due_date"),
            Topic::ExtensionOfDueDate
        );
        assert_eq!(
            Topic::from_topic_arn("arn:aws:sns:eu-west-1:1:new_topic"),
            Topic::Other("new_topic".into())
        );
        assert_eq!(Topic::Other("x".into()).product_codes(), []);
    }

    #[test]
    fn endpoints_from_urls() {
        let endpoint = NotificationEndpoint::from_url(
            "https://My_Own_Host.com/my_own_path?my_technical_user=mtu007",
        )
        .unwrap_err();
        // Underscores are not valid in host names.
        assert!(matches!(endpoint, SubscriptionError::EndpointInvalid(_)));
        let endpoint =
            NotificationEndpoint::from_url(" HTTPS://Hooks.Example.com:8443/coface/push?u=mtu007 ")
                .unwrap();
        assert_eq!(
            endpoint,
            NotificationEndpoint {
                scheme: "https".into(),
                host: "hooks.example.com".into(),
                port: Some(8443),
                path: "/coface/push".into(),
                query: Some("u=mtu007".into()),
            }
        );
        let bare = NotificationEndpoint::from_url("https://[::1]:443").unwrap();
        assert_eq!(bare.host, "[::1]");
        assert_eq!(bare.port, None);
        assert_eq!(bare.path, "/");
        assert_eq!(bare.query, None);
        for bad in [
            "http://hooks.example.com/x",
            "hooks.example.com",
            "https://u@h.com/",
            "",
        ] {
            assert!(
                NotificationEndpoint::from_url(bad).is_err(),
                "{bad} should be refused"
            );
        }
    }

    #[test]
    fn refuses_unsafe_topics_and_missing_credentials() {
        let endpoint = NotificationEndpoint::from_url("https://hooks.example.com/p").unwrap();
        assert_eq!(
            subscription_request(&Topic::Other("../x".into()), &endpoint),
            Err(SubscriptionError::TopicInvalid("../x".into()))
        );
        let oauth = SubscriberOauth {
            token_endpoint: endpoint.clone(),
            client_id: " ".into(),
            client_secret: "s".into(),
            scope: None,
        };
        assert_eq!(
            token_auth_subscription_request(&Topic::Scoring, &endpoint, &oauth),
            Err(SubscriptionError::CredentialsMissing)
        );
        assert!(!format!("{oauth:?}").contains("\"s\""));
    }

    #[test]
    fn status_reports_by_code() {
        assert_eq!(
            status_report("STATUS_PENDING_DEBTOR_VALIDATION", true),
            StatusReport {
                status: Some(Status::Pending(PendingReason::Identification)),
                raw: RawStatus::new("coface.order", "STATUS_PENDING_DEBTOR_VALIDATION"),
            }
        );
        assert_eq!(
            status_report("DECIDED_PARTIAL", false),
            StatusReport {
                status: Some(Status::Decided(Outcome::Partial)),
                raw: RawStatus::new("coface.delivery", "DECIDED_PARTIAL"),
            }
        );
        assert_eq!(
            status_report("SUSPENDED", true),
            StatusReport {
                status: None,
                raw: RawStatus::new("coface.delivery", "SUSPENDED"),
            }
        );
        assert_eq!(
            status_report("SUSPENDED", false).raw,
            RawStatus::new("coface.order", "SUSPENDED")
        );
    }
}
