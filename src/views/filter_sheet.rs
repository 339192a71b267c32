//! The filter sheet: the choices the bar has no room for (where, age, hours, prepayment,
//! vacancies, kind, sort), in a modal `<dialog>`. Like every control they write the address
//! at once, so the list under the sheet, a reload and a shared link agree.
//!
//! Opening the sheet adds a history entry with the same address, so that the phone's back
//! closes it; closing it in any way (完成, Escape, a tap beside it, back) leaves that entry,
//! and the entry under it is given the address as the sheet left it: back after the sheet goes
//! where it went before, and nothing chosen in the sheet is lost.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use tuoyu_core::filter::Sort;
use tuoyu_core::model::Kind;
use tuoyu_core::query::FinderQuery;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::*;
use crate::labels::Label;
use crate::lang;
use crate::platform::{after, history_back};
use crate::route::{use_address, Address, Step};
use crate::views::chip::chip;
use crate::views::filters::{toggle, AgePicker};
use crate::views::location::{LocationSection, Locator};
use crate::views::worries_filters::{HoursFilter, PrepayChip};

const TITLE_ID: &str = "filter-sheet-title";

/// What can take the focus in the sheet, for keeping Tab inside it.
const FOCUSABLE: &str =
    "button:not([disabled]), select:not([disabled]), input:not([disabled]), a[href]";

/// The sheet's state, shared by the 筛选 button and the sheet.
#[derive(Clone, Copy)]
pub struct FilterSheetHandle {
    dialog: NodeRef<html::Dialog>,
    opener: NodeRef<html::Button>,
    /// Whether the sheet's own history entry is the current one.
    pushed: StoredValue<bool>,
    address: Address,
}

impl FilterSheetHandle {
    pub fn new() -> Self {
        FilterSheetHandle {
            dialog: NodeRef::new(),
            opener: NodeRef::new(),
            pushed: StoredValue::new(false),
            address: use_address(),
        }
    }

    fn open(self) {
        let Some(dialog) = self.dialog.get_untracked() else {
            return;
        };
        if dialog.open() {
            return;
        }
        // The entry under the sheet keeps the latest choice, as before any new entry.
        self.address.write_now();
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            if history.push_state(&JsValue::NULL, "").is_ok() {
                self.pushed.set_value(true);
            }
        }
        let _ = dialog.show_modal();
    }

    /// 完成, Escape, a tap beside the sheet: the same as back.
    fn close(self) {
        if self.pushed.get_value() {
            history_back();
        } else {
            self.closed();
        }
    }

    /// Back left the sheet's entry: the entry now current gets the address as it is.
    fn back(self) {
        if !self.pushed.get_value() {
            return;
        }
        self.pushed.set_value(false);
        let address = self.address;
        let query = address.query.get_untracked();
        let href = address.href(&query);
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&href));
        }
        // The router reads the address just written ([`listen_for_back`]). Should it have read
        // the older entry all the same, the sheet's choice is written again.
        after(
            Duration::ZERO,
            Box::new(move || {
                if address.query.with_untracked(|q| address.href(q)) != href {
                    address.go(Step::Replace, &query);
                }
            }),
        );
        self.closed();
    }

    fn closed(self) {
        if let Some(dialog) = self.dialog.get_untracked() {
            if dialog.open() {
                dialog.close();
            }
        }
        if let Some(opener) = self.opener.get_untracked() {
            let _ = opener.focus();
        }
    }
}

/// How many of the sheet's choices are in force, for its button.
fn in_sheet(q: &FinderQuery) -> usize {
    let f = &q.filter;
    [
        f.area.is_some(),
        f.age.is_some(),
        f.from.is_some() || f.until.is_some(),
        f.prepay.is_some(),
        f.vacant,
        f.public_only,
        q.sort != Sort::Default,
    ]
    .into_iter()
    .filter(|on| *on)
    .count()
        + f.kinds.len()
}

/// 筛选, with how many of the sheet's choices are set.
#[component]
pub fn OpenFilters(sheet: FilterSheetHandle) -> impl IntoView {
    let address = use_address();
    let count = Memo::new(move |_| address.query.with(in_sheet));
    let locale = lang::current();
    view! {
        <button
            type="button"
            class="button filter-button"
            aria-haspopup="dialog"
            data-testid="open-filters"
            node_ref=sheet.opener
            on:click=move |_| sheet.open()
        >
            {td_string!(locale, finder.filter_button)}
            {move || match count.get() {
                0 => None,
                n => {
                    Some(
                        view! {
                            <span class="count-badge" data-testid="filters-set">
                                <span aria-hidden="true">{n}</span>
                                <span class="visually-hidden">
                                    {td_string!(locale, finder.more_in_use, n).to_string()}
                                </span>
                            </span>
                        },
                    )
                }
            }}
        </button>
    }
}

