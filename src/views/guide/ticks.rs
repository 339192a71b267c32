//! Checklists a parent ticks: the ticks stay on the phone (never in the address or on a
//! server), per list, keyed by each item's text so that reordering an article keeps them.

use leptos::prelude::*;

use crate::platform::saved;

#[derive(Clone, Copy)]
pub struct Ticks {
    key: StoredValue<String>,
    // A list has a few dozen items at most: a Vec is enough, and smaller in the wasm than a set.
    ticked: RwSignal<Vec<String>>,
}

impl Ticks {
    /// The ticks of the list named `list` (an article's slug, or a plan's age).
    pub fn load(list: &str) -> Self {
        let key = format!("tuoyu.ticks.{list}");
        let ticked = saved::get(&key)
            .and_then(|text| serde_json::from_str::<Vec<String>>(&text).ok())
            .unwrap_or_default();
        Ticks {
            key: StoredValue::new(key),
            ticked: RwSignal::new(ticked),
        }
    }

    fn is_ticked(&self, item: &str) -> bool {
        self.ticked.with(|t| t.iter().any(|ticked| ticked == item))
    }

    fn set(&self, item: &str, on: bool) {
        self.ticked.update(|t| {
            t.retain(|ticked| ticked != item);
            if on {
                t.push(item.to_owned());
            }
        });
        let key = self.key.get_value();
        self.ticked.with_untracked(|t| {
            if t.is_empty() {
                saved::remove(&key);
            } else if let Ok(text) = serde_json::to_string(t) {
                saved::set(&key, &text);
            }
        });
    }
}

/// One tickable line; `item` is the text that identifies it in `ticks`.
#[component]
pub fn TickItem(ticks: Ticks, item: String, children: Children) -> impl IntoView {
    let id = item.clone();
    view! {
        <li class="tick">
            <label>
                <input
                    type="checkbox"
                    prop:checked=move || ticks.is_ticked(&id)
                    on:change=move |ev| ticks.set(&item, event_target_checked(&ev))
                />
                <span>{children()}</span>
            </label>
        </li>
    }
}
