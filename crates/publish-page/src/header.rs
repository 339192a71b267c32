//! The file's header — title, publisher, date, region and its areas — as a form, filled from
//! the last published file when there is one. Its values become the very `import::Options`
//! the command line builds from its arguments.

use leptos::prelude::*;
use tuoyu_core::model::{format_date, Area, Dataset};
use tuoyu_publish::import::{parse_crs, parse_published, Options};
use tuoyu_publish::region::{parse_center, AreasFile};

#[derive(Clone, Copy)]
pub struct HeaderForm {
    pub code: RwSignal<String>,
    pub name: RwSignal<String>,
    pub center: RwSignal<String>,
    pub crs: RwSignal<String>,
    pub title: RwSignal<String>,
    pub publisher: RwSignal<String>,
    pub published: RwSignal<String>,
    pub areas: RwSignal<Vec<Area>>,
}

impl HeaderForm {
    pub fn new(today: String) -> Self {
        let text = |s: &str| RwSignal::new(s.to_owned());
        HeaderForm {
            code: text(""),
            name: text(""),
            center: text(""),
            crs: text("GCJ-02"),
            title: text(""),
            publisher: text(""),
            published: RwSignal::new(today),
            areas: RwSignal::new(Vec::new()),
        }
    }

    /// Everything but the date from `d`: a new edition keeps its region and wording.
    pub fn fill_from(&self, d: &Dataset) {
        self.code.set(d.region.code.clone());
        self.name.set(d.region.name.clone());
        self.center
            .set(format!("{},{}", d.region.center.lat, d.region.center.lng));
        self.crs.set(d.crs.code().to_owned());
        self.title.set(d.title.clone());
        self.publisher.set(d.publisher.clone());
        self.areas.set(d.region.areas.clone());
    }

    /// The import's options, or what is wrong with the form. Blank title and publisher take
    /// the import's defaults, as on the command line.
    pub fn options(&self) -> Result<Options, String> {
        let code = self.code.get().trim().to_owned();
        if code.is_empty() {
            return Err("请先在“名录信息”里填写辖区的 6 位行政区划代码".into());
        }
        let optional =
            |s: RwSignal<String>| Some(s.get().trim().to_owned()).filter(|s| !s.is_empty());
        let center = match optional(self.center) {
            Some(c) => Some(parse_center(&c)?),
            None => None,
        };
        Ok(Options {
            region_code: code,
            region_name: optional(self.name),
            center,
            crs: parse_crs(&self.crs.get())?,
            areas: AreasFile {
                areas: self.areas.get(),
                region: None,
            },
            title: optional(self.title),
            publisher: optional(self.publisher),
            published: parse_published(&self.published.get())?,
            sample: false,
        })
    }
}

pub fn today_text() -> String {
    format_date(crate::browser::today())
}

#[component]
fn Field(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <input type="text" bind:value=value />
            {(!hint.is_empty()).then(|| view! { <span class="field-hint">{hint}</span> })}
        </label>
    }
}

#[component]
pub fn HeaderView(form: HeaderForm, source: ReadSignal<String>) -> impl IntoView {
    let areas = move || {
        let list = form.areas.get();
        if list.is_empty() {
            "（没有镇街列表：“所属镇街”一列须留空）".to_owned()
        } else {
            list.iter()
                .map(|a| format!("{} {}", a.code, a.name))
                .collect::<Vec<_>>()
                .join("、")
        }
    };
    view! {
        <p class="source" data-testid="header-source">{source}</p>
        <div class="fields">
            <Field label="名录标题" value=form.title hint="留空则为“<辖区名称>托育服务机构名录”" />
            <Field label="发布单位" value=form.publisher hint="留空则为“<辖区名称>卫生健康局”" />
            <label class="field">
                <span class="field-label">"发布日期"</span>
                <input type="date" bind:value=form.published data-testid="published" />
            </label>
            <Field label="辖区代码" value=form.code hint="6 位行政区划代码，如 441602" />
            <Field label="辖区名称" value=form.name />
            <Field label="辖区中心点（纬度,经度）" value=form.center hint="地图默认以它为中心" />
            <label class="field">
                <span class="field-label">"表格中坐标的坐标系"</span>
                <select
                    prop:value=move || form.crs.get()
                    on:change=move |ev| form.crs.set(event_target_value(&ev))
                >
                    <option value="GCJ-02">"GCJ-02（高德、腾讯地图）"</option>
                    <option value="WGS-84">"WGS-84（GPS）"</option>
                </select>
            </label>
        </div>
        <p class="areas"><span class="field-label">"镇街："</span>{areas}</p>
    }
}
