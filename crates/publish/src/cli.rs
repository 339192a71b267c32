//! The command line. Exit status, for every command: 0 all good; 1 done, but something
//! would be left out (rows skipped on import, records the app would drop on check);
//! 2 nothing usable (unreadable input, bad options, unusable file).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use tuoyu_core::model::{Crs, Date, LatLng};

use crate::{bundle, check, diff, import, region, release, sheet, template};

#[derive(Parser, Debug)]
#[command(
    name = "tuoyu-publish",
    version,
    about = "托育机构名录发布工具：生成表格模板、把表格导入为数据文件、检查数据文件、对比两版数据"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// 生成表格模板（Excel 和 CSV）、填写说明和镇街列表
    Template {
        /// 模板写到这个目录（不存在会新建）
        #[arg(long, default_value = ".")]
        out: PathBuf,
        /// 目录里已有同名文件时覆盖它们
        #[arg(long)]
        force: bool,
    },
    /// 把填好的表格（.xlsx/.xls/.csv）转换成数据文件（JSON），写到标准输出或 --out
    Import {
        /// 填好的表格文件
        sheet: PathBuf,
        /// 辖区的 6 位行政区划代码，如 441602
        #[arg(long)]
        region: String,
        /// 表格中坐标的坐标系：GCJ-02（高德、腾讯地图）或 WGS-84（GPS）
        #[arg(long, value_parser = import::parse_crs)]
        crs: Crs,
        /// 镇街列表（CSV 或 Excel，列为 code,name,lat,lng）
        #[arg(long)]
        areas: Option<PathBuf>,
        /// 辖区名称，如 源城区（不写则取镇街列表中编码与 --region 相同的一行）
        #[arg(long)]
        region_name: Option<String>,
        /// 辖区中心点“纬度,经度”（不写则取镇街列表中辖区那一行，或各镇街中心的平均值）
        #[arg(long, value_parser = parse_center)]
        center: Option<LatLng>,
        /// 名录标题（默认“<辖区名称>托育服务机构名录”）
        #[arg(long)]
        title: Option<String>,
        /// 发布单位（默认“<辖区名称>卫生健康局”）
        #[arg(long)]
        publisher: Option<String>,
        /// 发布日期 YYYY-MM-DD（默认今天，北京时间）
        #[arg(long, value_parser = import::parse_published)]
        published: Option<Date>,
        /// 标记为演示用的示例数据
        #[arg(long)]
        sample: bool,
        /// Excel 文件中要读取的工作表名称（默认第一个工作表）
        #[arg(long)]
        sheet_name: Option<String>,
        /// 数据文件写到这里（不写则输出到标准输出）
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// 把一个文件夹里各辖区的数据文件编成目录（catalogue.json 及按内容命名的文件），供应用按位置只下载需要的文件
    Bundle(BundleArgs),
    /// 检查数据文件：列出应用会略去的每条记录及原因
    Check {
        /// 数据文件（JSON）
        file: PathBuf,
        /// 以 JSON 输出检查结果
        #[arg(long)]
        json: bool,
    },
    /// 对比两版数据文件：新增、删除和逐字段修改的机构；给两个目录（bundle 的输出）则对比两版目录：新增、删除和修改的辖区
    Diff {
        /// 旧的数据文件，或旧版目录（含 catalogue.json 的文件夹）
        old: PathBuf,
        /// 新的数据文件，或新版目录
        new: PathBuf,
        /// 以 JSON 输出对比结果
        #[arg(long)]
        json: bool,
    },
}

/// The `bundle` command's arguments.
#[derive(clap::Args, Debug)]
pub struct BundleArgs {
    /// 各辖区数据文件（.json）所在的文件夹（含子文件夹）
    pub dir: PathBuf,
    /// 目录写到这个文件夹（不存在会新建；已有的同名文件内容相同，只有 catalogue.json 会被替换）
    #[arg(long, short)]
    pub out: PathBuf,
    /// 发布单位，如 河源市卫生健康局
    #[arg(long)]
    pub publisher: String,
    /// 入口目录的标题（默认“<区划名称>托育服务机构名录”）
    #[arg(long)]
    pub title: Option<String>,
    /// 目录中范围和中心点的坐标系（各数据文件坐标系不一致时必填）
    #[arg(long, value_parser = import::parse_crs)]
    pub crs: Option<Crs>,
    /// 区划表（CSV 或 Excel，列为 code,name[,lat,lng][,parent]）：市的名称，以及代码看不出的上级
    #[arg(long)]
    pub regions: Option<PathBuf>,
}

fn parse_center(s: &str) -> Result<LatLng, String> {
    region::parse_center(s)
}

/// Today in China, by the computer's clock.
fn today() -> Date {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    import::date_in_china(ms as f64)
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("无法读取文件“{}”：{e}", path.display()))
}

/// Writes the template's files into `dir`, refusing to overwrite a filled-in sheet.
fn write_template(dir: &Path, force: bool) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("无法创建目录“{}”：{e}", dir.display()))?;
    let files = template::files()?;
    let existing: Vec<String> = files
        .iter()
        .map(|(name, _)| dir.join(name))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !force && !existing.is_empty() {
        return Err(format!(
            "这些文件已经存在，为免覆盖已填写的内容，没有生成模板：{}（换一个 --out 目录，或加 --force 覆盖）",
            existing.join("、")
        ));
    }
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("无法写入 {}：{e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = out.write_all(text.as_bytes());
}

