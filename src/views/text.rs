//! Text from the dataset and the articles inside the interface's sentences.

use leptos::prelude::*;
use tuoyu_core::language::Language;

use crate::lang;

/// The language the bureau's data and the guidance articles are written in: elements showing
/// them say so, so that a screen reader uses a Chinese voice in the English interface.
pub const DATA_LANG: &str = "zh-CN";

/// Text that may hold Chinese inside the interface's sentence (a dataset value, or a Chinese
/// term in brackets). In the English interface each run of Chinese is marked
/// `lang="zh-CN"`, so a screen reader reads it with a Chinese voice; in the Chinese one the
/// whole page already is.
pub fn mixed(text: impl Into<String>) -> AnyView {
    let text = text.into();
    if lang::language(lang::current()) == Language::Chinese || !text.chars().any(is_chinese) {
        return text.into_any();
    }
    let mut runs: Vec<(bool, String)> = Vec::new();
    for c in text.chars() {
        let chinese = is_chinese(c);
        match runs.last_mut() {
            Some((kind, run)) if *kind == chinese => run.push(c),
            _ => runs.push((chinese, c.to_string())),
        }
    }
    runs.into_iter()
        .map(|(chinese, run)| {
            if chinese {
                view! { <span lang=DATA_LANG>{run}</span> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// Han characters and the CJK punctuation written with them.
fn is_chinese(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'
        | '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{20000}'..='\u{323AF}')
}
