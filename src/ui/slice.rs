//! Long lists come onto the page a few items per frame, so no frame (the
//! first after a tap included) builds more than a few. Items already on the
//! page stay; only new ones wait their turn.

use leptos::prelude::*;

pub struct Slicer<K: Send + Sync + 'static> {
    on_page: StoredValue<Vec<K>>,
    frame: RwSignal<u32>,
    seen: StoredValue<u32>,
    /// How many new items are still waiting.
    pub waiting: RwSignal<usize>,
}

// By hand: a derive would ask K to be Copy too.
impl<K: Send + Sync + 'static> Clone for Slicer<K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: Send + Sync + 'static> Copy for Slicer<K> {}

impl<K: Clone + PartialEq + Send + Sync + 'static> Slicer<K> {
    pub fn new() -> Self {
        Slicer { on_page: StoredValue::new(Vec::new()), frame: RwSignal::new(0), seen: StoredValue::new(0), waiting: RwSignal::new(0) }
    }

    /// What to show now, in order: the items on the page already and the
    /// first `per_frame` new ones. A `lead` item (a heading) comes only with
    /// the first item after it that is let in. Reactive: call it inside the
    /// list's `each`, and it runs again next frame while items wait.
    pub fn admit(&self, all: Vec<K>, per_frame: usize, lead: impl Fn(&K) -> bool) -> Vec<K> {
        let now = self.frame.get();
        let (mut shown, mut held, mut fresh) = (Vec::new(), None, 0);
        self.on_page.with_value(|on_page| {
            for item in all {
                if lead(&item) {
                    held = Some(item);
                } else if on_page.contains(&item) || {
                    fresh += 1;
                    fresh <= per_frame
                } {
                    shown.extend(held.take());
                    shown.push(item);
                }
            }
        });
        let left = fresh.saturating_sub(per_frame);
        self.on_page.set_value(shown.clone());
        self.waiting.set(left);
        if left > 0 {
            let frame = self.frame;
            let next = move || {
                frame.try_update(|f| *f += 1);
            };
            // Run from a frame's callback, the next frame is one away; run
            // after a tap, the coming frame must first paint these items.
            if self.seen.get_value() != now {
                request_animation_frame(next);
            } else {
                request_animation_frame(move || request_animation_frame(next));
            }
        }
        self.seen.set_value(now);
        shown
    }
}
