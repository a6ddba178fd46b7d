//! Mounts the app. All behaviour lives in the library (`anyang_guide::ui`).

#[cfg(target_arch = "wasm32")]
fn main() {
    anyang_guide::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The web app runs in the browser: build it with `scripts/serve` (trunk). The eval tool is `cargo run -p guide-eval`.");
}
