//! `content-check [DIR] [--strict] [--quiet] [--write-index] [--write-schema]
//! [--report FILE] [--format text|json]`: checks the content folder (default
//! `public/content`) and prints one line per problem.
//! The checks themselves live in `clinic_column::content::check`.

// The browser build has no file system; there this tool is an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run(std::env::args_os().skip(1).collect())
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::ffi::OsString;
    use std::io::Write;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use clinic_column::content::check;

    const USAGE: &str = "\
usage: content-check [DIR] [--strict] [--quiet] [--write-index] [--write-schema]
                     [--report FILE] [--format text|json]

Checks the content folder DIR (default: public/content) and prints each problem as
FILE:JSON-POINTER: error|warning: message, then a summary.

  --strict        treat warnings as errors
  --quiet         print only errors and the summary (for large sample sets)
  --write-index   regenerate DIR/index.json from the articles, then check
  --write-schema  write the JSON Schemas to DIR/schema/, then check
  --report FILE   also write the medical-advertising findings as an HTML page for
                  editors: each sentence in context, grouped by article and rule
  --format json   print the medical-advertising findings as JSON instead of lines
  -h, --help      show this help

Exit status: 0 if no errors, 1 if there are errors (or warnings with --strict),
2 if the command itself could not run.";

    #[derive(Debug, PartialEq, Eq)]
    struct Args {
        dir: PathBuf,
        strict: bool,
        quiet: bool,
        write_index: bool,
        write_schema: bool,
        report: Option<PathBuf>,
        json: bool,
    }

    enum Parsed {
        Run(Args),
        Help,
    }

    fn parse(args: Vec<OsString>) -> Result<Parsed, String> {
        let mut dir = None;
        let mut parsed = Args {
            dir: PathBuf::from("public/content"),
            strict: false,
            quiet: false,
            write_index: false,
            write_schema: false,
            report: None,
            json: false,
        };
        let mut only_paths = false;
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.to_str() {
                Some("--report") if !only_paths => {
                    let file = args.next().ok_or("`--report` needs a file name")?;
                    parsed.report = Some(PathBuf::from(file));
                }
                Some("--format") if !only_paths => {
                    match args.next().as_deref().and_then(|f| f.to_str()) {
                        Some("json") => parsed.json = true,
                        Some("text") => parsed.json = false,
                        _ => return Err("`--format` is `text` or `json`".into()),
                    }
                }
                Some("--") if !only_paths => only_paths = true,
                Some("--strict") if !only_paths => parsed.strict = true,
                Some("--quiet") if !only_paths => parsed.quiet = true,
                Some("--write-index") if !only_paths => parsed.write_index = true,
                Some("--write-schema") if !only_paths => parsed.write_schema = true,
                Some("-h" | "--help") if !only_paths => return Ok(Parsed::Help),
                Some(flag) if flag.starts_with('-') && !only_paths => {
                    return Err(format!("unknown option `{flag}`"))
                }
                _ if dir.is_some() => {
                    return Err(format!(
                        "more than one folder given: `{}`",
                        Path::new(&arg).display()
                    ))
                }
                _ => dir = Some(PathBuf::from(arg)),
            }
        }
        if let Some(dir) = dir {
            parsed.dir = dir;
        }
        Ok(Parsed::Run(parsed))
    }

    pub fn run(args: Vec<OsString>) -> ExitCode {
        let args = match parse(args) {
            Ok(Parsed::Run(args)) => args,
            Ok(Parsed::Help) => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Err(e) => {
                eprintln!("content-check: {e}\n\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        let dir = &args.dir;
        if !dir.is_dir() {
            eprintln!("content-check: {}: no such folder", dir.display());
            return ExitCode::from(2);
        }
        // Writing to a closed pipe (`| head`) is not a reason to fail loudly.
        let mut out = std::io::stdout().lock();
        if args.write_schema {
            match check::write_schemas(dir) {
                Ok(paths) => {
                    for p in paths {
                        let _ = writeln!(out, "content-check: wrote {}", p.display());
                    }
                }
                Err(e) => {
                    eprintln!("content-check: cannot write the schemas: {e}");
                    return ExitCode::from(2);
                }
            }
        }
        if args.write_index {
            match check::write_index(dir) {
                Ok(n) => {
                    let _ = writeln!(
                        out,
                        "content-check: wrote {} ({n} articles)",
                        dir.join(clinic_column::content::files::INDEX).display()
                    );
                }
                // The check below reports the articles' problems.
                Err(e) => eprintln!("content-check: {e}"),
            }
        }
        let mut report = check::check(dir);
        if args.strict {
            report.promote_warnings();
        }
        if let Some(file) = &args.report {
            let html = check::compliance::to_html(&report, &dir.display().to_string());
            if let Err(e) = std::fs::write(file, html) {
                eprintln!("content-check: cannot write {}: {e}", file.display());
                return ExitCode::from(2);
            }
        }
        if args.json {
            let _ = writeln!(out, "{}", check::compliance::to_json(&report));
        } else {
            for d in &report.diagnostics {
                if !args.quiet || d.severity == check::Severity::Error {
                    let _ = writeln!(out, "{d}");
                }
            }
            let _ = writeln!(out, "{}", report.summary());
        }
        let _ = out.flush();
        if report.errors() > 0 {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn args(list: &[&str]) -> Result<Parsed, String> {
            parse(list.iter().map(OsString::from).collect())
        }

        #[test]
        fn parses_folder_and_flags_in_any_order() {
            let Ok(Parsed::Run(a)) = args(&["--strict", "x", "--write-index", "--quiet"]) else {
                panic!()
            };
            assert_eq!(
                a,
                Args {
                    dir: "x".into(),
                    strict: true,
                    quiet: true,
                    write_index: true,
                    write_schema: false,
                    report: None,
                    json: false,
                }
            );
            let Ok(Parsed::Run(a)) = args(&[]) else {
                panic!()
            };
            assert_eq!(a.dir, PathBuf::from("public/content"));
            let Ok(Parsed::Run(a)) = args(&["--", "--odd-name"]) else {
                panic!()
            };
            assert_eq!(a.dir, PathBuf::from("--odd-name"));
        }

        #[test]
        fn refuses_unknown_options_and_extra_folders() {
            assert_eq!(
                args(&["--stritc"]).err().unwrap(),
                "unknown option `--stritc`"
            );
            assert!(args(&["a", "b"]).is_err());
            assert!(matches!(args(&["-h"]), Ok(Parsed::Help)));
            assert!(args(&["--report"]).is_err());
            assert!(args(&["--format", "xml"]).is_err());
            let Ok(Parsed::Run(a)) = args(&["--report", "r.html", "--format", "json"]) else {
                panic!()
            };
            assert_eq!((a.report, a.json), (Some(PathBuf::from("r.html")), true));
        }
    }
}
