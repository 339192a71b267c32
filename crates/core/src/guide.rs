//! The guidance articles and the check-up, vaccine and development schedule, as the app
//! receives them in one `guide.json` built from `content/` (crate `tuoyu-content`).
//!
//! An article is kept as blocks of plain text rather than HTML, so that nothing an author
//! writes can become markup on the page: the views draw every string as text.

use serde::{Deserialize, Serialize};

use crate::model::Date;

/// Articles the app links to by name, outside the guide (the content test checks each exists).
pub mod slugs {
    pub const WARNING_SIGNS: &str = "warning-signs";
    pub const PREPAID_FEES: &str = "prepaid-fees";
    pub const ALL: [&str; 2] = [WARNING_SIGNS, PREPAID_FEES];
}

/// The fixed topics, in the order the index shows them (content/README.md). An article names
/// its topics by their Chinese names; the app words them through [`Topic`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Topic {
    Growth,
    Warning,
    Checkups,
    Vaccines,
    Feeding,
    Play,
    Sleep,
    Safety,
    Illness,
    Pregnancy,
    Leave,
    Childcare,
}

impl Topic {
    pub const ALL: [Topic; 12] = [
        Topic::Growth,
        Topic::Warning,
        Topic::Checkups,
        Topic::Vaccines,
        Topic::Feeding,
        Topic::Play,
        Topic::Sleep,
        Topic::Safety,
        Topic::Illness,
        Topic::Pregnancy,
        Topic::Leave,
        Topic::Childcare,
    ];

    /// The name articles use, in Chinese.
    pub const fn name(self) -> &'static str {
        match self {
            Topic::Growth => "生长发育",
            Topic::Warning => "发育预警",
            Topic::Checkups => "健康检查",
            Topic::Vaccines => "预防接种",
            Topic::Feeding => "喂养",
            Topic::Play => "交流与玩耍",
            Topic::Sleep => "睡眠",
            Topic::Safety => "安全",
            Topic::Illness => "常见病",
            Topic::Pregnancy => "优生优育",
            Topic::Leave => "假期与补贴",
            Topic::Childcare => "选择托育",
        }
    }

    pub fn parse(name: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// The topics' names, in [`Topic::ALL`]'s order.
pub const TOPICS: [&str; 12] = {
    let mut names = [""; 12];
    let mut i = 0;
    while i < names.len() {
        names[i] = Topic::ALL[i].name();
        i += 1;
    }
    names
};

/// The oldest age, in months, that articles and the schedule are written for.
pub const MAX_GUIDE_MONTHS: u8 = 36;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Guide {
    pub articles: Vec<Article>,
    pub schedule: Schedule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub slug: String,
    pub title: String,
    pub topics: Vec<String>,
    /// Inclusive, in completed months; `(0, 0)` is for the time around birth or before it.
    pub age_months: (u8, u8),
    pub summary: String,
    #[serde(with = "crate::model::spec_date")]
    pub reviewed: Date,
    pub sources: Vec<Source>,
    pub blocks: Vec<Block>,
}

/// An official text an article or the schedule rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub issuer: String,
    pub title: String,
    /// Document number or standard ID, e.g. `国卫办妇幼函〔2022〕409号`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub year: u16,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// Level 2 or 3; the article's title is the only level 1.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    /// Items a parent can tick; the ticks stay on the phone.
    Checklist(Vec<Vec<Inline>>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Inline {
    Text(String),
    Strong(String),
    /// `href` is always a query string into this app (`?page=guide&article=…`, `?age=18`).
    Link {
        text: String,
        href: String,
    },
}

impl Inline {
    pub fn text(&self) -> &str {
        match self {
            Inline::Text(t) | Inline::Strong(t) => t,
            Inline::Link { text, .. } => text,
        }
    }
}

impl Block {
    /// Every piece of text in the block, in reading order.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Block::Heading { text, .. } => vec![text.as_str()],
            Block::Paragraph(inlines) => inlines.iter().map(Inline::text).collect(),
            Block::List { items, .. } | Block::Checklist(items) => {
                items.iter().flatten().map(Inline::text).collect()
            }
        }
    }
}

