//! The replay API's JSON. The seed documents the endpoint but not its body: the field name here
//! is chosen in CofaServe's camelCase style.

use serde::Serialize;

/// Body of `PATCH /replay/v1/replay`: the SNS `MessageId` of the notification to push again.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ReplayBody<'a> {
    pub message_id: &'a str,
}
