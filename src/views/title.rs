//! The page's title follows the view: WeChat and the browser use it for shares, bookmarks and
//! history, so a detail page is titled with the institution, not the list. It is made from the
//! address and the dataset only, never from the parent's own place.

use leptos::prelude::*;
use tuoyu_core::query::{FinderQuery, Page};

use crate::data::{use_dataset, DataState};
use crate::guide_data::{use_guide, GuideState};
use crate::i18n::*;
use crate::lang;
use crate::platform::set_document_title;
use crate::route::use_address;

/// Keeps `document.title` in step with the view, in the interface's language.
pub fn follow_title() {
    let address = use_address();
    let dataset = use_dataset();
    Effect::new(move |_| {
        let title = address
            .query
            .with(|q| dataset.state.with(|d| title_for(q, d)));
        set_document_title(&title);
    });
}

fn title_for(q: &FinderQuery, data: &DataState) -> String {
    let l = lang::current();
    let app = td_string!(l, app.app_name);
    let with_site = |what: &str| td_string!(l, app.title_of, what, site = app).to_string();
    let loaded = match data {
        DataState::Ready(loaded) => Some(loaded),
        _ => None,
    };
    let name_of = |id: &str| {
        loaded.and_then(|l| {
            l.dataset
                .institution(id)
                .map(|i| i.name.clone())
                .or_else(|| {
                    l.revoked
                        .iter()
                        .find(|r| r.id == id)
                        .map(|r| r.name.clone())
                })
        })
    };
    if let Some(id) = q.id.as_deref() {
        return match name_of(id) {
            Some(name) => with_site(&name),
            None if loaded.is_some() => with_site(td_string!(l, detail.not_found_title)),
            None => app.to_owned(),
        };
    }
    if !q.compare.is_empty() {
        let names: Vec<String> = q.compare.iter().filter_map(|id| name_of(id)).collect();
        let names = names.join(td_string!(l, app.title_list_separator));
        return with_site(&td_string!(l, app.title_compare, names).to_string());
    }
    match q.page {
        Page::Guide => {
            let article = q
                .article
                .as_deref()
                .and_then(|slug| match use_guide().get() {
                    GuideState::Ready(g) => g.article(slug).map(|a| a.title.clone()),
                    _ => None,
                });
            with_site(article.as_deref().unwrap_or(td_string!(l, app.tab_guide)))
        }
        Page::Baby => with_site(td_string!(l, app.share_baby_title)),
        Page::Finder => match loaded {
            Some(loaded) if !loaded.dataset.title.is_empty() => loaded.dataset.title.clone(),
            _ => app.to_owned(),
        },
    }
}
