//! Fees against the district (dataset 1.1): the median monthly fee of a care type across
//! the file's listed institutions. Computed from the file, never stored, and only where
//! enough institutions give one for a middle value to mean something.

use crate::model::{CareType, Dataset, FeeUnit, Institution};

/// Fewer fees than this and no median is shown: two or three fees say little about a district.
pub const MIN_FEES_FOR_MEDIAN: usize = 5;

/// The middle monthly fee, in yuan, and how many institutions it is taken over.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FeeMedian {
    pub amount: f64,
    pub count: usize,
}

/// Whose fees a median is taken over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Among {
    All,
    /// The non-普惠 institutions: what a 普惠 place saves a parent.
    NotPuhui,
}

/// The median of `care_type`'s monthly fees among `among`, when at least
/// [`MIN_FEES_FOR_MEDIAN`] institutions have one; with an even count, the mean of the two
/// middle fees.
pub fn fee_median(dataset: &Dataset, care_type: CareType, among: Among) -> Option<FeeMedian> {
    let wanted = |i: &&Institution| among == Among::All || !i.puhui;
    let mut fees: Vec<f64> = dataset
        .institutions
        .iter()
        .filter(wanted)
        .filter_map(|i| i.fees.get(&care_type))
        .filter(|f| f.unit == FeeUnit::Month)
        .map(|f| f.amount)
        .collect();
    let count = fees.len();
    if count < MIN_FEES_FOR_MEDIAN {
        return None;
    }
    fees.sort_by(f64::total_cmp);
    let mid = count / 2;
    let amount = if count % 2 == 1 {
        fees[mid]
    } else {
        (fees[mid - 1] + fees[mid]) / 2.0
    };
    Some(FeeMedian { amount, count })
}