#[component]
pub fn FilterSheet(sheet: FilterSheetHandle, locator: Locator) -> impl IntoView {
    let address = use_address();
    let set =
        move |change: Box<dyn FnOnce(&mut FinderQuery)>| address.update(Step::Replace, change);
    let kind_chip = move |kind: Kind| {
        chip(
            move || address.query.with(|q| q.filter.kinds.contains(&kind)),
            move || set(Box::new(move |q| toggle(&mut q.filter.kinds, kind))),
            None,
            kind.text(),
        )
    };
    let any_filter = move || address.query.with(FinderQuery::has_filters);
    watch_back(sheet);
    let locale = lang::current();
    view! {
        <dialog
            class="filter-sheet"
            aria-labelledby=TITLE_ID
            data-testid="filter-sheet"
            node_ref=sheet.dialog
            on:close=move |_| {
                if sheet.pushed.get_value() {
                    sheet.close();
                }
            }
            on:click=move |ev| {
                let on_backdrop = ev
                    .target()
                    .zip(sheet.dialog.get_untracked())
                    .is_some_and(|(t, d)| t == ****d);
                if on_backdrop {
                    sheet.close();
                }
            }
            on:keydown=move |ev| keep_tab_inside(&ev, sheet.dialog)
        >
            <div class="filter-sheet-head">
                <h2 id=TITLE_ID>{td_string!(locale, finder.filters_label)}</h2>
                <button type="button" class="button" on:click=move |_| sheet.close()>
                    {td_string!(locale, finder.filters_done)}
                </button>
            </div>
            <div class="filter-sheet-body">
                <LocationSection locator />
                <AgePicker />
                <HoursFilter />
                <div class="chips toggles">
                    {chip(
                        move || address.query.with(|q| q.filter.vacant),
                        move || set(Box::new(|q| q.filter.vacant = !q.filter.vacant)),
                        None,
                        td_string!(locale, finder.vacant_only),
                    )}
                    {chip(
                        move || address.query.with(|q| q.filter.public_only),
                        move || set(Box::new(|q| q.filter.public_only = !q.filter.public_only)),
                        Some("public-only"),
                        td_string!(locale, finder.public_only),
                    )} <PrepayChip />
                </div>
                <div class="group">
                    <p class="label">{td_string!(locale, finder.kinds_label)}</p>
                    <div
                        class="chips"
                        role="group"
                        aria-label=td_string!(locale, finder.kinds_group)
                    >
                        {Kind::ALL.into_iter().map(kind_chip).collect_view()}
                    </div>
                </div>
                <SortSelect />
            </div>
            <div class="filter-sheet-foot">
                <Show when=any_filter>
                    <button
                        type="button"
                        class="button link"
                        on:click=move |_| set(Box::new(FinderQuery::clear_filters))
                    >
                        {td_string!(locale, finder.clear_filters)}
                    </button>
                </Show>
                <button type="button" class="button primary" on:click=move |_| sheet.close()>
                    {td_string!(locale, finder.filters_show)}
                </button>
            </div>
        </dialog>
    }
}

#[component]
fn SortSelect() -> impl IntoView {
    let address = use_address();
    let locale = lang::current();
    view! {
        <label class="field">
            {td_string!(locale, finder.sort_label)}
            <select
                on:change:target=move |ev| {
                    let sort = Sort::parse(&ev.target().value()).unwrap_or_default();
                    address.update(Step::Replace, move |q| q.sort = sort);
                }
                prop:value=move || address.query.with(|q| q.sort.code().to_string())
            >
                {Sort::ALL
                    .into_iter()
                    .map(|sort| {
                        let disabled = move || {
                            sort == Sort::Distance
                                && address.query.with(|q| q.filter.near.is_none())
                        };
                        // Nearest first needs a place to measure from.
                        view! {
                            <option value=sort.code() disabled=disabled>
                                {sort.text()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

thread_local! {
    /// The sheet on screen, if any, numbered: a redraw (a switch of language) may mount the
    /// new sheet before the old one is cleaned up, which must not take the new one away.
    static ON_BACK: RefCell<Option<(u32, FilterSheetHandle)>> = const { RefCell::new(None) };
    static SHEETS: Cell<u32> = const { Cell::new(0) };
}

/// Back while the sheet is open closes it. Called before the router starts, so that this
/// listener runs before the router's reads the address (listeners run in the order they
/// were added) and the entry under the sheet already has the sheet's choice.
pub fn listen_for_back() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
        if let Some((_, sheet)) = ON_BACK.with(|s| *s.borrow()) {
            sheet.back();
        }
    });
    let _ = window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
    // For the page's lifetime, like the router's own.
    listener.forget();
}

fn watch_back(sheet: FilterSheetHandle) {
    let number = SHEETS.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    ON_BACK.with(|s| *s.borrow_mut() = Some((number, sheet)));
    on_cleanup(move || {
        ON_BACK.with(|s| {
            let mut s = s.borrow_mut();
            if s.as_ref().is_some_and(|(n, _)| *n == number) {
                *s = None;
            }
        })
    });
}

/// A modal dialog keeps the rest of the page inert, but Tab past its last control would leave
/// for the browser's own bar: it goes round to the first instead (and Shift+Tab the other way).
fn keep_tab_inside(ev: &web_sys::KeyboardEvent, dialog: NodeRef<html::Dialog>) {
    if ev.key() != "Tab" {
        return;
    }
    let Some(dialog) = dialog.get_untracked() else {
        return;
    };
    let Ok(all) = dialog.query_selector_all(FOCUSABLE) else {
        return;
    };
    let (Some(first), Some(last)) = (all.get(0), all.get(all.length().saturating_sub(1))) else {
        return;
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .map(web_sys::Node::from);
    let (from, to) = if ev.shift_key() {
        (first, last)
    } else {
        (last, first)
    };
    if active.as_ref() == Some(&from) {
        if let Ok(to) = to.dyn_into::<web_sys::HtmlElement>() {
            ev.prevent_default();
            let _ = to.focus();
        }
    }
}
