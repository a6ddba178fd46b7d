//! 安阳市公共服务指南: which services of Anyang's 14th Five-Year Plan for
//! Public Services and Social Security a household can get, and why.
//!
//! `profile`, `catalog` and `engine` are plain Rust, tested natively with
//! `cargo test`; `ui` is the Leptos app and exists only on wasm32.

pub mod catalog;
pub mod engine;
pub mod profile;
pub mod questionnaire;
pub mod route;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod ui;
