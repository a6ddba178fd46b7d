//! Long lists come onto the page a few items per frame, so no frame (the
//! first after a tap included) builds more than a few. Items already on the
//! page stay; only new ones wait their turn.
//!
//! The list changes one step at a time: what went is taken away, then new
//! items come in one by one, each step a run of the list before the frame
//! is painted. tachys 0.2's keyed list (`For`) counts additions one step
//! behind: when one change both adds and removes items, or adds two before
//! an old one, it takes every later item out of the page and puts it back.
//! An age change that brought four cards did so to 72 others, and the
//! browser then styled and laid out each again. One change at a time, no
//! card that stays is touched.

use leptos::prelude::*;

/// Why the list runs again.
#[derive(Clone, Copy, PartialEq)]
enum Run {
    /// Its items changed (after a tap, or a first render).
    Change,
    /// The next step within the frame.
    Step,
    /// A new frame, or the moment the frame of a tap is painted: room for
    /// more new items.
    Frame,
}

pub struct Slicer<K: Send + Sync + 'static> {
    on_page: StoredValue<Vec<K>>,
    tick: RwSignal<u32>,
    run: StoredValue<Run>,
    /// New items the frame still has room for, and whether the steps run
    /// in a frame of their own (else in the frame of a tap).
    room: StoredValue<(usize, bool)>,
    /// How many items are still to come or to go.
    pub waiting: RwSignal<usize>,
    tap: Tap,
    /// While true, no new frame is asked for: the list waits (off stage).
    hold: Option<Signal<bool>>,
}

/// What the frame that answers a change does with the list.
#[derive(Clone, Copy)]
enum Tap {
    /// What any frame does: takes away what went, lets in `per_frame` new.
    Frame,
    /// The list is below what the resident tapped (see `below_the_tap`).
    Below { fresh: usize },
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
        Self::with(Tap::Frame)
    }

    /// A list below what the resident taps, or mostly below the first
    /// screenful. When no item stays (the list's first render, another
    /// language), the frame that answers the tap has room for `fresh` new
    /// items. When some stay (an answer changed above it), that frame
    /// leaves the list as it was: once it is painted, what went is taken
    /// away and new items come, `per_frame` a frame. Taking away a dozen
    /// cards in that frame made it miss 16 ms (4× throttling).
    pub fn below_the_tap(fresh: usize) -> Self {
        Self::with(Tap::Below { fresh })
    }

    fn with(tap: Tap) -> Self {
        Slicer {
            tap,
            hold: None,
            on_page: StoredValue::new(Vec::new()),
            tick: RwSignal::new(0),
            run: StoredValue::new(Run::Change),
            room: StoredValue::new((0, false)),
            waiting: RwSignal::new(0),
        }
    }

    /// A list that lets in no more new items than its first frame's while
    /// `hold` is true, and goes on once it is false.
    pub fn held(self, hold: Signal<bool>) -> Self {
        Slicer { hold: Some(hold), ..self }
    }

    /// What to show now, in order: the items on the page already that are
    /// still in `all`, and, once nothing is left to take away, the next new
    /// one. At most `per_frame` new items per frame; a `lead` item (a
    /// heading) does not count, and comes only when the item after it can
    /// follow in the same frame. Reactive: call it inside the list's
    /// `each`; it runs again until every item is in.
    pub fn admit(&self, all: Vec<K>, per_frame: usize, lead: impl Fn(&K) -> bool) -> Vec<K> {
        self.tick.track();
        let run = self.run.get_value();
        self.run.set_value(Run::Change);
        let on_page = self.on_page.get_value();
        let kept = |extra: Option<&K>| all.iter().filter(|k| on_page.contains(k) || Some(*k) == extra).cloned().collect::<Vec<_>>();
        let mut shown = kept(None);
        let held = self.hold.is_some_and(|h| h.get());
        let (mut room, in_frame) = match (run, self.tap) {
            (Run::Change, Tap::Below { fresh }) if shown.is_empty() => (fresh, false),
            (Run::Change, Tap::Below { .. }) => {
                // Off stage no frame is seen: the list follows at once.
                if !held {
                    shown = on_page.clone();
                }
                (0, false)
            }
            (Run::Change, Tap::Frame) => (per_frame, false),
            (Run::Frame, _) => (per_frame, true),
            (Run::Step, _) => self.room.get_value(),
        };
        let removed = shown.len() < on_page.len();
        if !removed && room > 0 {
            if let Some(new) = all.iter().find(|k| !on_page.contains(k)) {
                room -= usize::from(!lead(new));
                shown = kept(Some(new));
            }
        }
        self.on_page.set_value(shown.clone());
        self.room.set_value((room, in_frame));
        let gone = shown.iter().filter(|k| !all.contains(k)).count();
        let left = all.iter().filter(|k| !lead(k) && !shown.contains(k)).count();
        super::set_if_changed(self.waiting, left + gone);
        if shown.len() < all.len() || gone > 0 {
            let tick = self.tick;
            let run = self.run;
            let again = move |why| {
                run.try_set_value(why);
                tick.try_update(|t| *t += 1);
            };
            if removed || room > 0 {
                queue_microtask(move || again(Run::Step));
            } else if held {
                // Runs again when let go: `hold` is tracked.
            } else if in_frame {
                // From a frame's callback, or after a paint: the next frame
                // is one away.
                request_animation_frame(move || again(Run::Frame));
            } else {
                // After a tap, the coming frame must first paint these.
                super::after_paint(move || again(Run::Frame));
            }
        }
        shown
    }
}
