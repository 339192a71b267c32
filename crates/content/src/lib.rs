//! The build step behind `guide.json`: reads `content/` (see content/README.md), checks
//! everything the app relies on, and fails with the file and line of each problem.

mod article;
mod markdown;
mod schedule;

use std::fmt;
use std::path::Path;

use tuoyu_core::guide::{Guide, TOPICS};
use tuoyu_core::model::Date;
use tuoyu_core::query::{FinderQuery, Page};

pub use article::{parse_article, Parsed, LAST_WORD_HEADING};
pub use markdown::{parse_body, Body, LinkAt};
pub use schedule::parse_schedule;

/// Something in `content/` the app must not receive, where it is, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based; 0 when the problem is about the file as a whole.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "{}: {}", self.file, self.message),
            line => write!(f, "{}:{line}: {}", self.file, self.message),
        }
    }
}

/// A file's name as shown in messages, and its text.
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

impl SourceFile {
    /// The file name without directories and `.md`: what the slug must be.
    fn stem(&self) -> &str {
        let name = self.path.rsplit(['/', '\\']).next().unwrap_or(&self.path);
        name.strip_suffix(".md").unwrap_or(name)
    }
}

/// Reads `<dir>/guide/*.md` and `<dir>/schedule.toml`.
pub fn read_content(dir: &Path) -> Result<(Vec<SourceFile>, SourceFile), Vec<Problem>> {
    let io_problem = |path: &Path, e: std::io::Error| {
        vec![Problem {
            file: path.display().to_string(),
            line: 0,
            message: format!("cannot read: {e}"),
        }]
    };
    let guide_dir = dir.join("guide");
    let mut paths: Vec<_> = std::fs::read_dir(&guide_dir)
        .map_err(|e| io_problem(&guide_dir, e))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    let read = |path: &Path| {
        std::fs::read_to_string(path)
            .map(|text| SourceFile {
                path: path.display().to_string(),
                text,
            })
            .map_err(|e| io_problem(path, e))
    };
    let articles = paths.iter().map(|p| read(p)).collect::<Result<_, _>>()?;
    let schedule = read(&dir.join("schedule.toml"))?;
    Ok((articles, schedule))
}

/// Checks every file and puts the guide together, or returns every problem found.
pub fn build_guide(articles: &[SourceFile], schedule: &SourceFile) -> Result<Guide, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut parsed: Vec<(&SourceFile, Parsed)> = Vec::new();
    for file in articles {
        match parse_article(&file.path, file.stem(), &file.text) {
            Ok(p) => parsed.push((file, p)),
            Err(mut found) => problems.append(&mut found),
        }
    }
    let schedule = parse_schedule(&schedule.path, &schedule.text).map_err(|mut found| {
        problems.append(&mut found);
    });

    for (i, (file, p)) in parsed.iter().enumerate() {
        let slug = &p.article.slug;
        if let Some((first, _)) = parsed[..i].iter().find(|(_, q)| &q.article.slug == slug) {
            problems.push(Problem {
                file: file.path.clone(),
                line: 1,
                message: format!("duplicate slug “{slug}”, also used by {}", first.path),
            });
        }
    }
    let slugs: Vec<&str> = parsed
        .iter()
        .map(|(_, p)| p.article.slug.as_str())
        .collect();
    for (file, p) in &parsed {
        for link in &p.links {
            if let Some(message) = check_link(&link.href, &slugs) {
                problems.push(Problem {
                    file: file.path.clone(),
                    line: link.line,
                    message,
                });
            }
        }
    }

    match schedule {
        Ok(schedule) if problems.is_empty() => {
            let mut articles: Vec<_> = parsed.into_iter().map(|(_, p)| p.article).collect();
            // Reading order: by first topic as the index lists topics, then youngest first.
            articles.sort_by_key(|a| {
                let topic = a.topics.first().map(String::as_str).unwrap_or_default();
                let rank = TOPICS
                    .iter()
                    .position(|t| *t == topic)
                    .unwrap_or(TOPICS.len());
                (rank, a.age_months, a.slug.clone())
            });
            Ok(Guide { articles, schedule })
        }
        _ => Err(problems),
    }
}

/// Why an in-app link would not work, if it would not: a parameter the app ignores, or an
/// article that does not exist.
fn check_link(href: &str, slugs: &[&str]) -> Option<String> {
    if !href.starts_with('?') {
        return None; // already refused as an external link
    }
    let query = FinderQuery::parse_query_string(href, None);
    if let Some(note) = query.notes.first() {
        return Some(format!(
            "link “{href}”: the app would ignore it: {}",
            note.message
        ));
    }
    match (&query.page, &query.article) {
        (Page::Guide, Some(slug)) if !slugs.contains(&slug.as_str()) => Some(format!(
            "link “{href}” points at the article “{slug}”, which does not exist"
        )),
        (page, Some(_)) if *page != Page::Guide => {
            Some(format!("link “{href}”: article= needs page=guide"))
        }
        _ => None,
    }
}

/// A TOML date with no time or offset, as a calendar day.
pub(crate) fn toml_date(value: &toml::value::Datetime) -> Option<Date> {
    if value.time.is_some() || value.offset.is_some() {
        return None;
    }
    let d = value.date?;
    Date::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
}
