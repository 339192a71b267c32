//! `tuoyu-content <content dir> <output guide.json>`: run by Trunk before each build
//! (Trunk.toml), so a broken article stops the build instead of reaching parents.

use std::path::PathBuf;
use std::process::ExitCode;

use tuoyu_content::{build_guide, read_content, Problem};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [content_dir, output] = args.as_slice() else {
        eprintln!("usage: tuoyu-content <content dir> <output guide.json>");
        return ExitCode::from(2);
    };
    let built = read_content(&PathBuf::from(content_dir))
        .and_then(|(articles, schedule)| build_guide(&articles, &schedule));
    let guide = match built {
        Ok(guide) => guide,
        Err(problems) => return fail(&problems),
    };
    let json = match serde_json::to_string(&guide) {
        Ok(json) => json,
        Err(e) => return fail_with(format!("cannot write the guide as JSON: {e}")),
    };
    let output = PathBuf::from(output);
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Err(e) = std::fs::create_dir_all(dir) {
            return fail_with(format!("cannot create {}: {e}", dir.display()));
        }
    }
    if let Err(e) = std::fs::write(&output, &json) {
        return fail_with(format!("cannot write {}: {e}", output.display()));
    }
    eprintln!(
        "tuoyu-content: {} articles and the schedule → {} ({} bytes)",
        guide.articles.len(),
        output.display(),
        json.len()
    );
    ExitCode::SUCCESS
}

fn fail(problems: &[Problem]) -> ExitCode {
    eprintln!("tuoyu-content: content/ has {} problem(s):", problems.len());
    for problem in problems {
        eprintln!("  {problem}");
    }
    ExitCode::FAILURE
}

fn fail_with(message: String) -> ExitCode {
    eprintln!("tuoyu-content: {message}");
    ExitCode::FAILURE
}
