//! Which of the interface's languages a browser asks for.

/// The languages the interface is written in. Data and articles are not translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Chinese,
    English,
}

impl Language {
    /// The code a saved setting uses.
    pub fn code(self) -> &'static str {
        match self {
            Language::Chinese => "zh",
            Language::English => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Language> {
        match code {
            "zh" => Some(Language::Chinese),
            "en" => Some(Language::English),
            _ => None,
        }
    }

    /// What `<html lang>` says, so screen readers pick the right voice.
    pub fn html_lang(self) -> &'static str {
        match self {
            Language::Chinese => "zh-CN",
            Language::English => "en",
        }
    }

    /// The first of the browser's languages (`navigator.languages`, most preferred first) that
    /// the interface speaks; Chinese when none is, as the service and its data are Chinese.
    pub fn from_browser<S: AsRef<str>>(tags: &[S]) -> Language {
        tags.iter()
            .find_map(|tag| {
                let primary = tag.as_ref().split(['-', '_']).next().unwrap_or("");
                match primary.to_ascii_lowercase().as_str() {
                    "zh" => Some(Language::Chinese),
                    "en" => Some(Language::English),
                    _ => None,
                }
            })
            .unwrap_or(Language::Chinese)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_preferred_spoken_language_wins() {
        assert_eq!(
            Language::from_browser(&["en-US", "zh-CN"]),
            Language::English
        );
        assert_eq!(Language::from_browser(&["zh_CN", "en"]), Language::Chinese);
        assert_eq!(
            Language::from_browser(&["fr-FR", "EN-gb"]),
            Language::English
        );
        assert_eq!(Language::from_browser(&["zh-Hant-TW"]), Language::Chinese);
    }

    #[test]
    fn chinese_when_the_browser_speaks_neither() {
        assert_eq!(Language::from_browser(&["fr", "de"]), Language::Chinese);
        assert_eq!(Language::from_browser::<&str>(&[]), Language::Chinese);
    }

    #[test]
    fn saved_codes_round_trip() {
        for l in [Language::Chinese, Language::English] {
            assert_eq!(Language::parse(l.code()), Some(l));
        }
        assert_eq!(Language::parse("fr"), None);
    }
}
