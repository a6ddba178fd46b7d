//! 朗读: reads text with the browser's speechSynthesis. Rendered only when
//! the browser can speak, so an invisible button is never in the tab order.

use super::app::{ctx, tr};
use crate::text::Lang;
use leptos::prelude::*;

fn synth() -> Option<web_sys::SpeechSynthesis> {
    web_sys::window().and_then(|w| w.speech_synthesis().ok())
}

fn speak(text: &str, lang: Lang) {
    let (Some(s), Ok(u)) = (synth(), web_sys::SpeechSynthesisUtterance::new_with_text(text)) else { return };
    u.set_lang(lang.tag());
    // Prefer a voice for the language when the device has one.
    let voices = s.get_voices();
    let wanted = if lang == Lang::Zh { "zh" } else { "en" };
    if let Some(v) = voices.iter().filter_map(|v| wasm_bindgen::JsCast::dyn_into::<web_sys::SpeechSynthesisVoice>(v).ok()).find(|v| v.lang().starts_with(wanted)) {
        u.set_voice(Some(&v));
    }
    s.cancel();
    s.speak(&u);
}

#[component]
pub fn ReadAloud(text: Signal<String>) -> impl IntoView {
    let ctx = ctx();
    synth().map(|_| {
        view! {
            <button type="button" class="tool read-aloud" on:click=move |_| speak(&text.get_untracked(), ctx.lang.get_untracked())>
                {tr(|m| m.read_aloud)}
            </button>
        }
    })
}
