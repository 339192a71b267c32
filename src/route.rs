//! The address is the app's state: every choice is read from and written to the query string,
//! so a link sent to family opens the same list, and "back" works.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_url};
use leptos_router::NavigateOptions;
use tuoyu_core::query::FinderQuery;

use crate::platform::today;

type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

#[derive(Clone, Copy)]
pub struct Address {
    pub query: Memo<FinderQuery>,
    path: Memo<String>,
    // Captured once: event handlers run outside the component tree, where context is gone.
    navigate: StoredValue<Navigate, LocalStorage>,
    // Whether the open institution was reached from the list in this visit: then "back" is the
    // browser's back, which returns to the very list entry; after a shared link it is not.
    opened_from_list: StoredValue<bool>,
}

pub fn provide_address() {
    let url = use_url();
    let query = Memo::new(move |_| {
        url.with(|url| {
            let pairs: Vec<(String, String)> = form_urlencoded::parse(url.search().as_bytes())
                .into_owned()
                .collect();
            FinderQuery::parse_with_today(
                pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
                today(),
            )
        })
    });
    let path = Memo::new(move |_| url.with(|url| url.path().to_string()));
    let navigate: Navigate = Box::new(use_navigate());
    provide_context(Address {
        query,
        path,
        navigate: StoredValue::new_local(navigate),
        opened_from_list: StoredValue::new(false),
    });
}

pub fn use_address() -> Address {
    expect_context::<Address>()
}

/// How a change enters the browser's history: filter changes replace the entry, opening an
/// institution or an article adds one (shared/spec/finder-url.md).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Replace,
    Push,
}

impl Address {
    /// The link for a query, on whatever path the site is hosted under.
    pub fn href(&self, query: &FinderQuery) -> String {
        let path = self.path.get_untracked();
        format!("{path}{}", query.to_query_string())
    }

    /// Changes the query with `change` and navigates there.
    pub fn update(&self, step: Step, change: impl FnOnce(&mut FinderQuery)) {
        let mut next = self.query.get_untracked();
        next.notes.clear();
        change(&mut next);
        self.go(step, &next);
    }

    pub fn note_opened_from_list(&self) {
        self.opened_from_list.set_value(true);
    }

    /// Leaves a sheet drawn over the list (an institution, a comparison) for that list:
    /// the browser's back when the list opened it, else `clear` on the address.
    pub fn close_sheet(&self, clear: impl FnOnce(&mut FinderQuery)) {
        if self.opened_from_list.get_value() {
            self.opened_from_list.set_value(false);
            crate::platform::history_back();
        } else {
            self.update(Step::Replace, clear);
        }
    }

    pub fn go(&self, step: Step, query: &FinderQuery) {
        let href = self.href(query);
        let options = NavigateOptions {
            replace: step == Step::Replace,
            // The list keeps its place: only a page change starts at the top.
            scroll: false,
            ..Default::default()
        };
        self.navigate
            .with_value(|navigate| navigate(&href, options));
    }
}
