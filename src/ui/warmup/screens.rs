//! Each kind of screen a resident meets, built once for a sample household
//! in an element that is never put on the page, changed as a tap changes
//! it, then taken down: the code that does so is compiled before a tap
//! needs it. One step per idle moment after a paint. The screens have
//! their own session and a `Nav` that follows no event and writes no
//! history, so the resident's answers, address, history and focus are
//! never touched.

use super::super::app::{screens, Ctx, Texts};
use super::super::nav::Nav;
use crate::catalog::Catalog;
use crate::profile::facts::AGE;
use crate::profile::{Profile, Val};
use crate::questionnaire::{Answer, Session};
use crate::text::Lang;
use leptos::mount::{mount_to, UnmountHandle};
use leptos::prelude::*;
use leptos::tachys::view::Mountable;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Someone of each role, with answers that bring cards of both kinds.
const SAMPLE: &str = r#"{"v":1,"household":{"area":"urban","support_status":"low_income","housing":"difficulty","tenure":"rent"},"members":[{"role":"self","age":38,"sex":"female","work":"flexible"},{"role":"spouse","age":40,"work":"unemployed"},{"role":"child","age":2},{"role":"parent","age":72,"chronic":["hypertension"]}]}"#;

/// In the order a resident meets them: the household, a number, choices,
/// a list's boxes, a group's boxes, check answers, results. Then an answer
/// changes on the results page, and last all is taken down, as when
/// leaving a page.
const SCREENS: &[&str] = &["/household", "/q/age/0", "/q/support_status/h", "/q/chronic/0", "/q/disability/0", "/check", "/results"];

/// The Performance API mark made when all is done.
const DONE: &str = "warm-up: screens";

pub fn rehearse(catalog: &'static Catalog, texts: &'static Catalog) {
    let Ok(sample) = Profile::from_json(SAMPLE) else { return };
    later(move || {
        let Some(parent) = document().create_element("div").ok().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
        // The context is made inside the mount, so that taking the screens
        // down disposes of its signals too; the steps need it back out.
        let made = Rc::new(Cell::new(None::<Ctx>));
        let keep = made.clone();
        let handle = mount_to(parent, move || {
            let session = Session { answers: sample.profile, ..Session::new() };
            let ctx = Ctx { catalog, texts: RwSignal::new(Texts::Ready(texts)), session: RwSignal::new(session), lang: RwSignal::new(Lang::Zh), elder: RwSignal::new(false), nav: Nav::still(SCREENS[0]) };
            provide_context(ctx);
            keep.set(Some(ctx));
            screens(ctx.nav.route)
        });
        if let Some(ctx) = made.get() {
            let change = move || ctx.session.update(|s| s.answer(AGE, Some(2), Answer::Value(Val::Int(7))));
            step(ctx, handle, 1, change);
        }
    });
}

fn step<M: Mountable + 'static>(ctx: Ctx, handle: UnmountHandle<M>, n: usize, change: impl Fn() + Copy + 'static) {
    later(move || {
        match SCREENS.get(n) {
            Some(address) => {
                ctx.nav.show(address.to_string());
            }
            None if n == SCREENS.len() => change(),
            None => {
                drop(handle);
                // For the tests and the benchmark: the rehearsal ran to the end.
                if let Some(performance) = window().performance() {
                    let _ = performance.mark(DONE);
                }
                return;
            }
        }
        step(ctx, handle, n + 1, change);
    });
}

/// Runs `f` once, in an idle moment after the next paint: by then what a
/// step left for after its paint (the results' share link) has run, so
/// the next step, or taking the screens down, never comes first.
fn later(f: impl FnOnce() + 'static) {
    super::super::after_paint(move || {
        let f = Cell::new(Some(f));
        request_idle_callback(move || {
            if let Some(f) = f.take() {
                f();
            }
        });
    });
}
