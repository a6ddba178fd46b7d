//! 朗读: reads text with the browser's speechSynthesis. Rendered only when
//! the browser can speak, so an invisible button is never in the tab order.

use super::app::{ctx, tr};
use guide_core::text::Lang;
use leptos::prelude::*;

fn synth() -> Option<web_sys::SpeechSynthesis> {
    // Some browsers have no speechSynthesis at all: the getter gives undefined.
    web_sys::window().and_then(|w| w.speech_synthesis().ok()).filter(|s| !s.is_undefined())
}

/// Reads `parts` one after another (a long page as one utterance is cut
/// off by some voices), after stopping whatever was being read.
pub fn say(parts: &[String], lang: Lang) {
    let Some(s) = synth() else { return };
    s.cancel();
    for part in parts.iter().filter(|p| !p.trim().is_empty()) {
        if let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(part) {
            // The browser picks a voice for the language (zh-CN when it has one).
            u.set_lang(lang.tag());
            s.speak(&u);
        }
    }
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
            <button type="button" class="tool read-aloud" on:click=move |_| say(&[text.get_untracked()], ctx.lang.get_untracked())>
                {tr(|m| m.read_aloud)}
            </button>
        }
    })
}

/// Whether the browser has a voice for `lang` (a kiosk's browser often has
/// none for Chinese: the switch says so rather than reading nothing).
fn has_voice(lang: Lang) -> bool {
    let prefix = lang.pick("zh", "en");
    synth().is_some_and(|s| s.get_voices().iter().any(|v| js_sys::Reflect::get(&v, &"lang".into()).ok().and_then(|l| l.as_string()).is_some_and(|l| l.starts_with(prefix))))
}

/// What a screen says, in reading order: headings, the question's
/// choices and hint, the summary, each result card's title, whom it is for and
/// what it is, the answers to check. Only what is on screen.
const READ: &str = "main :is(h1, h2, p.lead, p.hint, .summary li, label, a.event, .service h4, .service .meta, .one-line, .answers dt, .answers dd:not(.change), .handoff p)";

fn read_screen(lang: Lang) {
    let Ok(list) = document().query_selector_all(READ) else { return };
    let parts: Vec<String> = (0..list.length())
        .filter_map(|i| list.get(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        .filter(|e| e.get_client_rects().length() > 0)
        .filter_map(|e| e.text_content())
        .collect();
    say(&parts, lang);
}

/// 语音播报, in a kiosk's header: while on, each new screen is read aloud.
#[component]
pub fn VoiceSwitch() -> impl IntoView {
    let ctx = ctx();
    let missing = RwSignal::new(false);
    // Chrome loads its voices on the first ask.
    let _ = has_voice(Lang::Zh);
    let toggle = move |_| {
        let lang = ctx.lang.get_untracked();
        let on = !ctx.voice.get_untracked() && has_voice(lang);
        missing.set(!ctx.voice.get_untracked() && !on);
        ctx.voice.set(on);
        if on { read_screen(lang) } else { silence() }
    };
    Effect::new(move |seen: Option<()>| {
        ctx.nav.route.track();
        ctx.lang.track();
        if seen.is_some() && ctx.voice.get_untracked() {
            // Once the new screen is built.
            request_animation_frame(move || read_screen(ctx.lang.get_untracked()));
        }
    });
    view! {
        <button type="button" class="tool voice" aria-pressed=move || ctx.voice.get().to_string() on:click=toggle>{tr(|m| m.voice)}</button>
        <p class="voice-missing" role="status" hidden=move || !missing.get()>{tr(|m| m.voice_missing)}</p>
    }
}
