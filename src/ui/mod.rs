//! The Leptos app (wasm32 only). Components wire signals to the plain Rust
//! types in `questionnaire`, `engine` and `catalog`; no rule lives here.

mod app;
mod check;
mod crash;
mod fanout;
mod fetch;
mod household;
mod i18n;
mod nav;
mod prefill;
mod question;
mod results;
mod source;
mod slice;
mod speech;
mod start;
mod summary;
#[cfg(test)]
mod tests;
mod warmup;

use crate::catalog::Catalog;

/// Runs `f` once the coming frame is painted (a task queued from that
/// frame's animation callback runs after its rendering): for work the
/// resident need not wait for, kept out of the frame that answers a tap.
fn after_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || leptos::prelude::set_timeout(f, std::time::Duration::ZERO));
}

/// Sets `signal` to `value`, waking what reads it only when that is a
/// change (`set` wakes them always), and not at all once it is disposed.
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: leptos::prelude::RwSignal<T>, value: T) {
    use leptos::prelude::Update;
    signal.try_maybe_update(|now| {
        let changed = *now != value;
        *now = value;
        (changed, ())
    });
}

/// Moves focus to the element with this id, if it is on the page.
fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = leptos::prelude::document().get_element_by_id(id) {
        focus(el.unchecked_ref());
    }
}

/// Moves focus to `el`. Not scrolling there at once: that needs the page
/// laid out, in the middle of the change that moves focus (0.4 ms with 4×
/// throttling). Once painted, `el` is brought into view if it is not.
fn focus(el: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
    let el = el.clone();
    after_paint(move || {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    });
}

/// Mounts the app, or a plain message if the built-in catalog is broken.
pub fn start() {
    crash::install();
    match Catalog::embedded() {
        Ok(catalog) => {
            // index.html paints a static start page before the wasm arrives.
            if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("static-start")) {
                el.remove();
            }
            let catalog: &'static Catalog = Box::leak(Box::new(catalog));
            leptos::mount::mount_to_body(move || leptos::view! { <app::App catalog=catalog/> });
        }
        Err(e) => crash::show(&format!("catalog: {e}")),
    }
}
