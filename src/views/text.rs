//! Text from the dataset and the articles inside the interface's sentences.

use leptos::prelude::*;
use tuoyu_core::language::Language;
use tuoyu_core::load::clip;

use crate::i18n::*;
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

/// The most of one field a view draws; the rest is said as a length. Far above any real
/// opening hours or list of features, and little enough to lay out at once.
const MAX_DRAWN_CHARS: usize = 300;

/// A field's text as a view draws it: whole, or its first [`MAX_DRAWN_CHARS`] characters,
/// "…" and how long it is in full.
pub fn bounded(text: &str) -> String {
    match clip(text, MAX_DRAWN_CHARS) {
        None => text.to_owned(),
        Some(head) => td_string!(
            lang::current(),
            detail.clipped,
            text = head,
            n = text.chars().count()
        )
        .to_string(),
    }
}

/// Stands for a piece of data in a sentence of the interface's words, until [`sentence`]
/// gives it its own element. U+FFFC (the object replacement character) is in no locale file.
pub const SLOT: &str = "\u{FFFC}";

/// A piece of the dataset's text in its own element: marked as Chinese, and isolated
/// (`[lang="zh-CN"]` in style/main.css), so that a right-to-left override inside it (U+202E)
/// cannot turn the interface's words around it.
pub fn data(text: impl Into<String>) -> AnyView {
    view! { <bdi lang=DATA_LANG>{text.into()}</bdi> }.into_any()
}

/// The interface's `words`, with each [`SLOT`] replaced by the next piece of `data` in its
/// own element ([`data`]).
pub fn sentence(words: &str, data_texts: impl IntoIterator<Item = String>) -> AnyView {
    let mut pieces = data_texts.into_iter();
    let mut parts = words.split(SLOT);
    let mut out = vec![mixed(parts.next().unwrap_or_default())];
    for words in parts {
        out.push(data(pieces.next().unwrap_or_default()));
        out.push(mixed(words));
    }
    out.collect_view().into_any()
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
