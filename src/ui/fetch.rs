//! Same-origin GETs of static files (the service texts, the plan). They
//! carry no answers: the URLs are fixed and nothing is sent.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.ok()?.dyn_into::<web_sys::Response>().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}
