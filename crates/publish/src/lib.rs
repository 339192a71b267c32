//! The publisher's tool for `tuoyu.dataset/1`: a spreadsheet template, the import of a
//! filled-in sheet into a dataset file, a check and a diff of dataset files, and the bundle
//! of many district files into a catalogue tree and the diff of two such releases — all on
//! the core's own loaders, so a file that passes here is a file the app shows.
//!
//! Everything here works on bytes and strings: the command line (`cli`, behind the `cli`
//! feature) reads and writes the files, the publisher's page the browser's.

pub mod bundle;
pub mod check;
#[cfg(feature = "cli")]
pub mod cli;
pub mod columns;
pub mod diff;
pub mod import;
mod json;
mod notes;
pub mod region;
pub mod release;
pub mod row;
pub mod sheet;
pub mod template;
pub mod values;
pub mod worries;
