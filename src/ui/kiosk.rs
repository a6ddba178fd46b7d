//! A service hall's terminal (`?mode=kiosk`, docs/kiosk.md): one resident
//! after another on the same screen. After the set idle time without a
//! touch a dialog asks whether the resident is still there and counts
//! down; at zero, or on 结束并清除 (always in the header), the page is
//! loaded again from the start: every answer, the language, 长辈模式 and
//! anything being read aloud are gone with the page's memory, and a kiosk
//! never writes storage (`storage::connect` is not called). Going back
//! afterwards finds the app's screens empty.

use super::app::{ctx, tr, Ctx};
use crate::settings::Kiosk;
use leptos::html::Dialog;
use leptos::prelude::*;
use std::time::Duration;

/// Seconds without a touch, ticked once a second while the kiosk runs.
#[derive(Clone, Copy)]
pub struct Idle {
    seconds: RwSignal<u32>,
    pub kiosk: Kiosk,
}

impl Idle {
    fn asking(&self) -> bool {
        self.seconds.get() >= self.kiosk.idle
    }
}

/// Starts counting, for as long as the app lives.
pub fn connect(kiosk: Kiosk) -> Idle {
    let idle = Idle { seconds: RwSignal::new(0), kiosk };
    let tick = set_interval_with_handle(move || idle.seconds.update(|s| *s += 1), Duration::from_secs(1)).ok();
    // Any touch, key or typing is someone there; while the dialog asks,
    // only its 继续使用 answers (a touch on 结束并清除 must not count).
    let listeners = ["pointerdown", "keydown", "input", "contextmenu"].map(|event| {
        window_event_listener_untyped(event, move |ev| {
            // A long press opens no menu (no "open in new window", no copy).
            if event == "contextmenu" {
                ev.prevent_default();
            }
            if !idle.seconds.with_untracked(|s| *s >= kiosk.idle) {
                idle.seconds.set(0);
            }
        })
    });
    Effect::new(move |_| {
        if idle.seconds.get() >= kiosk.idle + kiosk.countdown {
            end(ctx());
        }
    });
    on_cleanup(move || {
        if let Some(tick) = tick {
            tick.clear();
        }
        for l in listeners {
            l.remove();
        }
    });
    idle
}

/// Forgets the resident: the start page loaded afresh, still a kiosk.
pub fn end(ctx: Ctx) {
    super::speech::silence();
    ctx.session.set(guide_core::questionnaire::Session::new());
    let _ = window().location().replace(&crate::settings::with_query("/", ctx.nav.keep()));
}

/// 还在使用吗？ A modal dialog (the rest of the page is inert behind it),
/// announced, with a large 继续使用 and 结束并清除.
#[component]
pub fn IdleDialog(idle: Idle) -> impl IntoView {
    let ctx = ctx();
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if idle.asking() {
                if !d.open() {
                    let _ = d.show_modal();
                    if ctx.voice.get_untracked() {
                        let m = ctx.msg();
                        super::speech::say(&[m.kiosk_still_there.to_string(), (m.kiosk_left)(idle.kiosk.countdown)], ctx.lang.get_untracked());
                    }
                }
            } else {
                d.close();
            }
        }
    });
    let left = move || (idle.kiosk.idle + idle.kiosk.countdown).saturating_sub(idle.seconds.get());
    view! {
        // Escape (a keyboard on the terminal) also means 继续使用.
        <dialog node_ref=dialog class="idle" aria-labelledby="idle-title" aria-describedby="idle-left"
            on:cancel=move |_: web_sys::Event| idle.seconds.set(0)>
            <h2 id="idle-title">{tr(|m| m.kiosk_still_there)}</h2>
            <p id="idle-left" aria-live="assertive">{move || (ctx.msg().kiosk_left)(left())}</p>
            <p class="actions">
                <button type="button" class="start" on:click=move |_| idle.seconds.set(0)>{tr(|m| m.kiosk_continue)}</button>
                <button type="button" class="secondary" on:click=move |_| end(ctx)>{tr(|m| m.kiosk_end)}</button>
            </p>
        </dialog>
    }
}
