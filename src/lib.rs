//! The web app of 安阳市公共服务指南. Its domain (profile, rules,
//! evaluation, questionnaire) is `guide_core`; the catalog is read and
//! checked at build time (build.rs) and embedded as JSON.
//!
//! `handoff`, `route` and `settings` are plain Rust, tested natively; `ui` is the Leptos app and
//! exists only on wasm32.

pub mod handoff;
pub mod route;
pub mod settings;

#[cfg(target_arch = "wasm32")]
pub mod ui;
