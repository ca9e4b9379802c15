//! Push notifications (NOTIFICATION – PUSH): when an order is delivered or a product changes,
//! the CofaServe message is sent to the sandbox's outbox as an [`OutgoingNotification`] whose
//! `target` is the notification topic of the product and whose `body` is the message that
//! Amazon SNS would carry in its envelope's `Message` (the envelope and its signature are added
//! by whoever delivers the outbox).
//!
//! The message has the fields the core reads (`externalId`, `eventDate`, `contractNumber`,
//! `easyNumber`, `companyName`, `countryCode`, `productCode`, `orderId`, `deliveryId`,
//! `orderStatus`, `deliveryStatus`, `requestedAmount`, `grantedAmount`, `currencyCode`,
//! `decisionDate`, `effectDate`, `expiryDate`, `customerReference`) plus `messageId`: the id
//! to use as the SNS `MessageId`, under which `PATCH /replay/v1/replay` finds it again.
//! Every message is logged for replays for [`REPLAY_WINDOW`].

use super::calendar::date_of;
use super::CofaceState;
use crate::outbox::OutgoingNotification;
use serde_json::Value;
use std::collections::VecDeque;
use std::time::Duration;

/// How long a message can be replayed after it was first sent (5 days).
pub(crate) const REPLAY_WINDOW: Duration = Duration::from_secs(5 * 24 * 3600);
/// Most messages kept for replays.
pub(crate) const MAX_LOGGED: usize = 10_000;

/// A message as first sent.
#[derive(Debug, Clone)]
pub(crate) struct Logged {
    /// Its `messageId`.
    pub(crate) message_id: String,
    /// The topic it went to.
    pub(crate) topic: &'static str,
    /// The message.
    pub(crate) body: Value,
    /// When it was first sent (sandbox time).
    pub(crate) first_sent: Duration,
    /// Replays so far.
    pub(crate) replays: u32,
}

/// The messages sent, oldest first.
#[derive(Debug, Default)]
pub(crate) struct NotificationLog {
    entries: VecDeque<Logged>,
    sent: u64,
}

impl NotificationLog {
    /// The logged message `message_id`.
    pub(crate) fn get_mut(&mut self, message_id: &str) -> Option<&mut Logged> {
        self.entries
            .iter_mut()
            .find(|entry| entry.message_id == message_id)
    }

    /// Forgets messages sent more than twice [`REPLAY_WINDOW`] ago (kept that long so that a
    /// late replay is told the message expired rather than that it is unknown).
    pub(crate) fn purge(&mut self, now: Duration) {
        let keep = REPLAY_WINDOW.saturating_mul(2);
        while self
            .entries
            .front()
            .is_some_and(|entry| now >= entry.first_sent.saturating_add(keep))
        {
            self.entries.pop_front();
        }
    }

    fn next_message_id(&mut self) -> String {
        self.sent += 1;
        format!("00000000-0000-4000-8000-{:012}", self.sent)
    }
}

/// Sends the message about order `index` of the book and logs it.
pub(crate) fn notify(
    state: &CofaceState,
    book: &mut super::book::Book,
    index: usize,
    now: Duration,
) {
    let Some(line) = book.lines.get(index) else {
        return;
    };
    let mut body = line.to_json(book.reference(&line.easy_number));
    let topic = line.product.topic;
    let message_id = book.log.next_message_id();
    if let Value::Object(fields) = &mut body {
        fields.insert("messageId".into(), Value::String(message_id.clone()));
        fields.insert("eventDate".into(), Value::String(date_of(now)));
        fields.insert(
            "contractNumber".into(),
            Value::String(state.credentials.policy_number.clone()),
        );
    }
    if book.log.entries.len() >= MAX_LOGGED {
        book.log.entries.pop_front();
    }
    book.log.entries.push_back(Logged {
        message_id,
        topic,
        body: body.clone(),
        first_sent: now,
        replays: 0,
    });
    state.outbox.push(OutgoingNotification {
        insurer: "coface",
        target: topic.to_owned(),
        body,
    });
}
