//! Moving between screens without loading a page: each screen has its own
//! address and history entry, so back and forward work as on any site.
//! Links stay plain `<a href>`: they work before the app runs and in a new
//! tab, and a click on one to this site is taken over here.

use crate::route::Route;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy)]
pub struct Nav {
    /// The path and query shown.
    here: RwSignal<String>,
    pub route: Memo<Route>,
    /// Added to the query of every address, so a reload keeps it: the
    /// portal's settings (`crate::settings::Settings::kept`).
    keep: &'static str,
}

/// The path and query in the address bar.
pub fn address() -> String {
    let location = window().location();
    location.pathname().unwrap_or_default() + &location.search().unwrap_or_default()
}

impl Nav {
    /// Follows the back and forward buttons and takes over clicks on links
    /// to this site, for as long as the calling component lives.
    pub fn new(keep: &'static str) -> Nav {
        let here = RwSignal::new(address());
        let nav = Nav { here, route: Memo::new(move |_| here.with(|a| Route::parse(a))), keep };
        let popstate = window_event_listener(leptos::ev::popstate, move |_| {
            if nav.show(address()) {
                request_animation_frame(shown);
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

    /// Shows the screen for `to` (a path with an optional query) and adds
    /// it to the history. Going where the resident already is only scrolls
    /// to the top.
    pub fn go(&self, to: &str) {
        window().scroll_to_with_x_and_y(0.0, 0.0);
        let to = crate::settings::with_query(to, self.keep);
        if !self.show(to.clone()) {
            return;
        }
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&to));
        }
        // Once the new screen is built (effects run before the frame).
        request_animation_frame(shown);
    }

    /// What every address keeps (see [`Nav::new`]).
    pub fn keep(&self) -> &'static str {
        self.keep
    }

    /// Shows the screen for `address`, without history; whether it is a
    /// new one.
    fn show(&self, address: String) -> bool {
        let new = self.here.with_untracked(|h| *h != address);
        if new {
            self.here.set(address);
        }
        new
    }
}

/// A new screen is shown: focus on its heading, and a portal page that
/// frames the guide shows the guide's top.
fn shown() {
    focus_heading();
    super::embed::tell(crate::settings::Outgoing::Screen);
}

/// A new screen starts at its heading, as a new page would: a screen
/// reader reads it, and Tab goes on from there (focus would otherwise stay
/// on the button pressed, which Leptos may keep for the next screen).
pub fn focus_heading() {
    let heading = document().query_selector("main h1").ok().flatten();
    if let Some(h1) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = h1.set_attribute("tabindex", "-1");
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = h1.focus_with_options(&options);
    }
}

/// The path and query of a link to one of the app's screens that a plain
/// click follows: not a new tab or window, a download, a jump within the
/// page, or a static page of the site (a service's page).
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
    // Only the app's own screens: a service's static page loads as a page.
    let to = a.pathname() + &a.search();
    (Route::parse(&to) != Route::NotFound).then_some(to)
}
