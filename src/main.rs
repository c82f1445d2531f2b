//! The `alam` command line: a thin shell over the library.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  alam tag           one document per line of standard input, one JSON object per line out
  alam tag --whole   all of standard input as one document, one JSON object out
                     (either with --model PATH: a model file from alam train)
  alam train [--out PATH] [--gazetteers DIR] [--territories JSON]
             [--lists DIR] [--epochs N] [--dropout P] [--seed N] [--runs N] CONLL...
                     trains a model on CoNLL files (default out: models/alam.model)
  alam eval [--model PATH] [--seen CONLL]... CONLL
                     scores a model (default: the shipped one) on a CoNLL file; --seen
                     gives its training files, to split recall by seen and unseen names";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["tag", rest @ ..] => tag(rest),
        ["train", rest @ ..] => train(rest),
        ["eval", rest @ ..] => eval(rest),
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

fn tag(args: &[&str]) -> Result<(), String> {
    let whole = args.contains(&"--whole");
    let args: Vec<&str> = args.iter().copied().filter(|&a| a != "--whole").collect();
    let extractor = match flags(&args, &["--model"])? {
        (options, rest) if rest.is_empty() => match options.as_slice() {
            [] => alam::Extractor::default(),
            [(_, path)] => {
                let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
                alam::Extractor::from_model_bytes(&bytes).map_err(|e| format!("{path}: {e}"))?
            }
            _ => return Err(format!("--model is given twice\n{USAGE}")),
        },
        _ => return Err(format!("unknown arguments\n{USAGE}")),
    };
    if whole {
        tag_whole(&extractor)
    } else {
        tag_lines(&extractor)
    }
}

fn write_result(out: &mut impl Write, extractor: &alam::Extractor, text: &str) -> Result<(), String> {
    serde_json::to_writer(&mut *out, &extractor.extract(text)).map_err(|e| e.to_string())?;
    out.write_all(b"\n").map_err(|e| e.to_string())
}

/// Each line is its own document; a line that is not UTF-8 stops the run.
fn tag_lines(extractor: &alam::Extractor) -> Result<(), String> {
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
        write_result(&mut out, extractor, text)?;
    }
    out.flush().map_err(|e| e.to_string())
}

/// All of standard input is one document.
fn tag_whole(extractor: &alam::Extractor) -> Result<(), String> {
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
    write_result(&mut out, extractor, text)?;
    out.flush().map_err(|e| e.to_string())
}

fn utf8(bytes: &[u8], line: usize) -> Result<&str, String> {
    std::str::from_utf8(bytes).map_err(|e| format!("line {line}: invalid UTF-8 at byte {}", e.valid_up_to()))
}

/// `--flag value` pairs, and the other arguments.
type Arguments<'a> = (Vec<(&'a str, &'a str)>, Vec<&'a str>);

/// Splits `--flag value` pairs from the other arguments.
fn flags<'a>(args: &[&'a str], known: &[&str]) -> Result<Arguments<'a>, String> {
    let (mut pairs, mut rest) = (Vec::new(), Vec::new());
    let mut args = args.iter();
    while let Some(&arg) = args.next() {
        if arg.starts_with("--") {
            if !known.contains(&arg) {
                return Err(format!("unknown option {arg}\n{USAGE}"));
            }
            let value = args.next().ok_or(format!("{arg} needs a value"))?;
            pairs.push((arg, *value));
        } else {
            rest.push(arg);
        }
    }
    Ok((pairs, rest))
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn read_sentences(paths: &[&str]) -> Result<Vec<alam::train::Sentence>, String> {
    let mut sentences = Vec::new();
    for path in paths {
        sentences.extend(alam::train::read_conll(&read(path)?).map_err(|e| format!("{path}: {e}"))?);
    }
    Ok(sentences)
}

fn train(args: &[&str]) -> Result<(), String> {
    use alam::features::flag;
    let (options, files) = flags(args, &["--out", "--gazetteers", "--territories", "--lists", "--epochs", "--dropout", "--seed", "--runs"])?;
    if files.is_empty() {
        return Err(format!("no training files\n{USAGE}"));
    }
    let mut out = "models/alam.model";
    let mut settings = alam::train::Options::default();
    let mut sources = alam::train::LexiconSources::default();
    sources.add_cues();
    for (name, value) in options {
        match name {
            "--out" => out = value,
            "--epochs" => settings.epochs = value.parse().map_err(|_| format!("not a number: {value}"))?,
            "--runs" => settings.runs = value.parse().map_err(|_| format!("not a number: {value}"))?,
            "--seed" => settings.seed = value.parse().map_err(|_| format!("not a number: {value}"))?,
            "--dropout" => settings.dropout = value.parse().map_err(|_| format!("not a number: {value}"))?,
            "--gazetteers" => {
                for (file, flag) in [
                    ("AlignedPersGazetteer.txt", flag::PERSON),
                    ("AlignedLocGazetteer.txt", flag::LOCATION),
                    ("AlignedOrgGazetteer.txt", flag::ORGANISATION),
                ] {
                    sources.add_list(&read(&format!("{value}/{file}"))?, flag);
                }
            }
            "--lists" => {
                // The files that `training/lexicons.py` writes.
                for (file, flag) in [
                    ("given-names.txt", flag::GIVEN_NAME),
                    ("family-names.txt", flag::FAMILY_NAME),
                    ("transliterated-names.txt", flag::TRANSLITERATED),
                    ("territories.txt", flag::COUNTRY),
                    ("cities.txt", flag::CITY),
                ] {
                    sources.add_list(&read(&format!("{value}/{file}"))?, flag);
                }
            }
            "--territories" => sources.add_cldr_territories(&read(value)?).map_err(|e| format!("{value}: {e}"))?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    let sentences = read_sentences(&files)?;
    let model = alam::train::train(&sentences, &sources, &settings);
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    eprintln!(
        "alam: trained on {} sentences; {} features, {} lexicon entries; wrote {out} ({} bytes)",
        sentences.len(),
        model.feature_count(),
        model.lexicon().len(),
        bytes.len()
    );
    Ok(())
}

fn eval(args: &[&str]) -> Result<(), String> {
    let (options, files) = flags(args, &["--model", "--seen"])?;
    let [file] = files.as_slice() else {
        return Err(format!("eval takes one CoNLL file\n{USAGE}"));
    };
    let model_bytes = match options.iter().find(|(name, _)| *name == "--model") {
        Some((_, path)) => std::fs::read(path).map_err(|e| format!("{path}: {e}"))?,
        None => alam::MODEL.to_vec(),
    };
    let model = alam::Model::from_bytes(&model_bytes).map_err(|e| e.to_string())?;
    let extractor = alam::Extractor::from_model_bytes(&model_bytes).map_err(|e| e.to_string())?;
    let seen_files: Vec<&str> = options.iter().filter(|(name, _)| *name == "--seen").map(|&(_, path)| path).collect();
    let seen = alam::train::mention_keys(&read_sentences(&seen_files)?, model.lexicon());
    let sentences = read_sentences(&[file])?;
    print!("{}", alam::train::evaluate(&extractor, &sentences, &seen, model.lexicon()));
    Ok(())
}