impl Article {
    /// Whether the article is written for a child of `months` (completed months).
    pub fn fits_age(&self, months: u8) -> bool {
        let (from, to) = self.age_months;
        from <= months && months <= to
    }

    /// Whether the article belongs in `band` of the index. A range touching a band only at
    /// its edge (0–12 and the 12–24 band) does not count, or every article would be
    /// everywhere; a single month (0–0) counts in the band that holds it.
    pub fn in_band(&self, band: AgeBand) -> bool {
        let (from, to) = self.age_months;
        let end = to.max(from.saturating_add(1));
        let band_end = if band.to >= MAX_GUIDE_MONTHS {
            band.to + 1
        } else {
            band.to
        };
        from < band_end && band.from < end
    }

    pub fn has_topic(&self, topic: &str) -> bool {
        self.topics.iter().any(|t| t == topic)
    }

    /// All the text a reader sees, for searching.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for piece in [self.title.as_str(), self.summary.as_str()]
            .into_iter()
            .chain(self.blocks.iter().flat_map(Block::texts))
        {
            out.push_str(piece);
            out.push('\n');
        }
        out
    }
}

/// An age band of the index, `from` inclusive, `to` exclusive (but 36 is in the last band).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AgeBand {
    pub from: u8,
    pub to: u8,
}

pub const AGE_BANDS: [AgeBand; 4] = [
    AgeBand { from: 0, to: 6 },
    AgeBand { from: 6, to: 12 },
    AgeBand { from: 12, to: 24 },
    AgeBand { from: 24, to: 36 },
];

impl AgeBand {
    /// `0–6 个月`.
    pub fn label(self) -> String {
        format!("{}–{} 个月", self.from, self.to)
    }
}

impl Guide {
    pub fn article(&self, slug: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.slug == slug)
    }

    /// Indices of the articles in `band`, in file order.
    pub fn in_band(&self, band: AgeBand) -> Vec<usize> {
        (0..self.articles.len())
            .filter(|&i| self.articles[i].in_band(band))
            .collect()
    }

    /// Indices of the articles on `topic`, in file order.
    pub fn on_topic(&self, topic: &str) -> Vec<usize> {
        (0..self.articles.len())
            .filter(|&i| self.articles[i].has_topic(topic))
            .collect()
    }
}

/// Articles whose title or text holds every word of `query` (split at spaces), title
/// matches first. Case is ignored for ASCII letters only: Chinese has no case, and Unicode
/// case tables would cost the phone's download more than they give. An empty query finds
/// nothing, since the index already lists everything.
pub fn search(guide: &Guide, query: &str) -> Vec<usize> {
    let words: Vec<String> = query
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut in_title = Vec::new();
    let mut in_text = Vec::new();
    for (index, article) in guide.articles.iter().enumerate() {
        let title = article.title.to_ascii_lowercase();
        if words.iter().all(|w| title.contains(w.as_str())) {
            in_title.push(index);
            continue;
        }
        let text = article.plain_text().to_ascii_lowercase();
        if words.iter().all(|w| text.contains(w.as_str())) {
            in_text.push(index);
        }
    }
    in_title.extend(in_text);
    in_title
}

/// The structured part of `content/schedule.toml`, for the "my child's plan" page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    #[serde(with = "crate::model::spec_date")]
    pub reviewed: Date,
    pub sources: Vec<Source>,
    pub checkups: Vec<Checkup>,
    pub vaccines: Vec<Vaccine>,
    pub stages: Vec<Stage>,
    pub warning_signs: Vec<WarningSigns>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkup {
    pub age_months: u8,
    /// Set for the visits counted in days after birth (7, 28); then it, not
    /// `age_months`, says when the visit is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_days: Option<u16>,
    pub name: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vaccine {
    pub age_months: u8,
    pub name: String,
    pub dose: String,
    pub note: String,
}

/// What children usually do between `from_months` (inclusive) and `to_months`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub from_months: u8,
    pub to_months: u8,
    pub usually: Vec<String>,
}

/// Signs that, at `age_months`, mean a child should be seen by a doctor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningSigns {
    pub age_months: u8,
    pub signs: Vec<String>,
}
