//! No blank page: a panic replaces the page with a plain message, a way to
//! start again and a link that restores the answers given so far.

use std::cell::RefCell;

thread_local! {
    /// The latest answers as a share fragment, kept for the crash page.
    static LAST_ANSWERS: RefCell<String> = const { RefCell::new(String::new()) };
}

pub fn remember(fragment: String) {
    LAST_ANSWERS.with(|l| *l.borrow_mut() = fragment);
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

pub fn show(detail: &str) {
    web_sys::console::error_1(&detail.into());
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return };
    let restore = LAST_ANSWERS.with(|l| l.borrow().clone());
    let restore_link = if restore.is_empty() {
        String::new()
    } else {
        format!(r#"<p><a class="button" href="/#{restore}">恢复我的回答，继续</a></p>"#)
    };
    body.set_inner_html(&format!(
        r#"<main class="crash" id="main"><h1>抱歉，页面出了问题</h1>
<p>指南遇到了一个错误。您的回答没有上传到任何地方。</p>{restore_link}
<p><a class="button secondary" href="/">重新开始</a></p>
<p>也可以到政务服务大厅窗口咨询，或拨打 12345 热线。</p>
<p lang="en">Sorry, something went wrong. <a href="/">Start again</a>.</p></main>"#
    ));
}
