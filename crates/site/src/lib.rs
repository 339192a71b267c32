//! The build's finishing step, run by Trunk after each build (`tuoyu-site finish DIR`):
//!
//! - a plain list of the default dataset's institutions, written into `index.html` at build
//!   time, so that a parent on a weak network sees results before the wasm has arrived, and an
//!   engine that cannot run the wasm at all still shows names, addresses and phone numbers;
//! - the check for that engine, which has to run before Trunk's loader;
//! - the preload of the first file the app opens, so it arrives with the wasm;
//! - the service worker that keeps the app for a reload with no signal (`sw.js`);
//! - the fault boundary: a notice with a reload button when the app's wasm traps or panics;
//! - `.gz` and `.br` copies beside the assets, for static hosts that serve them as they are.

pub mod compress;
pub mod csp;
pub mod fault;
pub mod first_paint;
pub mod offline;
pub mod page;
pub mod preload;
