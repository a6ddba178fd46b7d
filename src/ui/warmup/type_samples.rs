//! The first time the browser draws text at a new size it sets up that
//! font size, and each character new at that size must be shaped. The
//! results page is the first to use several sizes, so its first frame paid
//! for all of them. Once the services' texts are here, every character they
//! use is laid out once in each text style of style/main.css, out of sight
//! and hidden from screen readers, one style per frame, then removed: the
//! browser keeps what it set up. Switching 长辈模式 on does it again in its
//! larger sizes.

use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// An element of each text size and weight in style/main.css. The e2e
/// test "type samples (ui/warmup) cover every text style…" fails when a
/// page uses one that is not here.
const STYLES: &[(&str, &str)] = &[
    ("p", ""),
    ("h1", ""),
    ("h2", ""),
    ("h3", "category"),
    ("h4", ""),
    ("p", "lead"),
    ("p", "summary"),
    ("p", "question"),
    ("span", "tag"),
    ("strong", ""),
    ("span", "tool"),
    ("span", "button start"),
    ("p", "site-footer"),
];

thread_local! {
    /// The characters of the services' texts, to lay out again in
    /// 长辈模式, which changes every size.
    static CHARACTERS: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Lays out the characters of `text` in every style, a style per frame,
/// then takes the samples away.
pub fn warm(text: &str) {
    CHARACTERS.with(|c| *c.borrow_mut() = characters(text));
    again();
}

/// Lays out the same characters in every style as it is now.
pub fn again() {
    let text = CHARACTERS.with(|c| c.borrow().clone());
    if text.is_empty() {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let (Ok(samples), Some(body)) = (document.create_element("div"), document.body()) else { return };
    samples.set_class_name("type-samples");
    let _ = samples.set_attribute("aria-hidden", "true");
    let _ = body.append_child(&samples);
    // Each style's size and weight, read from a real element of it within
    // this task; the samples are plain blocks, so the page never holds a
    // second h1 or .summary.
    let probes: Vec<web_sys::Element> = STYLES
        .iter()
        .filter_map(|&(tag, class)| {
            let probe = document.create_element(tag).ok()?;
            probe.set_class_name(class);
            samples.append_child(&probe).ok().map(|_| probe)
        })
        .collect();
    let fonts = probes
        .iter()
        .filter_map(|probe| {
            // Read before the probe goes: a computed style is live.
            let style = window.get_computed_style(probe).ok().flatten();
            let font = style.and_then(|s| Some((s.get_property_value("font-size").ok()?, s.get_property_value("font-weight").ok()?)));
            probe.remove();
            font
        })
        .collect();
    add(document, samples, fonts, text);
}

fn add(document: web_sys::Document, samples: web_sys::Element, mut fonts: Vec<(String, String)>, text: String) {
    let Some((size, weight)) = fonts.pop() else {
        // The last style was laid out in the frame before this callback.
        samples.remove();
        return;
    };
    if let Ok(el) = document.create_element("div") {
        let style = el.unchecked_ref::<web_sys::HtmlElement>().style();
        let _ = style.set_property("font-size", &size);
        let _ = style.set_property("font-weight", &weight);
        el.set_text_content(Some(&text));
        let _ = samples.append_child(&el);
    }
    leptos::prelude::request_animation_frame(move || add(document, samples, fonts, text));
}

/// Each character of `text` once, in order of first use: white space
/// aside, and Chinese, Latin and punctuation only (the Basic Multilingual
/// Plane, which an 8 KB bit set covers).
fn characters(text: &str) -> String {
    let mut seen = vec![0u64; 0x10000 / 64];
    text.chars()
        .filter(|&c| {
            let (word, bit) = (c as usize / 64, 1u64 << (c as usize % 64));
            let new = !c.is_whitespace() && seen.get(word).is_some_and(|w| w & bit == 0);
            if new {
                seen[word] |= bit;
            }
            new
        })
        .collect()
}
