//! 我的宝宝 (`?page=baby`): the birth date, kept only on this phone, and the plan for it.
//! `born=` in the address shows the plan for a date a family member shared.

mod plan;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use tuoyu_core::age::{age_on, check_birth_date, BirthDateProblem, Gestation};
use tuoyu_core::model::{format_date, Date};
use tuoyu_core::plan::{
    check_gestation_weeks, make_plan, PlanError, MAX_GESTATION_WEEKS, MIN_GESTATION_WEEKS,
};

use crate::guide_data::{use_guide, GuideState};
use crate::i18n::*;
use crate::lang;
use crate::platform::{saved, today};
use crate::route::{use_address, Step};
use crate::views::guide::{GuideError, GuideLoading};
use crate::wording::birth_date_text;

const SAVED_KEY: &str = "tuoyu.baby";

/// What the phone keeps: the two fields as the parent last left them valid.
#[derive(Default, Serialize, Deserialize)]
struct Kept {
    born: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    weeks: Option<u8>,
    /// The days after the weeks (`32+5`); older phones kept weeks only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    days: Option<u8>,
}

/// The child's age in whole months from the birth date kept in 我的宝宝, for the finder's
/// age filter (real months, as admissions count; `None` without a kept date or past 36).
pub fn saved_age_months() -> Option<u8> {
    let born = tuoyu_core::model::parse_date(&Kept::load().born)?;
    let age = age_on(born, today())?;
    u8::try_from(age.months)
        .ok()
        .filter(|m| *m <= tuoyu_core::query::MAX_AGE_MONTHS)
}

