//! The plan for one child today: age, stage, warning signs, visits, vaccines, articles, and
//! the way to the institutions that take a child of this age.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::age::Age;
use tuoyu_core::guide::{slugs, Article, Checkup, Guide, Vaccine, MAX_GUIDE_MONTHS};
use tuoyu_core::model::{format_date, Date};
use tuoyu_core::plan::{Due, Plan, VACCINE_WINDOW_MONTHS};

use crate::i18n::*;
use crate::lang;
use crate::route::use_address;
use crate::views::guide::ticks::{TickItem, Ticks};
use crate::views::guide::ArticleLink;
use crate::views::share::ShareButton;
use crate::views::text::{mixed, DATA_LANG};

/// "10 个月 27 天", "1 month 1 day".
pub fn age_text(age: Age) -> String {
    let l = lang::current();
    let months = match age.months {
        1 => td_string!(l, guide.plan_months_single, n = 1).to_string(),
        n => td_string!(l, guide.plan_months_plural, n).to_string(),
    };
    let days = match age.days {
        1 => td_string!(l, guide.plan_days_single, n = 1).to_string(),
        n => td_string!(l, guide.plan_days_plural, n).to_string(),
    };
    format!("{months} {days}")
}

#[component]
pub fn PlanView(guide: Arc<Guide>, plan: Plan) -> impl IntoView {
    let address = use_address();
    let locale = lang::current();
    let today = plan.today;
    let finder_href = address.link(|q| q.finder_for_age(plan.finder_age));
    // Only the date and the dataset: the parent's filters may hold where they live.
    let share_href = address.link(|q| q.plan_link(plan.birth));
    let development = plan.development_age();
    let ticks = Ticks::load(&format!("plan-{}", development.months));

    let corrected = plan.corrected.map(|corrected| {
        view! {
            <p>
                {td_string!(locale, guide.corrected_before)}
                <strong data-testid="plan-corrected-age">{age_text(corrected)}</strong>
                {td_string!(locale, guide.corrected_after)}
            </p>
        }
    });
    let until_due = plan.weeks_until_due.map(|weeks| {
        view! {
            <p class="hint">
                {if weeks == 1 {
                    td_string!(locale, guide.until_due_single, weeks).to_string()
                } else {
                    td_string!(locale, guide.until_due_plural, weeks).to_string()
                }}
            </p>
        }
    });
    let beyond = plan.beyond_schedule().then(|| {
        view! { <p class="notice">{td_string!(locale, guide.beyond_schedule)}</p> }
    });
    let stage = plan.stage.clone().map(|stage| {
        view! {
            <section class="plan-part">
                <h2>
                    {td_string!(
                        locale, guide.stage_heading, from = stage.from_months, to = stage.to_months
                    )
                        .to_string()}
                </h2>
                <ul lang=DATA_LANG>
                    {stage.usually.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                </ul>
                <p class="hint">{td_string!(locale, guide.stage_hint)}</p>
            </section>
        }
    });
    let warnings = plan
        .watch_now
        .iter()
        .map(|group| {
            let age = u32::from(group.age_months);
            let when = match age.cmp(&development.months) {
                std::cmp::Ordering::Less => td_string!(locale, guide.warn_passed),
                std::cmp::Ordering::Equal => td_string!(locale, guide.warn_now),
                std::cmp::Ordering::Greater => td_string!(locale, guide.warn_soon),
            };
            let heading = if age == 1 {
                td_string!(locale, guide.warn_heading_single, age, when).to_string()
            } else {
                td_string!(locale, guide.warn_heading_plural, age, when).to_string()
            };
            let items = group
                .signs
                .iter()
                .map(|sign| {
                    let text = sign.clone();
                    view! {
                        <TickItem ticks item=sign.clone()>
                            {text}
                        </TickItem>
                    }
                })
                .collect_view();
            view! {
                <h3>{heading}</h3>
                <ul class="checklist" lang=DATA_LANG>
                    {items}
                </ul>
            }
        })
        .collect_view();
    let checkups = plan
        .checkups
        .iter()
        .map(|due| {
            due_item(
                due.item.name.clone(),
                checkup_age(&due.item),
                due,
                today,
                &due.item.note,
            )
        })
        .collect_view();
    let vaccines = plan
        .vaccines
        .iter()
        .map(|due| {
            due_item(
                vaccine_name(&due.item),
                vaccine_age(&due.item),
                due,
                today,
                &due.item.note,
            )
        })
        .collect_view();
    let no_vaccines = plan.vaccines.is_empty();
    // The next visit, whatever its distance: all of that day's vaccines under one date.
    let next_vaccination = plan.next_vaccination.as_ref().map(|due| {
        let names: Vec<String> = due.item.iter().map(vaccine_name).collect();
        let age = due.item.first().map(vaccine_age).unwrap_or_default();
        view! {
            <section class="plan-part" data-testid="next-vaccination">
                <h2>{td_string!(locale, guide.next_vaccination_title)}</h2>
                <ul class="due-list">{due_item(names.join("、"), age, due, today, "")}</ul>
            </section>
        }
    });
    // Articles for all of 0–3 fit every plan; they go below the ones written for this age.
    let (for_this_age, for_all_ages): (Vec<_>, Vec<_>) = plan
        .articles
        .iter()
        .filter_map(|slug| guide.article(slug))
        .partition(|a| a.age_months != (0, MAX_GUIDE_MONTHS));
    let links = |articles: Vec<&Article>| {
        articles
            .into_iter()
            .map(|a| {
                let title = a.title.clone();
                view! {
                    <li lang=DATA_LANG>
                        <ArticleLink slug=a.slug.clone()>{title}</ArticleLink>
                    </li>
                }
            })
            .collect_view()
    };
    let general_count = for_all_ages.len();
    let for_this_age = links(for_this_age);
    let for_all_ages = links(for_all_ages);

    view! {
        <section class="plan" data-testid="plan">
            <p class="plan-age-line">
                {td_string!(locale, guide.plan_age_now)}
                <strong class="plan-age" data-testid="plan-age">
                    {age_text(plan.age)}
                </strong>
            </p>
            {corrected}
            {until_due}
            {beyond}
            {stage}
            <section class="plan-part">
                <h2>{td_string!(locale, guide.warnings_title)}</h2>
                <p class="hint">{td_string!(locale, guide.warnings_hint)}</p>
                {warnings}
                <p class="warn">
                    <strong>{mixed(td_string!(locale, guide.warnings_act))}</strong>
                    {td_string!(locale, guide.warnings_regress)}
                </p>
                <p>
                    <ArticleLink slug=slugs::WARNING_SIGNS
                        .to_owned()>{td_string!(locale, guide.warnings_all_ages)}</ArticleLink>
                </p>
            </section>
            <section class="plan-part">
                <h2>{td_string!(locale, guide.checkups_title)}</h2>
                <ul class="due-list">{checkups}</ul>
                <p class="hint">{mixed(td_string!(locale, guide.checkups_hint))}</p>
            </section>
            {next_vaccination}
            <section class="plan-part">
                <h2>
                    {td_string!(locale, guide.vaccines_title, months = VACCINE_WINDOW_MONTHS)
                        .to_string()}
                </h2>
                {no_vaccines.then(|| view! { <p>{td_string!(locale, guide.no_vaccines)}</p> })}
                <ul class="due-list">{vaccines}</ul>
                <p class="hint">{mixed(td_string!(locale, guide.vaccines_hint))}</p>
            </section>
            <section class="plan-part">
                <h2>{td_string!(locale, guide.articles_title)}</h2>
                <ul data-testid="plan-articles">{for_this_age}</ul>
                {(general_count > 0)
                    .then(|| {
                        view! {
                            <details class="more-articles">
                                <summary>
                                    {td_string!(
                                        locale, guide.articles_general, count = general_count
                                    )
                                        .to_string()}
                                </summary>
                                <ul>{for_all_ages}</ul>
                            </details>
                        }
                    })}
            </section>
            <div class="actions">
                <a class="button primary" data-testid="plan-finder-link" href=finder_href>
                    {td_string!(locale, guide.finder_link, age = plan.finder_age).to_string()}
                </a>
            </div>
            <div class="actions share-plan">
                <ShareButton
                    href=share_href
                    title=td_string!(locale, guide.share_title).to_owned()
                />
            </div>
            <p class="hint">{td_string!(locale, guide.share_hint)}</p>
        </section>
    }
}

/// A visit or vaccine: its name (the schedule's own Chinese), when, and the schedule's note.
fn due_item<T>(title: String, age: String, due: &Due<T>, today: Date, note: &str) -> impl IntoView {
    let l = lang::current();
    let when = match due.days_after(today) {
        0 => td_string!(l, guide.due_today).to_owned(),
        1 => td_string!(l, guide.due_in_single, days = 1).to_string(),
        -1 => td_string!(l, guide.overdue_single, days = 1).to_string(),
        days if days > 0 => td_string!(l, guide.due_in_plural, days).to_string(),
        days => td_string!(l, guide.overdue_plural, days = -days).to_string(),
    };
    view! {
        <li class="due" data-testid="due">
            <strong lang=DATA_LANG>{title}</strong>
            <span class="due-when">{format!("{age} · {} · {when}", format_date(due.date))}</span>
            {(!note.is_empty())
                .then(|| {
                    view! {
                        <span class="hint" lang=DATA_LANG>
                            {note.to_owned()}
                        </span>
                    }
                })}
        </li>
    }
}

fn checkup_age(checkup: &Checkup) -> String {
    match checkup.age_days {
        Some(days) => td_string!(lang::current(), guide.checkup_days, days).to_string(),
        None => at_months(checkup.age_months),
    }
}

/// "百白破疫苗（第4剂）": the schedule's own Chinese name and dose.
fn vaccine_name(vaccine: &Vaccine) -> String {
    td_string!(
        lang::current(),
        guide.vaccine_title,
        name = vaccine.name.clone(),
        dose = vaccine.dose.clone()
    )
    .to_string()
}

fn vaccine_age(vaccine: &Vaccine) -> String {
    match vaccine.age_months {
        0 => td_string!(lang::current(), guide.at_birth).to_owned(),
        months => at_months(months),
    }
}

fn at_months(months: u8) -> String {
    let l = lang::current();
    match months {
        1 => td_string!(l, guide.at_months_single, months = 1).to_string(),
        months => td_string!(l, guide.at_months_plural, months).to_string(),
    }
}
