//! The `alam` command line: a thin shell over the library.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use alam::train::{List, FREQUENCY_FILE, LIST_FILES};

const USAGE: &str = "usage:
  alam tag           one document per line of standard input, one JSON object per line out
  alam tag --whole   all of standard input as one document, one JSON object out
  alam summarize     all of standard input as one document: its entities ranked by salience
                     (each of these with --model PATH: a model file from alam train;
                     --dictionary JSON: a site's entries [{\"names\": [...], \"label\", \"id\", \"url\"}];
                     --date YYYY-MM-DD: the day the documents were written)
  alam train [--out PATH] [--lists DIR] [--list NAME=FILE]...
             [--epochs N] [--dropout P] [--seed N] [--runs N] [--prune F] FILE...
                     trains a model on annotated files (default out: models/alam.model);
                     --lists: the folder training/lexicons.py writes; --list: one more
                     list of names, one a line (NAME: person, location, organisation,
                     country, given, family, transliterated, city, club); --prune: the
                     share of the largest weight below which a feature is left out
  alam eval [--model PATH] [--seen FILE]... [--json] FILE...
                     scores a model (default: the shipped one) on annotated files; --seen
                     gives its training files, to split recall by seen and unseen names;
                     --json prints the counts as one JSON object
  (annotated files: CoNLL, TOKEN TAG lines; or articles with names marked
   {PER:…} {LOC:…} {ORG:…}, and {?LABEL:…} for names that may be found or missed)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["tag", rest @ ..] => tag(rest),
        ["summarize", rest @ ..] => summarize(rest),
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

/// What `alam tag` and `alam summarize` are given: the extractor and the options of the documents.
struct Tagger {
    extractor: alam::Extractor,
    options: alam::ExtractOptions,
}

impl Tagger {
    fn from_args(args: &[&str]) -> Result<Tagger, String> {
        let (flags, rest) = flags(args, &["--model", "--dictionary", "--date"])?;
        if !rest.is_empty() {
            return Err(format!("unknown arguments {rest:?}\n{USAGE}"));
        }
        let once = |name: &str| -> Result<Option<&str>, String> {
            match flags.iter().filter(|(flag, _)| *flag == name).map(|&(_, value)| value).collect::<Vec<_>>().as_slice() {
                [] => Ok(None),
                [value] => Ok(Some(value)),
                _ => Err(format!("{name} is given twice\n{USAGE}")),
            }
        };
        let mut extractor = match once("--model")? {
            None => alam::Extractor::default(),
            Some(path) => {
                let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
                alam::Extractor::from_model_bytes(&bytes).map_err(|e| format!("{path}: {e}"))?
            }
        };
        if let Some(path) = once("--dictionary")? {
            let entries: Vec<alam::DictionaryEntry> =
                serde_json::from_str(&read(path)?).map_err(|e| format!("{path}: {e}"))?;
            extractor = extractor.with_dictionary(entries);
        }
        let options = match once("--date")? {
            None => alam::ExtractOptions::default(),
            Some(date) => alam::ExtractOptions::dated(date).map_err(|e| e.to_string())?,
        };
        Ok(Tagger { extractor, options })
    }

    fn write(&self, out: &mut impl Write, text: &str) -> Result<(), String> {
        serde_json::to_writer(&mut *out, &self.extractor.extract_with(text, &self.options)).map_err(|e| e.to_string())?;
        out.write_all(b"\n").map_err(|e| e.to_string())
    }
}

fn tag(args: &[&str]) -> Result<(), String> {
    let whole = args.contains(&"--whole");
    let args: Vec<&str> = args.iter().copied().filter(|&a| a != "--whole").collect();
    let tagger = Tagger::from_args(&args)?;
    let mut out = BufWriter::new(io::stdout().lock());
    if whole {
        tagger.write(&mut out, &read_input()?)?;
    } else {
        tag_lines(&tagger, &mut out)?;
    }
    out.flush().map_err(|e| e.to_string())
}

fn summarize(args: &[&str]) -> Result<(), String> {
    let tagger = Tagger::from_args(args)?;
    let text = read_input()?;
    let summary = tagger.extractor.summarize_with(&text, &tagger.options);
    let mut out = BufWriter::new(io::stdout().lock());
    serde_json::to_writer(&mut out, &summary).map_err(|e| e.to_string())?;
    out.write_all(b"\n").and_then(|()| out.flush()).map_err(|e| e.to_string())
}

/// Each line is its own document; a line that is not UTF-8 stops the run.
fn tag_lines(tagger: &Tagger, out: &mut impl Write) -> Result<(), String> {
    let mut input = io::stdin().lock();
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        if input.read_until(b'\n', &mut line).map_err(|e| e.to_string())? == 0 {
            break;
        }
        let bytes = line.strip_suffix(b"\n").unwrap_or(&line);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        tagger.write(out, utf8(bytes, number)?)?;
    }
    Ok(())
}

