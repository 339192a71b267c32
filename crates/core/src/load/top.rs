//! The dataset's top-level keys, and what each is for: one table for the loader's messages,
//! the publisher's diff and the app's wording (which words them in its own languages).

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TopField {
    Schema,
    Title,
    Publisher,
    Published,
    Crs,
    Sample,
    Region,
    Institutions,
}

impl TopField {
    pub const ALL: [TopField; 8] = [
        TopField::Schema,
        TopField::Title,
        TopField::Publisher,
        TopField::Published,
        TopField::Crs,
        TopField::Sample,
        TopField::Region,
        TopField::Institutions,
    ];

    /// The key in the file.
    pub fn key(self) -> &'static str {
        match self {
            TopField::Schema => "schema",
            TopField::Title => "title",
            TopField::Publisher => "publisher",
            TopField::Published => "published",
            TopField::Crs => "crs",
            TopField::Sample => "sample",
            TopField::Region => "region",
            TopField::Institutions => "institutions",
        }
    }

    pub fn parse(key: &str) -> Option<TopField> {
        TopField::ALL.into_iter().find(|f| f.key() == key)
    }

    /// What the key is for, in the Chinese a publisher's staff use (the loader's messages and
    /// the publisher's tool; the app words it through its locales).
    pub fn meaning_zh(self) -> &'static str {
        match self {
            TopField::Schema => "数据格式版本",
            TopField::Title => "名录标题",
            TopField::Publisher => "发布单位",
            TopField::Published => "发布日期",
            TopField::Crs => "坐标系",
            TopField::Sample => "示例数据",
            TopField::Region => "所属行政区",
            TopField::Institutions => "机构列表",
        }
    }
}

impl fmt::Display for TopField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}
