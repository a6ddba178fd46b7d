//! Moving between screens without loading a page. The screen follows a
//! signal at once; the address bar (a history entry) follows once that
//! frame is painted: pushing a history entry costs a few milliseconds on a
//! slow phone, and the resident should see the next question first.
//! Links stay plain `<a href>`: they work before the app runs and in a new
//! tab, and a click on one to this site is taken over here.

use super::after_paint;
use crate::route::Route;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy)]
pub struct Nav {
    /// The path and query shown.
    here: RwSignal<String>,
    pub route: Memo<Route>,
}

/// The path and query in the address bar.
pub fn address() -> String {
    let location = window().location();
    location.pathname().unwrap_or_default() + &location.search().unwrap_or_default()
}

impl Nav {
    /// Follows the back and forward buttons and takes over clicks on links
    /// to this site, for as long as the calling component lives.
    pub fn new() -> Nav {
        let nav = Nav::still(&address());
        let popstate = window_event_listener(leptos::ev::popstate, move |_| {
            if nav.show(address()) {
                let_go_of_focus();
                after_paint(focus_heading);
            }
        });
        let click = window_event_listener(leptos::ev::click, move |ev| {
            if let Some(to) = link_target(&ev) {
                ev.prevent_default();
                nav.go(&to);
            }
        });
        on_cleanup(move || {
            popstate.remove();
            click.remove();
        });
        nav
    }

    /// A Nav at `address` that only `show` moves: for screens built off
    /// the page (ui/warmup), which must not follow the resident's clicks
    /// or write to their history.
    pub fn still(address: &str) -> Nav {
        let here = RwSignal::new(address.to_string());
        Nav { here, route: Memo::new(move |_| here.with(|a| Route::parse(a))) }
    }

    /// Shows the screen for `to` (a path with an optional query), then
    /// adds it to the history after the frame that shows it. Going where
    /// the resident already is only scrolls to the top.
    pub fn go(&self, to: &str) {
        window().scroll_to_with_x_and_y(0.0, 0.0);
        if !self.show(to.to_string()) {
            return;
        }
        let_go_of_focus();
        let to = to.to_string();
        after_paint(move || {
            if let Ok(history) = window().history() {
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&to));
            }
            focus_heading();
        });
    }

    /// Shows the screen for `address`, without history; whether it is a
    /// new one.
    pub(super) fn show(&self, address: String) -> bool {
        let new = self.here.with_untracked(|h| *h != address);
        if new {
            self.here.set(address);
        }
        new
    }
}

/// A new screen starts at its heading, as a new page would: a screen
/// reader reads it, and Tab goes on from there (focus would otherwise stay
/// on the button pressed, which Leptos may keep for the next screen).
pub fn focus_heading() {
    // Not one on its way off or on (ui/summary).
    let heading = document().query_selector("main h1:not([hidden] *, [inert] *)").ok().flatten();
    if let Some(h1) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = h1.set_attribute("tabindex", "-1");
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = h1.focus_with_options(&options);
    }
}

/// Takes focus off what the resident pressed or typed in, before the
/// screen it is on is taken down (the new screen is built in the coming
/// microtasks). Taking down the focused element made the browser update
/// the page's style there and then, in the middle of building the next
/// screen: 3–4 ms with 4× throttling, done again in the frame. Focus goes
/// to the new screen's heading once it is painted.
fn let_go_of_focus() {
    if let Some(el) = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.blur();
    }
}

/// The path and query of a link to this site that a plain click follows:
/// not a new tab or window, a download, or a jump within the page.
fn link_target(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented() || ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return None;
    }
    let a: web_sys::HtmlAnchorElement = ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest("a[href]").ok()??.dyn_into().ok()?;
    let location = window().location();
    let same_site = a.protocol() == location.protocol().ok()? && a.host() == location.host().ok()?;
    // A fragment is a jump within the page (`#main`, `#answer`) or answers
    // for the app to read on load (`/#p=`): the browser handles both.
    if !same_site || !a.target().is_empty() || a.has_attribute("download") || !a.hash().is_empty() {
        return None;
    }
    Some(a.pathname() + &a.search())
}