impl Kept {
    fn load() -> Self {
        saved::get(SAVED_KEY)
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    fn store(born: Date, gestation: Option<Gestation>) {
        let kept = Kept {
            born: format_date(born),
            weeks: gestation.map(|g| g.weeks),
            days: gestation.map(|g| g.days).filter(|d| *d > 0),
        };
        if let Ok(text) = serde_json::to_string(&kept) {
            saved::set(SAVED_KEY, &text);
        }
    }
}

#[component]
pub fn BabyPage() -> impl IntoView {
    let address = use_address();
    let guide = use_guide();
    let today = today();
    let kept = Kept::load();
    let linked = Memo::new(move |_| address.query.with(|q| q.born));

    // The address wins over the phone: it is what the family member meant to show.
    let born_text = RwSignal::new(match linked.get_untracked() {
        Some(born) => format_date(born),
        None => kept.born.clone(),
    });
    let weeks_text = RwSignal::new(
        kept.weeks
            .filter(|_| born_text.with_untracked(|b| *b == kept.born))
            .map(|weeks| {
                let days = kept.days.unwrap_or(0);
                Gestation { weeks, days }.to_string()
            })
            .unwrap_or_default(),
    );
    Effect::new(move |_| {
        if let Some(born) = linked.get() {
            born_text.set(format_date(born));
        }
    });

    // `None` until a date is entered; a message for anything the plan cannot use.
    let input = Memo::new(move |_| {
        let born = born_text.get();
        if born.trim().is_empty() {
            return None;
        }
        let weeks = weeks_text.get();
        Some(
            check_birth_date(&born, today)
                .map_err(|e| birth_date_text(&e))
                .and_then(|born| {
                    let weeks = check_gestation_weeks(&still_typing_is_empty(&weeks))
                        .map_err(|e| plan_message(&e))?;
                    Ok((born, weeks))
                }),
        )
    });

    let on_born = move |ev| {
        let value = event_target_value(&ev);
        born_text.set(value.clone());
        // A date the parent typed is theirs to keep; it no longer belongs in the address.
        if linked
            .get_untracked()
            .is_some_and(|b| format_date(b) != value)
        {
            address.update(Step::Replace, |q| q.born = None);
        }
        remember(input.get_untracked(), linked.get_untracked());
    };
    let on_weeks = move |ev| {
        weeks_text.set(event_target_value(&ev));
        remember(input.get_untracked(), linked.get_untracked());
    };
    let forget = move |_| {
        saved::remove(SAVED_KEY);
        born_text.set(String::new());
        weeks_text.set(String::new());
        if linked.get_untracked().is_some() {
            address.update(Step::Replace, |q| q.born = None);
        }
    };

    let plan = move || {
        let (born, weeks) = match input.get() {
            None => {
                return view! { <p class="hint">{td_string!(lang::current(), guide.enter_birth_date)}</p> }
                .into_any()
            }
            Some(Err(message)) => return error_view(message),
            Some(Ok(parsed)) => parsed,
        };
        match guide.get() {
            GuideState::Loading => view! { <GuideLoading /> }.into_any(),
            GuideState::Failed(failure) => view! { <GuideError failure /> }.into_any(),
            GuideState::Ready(guide) => match make_plan(&guide, born, weeks, today) {
                Ok(plan) => view! { <plan::PlanView guide plan /> }.into_any(),
                Err(e) => error_view(plan_message(&e)),
            },
        }
    };

    let locale = lang::current();
    view! {
        <section class="baby">
            <h1>{td_string!(locale, guide.baby_title)}</h1>
            {move || {
                linked
                    .get()
                    .map(|born| {
                        view! {
                            <p class="notice" role="note" data-testid="born-link-notice">
                                {td_string!(
                                    locale, guide.born_link_notice, date = format_date(born)
                                )
                                    .to_string()}
                            </p>
                        }
                    })
            }}
            <form class="baby-form" on:submit=|ev| ev.prevent_default()>
                <label class="field">
                    <span>{td_string!(locale, guide.born_label)}</span>
                    <input
                        type="date"
                        data-testid="born-input"
                        max=format_date(today)
                        prop:value=move || born_text.get()
                        on:input=on_born
                        on:change=on_born
                    />
                </label>
                <label class="field">
                    <span>{td_string!(locale, guide.weeks_label)}</span>
                    // Text, not a number field: parents write 32+5 or 32周5天, which a number
                    // field would empty or turn into 325.
                    <input
                        type="text"
                        data-testid="weeks-input"
                        autocomplete="off"
                        placeholder=td_string!(locale, guide.weeks_placeholder)
                        prop:value=move || weeks_text.get()
                        on:input=on_weeks
                    />
                </label>
                <p class="hint">
                    {td_string!(locale, guide.born_kept_hint)}
                    <button type="button" class="button link" on:click=forget>
                        {td_string!(locale, guide.clear)}
                    </button>
                </p>
            </form>
            {plan}
        </section>
    }
}

/// Keeps a valid entry on the phone; a date that only came in a shared link is not kept.
fn remember(input: Option<Result<(Date, Option<Gestation>), String>>, linked: Option<Date>) {
    if let Some(Ok((born, weeks))) = input {
        if linked != Some(born) {
            Kept::store(born, weeks);
        }
    }
}

/// A single digit is a number being typed ("3" on the way to "35"), not a wrong one.
fn still_typing_is_empty(weeks: &str) -> String {
    let weeks = weeks.trim();
    if weeks.len() == 1 && weeks.bytes().all(|b| b.is_ascii_digit()) {
        String::new()
    } else {
        weeks.to_owned()
    }
}

fn plan_message(error: &PlanError) -> String {
    let l = lang::current();
    let (min, max) = (MIN_GESTATION_WEEKS, MAX_GESTATION_WEEKS);
    match error {
        PlanError::BornInFuture => td_string!(l, guide.birth_in_future_check).to_owned(),
        PlanError::TooOld => birth_date_text(&BirthDateProblem::TooOld),
        PlanError::Gestation(weeks) => {
            td_string!(l, guide.weeks_out_of_range, weeks, min, max).to_string()
        }
        PlanError::GestationNotANumber => {
            td_string!(l, guide.weeks_not_a_number, min, max).to_string()
        }
        PlanError::GestationDays(days) => td_string!(l, guide.weeks_days, days).to_string(),
    }
}

fn error_view(message: String) -> AnyView {
    view! {
        <p class="error-panel" role="alert" data-testid="plan-error">
            {message}
        </p>
    }
    .into_any()
}
