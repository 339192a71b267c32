//! The address is the app's state: every choice is read from and written to the query string,
//! so a link sent to family opens the same list, and "back" works.
//!
//! A filter change is shown at once and reaches the address bar just after the frame that
//! shows it (while typing, once the typing pauses): on a slow phone, writing the address
//! (`history.replaceState` and the router's bookkeeping) costs more than drawing the change,
//! and the parent should not wait for it. Back, forward and links still go through the address.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_url};
use leptos_router::NavigateOptions;
use tuoyu_core::load::Loaded;
use tuoyu_core::query::{FinderQuery, OwnPlace};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::platform::{after, after_paint, today, Keep};

/// Where the parent's own place is kept: for the visit, and on the phone too when they ask
/// (never in the address: see `tuoyu_core::query::OwnPlace`).
const OWN_PLACE_KEY: &str = "tuoyu.own-place";

/// The places the parent's own place is kept, in the order they are read.
fn own_place_keeps(on_phone: bool) -> &'static [Keep] {
    if on_phone {
        &[Keep::Visit, Keep::Phone]
    } else {
        &[Keep::Visit]
    }
}

type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// While typing, the address follows once the parent has paused this long.
const TYPING_PAUSE: Duration = Duration::from_millis(300);

#[derive(Clone, Copy)]
pub struct Address {
    /// What the page shows: the address as the parent last set it, checked against the
    /// dataset once it is there (an `area` it lacks is dropped, with a note).
    pub query: Memo<FinderQuery>,
    /// What the address bar says; it follows `query` a moment after each filter change.
    pub in_bar: Memo<FinderQuery>,
    shown: RwSignal<FinderQuery>,
    /// The dataset `query` is checked against; set by data.rs as the dataset's state changes.
    checked_against: RwSignal<Option<Arc<Loaded>>>,
    path: Memo<String>,
    // Captured once: event handlers run outside the component tree, where context is gone.
    navigate: StoredValue<Navigate, LocalStorage>,
    // Whether the open institution was reached from the list in this visit: then "back" is the
    // browser's back, which returns to the very list entry; after a shared link it is not.
    opened_from_list: StoredValue<bool>,
    /// The number of the latest write to the address bar that was put off, and whether it is
    /// still to come (the bar is behind `shown`): a timer whose write was superseded, done or
    /// dropped meanwhile does nothing.
    waiting: StoredValue<(u64, bool)>,
    /// The parent's own place for this visit: what the address means where it has no `near=`.
    own: StoredValue<Option<OwnPlace>>,
    /// Whether the parent asked to keep their own place on the phone for later visits.
    pub own_on_phone: RwSignal<bool>,
}

pub fn provide_address() {
    let url = use_url();
    let read = |keep: &Keep| {
        keep.get(OWN_PLACE_KEY)
            .and_then(|t| OwnPlace::from_stored(&t))
    };
    let on_phone = read(&Keep::Phone);
    let own = StoredValue::new(own_place_keeps(true).iter().find_map(read));
    let own_on_phone = RwSignal::new(on_phone.is_some());
    // The kept place is read untracked: it changes only together with what is shown (`go`),
    // and a change of it alone must not make the bar look as if it had moved.
    let in_bar = Memo::new(move |_| {
        url.with(|url| {
            let pairs: Vec<(String, String)> = form_urlencoded::parse(url.search().as_bytes())
                .into_owned()
                .collect();
            FinderQuery::parse_with_today(
                pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
                today(),
            )
            .with_own_place(own.get_value())
        })
    });
    let shown = RwSignal::new(in_bar.get_untracked());
    let checked_against = RwSignal::new(None::<Arc<Loaded>>);
    // Only the dataset knows its areas: a stale `area=` from an old link would otherwise show
    // an empty list that reads as "no childcare here".
    let query = Memo::new(move |_| {
        let mut query = shown.get();
        checked_against.with(|loaded| {
            if let Some(loaded) = loaded {
                query.validate_against(&loaded.dataset);
            }
        });
        query
    });
    let path = Memo::new(move |_| url.with(|url| url.path().to_string()));
    let navigate: Navigate = Box::new(use_navigate());
    let address = Address {
        query,
        in_bar,
        shown,
        checked_against,
        path,
        navigate: StoredValue::new_local(navigate),
        opened_from_list: StoredValue::new(false),
        waiting: StoredValue::new((0, false)),
        own,
        own_on_phone,
    };
    // The address bar moved without us: back, forward, or a link the router followed. That is
    // the parent's latest choice, and a write still waiting belonged to the entry they left.
    // (Our own writes arrive here too, and then match what is shown.)
    Effect::new(move |_| {
        let from_bar = in_bar.get();
        address
            .waiting
            .update_value(|(_, waiting)| *waiting = false);
        if shown.with_untracked(|q| *q != from_bar) {
            shown.set(from_bar);
        }
    });
    // A link is about to be followed by the router: the entry it leaves gets the latest choice
    // first, so that "back" finds it. Before any handler, hence the capture phase.
    on_window(
        "click",
        true,
        Box::new(move |ev| {
            let on_link = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href]").ok().flatten())
                .is_some();
            if on_link {
                address.write_now();
            }
        }),
    );
    // Leaving or reloading the page keeps the latest choice in its entry.
    on_window("pagehide", false, Box::new(move |_| address.write_now()));
    provide_context(address);
}

