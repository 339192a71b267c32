//! The build writes the default list into the page (`crates/site`), so a parent sees
//! institutions before the wasm has arrived. When the app starts, that list moves below the
//! app's own header, filters and loading note, and goes once the app has its own answer (a list
//! or an error), in the same frame: there is never a moment without a list on screen.

use leptos::prelude::*;

use crate::data::{use_dataset, DataState};

const LIST: &str = "static-first-paint";

pub fn hand_over() {
    let dataset = use_dataset();
    // An effect's first run comes after the app is mounted, so the list lands after it.
    Effect::new(move |_| {
        let doc = document();
        let Some(list) = doc.get_element_by_id(LIST) else {
            return;
        };
        match doc.body() {
            Some(body) if !list.has_attribute("hidden") => {
                body.append_child(&list).ok();
                body.set_attribute("data-first-paint", "under-app").ok();
            }
            _ => list.remove(),
        }
    });
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || matches!(dataset.state.get(), DataState::Loading) {
            return done.unwrap_or(false);
        }
        // By the next frame the views have drawn the new state.
        request_animation_frame(|| {
            let doc = document();
            if let Some(list) = doc.get_element_by_id(LIST) {
                list.remove();
            }
            if let Some(body) = doc.body() {
                body.remove_attribute("data-first-paint").ok();
            }
        });
        true
    });
}
