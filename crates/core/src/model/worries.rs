//! Dataset 1.1's optional fields for what parents worry about (`shared/spec/dataset-v1.md`,
//! "Added in 1.1"): structured opening hours, prepaid fees, and vacancies by age band,
//! with the finder's rules for each. Kept apart from the 1.0 model so a reader sees at
//! once what a 1.0 file lacks.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A time of day in whole minutes since midnight, 00:00–24:00 (24:00 is the end of the day,
/// so an institution open until midnight can say so).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Clock(u16);

impl Clock {
    pub const MIDNIGHT_END: Clock = Clock(24 * 60);

    /// `None` beyond 24:00.
    pub fn from_minutes(minutes: u16) -> Option<Clock> {
        (minutes <= Self::MIDNIGHT_END.0).then_some(Clock(minutes))
    }

    pub fn minutes(self) -> u16 {
        self.0
    }

    /// Exactly `HH:MM` (two digits each), 00:00–24:00; `7:30` and `25:00` are refused, so a
    /// hand-typed time that means something else is caught rather than guessed at.
    pub fn parse(s: &str) -> Option<Clock> {
        let b = s.as_bytes();
        if b.len() != 5
            || b[2] != b':'
            || !b
                .iter()
                .enumerate()
                .all(|(i, c)| i == 2 || c.is_ascii_digit())
        {
            return None;
        }
        let h = u16::from(b[0] - b'0') * 10 + u16::from(b[1] - b'0');
        let m = u16::from(b[3] - b'0') * 10 + u16::from(b[4] - b'0');
        if m > 59 {
            return None;
        }
        Clock::from_minutes(h * 60 + m)
    }
}

/// `HH:MM`, the form the spec and the address use.
impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for Clock {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Clock {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Clock::parse(&s)
            .ok_or_else(|| serde::de::Error::custom("a time written HH:MM, 00:00–24:00"))
    }
}

/// Monday to Friday, the days a working parent's drop-off and pick-up are asked about.
pub const WEEKDAYS: [u8; 5] = [1, 2, 3, 4, 5];

/// One line of an opening week: these days (1 = Monday … 7 = Sunday), from `open` to `close`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opening {
    pub days: Vec<u8>,
    pub open: Clock,
    pub close: Clock,
}

/// The entry that covers `day`; the loader makes sure there is at most one.
pub fn opening_on(opening: &[Opening], day: u8) -> Option<&Opening> {
    opening.iter().find(|o| o.days.contains(&day))
}

/// The spec's hours rule: on every weekday the institution opens at or before `from` and
/// closes at or after `until`; either may be left out. A week without entries (no
/// structured hours) never matches a time asked for.
pub fn fits_weekdays(opening: &[Opening], from: Option<Clock>, until: Option<Clock>) -> bool {
    if from.is_none() && until.is_none() {
        return true;
    }
    WEEKDAYS.iter().all(|&d| {
        opening_on(opening, d)
            .is_some_and(|o| from.is_none_or(|t| o.open <= t) && until.is_none_or(|t| o.close >= t))
    })
}

/// How fees are collected ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prepayment {
    /// At most this many months ahead; 0 = monthly in arrears or pay as you go.
    pub max_months: u32,
    /// Prepaid fees sit in a supervised account (资金监管); `None` = not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escrow: Option<bool>,
}

/// The largest `prepay` the finder filters by (the address's 0–12).
pub const MAX_PREPAY_MONTHS: u8 = 12;

/// Places for one age band, both ends included, in months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeBand {
    pub min: u8,
    pub max: u8,
    pub total: u32,
    pub vacant: u32,
}

impl AgeBand {
    pub fn holds(&self, months: u8) -> bool {
        self.min <= months && months <= self.max
    }
}

/// The band holding `months`; the loader keeps bands from overlapping, so there is at most one.
pub fn band_for(bands: &[AgeBand], months: u8) -> Option<&AgeBand> {
    bands.iter().find(|b| b.holds(months))
}
