//! The `alam` command line: a thin shell over the library.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  alam tag           one document per line of standard input, one JSON object per line out
  alam tag --whole   all of standard input as one document, one JSON object out";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["tag"] => tag_lines(),
        ["tag", "--whole"] => tag_whole(),
        ["--help" | "-h"] => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown arguments\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("alam: {message}");
            ExitCode::FAILURE
        }
    }
}

fn write_result(out: &mut impl Write, text: &str) -> Result<(), String> {
    serde_json::to_writer(&mut *out, &alam::extract(text)).map_err(|e| e.to_string())?;
    out.write_all(b"\n").map_err(|e| e.to_string())
}

/// Each line is its own document; a line that is not UTF-8 stops the run.
fn tag_lines() -> Result<(), String> {
    let mut input = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        if input.read_until(b'\n', &mut line).map_err(|e| e.to_string())? == 0 {
            break;
        }
        let bytes = line.strip_suffix(b"\n").unwrap_or(&line);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        let text = utf8(bytes, number)?;
        write_result(&mut out, text)?;
    }
    out.flush().map_err(|e| e.to_string())
}

/// All of standard input is one document.
fn tag_whole() -> Result<(), String> {
    let mut bytes = Vec::new();
    io::stdin().lock().read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text,
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count();
            let line_start = bytes[..e.valid_up_to()].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            return Err(format!("line {line}: invalid UTF-8 at byte {}", e.valid_up_to() - line_start));
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    write_result(&mut out, text)?;
    out.flush().map_err(|e| e.to_string())
}

fn utf8(bytes: &[u8], line: usize) -> Result<&str, String> {
    std::str::from_utf8(bytes).map_err(|e| format!("line {line}: invalid UTF-8 at byte {}", e.valid_up_to()))
}
