//! The device's storage, behind this one module (issue 22). Nothing is kept
//! unless the resident switches 在本机保存我的回答 on; then the session
//! (`Session::to_saved`) and the two preferences (language, 长辈模式) are
//! kept in localStorage, and switching off or 清除我的回答 removes them.
//! Where the browser refuses storage (a sandboxed frame, storage turned
//! off, a full disk) the switch goes off and the resident is told why; the
//! answers stay where they always are, in the session in memory, for this
//! visit. What cannot be read is set aside under another key, not lost.

use super::app::{ctx, tr, Ctx};
use super::i18n::Msg;
use super::TEXTS_FILE;
use guide_core::questionnaire::Session;
use guide_core::text::Lang;
use leptos::prelude::*;

const ANSWERS: &str = "anyang-guide:answers";
const SET_ASIDE: &str = "anyang-guide:answers:set-aside";

fn local() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn read(key: &'static str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Whether the device kept it.
fn write(key: &'static str, value: &str) -> bool {
    local().is_some_and(|s| s.set_item(key, value).is_ok())
}

fn remove(key: &'static str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}

/// What the resident is told about their saved answers: a message of
/// `i18n`, and whether it is about answers restored (then 清除 is offered).
type Note = (fn(&'static Msg) -> &'static str, bool);

/// In [`Ctx`]: whether the switch is on, and what to tell the resident.
#[derive(Clone, Copy)]
pub struct Saving {
    on: RwSignal<bool>,
    note: RwSignal<Option<Note>>,
}

/// Restores what was saved (unless `fresh`: a portal's settings say how to
/// start), and keeps the session saved while the switch is on.
impl Saving {
    pub fn new() -> Saving {
        Saving { on: RwSignal::new(false), note: RwSignal::new(None) }
    }
}

pub fn connect(ctx: Ctx, fresh: bool) {
    let saving = ctx.saving;
    if let Some(text) = read(ANSWERS) {
        match Session::from_saved(&text) {
            Ok(restored) => {
                ctx.session.set(restored.session);
                saving.on.set(true);
                saving.note.set(Some(if restored.catalog == TEXTS_FILE { (|m| m.saved_restored, true) } else { (|m| m.saved_restored_new_catalog, true) }));
                if let (false, Some((lang, elder))) = (fresh, text.lines().find_map(|l| l.strip_prefix("prefs=")?.split_once('|'))) {
                    ctx.lang.set(if lang == "en" { Lang::En } else { Lang::Zh });
                    ctx.elder.set(elder == "1");
                }
            }
            Err(_) => {
                write(SET_ASIDE, &text);
                remove(ANSWERS);
                saving.note.set(Some((|m| m.saved_set_aside, false)));
            }
        }
    }
    Effect::new(move |_| {
        if !saving.on.get() {
            return;
        }
        // The preferences ride along as one more line, which the session's
        // reader skips.
        let text = format!("{}prefs={}|{}\n", ctx.session.with(|s| s.to_saved(TEXTS_FILE)), ctx.lang.get().pick("zh", "en"), u8::from(ctx.elder.get()));
        // The device refused: the switch goes off, so the resident sees
        // that nothing is kept, and hears why once.
        if !write(ANSWERS, &text) {
            saving.on.set(false);
            saving.note.set(Some((|m| m.saved_unavailable, false)));
        }
    });
}

/// Forgets what was saved and every answer.
fn clear(ctx: Ctx, saving: Saving) {
    saving.on.set(false);
    saving.note.set(None);
    remove(ANSWERS);
    ctx.start_over();
}

/// The switch and 清除我的回答, in every page's footer.
#[component]
pub fn SaveSwitch() -> impl IntoView {
    let ctx = ctx();
    let saving = ctx.saving;
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        saving.on.set(on);
        if !on {
            remove(ANSWERS);
        }
    };
    view! {
        // A kiosk never keeps anything.
        <div class="save" hidden=ctx.kiosk.is_some()>
            <p class="choice">
                <input type="checkbox" id="save-answers" prop:checked=move || saving.on.get() on:change=toggle aria-describedby="save-hint"/>
                <label for="save-answers">{tr(|m| m.saved_switch)}</label>
            </p>
            <p id="save-hint" class="hint">{tr(|m| m.saved_hint)}</p>
            <p><button type="button" class="secondary" on:click=move |_| clear(ctx, saving)>{tr(|m| m.saved_clear)}</button></p>
        </div>
    }
}

/// What happened to saved answers, at the top of the screen until
/// dismissed. (A field a saved session lost is listed on the start page,
/// as a link's are.)
#[component]
pub fn SavedNote() -> impl IntoView {
    let ctx = ctx();
    let saving = ctx.saving;
    let restored = move || saving.note.get().is_some_and(|(_, restored)| restored);
    view! {
        // Styled as a .notice but not one while hidden: a page's notices
        // are found by that class.
        <div aria-live="polite" id="saved-note" hidden=move || saving.note.get().is_none()>
            <p>{move || saving.note.get().map(|(text, _)| text(ctx.msg()))}</p>
            <p>
                <button type="button" class="secondary" on:click=move |_| saving.note.set(None)>{tr(|m| m.saved_ok)}</button>
                <button type="button" class="secondary" hidden=move || !restored() on:click=move |_| clear(ctx, saving)>{tr(|m| m.saved_clear)}</button>
            </p>
        </div>
    }
}
