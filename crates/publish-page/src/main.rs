//! The publisher's page (`/publish/`): a district bureau's spreadsheet to a checked dataset
//! file, in the browser, with nothing to install. Its own bundle, so the parents' finder
//! loads none of it. All reading and checking is `tuoyu-publish`'s library, the very code of
//! the command line; this crate only draws it.

mod analyze;
mod browser;
mod bundle_view;
mod header;
mod views;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use tuoyu_core::load::load_dataset;
use tuoyu_core::source::DEFAULT_DATASET;
use tuoyu_publish::{region, sheet, template};
use web_sys::File;

use analyze::{analyze, Outcome};
use header::{HeaderForm, HeaderView};
use views::{Compare, Preview, Problems, Summary};

/// A file read into the tab: its name and bytes.
type Opened = Arc<(String, Vec<u8>)>;

fn main() {
    leptos::mount::mount_to_body(App);
}

/// Reads `file` unless it is too large to be a list; `done` gets the name and bytes.
fn open_file(file: File, error: RwSignal<Option<String>>, done: impl FnOnce(Opened) + 'static) {
    let size = file.size() as usize;
    if size > sheet::MAX_SHEET_BYTES {
        error.set(Some(sheet::too_big(size)));
        return;
    }
    spawn_local(async move {
        match browser::read_file(&file).await {
            Ok(bytes) => done(Arc::new((file.name(), bytes))),
            Err(e) => error.set(Some(e)),
        }
    });
}

fn first_file(ev: &web_sys::Event) -> Option<File> {
    let input: web_sys::HtmlInputElement = event_target(ev);
    let file = input.files()?.get(0);
    // Picking the same file again, after fixing it in Excel, must read it again.
    input.set_value("");
    file
}

#[component]
fn Templates() -> impl IntoView {
    let links = [
        (template::XLSX, "Excel 模板（推荐）"),
        (template::CSV, "CSV 模板"),
        (template::NOTES_CSV, "填写说明"),
        (template::AREAS_CSV, "镇街列表示例"),
    ];
    view! {
        <ul class="templates">
            {links.into_iter().map(|(file, what)| view! {
                <li><a class="button" href=format!("template/{file}") download=file>{format!("{what}：{file}")}</a></li>
            }).collect::<Vec<_>>()}
        </ul>
    }
}

