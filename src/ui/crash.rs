//! No blank page: a panic replaces the page with a plain message, a way to
//! start again and a link that restores the answers given so far. Built
//! with DOM calls, not an HTML string: the CSP's Trusted Types refuse
//! `innerHTML`, and a crash page that throws is a blank page.

use crate::settings::Settings;
use guide_core::profile::{share, Profile};
use std::cell::RefCell;

thread_local! {
    /// The latest answers, kept for the crash page. Written as a link only
    /// there: a copy on every answer costs less than encoding one.
    static LAST_ANSWERS: RefCell<Option<Profile>> = const { RefCell::new(None) };
}

pub fn remember(answers: Profile) {
    LAST_ANSWERS.with(|l| *l.borrow_mut() = Some(answers));
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// A paragraph of the crash page; a link when it has an address.
pub struct Line {
    pub text: &'static str,
    pub href: Option<String>,
    pub class: &'static str,
}

/// The crash page for the address the guide was opened at (its query):
/// a portal's frame or a kiosk stays one. A kiosk offers no restore link
/// (the next resident would find it) and goes back to its start by itself.
pub struct Page {
    pub lines: Vec<Line>,
    pub refresh: Option<String>,
}

pub fn page(query: &str) -> Page {
    let settings = Settings::from_query(query).0;
    let keep = settings.kept();
    let start = crate::settings::with_query("/", &keep);
    // The query makes the link load the guide again even from the start
    // page: there a bare `/#p=` would only change the fragment, which the
    // stopped app cannot follow.
    let restore = LAST_ANSWERS
        .with(|l| l.try_borrow().ok().and_then(|a| a.as_ref().map(share::encode_p)))
        .filter(|_| settings.kiosk.is_none())
        .map(|r| Line { text: "恢复我的回答，继续", href: Some(format!("{}#{r}", crate::settings::with_query("/?restore", &keep))), class: "button" });
    let line = |text, href: Option<&String>, class| Line { text, href: href.cloned(), class };
    let lines = [
        Some(line("指南遇到了一个错误。您的回答没有上传到任何地方。", None, "")),
        restore,
        Some(line("重新开始", Some(&start), "button secondary")),
        Some(line("也可以到政务服务大厅窗口咨询，或拨打 12345 热线。", None, "")),
        Some(line("Sorry, something went wrong. Start again.", Some(&start), "")),
    ];
    Page { lines: lines.into_iter().flatten().collect(), refresh: settings.kiosk.map(|_| format!("30;url={start}")) }
}

pub fn show(detail: &str) {
    web_sys::console::error_1(&detail.into());
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        let query = doc.location().and_then(|l| l.search().ok()).unwrap_or_default();
        render(&doc, page(&query));
    }
}

/// Replaces `doc`'s body with the crash page.
pub fn render(doc: &web_sys::Document, page: Page) {
    let (Some(body), Some(head)) = (doc.body(), doc.head()) else { return };
    let element = |tag: &str, text: &str| {
        let e = doc.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    body.set_text_content(None);
    let Some(main) = element("main", "") else { return };
    main.set_id("main");
    main.set_class_name("crash");
    let _ = element("h1", "抱歉，页面出了问题").map(|h| main.append_child(&h));
    for line in page.lines {
        let Some(p) = element("p", "") else { continue };
        let inner = match &line.href {
            Some(href) => element("a", line.text).inspect(|a| {
                let _ = a.set_attribute("href", href);
                a.set_class_name(line.class);
            }),
            None => element("span", line.text),
        };
        if let Some(inner) = inner {
            let _ = p.append_child(&inner);
        }
        if line.text.is_ascii() {
            let _ = p.set_attribute("lang", "en");
        }
        let _ = main.append_child(&p);
    }
    let _ = body.append_child(&main);
    if let (Some(refresh), Ok(meta)) = (page.refresh, doc.create_element("meta")) {
        let _ = meta.set_attribute("http-equiv", "refresh");
        let _ = meta.set_attribute("content", &refresh);
        let _ = head.append_child(&meta);
    }
}
