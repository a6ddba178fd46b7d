//! Answers that come in a link (`#p=` / `#z=`, profile-v1.md): a portal's
//! pre-filled link, a share link, the crash page's restore link.
//!
//! On first load they fill what is not answered yet. In a tab that already
//! shows the guide, a link to the same page changes only the fragment, and
//! the page does not load again: with nothing answered yet the link's
//! answers are taken; otherwise the resident chooses between theirs and the
//! link's, so no answer is lost without asking.

use super::focus_id;
use super::app::{ctx, next_path, tr, Ctx};
use super::nav::{address, focus_heading};
use guide_core::profile::share::decode_fragment;
use guide_core::questionnaire::Session;
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn Prefill() -> impl IntoView {
    let ctx = ctx();
    // A link's answers, waiting for the resident to take or leave them.
    let offered = RwSignal::new(None::<String>);
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = fragment();
        // A jump within the page (#main, #answer) carries no answers.
        let Some(link) = decode_fragment(&hash) else { return };
        clear_fragment();
        if link.is_ok() && !ctx.session.with_untracked(Session::is_blank) {
            offered.set(Some(hash));
            window().scroll_to_with_x_and_y(0.0, 0.0);
            request_animation_frame(|| focus_id("link-offer"));
        } else {
            // Nothing to lose, or a broken link that only says why.
            apply(ctx, &hash, false);
        }
    });
    on_cleanup(move || hashchange.remove());
    let hash = fragment();
    if decode_fragment(&hash).is_some() {
        clear_fragment();
        apply(ctx, &hash, false);
    }
    let choose = move |replace: bool| {
        if let Some(hash) = offered.get_untracked() {
            offered.set(None);
            if replace {
                apply(ctx, &hash, true);
            }
            request_animation_frame(focus_heading);
        }
    };
    move || {
        offered.get().is_some().then(|| {
            view! {
                <div class="notice" role="alert" id="link-offer" tabindex="-1">
                    <h2>{tr(|m| m.link_title)}</h2>
                    <p>{tr(|m| m.link_body)}</p>
                    <p class="actions">
                        <button type="button" on:click=move |_| choose(true)>{tr(|m| m.link_replace)}</button>
                        <button type="button" class="secondary" on:click=move |_| choose(false)>{tr(|m| m.link_keep)}</button>
                    </p>
                </div>
            }
        })
    }
}

/// Takes a link's answers into what is answered (or, with `replace`, in
/// place of it), then goes on as a link does: a share link to the results stays there, a portal
/// link to the start page goes on to what is still unknown, and a broken
/// link stays put and shows why. Replaced answers also go on: the page
/// shown was built from the old ones.
fn apply(ctx: Ctx, hash: &str, replace: bool) {
    let applied = ctx.session.try_update(|s| {
        if replace {
            *s = Session::new();
        }
        s.prefill(hash)
    });
    let go_on = match ctx.nav.route.get_untracked() {
        Route::Start => true,
        Route::Results => false,
        _ => replace,
    };
    if applied.flatten() == Some(true) && go_on {
        let to = next_path(&ctx, None);
        request_animation_frame(move || ctx.nav.go(&to));
    }
}

fn fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// Takes a link's answers out of the address bar and history, leaving
/// the address as the route writes it: a life-event link
/// (`/household?event=baby#p=…`) must still be one after the back button,
/// and the crash page's `/?restore` must not stay, or a second crash there
/// would give a restore link to where the page already is.
fn clear_fragment() {
    let here = address();
    let address = match Route::parse(&here) {
        Route::NotFound => here,
        route => route.address(),
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
}
