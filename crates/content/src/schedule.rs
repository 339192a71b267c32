//! `content/schedule.toml`: check-ups, programme vaccines, stages and warning signs.

use serde::Deserialize;
use tuoyu_core::guide::{
    Checkup, Schedule, Source, Stage, Vaccine, WarningSigns, MAX_GUIDE_MONTHS,
};

use crate::{toml_date, Problem};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSchedule {
    reviewed: toml::value::Datetime,
    sources: Vec<Source>,
    checkups: Vec<Checkup>,
    vaccines: Vec<Vaccine>,
    stages: Vec<Stage>,
    warning_signs: Vec<WarningSigns>,
}

pub fn parse_schedule(path: &str, text: &str) -> Result<Schedule, Vec<Problem>> {
    let problem = |line: usize, message: String| Problem {
        file: path.to_owned(),
        line,
        message,
    };
    let raw: RawSchedule = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| {
            1 + text[..s.start.min(text.len())].matches('\n').count()
        });
        vec![problem(line, e.message().to_owned())]
    })?;
    // Past parsing, messages name the table and entry: TOML's arrays of tables carry no
    // line numbers once deserialized, and `[[vaccines]]` #7 is easy to find.
    let mut problems = Vec::new();
    let mut check = |ok: bool, message: String| {
        if !ok {
            problems.push(problem(0, message));
        }
    };
    let reviewed = toml_date(&raw.reviewed);
    check(
        reviewed.is_some(),
        "reviewed must be a plain date, like 2026-11-28".into(),
    );
    check(!raw.sources.is_empty(), "sources is empty".into());
    for (name, len) in [
        ("checkups", raw.checkups.len()),
        ("vaccines", raw.vaccines.len()),
        ("stages", raw.stages.len()),
        ("warning_signs", raw.warning_signs.len()),
    ] {
        check(len > 0, format!("[[{name}]] has no entries"));
    }
    let max = MAX_GUIDE_MONTHS;
    let due_order: Vec<_> = raw
        .checkups
        .iter()
        .map(|c| (c.age_months, c.age_days.unwrap_or(0)))
        .collect();
    check(
        due_order.windows(2).all(|w| w[0] <= w[1]),
        "[[checkups]] must be in the order they fall due".into(),
    );
    for (i, c) in raw.checkups.iter().enumerate() {
        check(
            c.age_months <= max,
            format!("[[checkups]] #{}: age_months over {max}", i + 1),
        );
        check(
            c.age_days.is_none() || c.age_months == 0,
            format!(
                "[[checkups]] #{}: age_days is only for visits in the first month",
                i + 1
            ),
        );
    }
    check(
        raw.vaccines
            .windows(2)
            .all(|w| w[0].age_months <= w[1].age_months),
        "[[vaccines]] must be in age order".into(),
    );
    for (i, v) in raw.vaccines.iter().enumerate() {
        check(
            v.age_months <= max,
            format!("[[vaccines]] #{}: age_months over {max}", i + 1),
        );
    }
    let mut expected_from = 0;
    for (i, s) in raw.stages.iter().enumerate() {
        check(
            s.from_months == expected_from && s.from_months < s.to_months,
            format!(
                "[[stages]] #{}: stages must follow each other from 0 without gaps",
                i + 1
            ),
        );
        check(
            !s.usually.is_empty(),
            format!("[[stages]] #{}: usually is empty", i + 1),
        );
        expected_from = s.to_months;
    }
    check(
        expected_from == max,
        format!("[[stages]] must end at {max} months"),
    );
    check(
        raw.warning_signs
            .windows(2)
            .all(|w| w[0].age_months < w[1].age_months),
        "[[warning_signs]] must be in age order, one entry per age".into(),
    );
    for w in &raw.warning_signs {
        check(
            !w.signs.is_empty() && w.age_months <= max,
            format!(
                "[[warning_signs]] at {} months: needs signs, and an age up to {max}",
                w.age_months
            ),
        );
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Schedule {
        reviewed: reviewed.unwrap_or_default(),
        sources: raw.sources,
        checkups: raw.checkups,
        vaccines: raw.vaccines,
        stages: raw.stages,
        warning_signs: raw.warning_signs,
    })
}
