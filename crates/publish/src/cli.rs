//! The command line. Exit status, for every command: 0 all good; 1 done, but something
//! would be left out (rows skipped on import, records the app would drop on check);
//! 2 nothing usable (unreadable input, bad options, unusable file).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use tuoyu_core::model::{Crs, Date, LatLng};

use crate::{check, diff, import, region, sheet, template};

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
    /// 检查数据文件：列出应用会略去的每条记录及原因
    Check {
        /// 数据文件（JSON）
        file: PathBuf,
        /// 以 JSON 输出检查结果
        #[arg(long)]
        json: bool,
    },
    /// 对比两版数据文件：新增、删除和逐字段修改的机构
    Diff {
        /// 旧的数据文件
        old: PathBuf,
        /// 新的数据文件
        new: PathBuf,
        /// 以 JSON 输出对比结果
        #[arg(long)]
        json: bool,
    },
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
        Command::Diff { old, new, json } => {
            let report = diff::diff_bytes(&read(&old)?, &read(&new)?)?;
            if json {
                print(&crate::json::pretty(&report)?);
            } else {
                let (o, n) = (old.display().to_string(), new.display().to_string());
                print(&diff::render_text(&o, &n, &report));
            }
            Ok(0)
        }
    }
}
