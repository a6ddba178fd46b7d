//! The shell: one context holding the session, the screen for the address
//! (one per route), header (language, 长辈模式) and footer.

use super::i18n::{msg, Msg};
use super::nav::Nav;
use super::{check, crash, embed, household, kiosk, prefill, question, results, source, speech, start, storage};
use guide_core::catalog::Catalog;
use guide_core::profile::facts::FACTS;
use guide_core::questionnaire::Session;
use crate::route::{Back, Route};
use crate::settings::Settings;
use guide_core::text::Lang;
use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Everything the screens share. The session is the one place that holds
/// a resident's answers, so clearing it forgets them all.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// Rules and ids: all the questions need.
    pub catalog: &'static Catalog,
    /// The same catalog with the services' texts, once fetched.
    pub texts: RwSignal<Texts>,
    pub session: RwSignal<Session>,
    pub lang: RwSignal<Lang>,
    pub elder: RwSignal<bool>,
    /// Inside a portal's page (`?embed=1`): the portal has the site's title.
    pub embed: bool,
    /// 在本机保存我的回答 (`storage`).
    pub saving: storage::Saving,
    /// A service hall's terminal (`?mode=kiosk`): forgets, never stores.
    pub kiosk: Option<kiosk::Idle>,
    /// 语音播报: each new screen read aloud (a kiosk's switch).
    pub voice: RwSignal<bool>,
    /// Where the QR code's link points: the guide's public address.
    pub base: &'static str,
    pub nav: Nav,
}

impl Ctx {
    pub fn msg(&self) -> &'static Msg {
        msg(self.lang.get())
    }

    /// Forgets every answer and goes back to the start page.
    pub fn start_over(&self) {
        self.session.set(Session::new());
        self.nav.go("/");
    }
}

pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// A translated string that follows the language switch. Every call site
/// shares this one closure type, so the render code exists once in the
/// wasm instead of once per string.
pub fn tr(field: fn(&'static Msg) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = ctx().lang;
    move || field(msg(lang.get()))
}

#[derive(Clone, Copy)]
pub enum Texts {
    Loading,
    Ready(&'static Catalog),
    Failed,
}

/// Fetches the services' texts (see build.rs); on failure the results page
/// says so and offers to try again.
pub fn load_texts(ctx: Ctx) {
    ctx.texts.set(Texts::Loading);
    leptos::task::spawn_local(async move {
        let json = super::fetch::fetch_text(&format!("/{}", super::TEXTS_FILE)).await;
        // Leaked once per successful load: the catalog lives as long as the page.
        let full = json.as_deref().and_then(|json| ctx.catalog.with_texts(json).ok()).map(|c| &*Box::leak(Box::new(c)));
        ctx.texts.set(full.map_or(Texts::Failed, Texts::Ready));
    });
}

/// What the results and source pages show until the texts are there.
#[component]
pub fn TextsPending(state: Texts) -> impl IntoView {
    let ctx = ctx();
    match state {
        Texts::Failed => Either::Left(view! {
            <div class="notice" role="alert">
                <p>{tr(|m| m.texts_failed)}</p>
                <p><button type="button" on:click=move |_| load_texts(ctx)>{tr(|m| m.retry)}</button></p>
            </div>
        }),
        _ => Either::Right(view! { <p role="status">{tr(|m| m.texts_loading)}</p> }),
    }
}

/// Where to go after an answer: the next question, or check answers. Opened
/// by 修改 (`back`), back where it came from; from the results page
/// ("再回答…"), on through what is still to ask, then back to the results.
pub fn go_on(ctx: &Ctx, back: Option<Back>) {
    let to = match back {
        Some(Back::Results) | None => next_path(ctx, back),
        Some(b) => b.path().to_string(),
    };
    ctx.nav.go(&to);
}

/// The next question (carrying `back`), or, with none left, where `back`
/// points, or check answers.
pub fn next_path(ctx: &Ctx, back: Option<Back>) -> String {
    let next = ctx.session.with_untracked(|s| s.next_page(ctx.catalog));
    match (next, back) {
        (Some((fact, about)), _) => Route::Question { key: FACTS[fact].key.to_string(), who: about.slug(), back }.address(),
        (None, Some(b)) => b.path().to_string(),
        (None, None) => Route::Check.address(),
    }
}

#[component]
pub fn App(catalog: &'static Catalog) -> impl IntoView {
    // What a portal's link or frame sets (docs/embed.md); a bad setting
    // is only a warning in the console.
    let (settings, warnings) = Settings::from_query(&window().location().search().unwrap_or_default());
    for warning in warnings {
        web_sys::console::warn_1(&warning.into());
    }
    let keep: &'static str = Box::leak(settings.kept().into_boxed_str());
    // A kiosk may be served where phones cannot reach it (docs/kiosk.md).
    let base = settings.base.clone().unwrap_or_else(|| window().location().origin().unwrap_or_default());
    let ctx = Ctx {
        catalog,
        texts: RwSignal::new(Texts::Loading),
        session: RwSignal::new(Session::new()),
        lang: RwSignal::new(settings.lang.unwrap_or(Lang::Zh)),
        // A kiosk starts in 长辈模式: its residents are often older.
        elder: RwSignal::new(settings.elder.unwrap_or(settings.kiosk.is_some())),
        embed: settings.embed,
        saving: storage::Saving::new(),
        kiosk: settings.kiosk.map(kiosk::connect),
        voice: RwSignal::new(false),
        base: Box::leak(base.into_boxed_str()),
        nav: Nav::new(keep),
    };
    provide_context(ctx);
    load_texts(ctx);
    let root = document().document_element().map(|r| r.unchecked_into::<web_sys::HtmlElement>());
    if let (Some(root), Some(colour)) = (&root, &settings.brand) {
        // Through the CSSOM, which the CSP (no inline style) allows.
        let _ = root.style().set_property("--brand", colour);
        let _ = root.style().set_property("--brand-dark", colour);
    }
    // Keep <html lang>, the title and the mode classes right; a portal
    // that frames the guide hears of a switch by the resident.
    let root = send_wrapper::SendWrapper::new(root);
    Effect::new(move |set: Option<()>| {
        let lang = ctx.lang.get();
        let elder = ctx.elder.get();
        if let Some(root) = root.as_ref() {
            let _ = root.set_attribute("lang", lang.tag());
            let _ = root.class_list().toggle_with_force("elder", elder);
            let _ = root.class_list().toggle_with_force("embed", ctx.embed);
            // The kiosk's touch-only styles and its printer's paper.
            let _ = root.class_list().toggle_with_force("kiosk", ctx.kiosk.is_some());
            let _ = root.class_list().toggle_with_force("receipt", ctx.kiosk.is_some_and(|k| k.kiosk.paper == crate::settings::Paper::Receipt));
        }
        document().set_title(msg(lang).app_title);
        if set.is_some() {
            embed::tell(crate::settings::Outgoing::Settings { lang, elder });
        }
    });
    embed::connect(ctx);
    if ctx.kiosk.is_none() {
        storage::connect(ctx, settings.lang.is_some() || settings.elder.is_some());
    }
    // The crash page can restore what was answered.
    Effect::new(move |_| crash::remember(ctx.session.with(|s| s.answers.clone())));
    view! {
        <Header/>
        {ctx.kiosk.map(|idle| view! { <kiosk::IdleDialog idle/> })}
        <main id="main" tabindex="-1">
            <storage::SavedNote/>
            <prefill::Prefill/>
            {move || screen(ctx.nav.route.get())}
        </main>
        <Footer/>
    }
}

fn screen(route: Route) -> AnyView {
    match route {
        Route::Start => view! { <start::StartPage/> }.into_any(),
        Route::Household { back, event } => view! { <household::HouseholdPage back event/> }.into_any(),
        Route::Question { key, who, back } => view! { <question::QuestionPage key who back/> }.into_any(),
        Route::Check => view! { <check::CheckPage/> }.into_any(),
        Route::Results => view! { <results::ResultsPage/> }.into_any(),
        Route::Source(id) => view! { <source::SourcePage id/> }.into_any(),
        Route::NotFound => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn Header() -> impl IntoView {
    let ctx = ctx();
    let m = move || ctx.msg();
    let toggle_lang = move |_| ctx.lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh });
    view! {
        <a class="skip-link" href="#main">{tr(|m| m.skip_to_content)}</a>
        <header class="site-header">
            // In a portal's page the portal's own header names the site.
            <a href="/" class="brand" hidden=ctx.embed>{tr(|m| m.app_title)}</a>
            <div class="tools">
                <button type="button" class="tool" on:click=toggle_lang
                    lang=move || if ctx.lang.get() == Lang::Zh { "en" } else { "zh-CN" }>
                    {tr(|m| m.switch_language)}
                </button>
                <button type="button" class="tool" aria-pressed=move || ctx.elder.get().to_string()
                    on:click=move |_| ctx.elder.update(|e| *e = !*e)>
                    {move || if ctx.elder.get() { m().elder_off } else { m().elder_on }}
                </button>
                <button type="button" class="tool" hidden=!ctx.embed on:click=move |_| ctx.start_over()>{tr(|m| m.start_over)}</button>
                {ctx.kiosk.is_some().then(|| view! { <speech::VoiceSwitch/> }.into_any())}
                <button type="button" class="tool" hidden=ctx.kiosk.is_none() on:click=move |_| kiosk::end(ctx)>{tr(|m| m.kiosk_end)}</button>
            </div>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <storage::SaveSwitch/>
            <p>{tr(|m| m.disclaimer)}</p>
            <p>{tr(|m| m.footer_privacy)}</p>
        </footer>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>{tr(|m| m.not_found_title)}</h1>
        <p>{tr(|m| m.not_found_body)}</p>
        <p><a href="/" class="button">{tr(|m| m.start_again)}</a></p>
    }
}

/// Pre-fill problems, shown once on the page after the link was opened.
#[component]
pub fn Notices() -> impl IntoView {
    let ctx = ctx();
    let notices = move || ctx.session.with(|s| s.notices.clone());
    let lang = ctx.lang;
    view! {
        {move || (!notices().is_empty()).then(|| view! {
            <div class="notice" role="alert">
                <h2>{tr(|m| m.notices_title)}</h2>
                <ul>
                    {move || notices().into_iter().map(|n| view! { <li>{n.message.take(lang.get())}</li> }).collect_view()}
                </ul>
            </div>
        })}
    }
}
