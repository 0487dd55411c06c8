//! The decoder slots: at most a few images are decoded at once, each on a blocking thread,
//! and when all slots are taken the smallest image waiting (by declared pixels; the first of
//! equals) gets the next free one. A photo from a phone is then not held behind a queue of
//! huge images: it waits for at most the decodes already running.

use std::collections::BinaryHeap;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::oneshot;

/// The slots.
#[derive(Debug)]
pub(crate) struct Decoders {
    state: Mutex<Queue>,
}

#[derive(Debug)]
struct Queue {
    free: usize,
    next: u64,
    waiting: BinaryHeap<Waiter>,
}

/// A request waiting for a slot. The heap's greatest is the smallest image, then the
/// earliest.
#[derive(Debug)]
struct Waiter {
    pixels: u64,
    order: u64,
    send: oneshot::Sender<Slot>,
}

impl PartialEq for Waiter {
    fn eq(&self, other: &Waiter) -> bool {
        (self.pixels, self.order) == (other.pixels, other.order)
    }
}

impl Eq for Waiter {}

impl PartialOrd for Waiter {
    fn partial_cmp(&self, other: &Waiter) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Waiter {
    fn cmp(&self, other: &Waiter) -> std::cmp::Ordering {
        (other.pixels, other.order).cmp(&(self.pixels, self.order))
    }
}

/// A decoder slot, given back when dropped.
#[derive(Debug)]
pub(crate) struct Slot {
    decoders: Option<Arc<Decoders>>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Some(decoders) = self.decoders.take() {
            decoders.release();
        }
    }
}

impl Decoders {
    /// `slots` slots (at least 1).
    pub fn new(slots: usize) -> Arc<Decoders> {
        Arc::new(Decoders {
            state: Mutex::new(Queue {
                free: slots.max(1),
                next: 0,
                waiting: BinaryHeap::new(),
            }),
        })
    }

    fn queue(&self) -> std::sync::MutexGuard<'_, Queue> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The free slots.
    #[cfg(test)]
    pub fn available(&self) -> usize {
        self.queue().free
    }

    /// Waits for a slot for an image of `pixels` pixels. Dropping the future gives up the
    /// place in the queue (or the slot, if it was just given).
    pub async fn acquire(self: &Arc<Decoders>, pixels: u64) -> Option<Slot> {
        let receive = {
            let mut queue = self.queue();
            if queue.free > 0 && queue.waiting.is_empty() {
                queue.free -= 1;
                return Some(Slot {
                    decoders: Some(Arc::clone(self)),
                });
            }
            let (send, receive) = oneshot::channel();
            let order = queue.next;
            queue.next += 1;
            queue.waiting.push(Waiter {
                pixels,
                order,
                send,
            });
            receive
        };
        receive.await.ok()
    }

    /// Gives a slot to the next waiter still waiting, or back to the free ones.
    fn release(self: Arc<Decoders>) {
        let mut queue = self.queue();
        while let Some(waiter) = queue.waiting.pop() {
            let slot = Slot {
                decoders: Some(Arc::clone(&self)),
            };
            match waiter.send.send(slot) {
                Ok(()) => return,
                // That request is gone: the slot goes to the next one, not back through Drop.
                Err(mut slot) => slot.decoders = None,
            }
        }
        queue.free += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_smallest_image_waiting_goes_first_and_abandoned_places_are_skipped() {
        let decoders = Decoders::new(1);
        let running = decoders.acquire(50_000_000).await.unwrap();
        assert_eq!(decoders.available(), 0);
        let (order_send, mut order) = tokio::sync::mpsc::unbounded_channel();
        let mut waiting = Vec::new();
        for (name, pixels) in [("big", 49_000_000u64), ("gone", 1), ("photo", 12_000_000)] {
            let decoders = Arc::clone(&decoders);
            let order_send = order_send.clone();
            waiting.push(tokio::spawn(async move {
                let slot = decoders.acquire(pixels).await.unwrap();
                order_send.send(name).unwrap();
                drop(slot);
            }));
            tokio::task::yield_now().await;
        }
        // Let all three queue, then abandon the smallest.
        while decoders.queue().waiting.len() < 3 {
            tokio::task::yield_now().await;
        }
        let gone = waiting.remove(1);
        gone.abort();
        assert!(gone.await.unwrap_err().is_cancelled());
        drop(running);
        assert_eq!(order.recv().await, Some("photo"));
        assert_eq!(order.recv().await, Some("big"));
        for task in waiting {
            let _ = task.await;
        }
        assert_eq!(decoders.available(), 1);
    }
}
