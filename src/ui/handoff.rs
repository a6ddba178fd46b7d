//! 用手机带走结果: the QR code of `crate::handoff` on the results and
//! check-answers pages. On a kiosk's screen it is shown; on a phone it is
//! only printed (the resident already holds the results). A household too
//! large for a readable code is told to print instead. (No static child
//! in the SVG: Leptos would build it from an HTML string, which the CSP's
//! Trusted Types refuse; the white ground is the stylesheet's.)

use super::app::{ctx, tr};
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn HandOff() -> impl IntoView {
    let ctx = ctx();
    // Made again only when an answer changes; nothing to take while nothing
    // is answered (a kiosk's screens after 结束并清除).
    let code = Memo::new(move |_| ctx.session.with(|s| (!s.is_blank()).then(|| crate::handoff::code(&crate::handoff::link(ctx.base, &s.answers)))));
    view! {
        <section class="handoff" aria-labelledby="handoff" hidden=move || code.with(Option::is_none)>
            <h2 id="handoff">{tr(|m| m.handoff_title)}</h2>
            {move || code.with(|code| match code {
                Some(Some(c)) => Either::Left(view! {
                    <svg class="qr" role="img" aria-label=tr(|m| m.handoff_image) viewBox=format!("0 0 {0} {0}", c.size) shape-rendering="crispEdges">
                        <path d=c.path.clone() fill="#000"/>
                    </svg>
                    <div>
                        <p>{tr(|m| m.handoff_how)}</p>
                        <p class="handoff-privacy">{tr(|m| m.handoff_privacy)}</p>
                    </div>
                }),
                Some(None) => Either::Right(Some(view! {
                    <p class="handoff-too-large">{tr(|m| m.handoff_too_large)}</p>
                })),
                None => Either::Right(None),
            })}
        </section>
    }
}
