//! Inside a portal's page (docs/embed.md): the guide tells the parent
//! window its height (so the frame has no scrollbar of its own), follows
//! the portal's own 关怀模式 and language switches, and gives `tell` to the
//! screens that say more (`nav`: each new screen, so the parent shows the
//! guide's top; `app`: the resident switched language or 长辈模式). The messages are `crate::settings`'; only the
//! parent window is listened to, and none carries an answer.

use super::app::Ctx;
use crate::settings::{Fields, Incoming, Outgoing};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

/// The window this one is framed in, if any.
fn parent() -> Option<web_sys::Window> {
    let me = window();
    let parent = me.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &me)).then_some(parent)
}

fn post(parent: &web_sys::Window, message: Outgoing) {
    if let Ok(value) = js_sys::JSON::parse(&message.to_json()) {
        // Any origin may read it: a message holds no answer, and the
        // portal's origin is not known here (the server's frame-ancestors
        // says who may frame the guide at all).
        let _ = parent.post_message(&value, "*");
    }
}

/// A message's fields, whatever its shape (a string, null, an object).
fn fields(data: &wasm_bindgen::JsValue) -> Fields {
    if !data.is_object() {
        return Fields::default();
    }
    let get = |name: &str| js_sys::Reflect::get(data, &name.into()).ok().filter(|v| !v.is_undefined());
    Fields {
        version: get("anyang-guide").and_then(|v| v.as_f64()),
        kind: get("type").and_then(|v| v.as_string()),
        lang: get("lang").map(|v| v.as_string()),
        elder: get("elder").map(|v| v.as_bool()),
    }
}

/// Talks with the parent window for as long as the app lives; does nothing
/// when the guide is not in a frame.
pub fn connect(ctx: Ctx) {
    let Some(parent) = parent() else { return };
    let Some(body) = document().body() else { return };
    // The content's height, whenever it changes (a new screen, an error
    // shown, a card opened, the text enlarged).
    let told = Rc::new(Cell::new(0));
    let on_resize = {
        let (parent, body) = (parent.clone(), body.clone());
        Closure::<dyn FnMut()>::new(move || {
            let height = u32::try_from(body.offset_height()).unwrap_or(0);
            if height > 0 && told.replace(height) != height {
                post(&parent, Outgoing::Height(height));
            }
        })
    };
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
        let kept = SendWrapper::new((observer, on_resize));
        on_cleanup(move || kept.0.disconnect());
    }

    // The portal's own switches. A message from any other window (another
    // frame, the guide itself) or of another shape is ignored.
    let from_parent = parent.clone();
    let messages = window_event_listener(leptos::ev::message, move |ev| {
        let Some(source) = ev.source() else { return };
        if !js_sys::Object::is(&source, &from_parent) {
            return;
        }
        if let Some(Incoming { lang, elder }) = Incoming::from_fields(fields(&ev.data())) {
            // Only a change is applied: the guide echoes it back, and an
            // unchanged value must not start a loop with the portal.
            if let Some(lang) = lang.filter(|l| *l != ctx.lang.get_untracked()) {
                ctx.lang.set(lang);
            }
            if let Some(elder) = elder.filter(|e| *e != ctx.elder.get_untracked()) {
                ctx.elder.set(elder);
            }
        }
    });
    on_cleanup(move || messages.remove());

}

/// Tells the parent window, if the guide is framed.
pub fn tell(message: Outgoing) {
    if let Some(parent) = parent() {
        post(&parent, message);
    }
}
