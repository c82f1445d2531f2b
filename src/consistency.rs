//! Consistency within a document: a name written in full once is the same
//! name where it is written again. A mention that stops short of a full form
//! the document uses elsewhere (`محمد شياع` before `السوداني`, after
//! `محمد شياع السوداني` was found) is completed to it, and a person's family
//! name standing alone (`السوداني`) is that person.

use crate::{Document, Label, Mention};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

/// Completes name mentions (settled, sorted by start) that the words after
/// them continue into a longer form of the same name found in the document.
pub fn complete_names(doc: &Document, mentions: &mut [Mention]) {
    let words_of = |span: &Range<usize>| -> Vec<&str> {
        let text = doc.text.as_str();
        tokens_in(doc, span).map(|t| &text[doc.tokens[t].word.start.max(span.start)..doc.tokens[t].word.end]).collect()
    };
    // Full forms (two words or more) by label and first word.
    let mut full_forms: FxHashMap<(Label, &str), Vec<Vec<&str>>> = FxHashMap::default();
    for m in mentions.iter().filter(|m| is_name(m.label)) {
        let words = words_of(&m.span);
        if words.len() > 1 {
            let forms = full_forms.entry((m.label, words[0])).or_default();
            if !forms.contains(&words) {
                forms.push(words);
            }
        }
    }
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if !is_name(m.label) {
            continue;
        }
        let words = words_of(&m.span);
        let Some(forms) = words.first().and_then(|first| full_forms.get(&(m.label, *first))) else { continue };
        let next_mention = mentions.get(i + 1).map_or(usize::MAX, |n| n.span.start);
        let after = tokens_in(doc, &m.span).end;
        let completion = forms
            .iter()
            .filter(|form| form.len() > words.len() && form.starts_with(&words))
            .filter_map(|form| {
                let rest = &form[words.len()..];
                let last = after + rest.len() - 1;
                let continues = rest.iter().enumerate().all(|(k, word)| {
                    doc.tokens.get(after + k).is_some_and(|t| doc.word(t) == *word && t.word.end <= next_mention)
                });
                continues.then(|| doc.tokens[last].word.end)
            })
            .max();
        if let Some(end) = completion {
            mentions[i].span.end = end;
        }
    }
}

/// Tags the untagged words that are the family name of a person the document
/// names in full (the last word of a PER mention of two words or more),
/// written with the same final ى or ي: folding makes the preposition على the
/// name علي.
pub fn tag_family_names(doc: &Document, mentions: &mut Vec<Mention>) {
    let text = doc.text.as_str();
    let ends_in_alef_maqsura = |folded: Range<usize>| doc.text.original()[doc.text.original_range(folded)].ends_with('ى');
    let family_names: FxHashSet<(&str, bool)> = mentions
        .iter()
        .filter(|m| m.label == Label::PER)
        .filter_map(|m| {
            let name = &text[m.span.clone()];
            let (_, last) = name.rsplit_once(' ')?;
            let maqsura = ends_in_alef_maqsura(m.span.end - last.len()..m.span.end);
            (last.chars().count() >= MIN_FAMILY_NAME).then_some((last, maqsura))
        })
        .collect();
    if family_names.is_empty() {
        return;
    }
    let mut found = Vec::new();
    let mut next = 0;
    for token in &doc.tokens {
        while next < mentions.len() && mentions[next].span.end <= token.word.start {
            next += 1;
        }
        let tagged = mentions.get(next).is_some_and(|m| m.span.start < token.word.end);
        if tagged {
            continue;
        }
        let is_family_name = |w: &str| family_names.contains(&(w, ends_in_alef_maqsura(token.word.clone())));
        let stem = token.stem_with(text, is_family_name);
        if is_family_name(&text[stem..token.word.end]) {
            found.push(Mention::new(stem..token.word.end, Label::PER));
        }
    }
    if !found.is_empty() {
        mentions.extend(found);
        mentions.sort_by_key(|m| m.span.start);
    }
}

/// A family name shorter than this is too likely a common word.
const MIN_FAMILY_NAME: usize = 3;

fn is_name(label: Label) -> bool {
    matches!(label, Label::PER | Label::LOC | Label::ORG | Label::MISC)
}

/// The indices of the tokens that a span covers.
fn tokens_in(doc: &Document, span: &Range<usize>) -> Range<usize> {
    let first = doc.tokens.partition_point(|t| t.word.end <= span.start);
    let end = doc.tokens.partition_point(|t| t.word.start < span.end);
    first..end.max(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn completed(text: &str, named: &[(&str, Label)]) -> Vec<String> {
        let doc = Document::new(text);
        let folded = doc.text.as_str();
        let mut from = 0;
        let mut mentions: Vec<Mention> = named
            .iter()
            .map(|(name, label)| {
                let at = from + folded[from..].find(name).expect("mention in text");
                from = at + name.len();
                Mention::new(at..from, *label)
            })
            .collect();
        complete_names(&doc, &mut mentions);
        mentions.iter().map(|m| folded[m.span.clone()].to_string()).collect()
    }

    #[test]
    fn a_short_mention_continued_by_the_full_form_is_completed() {
        let got = completed(
            "التقى محمد شياع السوداني الوزير، ثم قال محمد شياع السوداني كلاما، وزار محمد شياع بغداد",
            &[("محمد شياع السوداني", Label::PER), ("محمد شياع", Label::PER), ("محمد شياع", Label::PER), ("بغداد", Label::LOC)],
        );
        assert_eq!(got, ["محمد شياع السوداني", "محمد شياع السوداني", "محمد شياع", "بغداد"]);
    }

    #[test]
    fn a_family_name_alone_is_the_person_named_in_full() {
        let text = "التقى محمد شياع السوداني نظيره، ثم قال والسوداني إن حسين وصل";
        let doc = Document::new(text);
        let folded = doc.text.as_str();
        let at = folded.find("محمد").unwrap();
        let mut mentions = vec![Mention::new(at..at + "محمد شياع السوداني".len(), Label::PER)];
        tag_family_names(&doc, &mut mentions);
        let got: Vec<&str> = mentions.iter().map(|m| &folded[m.span.clone()]).collect();
        assert_eq!(got, ["محمد شياع السوداني", "السوداني"]);
    }

    #[test]
    fn the_preposition_that_folds_into_a_family_name_is_not_the_person() {
        let text = "التقى حسن علي بالوزير، ثم وقّع على الاتفاق ووصل علي";
        let doc = Document::new(text);
        let at = doc.text.as_str().find("حسن").unwrap();
        let mut mentions = vec![Mention::new(at..at + "حسن علي".len(), Label::PER)];
        tag_family_names(&doc, &mut mentions);
        let got: Vec<&str> = mentions.iter().map(|m| &text[doc.text.original_range(m.span.clone())]).collect();
        assert_eq!(got, ["حسن علي", "علي"]);
        assert_eq!(mentions[1].span.end, doc.text.as_str().len());
    }

    #[test]
    fn a_completion_never_runs_into_the_next_mention() {
        let got = completed(
            "زار حلف شمال الاطلسي ثم حلف شمال الاطلسي",
            &[("حلف شمال الاطلسي", Label::ORG), ("حلف", Label::ORG), ("شمال الاطلسي", Label::LOC)],
        );
        assert_eq!(got, ["حلف شمال الاطلسي", "حلف", "شمال الاطلسي"]);
    }
}
