//! One room per view. Each reads the address and the dataset from context and writes back
//! only through `route::Address`.

pub mod advice;
pub mod baby;
pub mod card;
pub mod chip;
pub mod compare;
pub mod detail;
pub mod filter_sheet;
pub mod filters;
pub mod finder;
pub mod guide;
pub mod header;
pub mod location;
pub mod map;
pub mod scope;
pub mod share;
pub mod sheet;
pub mod shortlist;
pub mod status;
pub mod text;
pub mod title;
pub mod worries;
pub mod worries_filters;
