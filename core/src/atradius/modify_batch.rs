//! A batch of cover changes (increase, reduce, cancel, update of the reference), with one result
//! per change: `POST …/covers/batch`, the endpoint of [batched applications](super::batch).
//!
//! **Chosen** (nothing public shows a batch of changes; the handbook announces "batch
//! processing"): each item of `{"data": [...]}` is the body of `PUT …/covers` (it carries an
//! `action`, which tells it from an application); the answer is the batch answer, one item per
//! change in the order sent, each with its own `status`, read as the answer of `PUT …/covers`.

use serde_json::Value;

use super::batch::{batch_post, BatchRequestError};
use super::modify::{
    modification_request, parse_modification_response, ActionOutcome, CoverModification,
};
use super::policy::AtradiusPolicy;
use super::request_error::AtradiusRequestError;
use super::response::{check_status, malformed, parse_body};
use super::wire::DATA;
use crate::http_request::HttpRequest;
use crate::http_response::HttpResponse;
use crate::insurer_error::InsurerError;

/// The batch of `changes`. Every change is checked as a single one; the first that cannot be
/// sent stops the batch.
pub fn modification_batch_request(
    policy: &AtradiusPolicy,
    changes: &[CoverModification],
) -> Result<HttpRequest, BatchRequestError> {
    if changes.is_empty() {
        return Err(BatchRequestError {
            index: None,
            error: AtradiusRequestError::NothingToSend,
        });
    }
    let items = changes
        .iter()
        .enumerate()
        .map(|(index, change)| {
            modification_request(policy, change)
                .map(|request| request.body.unwrap_or(Value::Null))
                .map_err(|error| BatchRequestError {
                    index: Some(index),
                    error,
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(batch_post(items))
}

/// Reads the answer to a batch of changes: one result per change, in order, each read as
/// [`parse_modification_response`] reads a single answer with the item's own status.
pub fn parse_modification_batch_response(
    response: &HttpResponse,
    changes: &[CoverModification],
) -> Result<Vec<Result<ActionOutcome, InsurerError>>, InsurerError> {
    check_status(response)?;
    let items = parse_body::<Value>(&response.body)?
        .get(DATA)
        .and_then(Value::as_array)
        .cloned()
        .ok_or_else(|| malformed("the batch answer has no data list"))?;
    if items.len() != changes.len() {
        return Err(malformed(format!(
            "the batch answer has {} items for {} changes",
            items.len(),
            changes.len()
        )));
    }
    items
        .into_iter()
        .zip(changes)
        .map(|(item, change)| {
            let status = match item.get("status") {
                None | Some(Value::Null) => response.status,
                Some(Value::Number(number)) => number
                    .as_u64()
                    .and_then(|status| u16::try_from(status).ok())
                    .ok_or_else(|| malformed(format!("a batch item has the status {number}")))?,
                Some(Value::String(text)) => text
                    .trim()
                    .parse()
                    .map_err(|_| malformed(format!("a batch item has the status {text:?}")))?,
                Some(other) => {
                    return Err(malformed(format!("a batch item has the status {other}")))
                }
            };
            let mut single = serde_json::Map::new();
            single.insert(DATA.into(), Value::Array(vec![item]));
            let body = serde_json::to_vec(&single).unwrap_or_default();
            Ok(parse_modification_response(
                &HttpResponse::new(status, body),
                change,
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cover_application::CoverType;
    use crate::lifecycle::Status;

    fn cancel(buyer: &str) -> CoverModification {
        CoverModification {
            buyer_id: buyer.into(),
            cover_type: CoverType::CreditLimit,
            action: super::super::modify::CoverAction::Cancel,
            customer_reference: None,
        }
    }

    #[test]
    fn builds_one_item_per_change_and_reads_each_status() {
        let policy = AtradiusPolicy {
            customer_id: 10_000_001,
            policy_id: "POL-1".into(),
        };
        let changes = [cancel("11223344"), cancel("22334455")];
        let request = modification_batch_request(&policy, &changes).unwrap();
        let body = request.body.unwrap();
        assert_eq!(body["data"][1]["action"], "cancel");
        assert_eq!(body["data"][1]["buyerId"], 22_334_455);
        assert!(modification_batch_request(&policy, &[]).is_err());

        let answer =
            br#"{"data": [{"coverId": 1, "response": "Action successful", "status": "200"},
            {"status": 404, "errors": [{"errorCode": "NF", "errorMessage": "No cover"}]}]}"#;
        let results =
            parse_modification_batch_response(&HttpResponse::new(207, answer.to_vec()), &changes)
                .unwrap();
        assert_eq!(
            results[0].as_ref().unwrap().status.as_ref().unwrap().status,
            Some(Status::Withdrawn)
        );
        assert!(matches!(
            results[1],
            Err(InsurerError::Rejected { status: 404, .. })
        ));
        let short = br#"{"data": []}"#.to_vec();
        assert!(matches!(
            parse_modification_batch_response(&HttpResponse::new(200, short), &changes),
            Err(InsurerError::Malformed { .. })
        ));
    }
}
