//! One article file: TOML front matter between `+++` lines, then the Markdown body.

use serde::Deserialize;
use toml::Spanned;
use tuoyu_core::guide::{Article, Block, Source, MAX_GUIDE_MONTHS, TOPICS};

use crate::markdown::{parse_body, LinkAt};
use crate::{toml_date, Problem};

/// The heading every article ends with: local authorities and doctors have the last word.
pub const LAST_WORD_HEADING: &str = "请以当地意见为准";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    slug: Spanned<String>,
    topics: Spanned<Vec<String>>,
    age_months: Spanned<(u8, u8)>,
    summary: String,
    reviewed: Spanned<toml::value::Datetime>,
    sources: Spanned<Vec<Spanned<Source>>>,
}

/// An article read from its file, with the in-app links it makes (checked once every
/// article is known).
pub struct Parsed {
    pub article: Article,
    pub links: Vec<LinkAt>,
}

/// Reads `text`, the contents of the file `path` (shown in messages); `stem` is the file
/// name without `.md`, which the slug must equal.
pub fn parse_article(path: &str, stem: &str, text: &str) -> Result<Parsed, Vec<Problem>> {
    let problem = |line: usize, message: String| Problem {
        file: path.to_owned(),
        line,
        message,
    };
    let Some((front, body, body_line)) = split_front_matter(text) else {
        return Err(vec![problem(
            1,
            "the file must start with front matter between two “+++” lines".to_owned(),
        )]);
    };
    // Front matter starts on line 2, after the opening `+++`.
    let line_of = |offset: usize| 2 + front[..offset.min(front.len())].matches('\n').count();
    let fm: FrontMatter = toml::from_str(front).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(s.start));
        vec![problem(line, format!("front matter: {}", e.message()))]
    })?;

    let mut problems = Vec::new();
    let mut check = |ok: bool, offset: usize, message: String| {
        if !ok {
            problems.push(problem(line_of(offset), message));
        }
    };
    let slug = fm.slug.get_ref();
    check(
        slug == stem,
        fm.slug.span().start,
        format!("slug “{slug}” must equal the file name “{stem}”"),
    );
    check(
        !slug.is_empty()
            && slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        fm.slug.span().start,
        format!("slug “{slug}” may hold only a-z, 0-9 and -"),
    );
    check(!fm.title.trim().is_empty(), 0, "title is empty".to_owned());
    check(
        !fm.summary.trim().is_empty(),
        0,
        "summary is empty".to_owned(),
    );
    check(
        !fm.topics.get_ref().is_empty(),
        fm.topics.span().start,
        "topics is empty".to_owned(),
    );
    for topic in fm.topics.get_ref() {
        check(
            TOPICS.contains(&topic.as_str()),
            fm.topics.span().start,
            format!("topic “{topic}” is not one of {}", TOPICS.join(", ")),
        );
    }
    let (from, to) = *fm.age_months.get_ref();
    check(
        from <= to && to <= MAX_GUIDE_MONTHS,
        fm.age_months.span().start,
        format!("age_months [{from}, {to}] must satisfy 0 <= from <= to <= {MAX_GUIDE_MONTHS}"),
    );
    let reviewed = toml_date(fm.reviewed.get_ref());
    check(
        reviewed.is_some(),
        fm.reviewed.span().start,
        "reviewed must be a plain date, like 2026-11-28".to_owned(),
    );
    check(
        !fm.sources.get_ref().is_empty(),
        fm.sources.span().start,
        "sources is empty: every article names the official texts it rests on".to_owned(),
    );
    for source in fm.sources.get_ref() {
        let s = source.get_ref();
        check(
            !s.issuer.trim().is_empty() && !s.title.trim().is_empty(),
            source.span().start,
            "a source needs both issuer and title".to_owned(),
        );
        check(
            (1949..=2100).contains(&s.year),
            source.span().start,
            format!("source year {} is not plausible", s.year),
        );
    }

    let parsed = parse_body(body, body_line);
    problems.extend(
        parsed
            .problems
            .into_iter()
            .map(|(line, message)| problem(line, message)),
    );
    let ends_with_last_word = parsed
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Heading { text, .. } if text == LAST_WORD_HEADING));
    if !ends_with_last_word {
        problems.push(problem(
            body_line,
            format!("the article needs a closing section “## {LAST_WORD_HEADING}”"),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Parsed {
        article: Article {
            slug: slug.clone(),
            title: fm.title.trim().to_owned(),
            topics: fm.topics.into_inner(),
            age_months: (from, to),
            summary: fm.summary.trim().to_owned(),
            reviewed: reviewed.unwrap_or_default(),
            sources: fm
                .sources
                .into_inner()
                .into_iter()
                .map(Spanned::into_inner)
                .collect(),
            blocks: parsed.blocks,
        },
        links: parsed.links,
    })
}

/// `(front matter, body, the body's first line number)`, or `None` without a front matter.
fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = 3 + front.matches('\n').count();
            return Some((front, body, body_line));
        }
        offset += line.len();
    }
    None
}
