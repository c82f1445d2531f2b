//! Build tasks: `cargo xtask build | demo | ci | sizes`.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const TARGET: &str = "wasm32-unknown-unknown";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(e) = std::env::set_current_dir(root()) {
        eprintln!("xtask: {e}");
        return ExitCode::FAILURE;
    }
    let result = match args.first().map(String::as_str) {
        Some("build") => build_wasm(),
        Some("demo") => build_wasm().and_then(|()| serve(&args[1..])),
        Some("ci") => ci(),
        Some("sizes") => sizes(),
        _ => Err("usage: cargo xtask build | demo [--port N] | ci | sizes".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

fn run(command: &mut Command) -> Result<(), String> {
    eprintln!("xtask: running {command:?}");
    let status = command.status().map_err(|e| format!("{command:?}: {e}"))?;
    status.success().then_some(()).ok_or_else(|| format!("{command:?} failed: {status}"))
}

/// Binaryen before version 110 writes the export of a module's second table
/// as the first (WebAssembly/binaryen#4711), which breaks the table of
/// JavaScript values that wasm-bindgen exports; Debian 12 ships version 108.
const WASM_OPT_MIN_VERSION: u32 = 110;

/// The version of binaryen's `wasm-opt` on the path, if there is one.
fn wasm_opt_version() -> Option<u32> {
    let output = Command::new("wasm-opt").arg("--version").output().ok().filter(|o| o.status.success())?;
    // "wasm-opt version 108" or "wasm-opt version 123 (version_123)"
    String::from_utf8_lossy(&output.stdout).split_whitespace().nth(2)?.parse().ok()
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// Compiles the library to WebAssembly and writes the JS glue into `www/pkg/`.
fn build_wasm() -> Result<(), String> {
    let installed = Command::new("rustup").args(["target", "list", "--installed"]).output().map_err(|e| e.to_string())?;
    if !String::from_utf8_lossy(&installed.stdout).lines().any(|l| l.trim() == TARGET) {
        run(Command::new("rustup").args(["target", "add", TARGET]))?;
    }
    run(cargo().args(["build", "--package", "alam", "--lib", "--release", "--no-default-features", "--target", TARGET]))?;
    let wasm = root().join("target").join(TARGET).join("release").join("alam.wasm");
    let out = root().join("www").join("pkg");
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .web(true)
        .map_err(|e| e.to_string())?
        .omit_default_module_path(false)
        .typescript(true)
        .generate(&out)
        .map_err(|e| format!("wasm-bindgen: {e}"))?;
    let glue_wasm = out.join("alam_bg.wasm");
    match wasm_opt_version() {
        Some(version) if version >= WASM_OPT_MIN_VERSION => {
            // Older wasm-opt releases predate these features being on by default.
            run(Command::new("wasm-opt")
                .args(["-Oz", "--enable-bulk-memory", "--enable-sign-ext", "--enable-reference-types"])
                .args(["--enable-multivalue", "--enable-nontrapping-float-to-int", "--enable-mutable-globals"])
                .arg(&glue_wasm)
                .arg("-o")
                .arg(&glue_wasm))?;
        }
        Some(version) => eprintln!(
            "xtask: wasm-opt {version} is older than {WASM_OPT_MIN_VERSION} and would break the wasm (binaryen#4711); the wasm is left unoptimised"
        ),
        None => eprintln!("xtask: wasm-opt not found (Debian package binaryen); the wasm is left unoptimised"),
    }
    let size = std::fs::metadata(&glue_wasm).map_err(|e| e.to_string())?.len();
    eprintln!("xtask: wrote {} ({size} bytes)", glue_wasm.display());
    Ok(())
}

/// Serves `www/` on 127.0.0.1 until interrupted.
fn serve(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => 8080,
        [flag, port] if flag == "--port" => port.parse().map_err(|_| format!("not a port: {port}"))?,
        _ => return Err("usage: cargo xtask demo [--port N]".into()),
    };
    let server = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    let www = root().join("www");
    println!("alam demo: http://127.0.0.1:{port}/");
    for request in server.incoming_requests() {
        let path = request.url().split(['?', '#']).next().unwrap_or("/").to_string();
        let file = if path.ends_with('/') { format!("{path}index.html") } else { path };
        let local = www.join(file.trim_start_matches('/'));
        // Only files below www/ are served.
        let response = match (local.canonicalize(), www.canonicalize()) {
            (Ok(found), Ok(top)) if found.starts_with(&top) && found.is_file() => std::fs::read(&found).ok().map(|bytes| {
                let header = tiny_http::Header::from_bytes("Content-Type", content_type(&found)).expect("valid header");
                tiny_http::Response::from_data(bytes).with_header(header)
            }),
            _ => None,
        };
        let sent = match response {
            Some(response) => request.respond(response),
            None => request.respond(tiny_http::Response::from_string("not found").with_status_code(404)),
        };
        if let Err(e) = sent {
            eprintln!("alam demo: {e}");
        }
    }
    Ok(())
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// Everything CI checks, installing what a fresh machine lacks.
fn ci() -> Result<(), String> {
    run(cargo().args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    run(cargo().args(["test", "--workspace"]))?;
    let missing: Vec<&str> = [("/usr/bin/chromium", "chromium"), ("/usr/bin/wasm-opt", "binaryen")]
        .into_iter()
        .filter(|(path, _)| !Path::new(path).exists())
        .map(|(_, package)| package)
        .collect();
    if !missing.is_empty() {
        run(Command::new("apt-get").arg("update"))?;
        run(Command::new("apt-get").args(["install", "-y", "--no-install-recommends"]).args(&missing))?;
    }
    build_wasm()?;
    let browser = root().join("tests").join("browser");
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&browser))?;
    run(Command::new("node").args(["--test", "tests/browser/"]))
}

/// Prints the bytes, raw and with `gzip -9`, of everything the widget
/// downloads (the modules `www/embed.js` reaches, its worker and the wasm, as
/// `cargo xtask build` left them) and of the model file.
fn sizes() -> Result<(), String> {
    let www = root().join("www");
    let files = widget_files(&www)?;
    println!("{:<24} {:>10} {:>10}", "file", "bytes", "gzip -9");
    let (mut total, mut total_gzip) = (0, 0);
    for file in &files {
        let (bytes, gzip) = file_sizes(&www.join(file))?;
        println!("{file:<24} {bytes:>10} {gzip:>10}");
        total += bytes;
        total_gzip += gzip;
    }
    println!("{:<24} {total:>10} {total_gzip:>10}", "total");
    let (bytes, gzip) = file_sizes(&root().join("models").join("alam.model"))?;
    println!("{:<24} {bytes:>10} {gzip:>10}", "models/alam.model");
    Ok(())
}

/// The files of `www/` that `embed.js` reaches: its imports, and what a
/// module names with `new URL('…', import.meta.url)` (the worker, the wasm),
/// in the order they are first reached.
fn widget_files(www: &Path) -> Result<Vec<String>, String> {
    let mut files = vec!["embed.js".to_string()];
    let mut next = 0;
    while let Some(file) = files.get(next).cloned() {
        next += 1;
        if !file.ends_with(".js") {
            continue;
        }
        let source = std::fs::read_to_string(www.join(&file)).map_err(|e| format!("www/{file}: {e} (run cargo xtask build first)"))?;
        let folder = Path::new(&file).parent().unwrap_or(Path::new(""));
        for line in source.lines().map(str::trim_start).filter(|l| !l.starts_with("//") && !l.starts_with('*')) {
            for reference in relative_references(line) {
                let path = folder.join(reference).to_string_lossy().replace("/./", "/");
                let path = path.trim_start_matches("./").to_string();
                if !files.contains(&path) {
                    files.push(path);
                }
            }
        }
    }
    Ok(files)
}

/// The relative paths a line of JavaScript loads: `from './x.js'`,
/// `import './x.js'`, `new URL('./x', import.meta.url)` (also without `./`
/// inside the generated glue).
fn relative_references(line: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for (marker, needs_dot) in [("from '", true), ("import '", true), ("new URL('", false)] {
        let mut rest = line;
        while let Some(at) = rest.find(marker) {
            rest = &rest[at + marker.len()..];
            let Some(end) = rest.find('\'') else { break };
            let path = &rest[..end];
            let relative = path.starts_with("./") || (!needs_dot && !path.contains(':') && !path.starts_with('/') && rest[end..].starts_with("', import.meta.url"));
            if relative {
                found.push(path);
            }
        }
    }
    found
}

/// A file's length and its length after `gzip -9`.
fn file_sizes(path: &Path) -> Result<(u64, u64), String> {
    let bytes = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?.len();
    let output = Command::new("gzip").args(["-9", "-c"]).arg(path).output().map_err(|e| format!("gzip: {e}"))?;
    if !output.status.success() {
        return Err(format!("gzip -9 {} failed", path.display()));
    }
    Ok((bytes, output.stdout.len() as u64))
}
