//! No blank page: a panic replaces the page with a plain message, a way to
//! start again and a link that restores the answers given so far.

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

pub fn show(detail: &str) {
    web_sys::console::error_1(&detail.into());
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        body.set_inner_html(&page());
    }
}

/// The crash page: plain HTML, so it shows even when the app cannot run.
pub fn page() -> String {
    let restore = LAST_ANSWERS.with(|l| l.try_borrow().ok().and_then(|a| a.as_ref().map(share::encode_p)));
    // The query makes the link load the guide again even from the start
    // page: there a bare `/#p=` would only change the fragment, which the
    // stopped app cannot follow.
    let restore_link = restore.map(|r| format!(r#"<p><a class="button" href="/?restore#{r}">恢复我的回答，继续</a></p>"#)).unwrap_or_default();
    format!(
        r#"<main class="crash" id="main"><h1>抱歉，页面出了问题</h1>
<p>指南遇到了一个错误。您的回答没有上传到任何地方。</p>{restore_link}
<p><a class="button secondary" href="/">重新开始</a></p>
<p>也可以到政务服务大厅窗口咨询，或拨打 12345 热线。</p>
<p lang="en">Sorry, something went wrong. <a href="/">Start again</a>.</p></main>"#
    )
}