/// A listener on the window for the app's lifetime.
fn on_window(event: &str, capture: bool, handler: Box<dyn Fn(web_sys::Event)>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler = Closure::wrap(handler).into_js_value();
    let _ =
        window.add_event_listener_with_callback_and_bool(event, handler.unchecked_ref(), capture);
}

pub fn use_address() -> Address {
    expect_context::<Address>()
}

/// How a change enters the browser's history: filter changes replace the entry, opening an
/// institution or an article adds one (docs/finder-url.md).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Replace,
    /// Replaces the entry like `Replace`, once the typing pauses.
    Typing,
    Push,
}

impl Address {
    /// The link for a query, on whatever path the site is hosted under.
    pub fn href(&self, query: &FinderQuery) -> String {
        let path = self.path.get_untracked();
        format!("{path}{}", query.to_query_string())
    }

    /// The link `make` builds from the address the parent is on (one of the core's links in
    /// `tuoyu_core::query::links`), read once: a link is drawn for the address of the moment.
    pub fn link(&self, make: impl FnOnce(&FinderQuery) -> FinderQuery) -> String {
        self.href(&self.query.with_untracked(make))
    }

    /// Opens an institution over the list, as a new history entry, so that "back" finds the
    /// list where it was. For the card and the map's card alike.
    pub fn open_institution(&self, id: &str) {
        self.note_opened_from_list();
        let next = self.query.with_untracked(|q| q.opening(id));
        self.go(Step::Push, &next);
    }

    /// The dataset the address is checked against from now on (`None` while none is ready).
    pub fn check_against(&self, loaded: Option<Arc<Loaded>>) {
        self.checked_against.set(loaded);
    }

    /// Changes the query with `change` and navigates there. It starts from what the page
    /// shows, so a value the dataset refused is not written back.
    pub fn update(&self, step: Step, change: impl FnOnce(&mut FinderQuery)) {
        let mut next = self.query.get_untracked();
        next.notes.clear();
        change(&mut next);
        self.go(step, &next);
    }

    /// Keeps the parent's own place on the phone for later visits, or stops keeping it there
    /// (it stays for this visit). Where the phone keeps nothing, the switch stays off.
    pub fn keep_own_place_on_phone(&self, on: bool) {
        let kept = match (on, self.own.get_value()) {
            (true, Some(place)) => Keep::Phone.set(OWN_PLACE_KEY, &place.to_stored()),
            _ => {
                Keep::Phone.remove(OWN_PLACE_KEY);
                false
            }
        };
        self.own_on_phone.set(kept);
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
        let this = *self;
        let kept = self.own.get_value();
        let own = query.own_place_after(kept);
        if own != kept {
            self.own.set_value(own);
            // For a reload in this visit (and later ones, if asked); a private tab that keeps
            // nothing just forgets it. Not using the location forgets it everywhere.
            for keep in own_place_keeps(self.own_on_phone.get_untracked()) {
                match own {
                    Some(place) => {
                        keep.set(OWN_PLACE_KEY, &place.to_stored());
                    }
                    None => keep.remove(OWN_PLACE_KEY),
                }
            }
            if own.is_none() {
                self.own_on_phone.set(false);
            }
        }
        if step == Step::Push {
            // The entry the parent leaves keeps their latest choice, for "back".
            self.write_now();
        }
        if self.shown.with_untracked(|q| q != query) {
            self.shown.set(query.clone());
        }
        match step {
            Step::Push => self.write(query, false),
            Step::Replace => {
                let ticket = self.wait();
                // After the frame that shows the change has been painted, and after what that
                // frame left for later (the rest of the list, which was queued first): when
                // the address says a filter is on, its list is all there.
                after_paint(Box::new(move || {
                    after(Duration::ZERO, Box::new(move || this.write_if(ticket)))
                }));
            }
            Step::Typing => {
                let ticket = self.wait();
                after(TYPING_PAUSE, Box::new(move || this.write_if(ticket)));
            }
        }
    }

    /// Notes that the address bar is behind, and returns the number of the write to come.
    fn wait(&self) -> u64 {
        let ticket = self.waiting.get_value().0 + 1;
        self.waiting.set_value((ticket, true));
        ticket
    }

    fn write_if(&self, ticket: u64) {
        if self.waiting.get_value() == (ticket, true) {
            self.write_now();
        }
    }

    /// Catches the address bar up with what is shown, if it is behind.
    pub fn write_now(&self) {
        if self.waiting.get_value().1 {
            self.waiting.update_value(|(_, waiting)| *waiting = false);
            self.write(&self.shown.get_untracked(), true);
        }
    }

    fn write(&self, query: &FinderQuery, replace: bool) {
        let href = self.href(query);
        let options = NavigateOptions {
            replace,
            // The list keeps its place: only a page change starts at the top.
            scroll: false,
            ..Default::default()
        };
        self.navigate
            .with_value(|navigate| navigate(&href, options));
    }
}

/// Whether the app handles a click on one of its links itself: a plain left click. A click
/// meant for a new tab or window is the browser's.
pub fn plain_click(ev: &web_sys::MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}
