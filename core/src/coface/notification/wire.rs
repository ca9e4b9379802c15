//! JSON of CofaServe push notifications: the subscription calls, the Amazon SNS HTTP envelope,
//! and the CofaServe message carried in the envelope's `Message`.
//!
//! Documented names: the subscription paths, the `endpoint` object (`path`, `scheme`, `port`,
//! `host`, `query`) and the SNS envelope fields (Amazon's own names). Chosen here because the
//! seed does not give them, in CofaServe's camelCase style: the OAuth block of the
//! `with-token-auth` subscription, the subscription answer, and every field of the CofaServe
//! message inside `Message` (see [`CofaceMessageBody`]).

use serde::{Deserialize, Serialize};

use super::decode::WireText;
use crate::coface::amount::WireAmount;

/// `endpoint` of a subscription (schema `Subscription.Endpointinput` in the seed): the port as
/// a string, `""` for the scheme's default; `query` left out when there is none.
#[derive(Debug, Serialize)]
pub(super) struct EndpointBody<'a> {
    pub path: &'a str,
    pub scheme: &'a str,
    pub port: String,
    pub host: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<&'a str>,
}

/// Body of `POST /topics/{topicName}/subscriptions`.
#[derive(Debug, Serialize)]
pub(super) struct SubscriptionBody<'a> {
    pub endpoint: EndpointBody<'a>,
}

/// Body of `POST /topics/{topicName}/subscriptions/with-token-auth`: the endpoint, plus how
/// CofaServe obtains a token from the subscriber before each push (chosen names).
#[derive(Debug, Serialize)]
pub(super) struct TokenAuthSubscriptionBody<'a> {
    pub endpoint: EndpointBody<'a>,
    pub oauth: OauthBody<'a>,
}

/// The subscriber's token endpoint, credentials and options (chosen names).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct OauthBody<'a> {
    pub authentication_endpoint: EndpointBody<'a>,
    pub credentials: OauthCredentialsBody<'a>,
    pub options: OauthOptionsBody<'a>,
}

/// Client credentials CofaServe presents to the subscriber's token endpoint (chosen names).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct OauthCredentialsBody<'a> {
    pub client_id: &'a str,
    pub client_secret: &'a str,
}

/// OAuth options (chosen names): the grant type and, if any, the scope.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct OauthOptionsBody<'a> {
    pub grant_type: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<&'a str>,
}

/// Answer to a subscription (chosen names; every field optional).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SubscriptionAnswerBody {
    pub subscription_arn: Option<String>,
    pub topic_name: Option<String>,
    pub status: Option<String>,
}

/// The Amazon SNS HTTP/S envelope, as Amazon names its fields.
#[derive(Debug, Deserialize)]
pub(super) struct SnsEnvelopeBody {
    #[serde(rename = "Type")]
    pub message_type: String,
    #[serde(rename = "MessageId")]
    pub message_id: String,
    #[serde(rename = "TopicArn")]
    pub topic_arn: String,
    #[serde(rename = "Subject")]
    pub subject: Option<String>,
    #[serde(rename = "Message")]
    pub message: String,
    #[serde(rename = "Timestamp")]
    pub timestamp: String,
    #[serde(rename = "SignatureVersion")]
    pub signature_version: Option<String>,
    #[serde(rename = "Signature")]
    pub signature: Option<String>,
    #[serde(rename = "SigningCertURL")]
    pub signing_cert_url: Option<String>,
    #[serde(rename = "SubscribeURL")]
    pub subscribe_url: Option<String>,
    #[serde(rename = "UnsubscribeURL")]
    pub unsubscribe_url: Option<String>,
    #[serde(rename = "Token")]
    pub token: Option<String>,
}

/// The CofaServe message inside a notification's `Message` (a JSON string). The seed only says
/// it is "a short json flow" on a change of status of an active product, so every name here is
/// chosen: the product-state names of CofaServe's portfolio and order/delivery answers
/// (`easyNumber`, `companyName`, `customerReference`, `productCode`, `orderId`, `deliveryId`,
/// `externalId`, `orderStatus`, `deliveryStatus`, `requestedAmount`, `grantedAmount`,
/// `currencyCode`, `decisionDate`, `effectDate`, `expiryDate`), plus `eventDate`,
/// `contractNumber`, `countryCode`, and a single `status` accepted in place of the two status
/// fields:
///
/// ```json
/// {"externalId": "…", "eventDate": "…", "contractNumber": "…", "easyNumber": "…",
///  "companyName": "…", "countryCode": "FRA", "productCode": "CREDITLIMIT",
///  "orderId": "…", "deliveryId": "…", "orderStatus": "STATUS_CLOSED",
///  "deliveryStatus": "DECIDED_PARTIAL", "requestedAmount": 100000,
///  "grantedAmount": "50000.00", "currencyCode": "EUR", "decisionDate": "…",
///  "effectDate": "…", "expiryDate": "…", "customerReference": "…"}
/// ```
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CofaceMessageBody {
    pub external_id: Option<WireText>,
    pub event_date: Option<String>,
    pub contract_number: Option<WireText>,
    pub easy_number: Option<WireText>,
    pub company_name: Option<String>,
    pub country_code: Option<String>,
    pub product_code: Option<String>,
    pub order_id: Option<WireText>,
    pub delivery_id: Option<WireText>,
    pub order_status: Option<String>,
    pub delivery_status: Option<String>,
    pub status: Option<String>,
    #[serde(default)]
    pub requested_amount: WireAmount,
    #[serde(default)]
    pub granted_amount: WireAmount,
    pub currency_code: Option<String>,
    pub decision_date: Option<String>,
    pub effect_date: Option<String>,
    pub expiry_date: Option<String>,
    pub customer_reference: Option<String>,
}
