//! Component tests in a real browser (wasm-bindgen-test, headless Chromium):
//! `cargo test --target wasm32-unknown-unknown --lib`.

use super::app::App;
use crate::catalog::Catalog;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn text(selector: &str) -> String {
    document().query_selector(selector).unwrap().map(|e| e.text_content().unwrap_or_default()).unwrap_or_default()
}

fn click_button(label: &str) {
    let buttons = document().query_selector_all("button").unwrap();
    let button = (0..buttons.length())
        .filter_map(|i| buttons.get(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|b| b.text_content().unwrap_or_default().contains(label))
        .unwrap_or_else(|| panic!("no button {label}"));
    button.click();
}

async fn tick() {
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn header_switches_language_and_elder_mode() {
    let catalog: &'static Catalog = Box::leak(Box::new(Catalog::embedded().unwrap()));
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let _handle = leptos::mount::mount_to(root.unchecked_into(), move || leptos::view! { <App catalog=catalog/> });
    tick().await;
    assert_eq!(text("main h1"), "安阳市公共服务指南");
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("zh-CN"));

    click_button("English");
    tick().await;
    assert_eq!(text("main h1"), "Anyang Public Services Guide");
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(document().title(), "Anyang Public Services Guide");

    click_button("Larger text");
    tick().await;
    assert_eq!(document().document_element().unwrap().class_name(), "elder");
    click_button("Normal text");
    tick().await;
    assert_eq!(document().document_element().unwrap().class_name(), "");
}

#[wasm_bindgen_test]
fn crash_page_restores_the_answers_given() {
    let profile = crate::profile::Profile::from_json(r#"{"v":1,"members":[{"role":"self","age":70}]}"#).unwrap().profile;
    super::crash::remember(profile.clone());
    let page = super::crash::page();
    assert!(page.contains("重新开始") && page.contains("12345"));
    let href = page.split(r#"href="/?restore#"#).nth(1).and_then(|r| r.split('"').next()).expect("a restore link");
    let restored = crate::profile::share::decode_fragment(&format!("#{href}")).unwrap().unwrap();
    assert_eq!(restored.profile, profile);
}
