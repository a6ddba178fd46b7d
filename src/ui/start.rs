//! Start page: what the guide does, how long, privacy, other channels,
//! the start button and life-event entry points.

use super::app::{ctx, Notices};
use crate::questionnaire::LifeEvent;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn StartPage() -> impl IntoView {
    let ctx = ctx();
    let m = move || ctx.msg();
    let events = move || {
        let lang = ctx.lang.get();
        LifeEvent::ALL
            .into_iter()
            .map(|e| view! { <li><A href=format!("/household?event={}", e.slug()) attr:class="event">{e.label().get(lang)}</A></li> })
            .collect_view()
    };
    view! {
        <Notices/>
        <h1>{move || m().app_title}</h1>
        <p class="lead">{move || m().start_lead}</p>
        <p>{move || m().start_time}</p>
        <p class="privacy">{move || m().start_privacy}</p>
        <p><A href="/household" attr:class="button start">{move || m().start_button}</A></p>
        <h2>{move || m().start_events}</h2>
        <ul class="events">
            {events}
            <li><A href="/household" attr:class="event">{move || m().start_everything}</A></li>
        </ul>
        <p>{move || m().start_channels}</p>
    }
}
