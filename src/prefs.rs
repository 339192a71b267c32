//! What the parent keeps on the phone between visits: 长辈模式, the interface language and the
//! starred institutions. Stored under versioned keys; anything unreadable is reset with a
//! notice, never a crash. The notice is kept as what was reset ([`Reset`]) and worded when
//! shown, since the language is not known yet when the settings are read.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use tuoyu_core::language::Language;

use crate::platform::saved;

const SETTINGS_KEY: &str = "tuoyu.settings.v1";
const STARS_KEY: &str = "tuoyu.stars.v1";
/// The names of the starred places, as they were when starred: the shortlist names a star in
/// a district the list does not cover without fetching that district's file.
const STAR_NAMES_KEY: &str = "tuoyu.star-names.v1";
const MAX_STARS: usize = 50;

#[derive(Serialize, Deserialize, Default, Clone, PartialEq)]
struct Settings {
    elder: bool,
    /// The interface language the parent chose; absent (also in settings saved before there
    /// was a choice) means "as the browser prefers".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lang: Option<String>,
}

#[derive(Clone, Copy)]
pub struct Prefs {
    pub elder: RwSignal<bool>,
    /// `None` until the parent picks a language: the browser's is used.
    pub language: RwSignal<Option<Language>>,
    pub stars: RwSignal<Vec<String>>,
    /// The name each starred id had when it was starred (stars kept before there were names
    /// have none).
    pub star_names: RwSignal<BTreeMap<String, String>>,
    /// Things that had to be reset, said once to the parent.
    pub notices: RwSignal<Vec<Reset>>,
}

/// A saved value that could not be read and was put back to its default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reset {
    Settings,
    Stars,
    /// The settings were readable but named a language the interface does not have.
    Language,
}

impl Prefs {
    /// The language to draw the interface in: the parent's choice, else the browser's.
    pub fn interface_language(&self) -> Language {
        self.language
            .get()
            .unwrap_or_else(crate::lang::browser_language)
    }

    pub fn is_starred(&self, id: &str) -> bool {
        self.stars.with(|s| s.iter().any(|x| x == id))
    }

    pub fn toggle_star(&self, id: &str, name: &str) {
        let mut starred = false;
        self.stars.update(|stars| {
            if let Some(at) = stars.iter().position(|x| x == id) {
                stars.remove(at);
            } else if stars.len() < MAX_STARS {
                stars.push(id.to_owned());
                starred = true;
            }
        });
        self.star_names.update(|names| {
            if starred {
                names.insert(id.to_owned(), name.to_owned());
            } else {
                names.remove(id);
            }
        });
    }
}

pub fn use_prefs() -> Prefs {
    expect_context::<Prefs>()
}

pub fn provide_prefs() {
    let mut notices = Vec::new();
    let settings: Settings = read(SETTINGS_KEY, Reset::Settings, &mut notices).unwrap_or_default();
    let stars: Vec<String> = read(STARS_KEY, Reset::Stars, &mut notices).unwrap_or_default();
    let language = settings.lang.as_deref().and_then(|code| {
        let language = Language::parse(code);
        if language.is_none() {
            // Written back without it by the effect below.
            notices.push(Reset::Language);
        }
        language
    });
    let stars: Vec<String> = stars
        .into_iter()
        .filter(|id| tuoyu_core::load::is_valid_id(id))
        .take(MAX_STARS)
        .collect();
    // Damaged names go without a notice: the stars are kept, and a star without a name is
    // still shown in the list that holds it.
    let mut star_names: BTreeMap<String, String> =
        read(STAR_NAMES_KEY, Reset::Stars, &mut Vec::new()).unwrap_or_default();
    star_names.retain(|id, _| stars.contains(id));
    let prefs = Prefs {
        elder: RwSignal::new(settings.elder),
        language: RwSignal::new(language),
        stars: RwSignal::new(stars),
        star_names: RwSignal::new(star_names),
        notices: RwSignal::new(notices),
    };
    provide_context(prefs);

    Effect::new(move |_| {
        write(
            SETTINGS_KEY,
            &Settings {
                elder: prefs.elder.get(),
                lang: prefs.language.get().map(|l| l.code().to_owned()),
            },
        )
    });
    Effect::new(move |_| prefs.stars.with(|stars| write(STARS_KEY, stars)));
    Effect::new(move |_| prefs.star_names.with(|names| write(STAR_NAMES_KEY, names)));
}

/// A saved value, or None when there is none; a damaged one is removed and reported.
fn read<T: for<'de> Deserialize<'de>>(
    key: &str,
    what: Reset,
    notices: &mut Vec<Reset>,
) -> Option<T> {
    let text = saved::get(key)?;
    match serde_json::from_str(&text) {
        Ok(value) => Some(value),
        Err(_) => {
            saved::remove(key);
            notices.push(what);
            None
        }
    }
}

fn write<T: Serialize>(key: &str, value: &T) {
    if let Ok(text) = serde_json::to_string(value) {
        saved::set(key, &text);
    }
}
