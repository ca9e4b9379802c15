//! Notifications the simulated insurers send out (Allianz Trade webhook callbacks, Coface push
//! messages): each insurer simulation pushes an [`OutgoingNotification`] when something happens
//! that its real counterpart would notify; whoever runs the sandbox subscribes and delivers
//! them (the reference proxy, embedding the sandbox, feeds them to its own notification
//! endpoints; tests read them directly).

use std::sync::Arc;

use tokio::sync::broadcast;

/// How many undelivered notifications a slow subscriber may fall behind before it misses some.
pub const OUTBOX_CAPACITY: usize = 4096;

/// One notification an insurer simulation sends.
#[derive(Clone, Debug, PartialEq)]
pub struct OutgoingNotification {
    /// Which insurer sends it: `allianz-trade` or `coface` (Atradius does not push).
    pub insurer: &'static str,
    /// Where the real insurer would send it: the webhook `callbackUrl` (Allianz Trade) or the
    /// notification topic (Coface), as registered by the client.
    pub target: String,
    /// The message itself, in the insurer's wire format.
    pub body: serde_json::Value,
}

/// The sandbox's outgoing notifications: a broadcast channel any number of subscribers read.
#[derive(Clone, Debug)]
pub struct Outbox {
    sender: Arc<broadcast::Sender<OutgoingNotification>>,
}

impl Outbox {
    /// An outbox nobody listens to yet.
    pub fn new() -> Self {
        let (sender, _) = broadcast::channel(OUTBOX_CAPACITY);
        Self {
            sender: Arc::new(sender),
        }
    }

    /// Sends `notification` to every current subscriber (dropped when there is none, as a real
    /// insurer's delivery to an unreachable endpoint would be).
    pub fn push(&self, notification: OutgoingNotification) {
        let _ = self.sender.send(notification);
    }

    /// Receives every notification pushed from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<OutgoingNotification> {
        self.sender.subscribe()
    }
}

impl Default for Outbox {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn subscribers_receive_what_is_pushed_after_they_subscribe() {
        let outbox = Outbox::new();
        outbox.push(OutgoingNotification {
            insurer: "coface",
            target: "early".to_owned(),
            body: serde_json::json!({}),
        });
        let mut receiver = outbox.subscribe();
        let sent = OutgoingNotification {
            insurer: "allianz-trade",
            target: "https://portal.example/webhook".to_owned(),
            body: serde_json::json!({"coverId": 1}),
        };
        outbox.clone().push(sent.clone());
        assert_eq!(receiver.recv().await.ok(), Some(sent));
        assert!(receiver.try_recv().is_err());
    }
}
