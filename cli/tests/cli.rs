//! `alam tag` as the contract fixes it: JSON Lines in, one object per line out,
//! UTF-16 offsets, `--whole` for one document, clear errors for invalid UTF-8.

#[path = "../../tests/common/mod.rs"]
mod common;

use serde_json::Value;
use std::io::Write;
use std::process::{Child, Command, Output, Stdio};

/// A fixture article written for the project: a Canadian minister in Baghdad and Erbil.
const NATO_MISSION: &str = include_str!("../../tests/fixtures/nato-mission.txt");

/// alam running with all three standard streams piped.
fn spawn_alam(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_alam"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("alam runs")
}

fn alam(args: &[&str], input: &[u8]) -> Output {
    let mut child = spawn_alam(args);
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = input.to_vec();
    // Write from another thread so a large input cannot deadlock against a full stdout pipe.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().expect("alam finishes");
    writer.join().expect("writer thread").expect("stdin accepts the input");
    output
}

fn json_lines(output: &Output) -> Vec<Value> {
    assert!(output.status.success(), "alam failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout.clone())
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// The third-party reference article, where `../shared/data/` is beside the repository.
fn sample_article() -> Option<String> {
    common::read_shared("sample-article-ar.txt")
}

/// (text, label, start, end) of every entity, checking the offsets against the input on the way.
fn spans(input: &str, result: &Value) -> Vec<(String, String, usize, usize)> {
    let units: Vec<u16> = input.encode_utf16().collect();
    let entities = result["entities"].as_array().expect("entities is a list");
    let mut last_end = 0;
    entities
        .iter()
        .map(|e| {
            let (start, end) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            assert!(last_end <= start && start < end, "spans sorted and not overlapping: {e}");
            last_end = end;
            let text = String::from_utf16(&units[start..end]).expect("span on character boundaries");
            assert_eq!(e["text"], text.as_str(), "text equals the UTF-16 slice");
            (text, e["label"].as_str().unwrap().to_string(), start, end)
        })
        .collect()
}

fn has(found: &[(String, String, usize, usize)], text: &str, label: &str) -> bool {
    found.iter().any(|(t, l, _, _)| t == text && l == label)
}

/// `found` with borrowed strings, to compare with a list written out.
fn borrowed(found: &[(String, String, usize, usize)]) -> Vec<(&str, &str, usize, usize)> {
    found.iter().map(|(t, l, start, end)| (t.as_str(), l.as_str(), *start, *end)).collect()
}

#[test]
fn one_result_per_line_in_order_and_empty_lines_get_no_entities() {
    let output = alam(&["tag"], "في بغداد\n\nمن واشنطن\r\n".as_bytes());
    let results = json_lines(&output);
    assert_eq!(results.len(), 3);
    assert_eq!(
        results[0],
        serde_json::json!({
            "entities": [{"start": 3, "end": 8, "label": "LOC", "text": "بغداد", "entity": 0}],
            "groups": [{"name": "بغداد", "key": "بغداد", "label": "LOC", "roles": [], "mentions": [0]}],
        })
    );
    assert_eq!(serde_json::to_string(&results[1]).unwrap(), r#"{"entities":[]}"#);
    assert_eq!(borrowed(&spans("من واشنطن", &results[2])), [("واشنطن", "LOC", 3, 9)]);
}

#[test]
fn offsets_count_utf16_units_after_emoji() {
    let line = "😀🇮🇶 زار وبغداد";
    let results = json_lines(&alam(&["tag"], line.as_bytes()));
    assert_eq!(
        results[0]["entities"],
        serde_json::json!([{"start": 12, "end": 17, "label": "LOC", "text": "بغداد", "entity": 0}])
    );
}

#[test]
fn each_line_of_the_nato_article_is_a_document_with_offsets_into_its_line() {
    let results = json_lines(&alam(&["tag"], NATO_MISSION.as_bytes()));
    let lines: Vec<&str> = NATO_MISSION.lines().collect();
    assert_eq!(results.len(), lines.len());
    let found: Vec<Vec<(String, String, usize, usize)>> = lines.iter().zip(&results).map(|(l, r)| spans(l, r)).collect();
    // The headline: a place after a preposition.
    assert!(has(&found[0], "بغداد", "LOC"), "{:?}", found[0]);
    // The lead: the minister with her first name, a weekday, the capital, the alliance.
    assert_eq!(
        borrowed(&found[1]),
        [("صوفي بيكر", "PER", 26, 35), ("الأحد", "DATE", 36, 41), ("بغداد", "LOC", 46, 51), ("حلف شمال الأطلسي", "ORG", 154, 170)]
    );
    // لبغداد، لواشنطن and فبغداد: the proclitics stay outside the places.
    assert_eq!(
        borrowed(&found[15]),
        [
            ("بغداد", "LOC", 22, 27),
            ("بغداد", "LOC", 59, 64),
            ("واشنطن", "LOC", 79, 85),
            ("بغداد", "LOC", 206, 211),
            ("واشنطن", "LOC", 259, 265),
            ("طهران", "LOC", 267, 272),
        ]
    );
}

#[test]
fn the_nato_article_as_one_document_keeps_offsets_into_the_whole_input() {
    let results = json_lines(&alam(&["tag", "--whole"], NATO_MISSION.as_bytes()));
    assert_eq!(results.len(), 1);
    let found = spans(NATO_MISSION, &results[0]);
    // The minister's last mention, in the last paragraph.
    assert_eq!(borrowed(&found).into_iter().rfind(|(t, ..)| *t == "بيكر"), Some(("بيكر", "PER", 2548, 2552)));
    assert_eq!(found.iter().filter(|(t, l, ..)| t == "بغداد" && l == "LOC").count(), 8, "{found:?}");
}

#[test]
fn the_sample_article_line_by_line() {
    let Some(article) = sample_article() else { return };
    let results = json_lines(&alam(&["tag"], article.as_bytes()));
    let lines: Vec<&str> = article.lines().collect();
    assert_eq!(results.len(), lines.len());
    let found: Vec<Vec<(String, String, usize, usize)>> = lines.iter().zip(&results).map(|(l, r)| spans(l, r)).collect();
    // The title line: a place after a preposition.
    assert!(has(&found[0], "بغداد", "LOC"), "{:?}", found[0]);
    // The lead: the minister with his first name, the capital, the country.
    assert!(has(&found[2], "لويد أوستن", "PER"), "{:?}", found[2]);
    assert!(has(&found[2], "بغداد", "LOC"), "{:?}", found[2]);
    assert!(has(&found[2], "الولايات المتحدة", "LOC"), "{:?}", found[2]);
    // The proclitic ل stays outside the place.
    let washington = lines.iter().position(|l| l.contains("الحليف القوي لواشنطن")).expect("line with لواشنطن");
    assert!(has(&found[washington], "واشنطن", "LOC"), "{:?}", found[washington]);
}

#[test]
fn the_whole_sample_article_as_one_document_keeps_offsets_into_the_whole_input() {
    let Some(article) = sample_article() else { return };
    let results = json_lines(&alam(&["tag", "--whole"], article.as_bytes()));
    assert_eq!(results.len(), 1);
    let found = spans(&article, &results[0]);
    assert!(has(&found, "لويد أوستن", "PER"));
    assert!(found.iter().filter(|(t, l, ..)| t == "بغداد" && l == "LOC").count() >= 5, "{found:?}");
}

#[test]
fn a_megabyte_line_is_tagged() {
    let sentence = "وقال وزير الخارجية في بغداد إن العلاقات مع واشنطن قوية. ";
    let line = sentence.repeat(1 + (1 << 20) / sentence.len());
    let results = json_lines(&alam(&["tag"], line.as_bytes()));
    assert_eq!(results.len(), 1);
    let found = spans(&line, &results[0]);
    let per_sentence = spans(sentence, &json_lines(&alam(&["tag"], sentence.as_bytes()))[0]);
    assert_eq!(found.len(), per_sentence.len() * (1 + (1 << 20) / sentence.len()));
}

#[test]
fn invalid_utf8_is_an_error_naming_the_line() {
    let output = alam(&["tag"], b"\xd8\xa8\xd8\xba\xd8\xaf\xd8\xa7\xd8\xaf\nabc \xff\xfe\n");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 2: invalid UTF-8 at byte 4"), "{stderr}");
    // The valid line before it was answered.
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 1);

    let whole = alam(&["tag", "--whole"], b"\xd8\xa8\nok\n\xc3");
    assert!(!whole.status.success());
    assert!(String::from_utf8_lossy(&whole.stderr).contains("line 3: invalid UTF-8 at byte 0"));
}

#[test]
fn unknown_arguments_are_refused_with_usage() {
    let output = alam(&["tags"], b"");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("usage:"));
}

#[test]
fn a_dictionary_and_a_document_date_from_the_command_line() {
    let dir = std::env::temp_dir().join(format!("alam-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let dictionary = dir.join("dictionary.json");
    std::fs::write(&dictionary, r#"[{"names": ["مجلس الحي"], "label": "ORG", "id": "council", "url": "https://example.org/council"}]"#)
        .unwrap();
    let args = ["tag", "--dictionary", dictionary.to_str().unwrap(), "--date", "2023-03-09"];
    let results = json_lines(&alam(&args, "اجتمع ولمجلس الحي الثلاثاء\n".as_bytes()));
    let entities = &results[0]["entities"];
    assert_eq!(entities[0]["text"], "مجلس الحي");
    assert_eq!(entities[0]["id"], "council");
    assert_eq!(entities[0]["url"], "https://example.org/council");
    assert_eq!(entities[1]["text"], "الثلاثاء");
    assert_eq!(entities[1]["value"], "2023-03-07");

    let bad_date = alam(&["tag", "--date", "2023-02-30"], b"");
    assert!(!bad_date.status.success());
    assert!(String::from_utf8_lossy(&bad_date.stderr).contains("not a date as YYYY-MM-DD"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The first three entities of `alam summarize` on `article`, and the third one whole.
fn summary_top(article: &str) -> (Vec<(String, String)>, Value) {
    let summary = &json_lines(&alam(&["summarize"], article.as_bytes()))[0];
    let entities = summary["entities"].as_array().unwrap();
    let top = entities.iter().take(3).map(|e| (e["name"].as_str().unwrap().to_string(), e["label"].as_str().unwrap().to_string())).collect();
    (top, entities[2].clone())
}

#[test]
fn summarize_ranks_the_nato_article_s_entities() {
    let (top, minister) = summary_top(NATO_MISSION);
    assert_eq!(top, [("بغداد", "LOC"), ("العراق", "LOC"), ("صوفي بيكر", "PER")].map(|(n, l)| (n.to_string(), l.to_string())));
    assert_eq!(minister["roles"], serde_json::json!(["وزيرة الدفاع الكندية"]));
    assert_eq!(minister["mentions"], 4);
    // Two quotes after قالت بيكر and وأضافت, one after الوزيرة الكندية alone.
    assert_eq!(minister["quotes"].as_array().unwrap().len(), 3, "{minister}");
}

#[test]
fn summarize_ranks_the_sample_article_s_entities() {
    let Some(article) = sample_article() else { return };
    let (top, austin) = summary_top(&article);
    assert_eq!(top, [("العراق", "LOC"), ("بغداد", "LOC"), ("لويد أوستن", "PER")].map(|(n, l)| (n.to_string(), l.to_string())));
    assert_eq!(austin["roles"][0], "وزير الدفاع الأميركي");
    assert!(austin["quotes"].as_array().unwrap().len() >= 5, "{austin}");
}

/// Runs alam with its standard output closed before it writes (as `| head`
/// does once it has read enough): the exit code and standard error.
fn alam_into_closed_pipe(args: &[&str], input: &[u8]) -> (Option<i32>, String) {
    let mut child = spawn_alam(args);
    drop(child.stdout.take());
    child.stdin.take().expect("stdin is piped").write_all(input).expect("stdin accepts the input");
    let output = child.wait_with_output().expect("alam finishes");
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn a_closed_output_pipe_is_an_error_not_a_panic() {
    let (code, stderr) = alam_into_closed_pipe(&["tag"], "زار أوستن بغداد\n".as_bytes());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.starts_with("alam: ") && stderr.contains("Broken pipe"), "{stderr}");

    let conll = std::env::temp_dir().join(format!("alam-eval-{}.txt", std::process::id()));
    std::fs::write(&conll, "زار O\nأوستن B-PERS\nبغداد B-LOC\n").expect("a temporary file");
    let (code, stderr) = alam_into_closed_pipe(&["eval", conll.to_str().expect("a UTF-8 path")], b"");
    std::fs::remove_file(&conll).expect("the temporary file is removed");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.starts_with("alam: ") && stderr.contains("Broken pipe"), "{stderr}");
}
