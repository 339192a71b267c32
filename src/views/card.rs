//! One institution in the list: what a parent weighs at a glance.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::load::Loaded;
use tuoyu_core::model::Institution;

use crate::i18n::*;
use crate::labels::{self, Label};
use crate::lang;
use crate::route::use_address;
use crate::views::shortlist::StarButton;

#[component]
pub fn ResultCard(loaded: Arc<Loaded>, index: usize, distance: Option<u32>) -> impl IntoView {
    let address = use_address();
    let inst: &Institution = &loaded.dataset.institutions[index];
    let id = inst.id.clone();
    let href = address.query.with_untracked(|q| {
        let mut next = q.clone();
        next.id = Some(id.clone());
        next.notes.clear();
        address.href(&next)
    });
    let preferred = address.query.with_untracked(|q| q.filter.types.clone());
    let fee = inst
        .main_fee(&preferred)
        .map(|(care, fee)| labels::fee_for(care, &fee));
    let care = labels::care_types(&inst.care_types);
    let locale = lang::current();

    view! {
        <li class="card" data-testid="result" data-id=inst.id.clone()>
            <a class="card-link" href=href data-noscroll on:click=move |_| address.note_opened_from_list()>
                // The bureau's own words stay in Chinese, and are read in a Chinese voice.
                <h2 class="card-name" lang="zh-CN">{inst.name.clone()}</h2>
                <p class="card-meta">
                    <span class="kind">{inst.kind.text()}</span>
                    {inst.puhui.then(|| view! {
                        <span class="badge puhui">
                            {td!(
                                locale,
                                finder.puhui_badge,
                                <zh> = |children: ChildrenFn| view! { <span lang="zh-CN">{children()}</span> }
                            )}
                        </span>
                    })}
                    {distance.map(|d| view! {
                        <span class="distance" data-testid="distance">
                            {labels::distance_from_you(d as f64)}
                        </span>
                    })}
                </p>
                <p class="card-care">{care}</p>
                <p class="card-facts">
                    <span>{fee.unwrap_or_else(|| labels::fee_unknown().into())}</span>
                    <span>{labels::vacancy(inst)}</span>
                    <span>{with_chinese_terms(labels::registration(inst))}</span>
                </p>
            </a>
            <StarButton id=inst.id.clone() name=inst.name.clone() />
        </li>
    }
}

/// A label that keeps a Chinese term for the parent to say to staff ("Registered (备案)"): in
/// the English interface each run of Chinese is marked `lang="zh-CN"`, so that a screen reader
/// says it in a Chinese voice. In Chinese it is plain text.
pub fn with_chinese_terms(text: &'static str) -> AnyView {
    if lang::current() == Locale::zh || !text.chars().any(is_han) {
        return text.into_any();
    }
    let mut runs: Vec<(bool, String)> = Vec::new();
    for c in text.chars() {
        match runs.last_mut() {
            Some((han, run)) if *han == is_han(c) => run.push(c),
            _ => runs.push((is_han(c), c.to_string())),
        }
    }
    runs.into_iter()
        .map(|(han, run)| {
            if han {
                view! { <span lang="zh-CN">{run}</span> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// Han characters (what Unicode's Script=Han covers in practice).
fn is_han(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'
            | '\u{3005}'..='\u{3007}'
            | '\u{3021}'..='\u{3029}'
            | '\u{3038}'..='\u{303B}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{323AF}')
}