pub fn run() -> i32 {
    let cli = Cli::parse();
    match execute(cli.command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("错误：{e}");
            2
        }
    }
}

fn execute(command: Command) -> Result<i32, String> {
    match command {
        Command::Template { out, force } => {
            for p in write_template(&out, force)? {
                eprintln!("已生成 {}", p.display());
            }
            Ok(0)
        }
        Command::Import {
            sheet,
            region,
            crs,
            areas,
            region_name,
            center,
            title,
            publisher,
            published,
            sample,
            sheet_name,
            out,
        } => {
            let areas = match &areas {
                Some(p) => region::read_areas(&read(p)?, &p.display().to_string(), &region)?,
                None => region::AreasFile::default(),
            };
            let data = sheet::read_bytes(&read(&sheet)?, sheet_name.as_deref())?;
            let opts = import::Options {
                region_code: region,
                region_name,
                center,
                crs,
                areas,
                title,
                publisher,
                published: published.unwrap_or_else(today),
                sample,
            };
            let report = import::import(&data, opts)?;
            for p in &report.problems {
                eprintln!("✗ {p}");
            }
            for w in &report.warnings {
                eprintln!("提示：{w}");
            }
            match &out {
                Some(path) => std::fs::write(path, &report.json)
                    .map_err(|e| format!("无法写入“{}”：{e}", path.display()))?,
                None => print(&report.json),
            }
            eprintln!("{}", import::summary(&data.described, &report));
            if let Some(path) = &out {
                eprintln!("数据文件已写入 {}", path.display());
            }
            Ok(if report.skipped > 0 { 1 } else { 0 })
        }
        Command::Check { file, json } => {
            let name = file.display().to_string();
            let report = match read(&file) {
                Ok(bytes) => check::check_bytes(&name, &bytes),
                Err(e) => check::Report::unusable(&name, e),
            };
            if json {
                print(&crate::json::pretty(&report)?);
            } else {
                print(&check::render_text(&report));
            }
            Ok(report.exit_code())
        }
        Command::Bundle(args) => run_bundle(args),
        Command::Diff { old, new, json } => {
            let (o, n) = (old.display().to_string(), new.display().to_string());
            let text = if old.is_dir() && new.is_dir() {
                let report = release::diff_releases(&folder_reader(&old), &folder_reader(&new))?;
                if json {
                    crate::json::pretty(&report)?
                } else {
                    release::render_text(&o, &n, &report)
                }
            } else {
                let report = diff::diff_bytes(&read(&old)?, &read(&new)?)?;
                if json {
                    crate::json::pretty(&report)?
                } else {
                    diff::render_text(&o, &n, &report)
                }
            };
            print(&text);
            Ok(0)
        }
    }
}

/// Files of a release folder by their relative path; nothing outside it.
fn folder_reader(dir: &Path) -> impl Fn(&str) -> Option<Vec<u8>> + '_ {
    move |rel: &str| {
        let rel = Path::new(rel);
        let inside = rel
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        inside.then(|| std::fs::read(dir.join(rel)).ok()).flatten()
    }
}

/// Every `.json` under `dir`, by path, so the same folder always bundles the same way.
fn json_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("无法读取文件夹“{}”：{e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            json_files(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("json"))
        {
            out.push(path);
        }
    }
    out.sort();
    Ok(())
}

fn run_bundle(args: BundleArgs) -> Result<i32, String> {
    // A release written inside its own input would be read as district files next time.
    let inside = |a: &Path, b: &Path| match (std::path::absolute(a), std::path::absolute(b)) {
        (Ok(a), Ok(b)) => a.starts_with(b),
        _ => false,
    };
    if inside(&args.out, &args.dir) {
        return Err(format!(
            "输出文件夹“{}”在数据文件夹“{}”里面：请换一个 --out",
            args.out.display(),
            args.dir.display()
        ));
    }
    let mut paths = Vec::new();
    json_files(&args.dir, &mut paths)?;
    let inputs = paths
        .iter()
        .map(|p| {
            let name = p.strip_prefix(&args.dir).unwrap_or(p).display().to_string();
            read(p).map(|bytes| bundle::Input { name, bytes })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let regions = match &args.regions {
        Some(p) => bundle::read_regions(&read(p)?, &p.display().to_string())?,
        None => Vec::new(),
    };
    let opts = bundle::Options {
        publisher: args.publisher,
        title: args.title,
        crs: args.crs,
        regions,
    };
    let out = match bundle::bundle(&inputs, &opts) {
        Ok(out) => out,
        Err(problems) => {
            for p in &problems {
                eprintln!("✗ {p}");
            }
            return Err(format!("有 {} 个问题，没有生成目录", problems.len()));
        }
    };
    for w in &out.warnings {
        eprintln!("提示：{w}");
    }
    std::fs::create_dir_all(&args.out)
        .map_err(|e| format!("无法创建文件夹“{}”：{e}", args.out.display()))?;
    // The root last: until it is replaced, the folder still serves the previous release whole.
    let (root, rest): (Vec<_>, Vec<_>) = out
        .files
        .iter()
        .partition(|(name, _)| name == bundle::ROOT_FILE);
    for (name, bytes) in rest.into_iter().chain(root) {
        let path = args.out.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("无法写入 {}：{e}", path.display()))?;
    }
    eprintln!("{}，写入 {}", bundle::summary(&out), args.out.display());
    Ok(if out.skipped > 0 { 1 } else { 0 })
}
