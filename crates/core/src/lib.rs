//! The core of 安阳市公共服务指南, in plain Rust (no browser, no Leptos, no
//! catalog data): the household profile (the contract of
//! `shared/design/profile-v1.md`), the rule language and its three-valued
//! evaluation, explanations in plain words, the shape of a catalog, and the
//! questionnaire's session and page policy.

pub mod catalog;
pub mod engine;
pub mod plan;
pub mod profile;
pub mod questionnaire;
pub mod results;
pub mod text;
