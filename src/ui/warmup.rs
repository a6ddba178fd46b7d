//! The first time the browser draws text at a new size it sets up that
//! font size, and each character new at that size must be shaped: a few
//! milliseconds on a slow phone, paid in the frame that answers a tap. The
//! results page is the first to use several sizes, so its first frame paid
//! for all of them. Once the services' texts are here, every character they
//! use is laid out once in each text style of style/main.css, out of sight
//! and hidden from screen readers, one style per frame while the resident
//! reads the start page, then removed: the browser keeps what it set up.
//! (Measured in the README's Performance section.)

/// One element of each text size and weight in style/main.css. The e2e
/// test "type samples (ui/warmup.rs) cover every text style…" fails when a
/// page uses one that is not here.
const STYLES: &[(&str, &str)] = &[
    ("p", ""),
    ("h1", ""),
    ("h2", ""),
    ("h3", "category"),
    ("h4", ""),
    ("p", "lead"),
    ("p", "summary"),
    ("span", "tag"),
    ("strong", ""),
    ("span", "tool"),
    ("span", "button start"),
    ("p", "site-footer"),
];

/// Lays out the characters of `text` in every style, a style per frame,
/// then takes the samples away.
pub fn warm(text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let (Ok(samples), Some(body)) = (document.create_element("div"), document.body()) else { return };
    samples.set_class_name("type-samples");
    let _ = samples.set_attribute("aria-hidden", "true");
    let _ = body.append_child(&samples);
    add(document, samples, characters(text), 0);
}

fn add(document: web_sys::Document, samples: web_sys::Element, text: String, next: usize) {
    let Some(&(tag, class)) = STYLES.get(next) else {
        // The last style was laid out in the frame before this callback.
        samples.remove();
        return;
    };
    if let Ok(el) = document.create_element(tag) {
        el.set_class_name(class);
        el.set_text_content(Some(&text));
        let _ = samples.append_child(&el);
    }
    leptos::prelude::request_animation_frame(move || add(document, samples, text, next + 1));
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
