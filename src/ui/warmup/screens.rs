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
/// changes on the results page (`EDIT`), and last all is taken down, as
/// when leaving a page.
const SCREENS: &[&str] = &["/household", "/q/age/0", "/q/support_status/h", "/q/chronic/0", "/q/disability/0", "/check", "/results"];

/// An answer changed on the results page with the controls a resident
/// uses, one a step: the answers unfolded, 修改 on the child's age, a new
/// age typed in, 更新结果. (Leptos puts each handler on its element, so
/// events on elements off the page reach them.) The first change on the
/// page ran code that nothing before had: 13–19 ms with 4× throttling,
/// against 11–14 for the next ones.
const EDIT: &[(&str, Act)] = &[
    ("details.your-answers > summary", Act::Click),
    ("#change-q-age-2", Act::Click),
    ("#number-input", Act::Type("7")),
    ("dd.edit button[type=submit]", Act::Click),
];

#[derive(Clone, Copy)]
enum Act {
    Click,
    Type(&'static str),
}

/// How many idle moments a step waits for its element to be built (a long
/// list comes in a few rows per frame) before the rehearsal ends there.
const PATIENCE: u32 = 30;

/// The Performance API mark made when all is done (and not if a step
/// found nothing to act on).
const DONE: &str = "warm-up: screens";

pub fn rehearse(catalog: &'static Catalog, texts: &'static Catalog) {
    let Ok(sample) = Profile::from_json(SAMPLE) else { return };
    later(move || {
        let Some(parent) = document().create_element("div").ok().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
        // The context is made inside the mount, so that taking the screens
        // down disposes of its signals too; the steps need it back out.
        let made = Rc::new(Cell::new(None::<Ctx>));
        let keep = made.clone();
        let handle = mount_to(parent.clone(), move || {
            let session = Session { answers: sample.profile, ..Session::new() };
            let ctx = Ctx { catalog, texts: RwSignal::new(Texts::Ready(texts)), session: RwSignal::new(session), lang: RwSignal::new(Lang::Zh), elder: RwSignal::new(false), nav: Nav::still(SCREENS[0]) };
            provide_context(ctx);
            keep.set(Some(ctx));
            screens(ctx.nav.route)
        });
        if let Some(ctx) = made.get() {
            step(Rehearsal { ctx, parent, handle }, 1, PATIENCE);
        }
    });
}

struct Rehearsal<M: Mountable> {
    ctx: Ctx,
    parent: web_sys::HtmlElement,
    handle: UnmountHandle<M>,
}

/// Step `n`: a screen, then a part of the edit, then the end.
fn step<M: Mountable + 'static>(r: Rehearsal<M>, n: usize, patience: u32) {
    later(move || {
        if let Some(address) = SCREENS.get(n) {
            r.ctx.nav.show(address.to_string());
            return step(r, n + 1, PATIENCE);
        }
        if let Some(&(selector, act)) = EDIT.get(n - SCREENS.len()) {
            match r.parent.query_selector(selector).ok().flatten() {
                Some(el) => {
                    perform(&el, act);
                    return step(r, n + 1, PATIENCE);
                }
                None if patience > 0 => return step(r, n, patience - 1),
                None => {}
            }
        }
        // For the tests and the benchmark: the rehearsal ran to the end,
        // and the edit went through the controls into the answers.
        let edited = r.ctx.session.with_untracked(|s| s.current(AGE, Some(2)) == Some(Answer::Value(Val::Int(7))));
        drop(r.handle);
        if let (true, Some(performance)) = (edited, window().performance()) {
            let _ = performance.mark(DONE);
        }
    });
}

fn perform(el: &web_sys::Element, act: Act) {
    match act {
        Act::Click => el.unchecked_ref::<web_sys::HtmlElement>().click(),
        Act::Type(text) => {
            el.unchecked_ref::<web_sys::HtmlInputElement>().set_value(text);
            if let Ok(input) = web_sys::Event::new("input") {
                let _ = el.dispatch_event(&input);
            }
        }
    }
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
