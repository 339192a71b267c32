//! The pure-Rust core of the childcare finder: the `tuoyu.dataset/1` model and its
//! validation, filtering and sorting, distances and coordinate systems, a child's age,
//! and the address-as-state rules. No web types: it builds natively and for wasm32, so
//! all of it is tested without a browser.

pub mod age;
pub mod catalogue;
pub mod coords;
pub mod distance;
pub mod filter;
pub mod language;
pub mod links;
pub mod load;
pub mod median;
pub mod model;
pub mod query;
pub mod source;

pub use age::{age_on, corrected_age, Age};
pub use coords::{gcj02_to_wgs84, to_gcj02, wgs84_to, wgs84_to_gcj02};
pub use distance::distance_m;
pub use filter::{find, Filter, Hit, Sort};
pub use load::{load_dataset, FileError, Loaded, RecordProblem, MAX_DATASET_BYTES};
pub use median::{fee_median, Among, FeeMedian};
pub use model::{
    AgeRange, Area, CareType, Crs, Dataset, Date, Fee, FeeUnit, Grade, Inspection,
    InspectionResult, Institution, Kind, LatLng, Operator, Places, Quality, Region, Registration,
    RegistrationStatus,
};
pub use query::{FinderQuery, NoteKind, Page, QueryNote, View};
pub use source::{resolve_data_source, SourceRefusal, DEFAULT_DATASET};
pub mod guide;
pub mod plan;
