//! The plan for one child today: age, stage, warning signs, visits, vaccines, articles, and
//! the way to the institutions that take a child of this age.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::age::Age;
use tuoyu_core::guide::{Article, Checkup, Guide, Vaccine, MAX_GUIDE_MONTHS};
use tuoyu_core::model::{format_date, Date};
use tuoyu_core::plan::{Due, Plan, VACCINE_WINDOW_MONTHS};
use tuoyu_core::query::{FinderQuery, Page};

use crate::route::use_address;
use crate::views::guide::ticks::{TickItem, Ticks};
use crate::views::guide::ArticleLink;
use crate::views::share::ShareButton;

pub fn age_text(age: Age) -> String {
    format!("{} 个月 {} 天", age.months, age.days)
}

#[component]
pub fn PlanView(guide: Arc<Guide>, plan: Plan) -> impl IntoView {
    let address = use_address();
    let today = plan.today;
    let finder_href = address.query.with_untracked(|q| {
        let mut next = FinderQuery {
            page: Page::Finder,
            article: None,
            born: None,
            id: None,
            notes: Vec::new(),
            ..q.clone()
        };
        next.filter.age = Some(plan.finder_age);
        address.href(&next)
    });
    // Only the date and the dataset: the parent's filters may hold where they live.
    let share_href = address.href(&FinderQuery {
        page: Page::Baby,
        born: Some(plan.birth),
        data: address.query.with_untracked(|q| q.data.clone()),
        ..FinderQuery::default()
    });
    let development = plan.development_age();
    let ticks = Ticks::load(&format!("plan-{}", development.months));

    let corrected = plan.corrected.map(|corrected| {
        view! {
            <p>
                "按预产期矫正后："
                <strong data-testid="plan-corrected-age">{age_text(corrected)}</strong>
                "。早产宝宝看发育用矫正月龄，到满 2 周岁为止；体检和打疫苗仍按出生日期算。"
            </p>
        }
    });
    let until_due = plan.weeks_until_due.map(|weeks| {
        view! {
            <p class="hint">{format!("离预产期还有约 {weeks} 周。")}</p>
        }
    });
    let beyond = plan.beyond_schedule().then(|| view! {
        <p class="notice">
            "孩子已经满 3 岁。这里的内容是按 0–3 岁编写的，上幼儿园前的体检和接种请听儿童保健门诊、接种门诊的安排。"
        </p>
    });
    let stage = plan.stage.clone().map(|stage| view! {
        <section class="plan-part">
            <h2>{format!("这个阶段（{}–{} 个月），孩子通常会", stage.from_months, stage.to_months)}</h2>
            <ul>{stage.usually.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
            <p class="hint">"每个孩子快慢不一样，早几周、晚几周都常见。"</p>
        </section>
    });
    let warnings = plan
        .watch_now
        .iter()
        .map(|group| {
            let age = u32::from(group.age_months);
            let when = match age.cmp(&development.months) {
                std::cmp::Ordering::Less => "已过这个月龄",
                std::cmp::Ordering::Equal => "就是现在",
                std::cmp::Ordering::Greater => "快到了",
            };
            let heading = format!("{age} 个月的预警信号（{when}）");
            let items = group
                .signs
                .iter()
                .map(|sign| {
                    let text = sign.clone();
                    view! { <TickItem ticks item=sign.clone()>{text}</TickItem> }
                })
                .collect_view();
            view! {
                <h3>{heading}</h3>
                <ul class="checklist">{items}</ul>
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
            let title = format!("{}（{}）", due.item.name, due.item.dose);
            due_item(title, vaccine_age(&due.item), due, today, &due.item.note)
        })
        .collect_view();
    let no_vaccines = plan.vaccines.is_empty();
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
                view! { <li><ArticleLink slug=a.slug.clone()>{title}</ArticleLink></li> }
            })
            .collect_view()
    };
    let general_count = for_all_ages.len();
    let for_this_age = links(for_this_age);
    let for_all_ages = links(for_all_ages);

    view! {
        <section class="plan" data-testid="plan">
            <p class="plan-age-line">
                "宝宝现在 " <strong class="plan-age" data-testid="plan-age">{age_text(plan.age)}</strong>
            </p>
            {corrected}
            {until_due}
            {beyond}
            {stage}
            <section class="plan-part">
                <h2>"现在要留意的预警信号"</h2>
                <p class="hint">"孩子到了这个月龄还有下面的情况，就打个勾。"</p>
                {warnings}
                <p class="warn">
                    <strong>"如有任何一项，请带孩子去儿童保健门诊。"</strong>
                    "原来会的本领又不会了，不管多大，也要尽快看医生。"
                </p>
                <p><ArticleLink slug="warning-signs".to_owned()>"看全部月龄的预警征象"</ArticleLink></p>
            </section>
            <section class="plan-part">
                <h2>"接下来的体检"</h2>
                <ul class="due-list">{checkups}</ul>
                <p class="hint">"免费儿童健康检查在社区卫生服务中心或镇卫生院做，具体时间以通知为准。"</p>
            </section>
            <section class="plan-part">
                <h2>{format!("未来 {VACCINE_WINDOW_MONTHS} 个月的疫苗（国家免疫规划）")}</h2>
                {no_vaccines.then(|| view! { <p>"这段时间没有国家免疫规划疫苗要打。"</p> })}
                <ul class="due-list">{vaccines}</ul>
                <p class="hint">"打哪种、哪天打，以接种门诊的安排和预防接种证为准。"</p>
            </section>
            <section class="plan-part">
                <h2>"适合这个月龄的文章"</h2>
                <ul data-testid="plan-articles">{for_this_age}</ul>
                {(general_count > 0).then(|| view! {
                    <details class="more-articles">
                        <summary>{format!("0–3 岁都适用的文章（{general_count} 篇）")}</summary>
                        <ul>{for_all_ages}</ul>
                    </details>
                })}
            </section>
            <div class="actions">
                <a class="button primary" data-testid="plan-finder-link" href=finder_href>
                    {format!("找收 {} 个月孩子的托育机构", plan.finder_age)}
                </a>
            </div>
            <div class="actions share-plan">
                <ShareButton href=share_href title="宝宝成长计划".to_owned() />
            </div>
            <p class="hint">"分享的链接包含孩子的出生日期，只发给信任的家人。"</p>
        </section>
    }
}

fn due_item<T>(title: String, age: String, due: &Due<T>, today: Date, note: &str) -> impl IntoView {
    let days = due.days_after(today);
    let when = match days {
        0 => "就是今天".to_owned(),
        d if d > 0 => format!("还有 {d} 天"),
        d => format!("已到时间 {} 天，还没去的请尽快预约", -d),
    };
    view! {
        <li class="due" data-testid="due">
            <strong>{title}</strong>
            <span class="due-when">{format!("{age} · {} · {when}", format_date(due.date))}</span>
            {(!note.is_empty()).then(|| view! { <span class="hint">{note.to_owned()}</span> })}
        </li>
    }
}

fn checkup_age(checkup: &Checkup) -> String {
    match checkup.age_days {
        Some(days) => format!("出生后 {days} 天"),
        None => format!("满 {} 个月", checkup.age_months),
    }
}

fn vaccine_age(vaccine: &Vaccine) -> String {
    match vaccine.age_months {
        0 => "出生时".to_owned(),
        months => format!("满 {months} 个月"),
    }
}
