//! 朗读: reads text with the browser's speechSynthesis. Rendered only when
//! the browser can speak, so an invisible button is never in the tab order.

use super::app::{ctx, tr};
use guide_core::text::Lang;
use leptos::prelude::*;

fn synth() -> Option<web_sys::SpeechSynthesis> {
    // Some browsers have no speechSynthesis at all: the getter gives undefined.
    web_sys::window().and_then(|w| w.speech_synthesis().ok()).filter(|s| !s.is_undefined())
}

fn speak(text: &str, lang: Lang) {
    let (Some(s), Ok(u)) = (synth(), web_sys::SpeechSynthesisUtterance::new_with_text(text)) else { return };
    // The browser picks a voice for the language (zh-CN when it has one).
    u.set_lang(lang.tag());
    s.cancel();
    s.speak(&u);
}

/// Stops whatever is being read (a kiosk forgetting its resident).
pub fn silence() {
    if let Some(s) = synth() {
        s.cancel();
    }
}

/// Texts read one after another, each a sentence: Chinese ones end in
/// "。", English ones in ". " (a Chinese full stop is no pause for an
/// English voice).
pub fn sentences<'a>(lang: Lang, parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for part in parts.into_iter().map(str::trim).filter(|p| !p.is_empty()) {
        out.push_str(part);
        let ended = part.ends_with(['。', '！', '？', '.', '!', '?']);
        match lang {
            Lang::Zh if !ended => out.push('。'),
            Lang::Zh => {}
            Lang::En if !ended => out.push_str(". "),
            Lang::En => out.push(' '),
        }
    }
    out.trim_end().to_string()
}

/// Asked once: the getter is slow, and every result card has a button.
fn can_speak() -> bool {
    static CAN: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *CAN.get_or_init(|| synth().is_some())
}

#[component]
pub fn ReadAloud(text: Signal<String>) -> impl IntoView {
    let ctx = ctx();
    can_speak().then(|| {
        view! {
            <button type="button" class="tool read-aloud" on:click=move |_| speak(&text.get_untracked(), ctx.lang.get_untracked())>
                {tr(|m| m.read_aloud)}
            </button>
        }
    })
}
