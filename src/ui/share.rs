//! "发给家人": the results as a link (the answers in its fragment, the
//! profile contract's `#p=` form), sent with the phone's own share sheet
//! where the browser has one (Web Share API), else copied. The link is also
//! shown, so it can be copied by hand when neither works.

use super::app::{ctx, tr};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

#[component]
pub fn ShareLink() -> impl IntoView {
    let ctx = ctx();
    let link = move || format!("{}/results#{}", window().location().origin().unwrap_or_default(), ctx.session.with(|s| s.share_fragment()));
    // What happened, for the status line (a screen reader hears it too).
    let said = RwSignal::new(None::<fn(&'static super::i18n::Msg) -> &'static str>);
    let send = move |_| {
        said.set(None);
        let url = link();
        let title = ctx.msg().app_title;
        leptos::task::spawn_local(async move {
            said.set(send(&url, title).await);
        });
    };
    view! {
        <section class="share" aria-labelledby="share">
            <h2 id="share">{tr(|m| m.results_share)}</h2>
            <p id="share-hint">{tr(|m| m.results_share_hint)}</p>
            <input type="text" readonly class="share-link" aria-labelledby="share" aria-describedby="share-hint" prop:value=link/>
            <p><button type="button" on:click=send>{tr(|m| m.share_send)}</button></p>
            <p class="share-said" aria-live="polite">{move || said.get().map(|m| m(ctx.msg()))}</p>
        </section>
    }
}

/// Shares `url` with the browser's share sheet, or copies it; what to tell
/// the resident (nothing when they closed the share sheet themselves).
async fn send(url: &str, title: &str) -> Option<fn(&'static super::i18n::Msg) -> &'static str> {
    let navigator = js_sys::Reflect::get(&window(), &"navigator".into()).ok()?;
    // Read off the object: both APIs are still "unstable" in web-sys.
    let method = |on: &JsValue, name: &str| js_sys::Reflect::get(on, &name.into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(share) = method(&navigator, "share") {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
        let promise = share.call1(&navigator, &data).ok()?.dyn_into::<js_sys::Promise>().ok()?;
        return match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => Some(|m| m.share_sent),
            Err(_) => None,
        };
    }
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| c.is_object());
    let copied = match clipboard.as_ref().and_then(|c| Some((c, method(c, "writeText")?))) {
        Some((clipboard, write)) => match write.call1(clipboard, &url.into()).ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) {
            Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
            None => false,
        },
        None => false,
    };
    Some(if copied { |m| m.share_copied } else { |m| m.share_by_hand })
}
