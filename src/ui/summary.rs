//! Check answers and the results: one screen for two addresses. While
//! check answers is read, the top of the results (what their first frame
//! shows) is built and laid out off stage: out of sight, unread by screen
//! readers and out of reach of the keyboard (inert). 查看结果 then hides
//! check answers (taken down once that frame is painted) and brings the
//! results on; the rest of them follows frame by frame, as after a first
//! render. Back on check answers, the results go off stage again.

use super::{after_paint, set_if_changed};
use super::app::ctx;
use super::check::CheckPage;
use super::results::ResultsPage;
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn Summary() -> impl IntoView {
    let ctx = ctx();
    let on_results = Memo::new(move |_| ctx.nav.route.with(|r| *r == Route::Results));
    let held = Signal::derive(move || !on_results.get());
    // The results are built once check answers is painted and the page is
    // idle, or at once when they are asked for; once only.
    let built = RwSignal::new(on_results.get_untracked());
    after_paint(move || request_idle_callback(move || set_if_changed(built, true)));
    Effect::new(move |_| {
        if on_results.get() {
            set_if_changed(built, true);
        }
    });
    // Check answers leaves in two steps: hidden in the frame that brings
    // the results on, taken down once that frame is painted (unless the
    // resident is back on it by then).
    let check = RwSignal::new(held.get_untracked());
    Effect::new(move |_| {
        if held.get() {
            set_if_changed(check, true);
        } else {
            after_paint(move || {
                if on_results.try_get_untracked() == Some(true) {
                    set_if_changed(check, false);
                }
            });
        }
    });
    view! {
        {move || check.get().then(|| view! { <div hidden=on_results><CheckPage/></div> })}
        <div class:offstage=held aria-hidden=move || held.get().then_some("true") inert=held>
            {move || built.get().then(|| view! { <ResultsPage held/> })}
        </div>
    }
}
