//! The Leptos app (wasm32 only). Components wire signals to the plain Rust
//! types of `guide_core`; no rule lives here.

mod app;
mod check;
mod crash;
mod embed;
mod fetch;
mod handoff;
mod household;
mod i18n;
mod kiosk;
mod nav;
mod number_pad;
mod prefill;
mod question;
mod results;
mod rows;
mod share;
mod source;
mod speech;
mod start;
mod storage;
#[cfg(test)]
mod tests;

use guide_core::catalog::{Catalog, Problem};

/// The services' texts file next to index.html (see build.rs).
const TEXTS_FILE: &str = env!("CATALOG_TEXTS_FILE");

/// The catalog's rules, checked and embedded by build.rs; the services'
/// texts come later from [`TEXTS_FILE`].
fn embedded_catalog() -> Result<Catalog, Vec<Problem>> {
    Catalog::from_json(include_str!(concat!(env!("OUT_DIR"), "/catalog.json")), false)
}

/// Moves focus to the element with this id, if it is on the page.
fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = leptos::prelude::document().get_element_by_id(id) {
        let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

/// Mounts the app, or a plain message if the built-in catalog is broken.
pub fn start() {
    crash::install();
    match embedded_catalog() {
        Ok(catalog) => {
            // index.html paints a static start page before the wasm arrives.
            if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("static-start")) {
                el.remove();
            }
            let catalog: &'static Catalog = Box::leak(Box::new(catalog));
            leptos::mount::mount_to_body(move || leptos::view! { <app::App catalog=catalog/> });
        }
        Err(problems) => crash::show(&format!("catalog: {}", problems[0])),
    }
}
