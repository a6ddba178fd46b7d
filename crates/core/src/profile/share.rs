//! Profiles in the URL fragment, which browsers never send to a server.
//! `#p=` is the contract form (base64url of the JSON, no padding), and what
//! the app writes. `#z=` (base64url of the raw-deflated JSON) is accepted
//! for shorter links made elsewhere, e.g. a portal; the app itself does
//! not carry a compressor, to keep the wasm small. `#c=` (digits,
//! compact.rs) is what the app's QR codes carry.

use super::{Fatal, Issue, Parsed, Profile};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// Deflated profiles are tiny; anything that inflates past this is hostile.
const MAX_INFLATED: usize = 64 * 1024;

/// Reads a fragment (with or without the leading `#`). `None` when it
/// carries no profile at all.
pub fn decode_fragment(fragment: &str) -> Option<Result<Parsed, Fatal>> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if let Some(data) = fragment.strip_prefix("p=") {
        return Some(base64(data).and_then(|bytes| json(&bytes)));
    }
    if let Some(data) = fragment.strip_prefix("c=") {
        return Some(super::compact::decode(data));
    }
    if let Some(data) = fragment.strip_prefix("z=") {
        return Some(base64(data).and_then(|bytes| inflate(&bytes)).and_then(|bytes| json(&bytes)));
    }
    None
}

/// The contract form, `p=…`.
pub fn encode_p(profile: &Profile) -> String {
    format!("p={}", URL_SAFE_NO_PAD.encode(profile.to_json()))
}

/// The QR form, `c=…` (compact.rs).
pub fn encode_c(profile: &Profile) -> String {
    super::compact::encode(profile)
}

/// A link whose data cannot be read at all.
pub(super) fn bad(zh: &str, en: &str) -> Fatal {
    Fatal(Issue { path: "#".into(), message: crate::text::Bi { zh: zh.into(), en: en.into() } })
}

fn base64(data: &str) -> Result<Vec<u8>, Fatal> {
    // Some mail and chat apps add padding; the contract form has none.
    URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|_| damaged())
}

/// Cut short or mangled on its way (a chat app, a hand-copied link).
pub(super) fn damaged() -> Fatal {
    bad("链接里的资料不完整或已损坏，无法读取", "the link's data is incomplete or damaged")
}

fn inflate(bytes: &[u8]) -> Result<Vec<u8>, Fatal> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, MAX_INFLATED)
        .map_err(|_| bad("链接里的资料已损坏，无法解压", "the link's data is damaged and cannot be unpacked"))
}

fn json(bytes: &[u8]) -> Result<Parsed, Fatal> {
    let text = std::str::from_utf8(bytes).map_err(|_| bad("链接里的资料不是有效的文字", "the link's data is not valid text"))?;
    Profile::from_json(text)
}
