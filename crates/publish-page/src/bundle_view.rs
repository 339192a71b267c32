//! The page's last section: several districts' checked files made into a catalogue release,
//! by the library's `bundle` (the command line's own), downloaded as one `.zip` — for a city
//! or province office that publishes many districts and has no programming tools.

use leptos::prelude::*;
use tuoyu_publish::bundle::{self, Input, Options, ROOT_FILE};

use crate::{browser, first_file, open_file, Opened};

/// What the last attempt gave: the summary and warnings, or the reasons it was refused.
#[derive(Clone)]
enum Made {
    Done {
        summary: String,
        warnings: Vec<String>,
    },
    Refused(Vec<String>),
}

fn make(files: &[Opened], regions: Option<&Opened>, publisher: String) -> Result<Made, String> {
    let regions = match regions {
        Some(r) => bundle::read_regions(&r.1, &r.0)?,
        None => Vec::new(),
    };
    let inputs: Vec<Input> = files
        .iter()
        .map(|f| Input {
            name: f.0.clone(),
            bytes: f.1.clone(),
        })
        .collect();
    let opts = Options {
        publisher,
        regions,
        ..Options::default()
    };
    match bundle::bundle(&inputs, &opts) {
        Err(problems) => Ok(Made::Refused(problems)),
        Ok(out) => {
            let zip = bundle::zip(&out.files)?;
            browser::download("catalogue-release.zip", &zip, "application/zip")?;
            Ok(Made::Done {
                summary: bundle::summary(&out),
                warnings: out.warnings,
            })
        }
    }
}

#[component]
pub fn BundleView(publisher: RwSignal<String>) -> impl IntoView {
    let files: RwSignal<Vec<Opened>> = RwSignal::new(Vec::new());
    let regions: RwSignal<Option<Opened>> = RwSignal::new(None);
    let made: RwSignal<Option<Made>> = RwSignal::new(None);
    let error: RwSignal<Option<String>> = RwSignal::new(None);

    let pick_files = move |ev: web_sys::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let picked: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        input.set_value("");
        files.set(Vec::new());
        made.set(None);
        for f in picked {
            open_file(f, error, move |o| files.update(|all| all.push(o)));
        }
    };
    let pick_regions = move |ev: web_sys::Event| {
        if let Some(f) = first_file(&ev) {
            open_file(f, error, move |o| regions.set(Some(o)));
        }
    };
    let run = move |_| {
        let (all, list) = (files.get_untracked(), regions.get_untracked());
        match make(&all, list.as_ref(), publisher.get_untracked()) {
            Ok(m) => {
                made.set(Some(m));
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };

    view! {
        <section aria-labelledby="s7">
            <h2 id="s7">"7. 多个辖区编成目录（市、省统一发布）"</h2>
            <p>
                "一个市或省统一发布时，选择各辖区检查过的数据文件（.json，可多选）和区划表（列为 code,name，写明市的名称），编成目录："
                {format!("入口 {ROOT_FILE} 和按内容命名的各文件，打包下载。")}
                "发布单位取上面“名录信息”里填写的。"
            </p>
            <div class="pickers">
                <label class="button">
                    "选择各辖区数据文件（.json，可多选）"
                    <input
                        type="file"
                        multiple
                        class="visually-hidden"
                        accept=".json,application/json"
                        on:change=pick_files
                        data-testid="pick-districts"
                    />
                </label>
                <label class="button">
                    "选择区划表（.csv / .xlsx）"
                    <input
                        type="file"
                        class="visually-hidden"
                        accept=".csv,.xlsx,.xls,.txt"
                        on:change=pick_regions
                        data-testid="pick-regions"
                    />
                </label>
            </div>
            <p data-testid="bundle-picked">
                {move || {
                    let names: Vec<String> = files.get().iter().map(|f| f.0.clone()).collect();
                    let list = regions
                        .get()
                        .map(|r| format!("；区划表：{}", r.0))
                        .unwrap_or_default();
                    format!(
                        "已选 {} 个数据文件{}{list}",
                        names.len(),
                        if names.is_empty() {
                            String::new()
                        } else {
                            format!("：{}", names.join("、"))
                        },
                    )
                }}
            </p>
            <button
                class="button primary"
                on:click=run
                data-testid="bundle"
                disabled=move || files.get().is_empty()
            >
                "编成目录并下载（.zip）"
            </button>
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="error" role="alert">
                                {e}
                            </p>
                        }
                    })
            }}
            {move || {
                made
                    .get()
                    .map(|m| match m {
                        Made::Done { summary, warnings } => {
                            view! {
                                <p class="verdict good" data-testid="bundle-summary">
                                    {summary}
                                </p>
                                <ul>
                                    {warnings
                                        .into_iter()
                                        .map(|w| view! { <li>{w}</li> })
                                        .collect::<Vec<_>>()}
                                </ul>
                                <p>
                                    "把压缩包解开，整个文件夹上传到网站（先传其他文件，最后替换 catalogue.json），用 ?data=/路径/catalogue.json 打开。"
                                </p>
                            }
                                .into_any()
                        }
                        Made::Refused(problems) => {
                            view! {
                                <p class="verdict bad">
                                    {format!(
                                        "有 {} 个问题，没有生成目录：",
                                        problems.len(),
                                    )}
                                </p>
                                <ul data-testid="bundle-problems">
                                    {problems
                                        .into_iter()
                                        .map(|p| view! { <li>{p}</li> })
                                        .collect::<Vec<_>>()}
                                </ul>
                            }
                                .into_any()
                        }
                    })
            }}
        </section>
    }
}