/// All of standard input as one document.
fn read_input() -> Result<String, String> {
    let mut bytes = Vec::new();
    io::stdin().lock().read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let valid = e.utf8_error().valid_up_to();
        let line = 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count();
        let line_start = bytes[..valid].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        format!("line {line}: invalid UTF-8 at byte {}", valid - line_start)
    })
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

/// The annotated files, CoNLL or marked articles.
fn read_annotated(paths: &[&str]) -> Result<Vec<alam::train::Annotated>, String> {
    paths.iter().map(|path| alam::train::Annotated::read(&read(path)?).map_err(|e| format!("{path}: {e}"))).collect()
}

/// The training sentences of annotated files.
fn read_sentences(paths: &[&str]) -> Result<Vec<alam::train::Sentence>, String> {
    Ok(read_annotated(paths)?.into_iter().flat_map(alam::train::Annotated::into_sentences).collect())
}

fn train(args: &[&str]) -> Result<(), String> {
    let (options, files) = flags(args, &["--out", "--lists", "--list", "--epochs", "--dropout", "--seed", "--runs", "--prune"])?;
    if files.is_empty() {
        return Err(format!("no training files\n{USAGE}"));
    }
    let mut out = "models/alam.model";
    let mut settings = alam::train::Options::default();
    let mut sources = alam::train::VocabularySources::default();
    sources.add_cues();
    for (name, value) in options {
        match name {
            "--out" => out = value,
            "--epochs" => settings.epochs = value.parse().map_err(|_| format!("not a number: {value}"))?,
            "--runs" => settings.runs = value.parse().map_err(|_| format!("not a number: {value}"))?,
            "--seed" => settings.seed = value.parse().map_err(|_| format!("not a number: {value}"))?,
            "--dropout" => settings.dropout = value.parse().map_err(|_| format!("not a number: {value}"))?,
            "--prune" => settings.prune = value.parse().map_err(|_| format!("not a number: {value}"))?,
            "--list" => {
                let (name, file) = value.split_once('=').ok_or(format!("--list takes NAME=FILE, not {value}"))?;
                let list = List::named(name).ok_or(format!("--list: no list is named {name}"))?;
                sources.add_list(&read(file)?, list);
            }
            "--lists" => {
                add_lists(&mut sources, value, &LIST_FILES)?;
                let file = format!("{value}/{FREQUENCY_FILE}");
                sources.add_frequencies(&read(&file)?).map_err(|e| format!("{file}: {e}"))?;
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    let sentences = read_sentences(&files)?;
    let model = alam::train::train(&sentences, &sources, &settings);
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    eprintln!(
        "alam: trained on {} sentences; {} features, {} vocabulary entries; wrote {out} ({} bytes)",
        sentences.len(),
        model.feature_count(),
        model.vocabulary_size(),
        bytes.len()
    );
    Ok(())
}

/// Adds the lists of a folder's files.
fn add_lists(sources: &mut alam::train::VocabularySources, folder: &str, files: &[(&str, List)]) -> Result<(), String> {
    for &(file, list) in files {
        sources.add_list(&read(&format!("{folder}/{file}"))?, list);
    }
    Ok(())
}

fn eval(args: &[&str]) -> Result<(), String> {
    let json = args.contains(&"--json");
    let args: Vec<&str> = args.iter().copied().filter(|&a| a != "--json").collect();
    let (options, files) = flags(&args, &["--model", "--seen"])?;
    if files.is_empty() {
        return Err(format!("eval needs a file to score\n{USAGE}"));
    }
    let model = match options.iter().find(|(name, _)| *name == "--model") {
        Some((_, path)) => std::fs::read(path).map_err(|e| format!("{path}: {e}"))?,
        None => alam::MODEL.to_vec(),
    };
    let seen_files: Vec<&str> = options.iter().filter(|(name, _)| *name == "--seen").map(|&(_, path)| path).collect();
    let (mut sentences, mut articles) = (Vec::new(), Vec::new());
    for annotated in read_annotated(&files)? {
        match annotated {
            alam::train::Annotated::Sentences(more) => sentences.extend(more),
            alam::train::Annotated::Article(article) => articles.push(article),
        }
    }
    let scores = alam::train::evaluate_model(&model, &read_sentences(&seen_files)?, &sentences, &articles).map_err(|e| e.to_string())?;
    if json {
        let mut report = serde_json::to_string(&scores).map_err(|e| e.to_string())?;
        report.push('\n');
        return io::stdout().lock().write_all(report.as_bytes()).map_err(|e| e.to_string());
    }
    let alone = scores.names_alone.micro();
    let report = format!(
        "{}names alone, before expressions take precedence: precision {:.2}, recall {:.2}, F1 {:.2}\n",
        scores.extractor,
        alone.precision(),
        alone.recall(),
        alone.f1()
    );
    // Written, not printed: a closed pipe (`| head`) is an error to report, not a panic.
    io::stdout().lock().write_all(report.as_bytes()).map_err(|e| e.to_string())
}
