//! Work that a resident's first tap on a page would otherwise pay for,
//! done ahead while they read the start page. The browser compiles each
//! part of the app the first time it runs (V8 compiles WebAssembly
//! lazily, function by function), and sets up each text size the first
//! time text is drawn in it: both cost milliseconds on a slow phone, in the
//! frame that answers the tap. (Measured in the README's Performance
//! section.)

mod screens;
mod type_samples;

use crate::catalog::Catalog;
pub use type_samples::again;

/// Once the services' texts (`json`, and the catalog with them) are here.
pub fn warm(json: &str, catalog: &'static Catalog, texts: &'static Catalog) {
    type_samples::warm(json);
    screens::rehearse(catalog, texts);
}
