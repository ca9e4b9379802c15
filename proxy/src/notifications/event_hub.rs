//! The proxy's event hub: numbers each notification (monotonically increasing ids from 1),
//! keeps the last ones (the configured history size, [`EVENT_HISTORY`] by default) for
//! subscribers that resume with `Last-Event-ID`, and broadcasts new ones to the connected
//! subscribers.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use tokio::sync::broadcast;

use super::event::NotificationEvent;

/// How many past events are kept for resuming subscribers, by default.
pub const EVENT_HISTORY: usize = 1024;
/// How many events a connected subscriber may fall behind before its stream is ended (the
/// browser then reconnects and resumes from the history).
pub const SUBSCRIBER_BACKLOG: usize = 256;

/// An event with its id.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    /// The SSE `id`: 1 for the first event of this process, then one more for each.
    pub id: u64,
    /// The event.
    pub event: NotificationEvent,
}

/// Where a new subscriber starts.
#[derive(Debug)]
pub struct Subscription {
    /// Kept events after the one it resumes from (empty for a fresh subscriber).
    pub backlog: Vec<Arc<StoredEvent>>,
    /// When events it asked for are no longer kept: the first one missing.
    pub missed_from: Option<u64>,
    /// Events published from now on.
    pub live: broadcast::Receiver<Arc<StoredEvent>>,
}

#[derive(Debug)]
struct History {
    next_id: u64,
    events: VecDeque<Arc<StoredEvent>>,
}

/// Numbers, keeps and broadcasts events.
#[derive(Debug)]
pub struct EventHub {
    history: Mutex<History>,
    capacity: usize,
    sender: broadcast::Sender<Arc<StoredEvent>>,
}

impl EventHub {
    /// An empty hub keeping [`EVENT_HISTORY`] events.
    pub fn new() -> Self {
        Self::with_history(EVENT_HISTORY)
    }

    /// An empty hub keeping the last `capacity` events (at least 1).
    pub fn with_history(capacity: usize) -> Self {
        let capacity = capacity.max(1);
        let (sender, _) = broadcast::channel(SUBSCRIBER_BACKLOG);
        Self {
            history: Mutex::new(History {
                next_id: 1,
                events: VecDeque::with_capacity(capacity.min(EVENT_HISTORY)),
            }),
            capacity,
            sender,
        }
    }

    /// Numbers `event`, keeps it and sends it to every subscriber; returns its id.
    pub fn publish(&self, event: NotificationEvent) -> u64 {
        let mut history = self.history.lock().unwrap_or_else(|p| p.into_inner());
        let stored = Arc::new(StoredEvent {
            id: history.next_id,
            event,
        });
        history.next_id += 1;
        while history.events.len() >= self.capacity {
            history.events.pop_front();
        }
        history.events.push_back(Arc::clone(&stored));
        // Sent under the lock, so that a subscriber never sees an event both in its backlog
        // and live, nor misses one between the two.
        let _ = self.sender.send(Arc::clone(&stored));
        stored.id
    }

    /// Subscribes; `last_event_id`: the id of the last event the subscriber received (from
    /// `Last-Event-ID`), to receive the kept events after it first. An id this process never
    /// gave (the proxy restarted) resumes from nothing.
    pub fn subscribe(&self, last_event_id: Option<u64>) -> Subscription {
        let history = self.history.lock().unwrap_or_else(|p| p.into_inner());
        let live = self.sender.subscribe();
        let Some(last) = last_event_id.filter(|last| *last < history.next_id) else {
            return Subscription {
                backlog: Vec::new(),
                missed_from: None,
                live,
            };
        };
        let oldest = history.events.front().map_or(history.next_id, |e| e.id);
        let backlog = history
            .events
            .iter()
            .filter(|stored| stored.id > last)
            .cloned()
            .collect();
        Subscription {
            backlog,
            missed_from: (last + 1 < oldest).then_some(last + 1),
            live,
        }
    }

    /// How many subscribers are connected.
    pub fn subscriber_count(&self) -> usize {
        self.sender.receiver_count()
    }
}

impl Default for EventHub {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notifications::event::EventKind;
    use tradecover_core::Insurer;

    fn event(n: u64) -> NotificationEvent {
        NotificationEvent::new(
            EventKind::Order,
            Insurer::Coface,
            None,
            "notification",
            serde_json::json!({ "n": n }),
        )
    }

    #[test]
    fn ids_increase_and_resuming_replays_what_follows() {
        let hub = EventHub::new();
        let ids: Vec<u64> = (0..5).map(|n| hub.publish(event(n))).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5]);
        let resumed = hub.subscribe(Some(3));
        let backlog: Vec<u64> = resumed.backlog.iter().map(|e| e.id).collect();
        assert_eq!(backlog, [4, 5]);
        assert_eq!(resumed.missed_from, None);
        assert!(hub.subscribe(None).backlog.is_empty());
        assert!(hub.subscribe(Some(99)).backlog.is_empty());
    }

    #[test]
    fn only_the_last_events_are_kept() {
        let hub = EventHub::new();
        let total = EVENT_HISTORY as u64 + 10;
        for n in 0..total {
            hub.publish(event(n));
        }
        let resumed = hub.subscribe(Some(0));
        assert_eq!(resumed.backlog.len(), EVENT_HISTORY);
        assert_eq!(resumed.backlog[0].id, 11);
        assert_eq!(resumed.missed_from, Some(1));
    }

    #[test]
    fn the_history_size_is_configurable() {
        let hub = EventHub::with_history(3);
        for n in 0..5 {
            hub.publish(event(n));
        }
        let resumed = hub.subscribe(Some(0));
        let ids: Vec<u64> = resumed.backlog.iter().map(|e| e.id).collect();
        assert_eq!(ids, [3, 4, 5]);
        assert_eq!(resumed.missed_from, Some(1));
    }

    #[tokio::test]
    async fn live_subscribers_receive_new_events() {
        let hub = EventHub::new();
        let mut subscription = hub.subscribe(None);
        assert_eq!(hub.subscriber_count(), 1);
        let id = hub.publish(event(7));
        assert_eq!(subscription.live.recv().await.unwrap().id, id);
        drop(subscription);
        assert_eq!(hub.subscriber_count(), 0);
    }
}