#[component]
fn App() -> impl IntoView {
    let form = HeaderForm::new(header::today_text());
    let (source, set_source) = signal("正在从网站读取现在发布的名录……".to_owned());
    let published: RwSignal<Option<Opened>> = RwSignal::new(None);
    let opened: RwSignal<Option<Opened>> = RwSignal::new(None);
    let outcome: RwSignal<Option<Outcome>> = RwSignal::new(None);
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let dragging = RwSignal::new(false);

    // The last published file: it fills the header and is what the new one is compared with.
    let use_published = move |file: Opened, from: String| match load_dataset(&file.1) {
        Ok(loaded) => {
            form.fill_from(&loaded.dataset);
            set_source.set(format!(
                "名录信息取自{from}（{}，{} 家机构）；改动下面任何一项，结果会随之更新。",
                loaded.dataset.published,
                loaded.dataset.institutions.len()
            ));
            published.set(Some(file));
        }
        Err(e) => error.set(Some(format!(
            "“{}”不能作为上一版名录：{}",
            file.0,
            e.message()
        ))),
    };
    spawn_local(async move {
        match browser::fetch_published(DEFAULT_DATASET).await {
            // A site whose default is a catalogue (TUOYU_DEFAULT_DATA) publishes many
            // districts' files: none of them is this bureau's by default.
            Ok(bytes) if tuoyu_core::catalogue::is_catalogue(&bytes) => set_source.set(format!(
                "网站默认打开的是多个辖区的目录 {DEFAULT_DATASET}。请选择本辖区上一版数据文件，或在下面填写名录信息。"
            )),
            Ok(bytes) => use_published(
                Arc::new((DEFAULT_DATASET.to_owned(), bytes)),
                format!("网站上现在发布的名录 {DEFAULT_DATASET}"),
            ),
            Err(e) => set_source.set(format!("{e}。请选择上一版数据文件，或在下面填写名录信息。")),
        }
    });

    // Any change to the file or the header checks again. A file that cannot be read leaves
    // the last result where it was, with the reason above it.
    Effect::new(move |_| {
        let Some(file) = opened.get() else { return };
        let options = form.options();
        let old = published.get();
        match analyze(
            &file.0,
            &file.1,
            options,
            old.as_ref().map(|o| o.1.as_slice()),
        ) {
            Ok(o) => {
                outcome.set(Some(o));
                error.set(None);
            }
            Err(e) => error.set(Some(format!("“{}”：{e}", file.0))),
        }
    });

    let pick_sheet = move |ev: web_sys::Event| {
        if let Some(f) = first_file(&ev) {
            open_file(f, error, move |o| opened.set(Some(o)));
        }
    };
    let pick_published = move |ev: web_sys::Event| {
        if let Some(f) = first_file(&ev) {
            open_file(f, error, move |o| {
                let from = format!("所选文件“{}”", o.0);
                use_published(o, from)
            });
        }
    };
    let pick_areas = move |ev: web_sys::Event| {
        if let Some(f) = first_file(&ev) {
            open_file(f, error, move |o| {
                match region::read_areas(&o.1, &o.0, form.code.get_untracked().trim()) {
                    Ok(areas) => {
                        if let Some(own) = areas.region {
                            form.name.set(own.name);
                            form.center
                                .set(format!("{},{}", own.center.lat, own.center.lng));
                        }
                        form.areas.set(areas.areas);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(f) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            open_file(f, error, move |o| opened.set(Some(o)));
        }
    };
    let save = move |_| {
        if let Some(o) = outcome.get_untracked() {
            if let Err(e) =
                browser::download(&o.download_name, o.json.as_bytes(), "application/json")
            {
                error.set(Some(e));
            }
        }
    };

    view! {
        <header class="page-head">
            <h1>"托育机构名录发布"</h1>
            <p class="privacy" data-testid="privacy">
                "表格只在这台电脑的浏览器里读取和检查，不会上传到任何地方；页面打开后断网也能用。"
            </p>
        </header>
        <main>
            <section aria-labelledby="s1">
                <h2 id="s1">"1. 下载模板"</h2>
                <p>"第一次发布时，下载 Excel 模板，每行填一家机构。已有表格也可以直接打开：列名与模板或全国托育机构信息公示平台的导出相同即可。"</p>
                <Templates />
            </section>
            <section aria-labelledby="s2">
                <h2 id="s2">"2. 名录信息"</h2>
                <HeaderView form=form source=source />
                <div class="pickers">
                    <label class="button">"选择上一版数据文件（.json）"
                        <input type="file" class="visually-hidden" accept=".json,application/json" on:change=pick_published data-testid="pick-published" />
                    </label>
                    <label class="button">"选择镇街列表（.csv / .xlsx）"
                        <input type="file" class="visually-hidden" accept=".csv,.xlsx,.xls,.txt" on:change=pick_areas data-testid="pick-areas" />
                    </label>
                </div>
            </section>
            <section aria-labelledby="s3">
                <h2 id="s3">"3. 打开填好的表格"</h2>
                <div
                    class=move || if dragging.get() { "drop dragging" } else { "drop" }
                    on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
                    on:dragleave=move |_| dragging.set(false)
                    on:drop=drop
                >
                    <p>"把表格（.xlsx、.csv，UTF-8 或 GBK 编码）或数据文件（.json）拖到这里，或"</p>
                    <label class="button primary">"选择文件"
                        <input type="file" class="visually-hidden" accept=".xlsx,.xls,.ods,.csv,.txt,.json" on:change=pick_sheet data-testid="pick-sheet" />
                    </label>
                </div>
                {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="error">{e}</p> })}
            </section>
            {move || outcome.get().map(|o| {
                let against = published.get().map(|p| p.0.clone()).unwrap_or_default();
                view! {
                    <section aria-labelledby="s4" data-testid="result">
                        <h2 id="s4">"4. 检查结果"</h2>
                        <Summary outcome=o.clone() />
                        <Problems lines=o.lines.clone() warnings=o.warnings.clone() />
                    </section>
                    {o.diff.clone().map(|d| view! {
                        <section aria-labelledby="s5" class="compare" data-testid="compare">
                            <h2 id="s5">"5. 与现在发布的名录对比"</h2>
                            <button class="button no-print" on:click=move |_| { let _ = window().print(); }>"打印对比（A4）"</button>
                            <Compare report=d against=against />
                        </section>
                    })}
                    <section aria-labelledby="s6">
                        <h2 id="s6">"6. 预览和下载"</h2>
                        <Preview shown=o.shown.clone() />
                        <button class="button primary" on:click=save data-testid="download">
                            {format!("下载数据文件 {}", o.download_name)}
                        </button>
                        <p>"把下载的文件交给网站管理员，替换网站上的名录文件即可发布。"</p>
                    </section>
                }
            })}
            <bundle_view::BundleView publisher=form.publisher />
        </main>
    }
}
