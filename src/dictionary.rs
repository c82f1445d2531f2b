//! A recogniser from lists: phrases with their labels, matched on folded
//! stems so that proclitics, diacritics and spelling variants do not matter.
//! A site's dictionary is such a list, its entries carrying an id and a link.

use crate::phrases::Phrases;
use crate::tokens::proclitic_runs;
use crate::{Document, Label, Mention, Recognizer};
use serde::Deserialize;

/// One entry of a site dictionary: the ways a name is written, what it is,
/// and where the site keeps it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DictionaryEntry {
    /// Every written form to find (`["محمد شياع السوداني", "السوداني"]`).
    pub names: Vec<String>,
    /// What the name is.
    pub label: Label,
    /// The site's id of the entry, carried by each entity found with it.
    #[serde(default)]
    pub id: Option<String>,
    /// The site's page about it, carried by each entity found with it.
    #[serde(default)]
    pub url: Option<String>,
}

/// What a dictionary entry stands for.
#[derive(Debug, Clone, PartialEq)]
struct Meaning {
    label: Label,
    id: Option<String>,
    url: Option<String>,
}

/// Phrases and what they stand for, keyed by folded form.
pub struct Dictionary {
    phrases: Phrases<usize>,
    meanings: Vec<Meaning>,
}

impl Dictionary {
    /// A dictionary of a site's own entries.
    pub fn from_entries(entries: impl IntoIterator<Item = DictionaryEntry>) -> Self {
        let mut dictionary = Dictionary { phrases: Phrases::new([]), meanings: Vec::new() };
        for entry in entries {
            dictionary.meanings.push(Meaning { label: entry.label, id: entry.id, url: entry.url });
            for name in &entry.names {
                dictionary.phrases.insert(name, dictionary.meanings.len() - 1);
            }
        }
        dictionary
    }

    /// The longest entry that starts at token `i`: its meaning, the stem start
    /// of its first word and the number of tokens it spans.
    fn longest_at(&self, doc: &Document, i: usize) -> Option<(&Meaning, usize, usize)> {
        let first = &doc.tokens[i];
        let text = doc.text.as_str();
        let starts = std::iter::once(first.stem_start)
            .chain(std::iter::once(first.word.start))
            .chain(proclitic_runs(doc.word(first)).map(|n| first.word.start + n));
        let mut best: Option<(&Meaning, usize, usize)> = None;
        for start in starts {
            let stem = &text[start..first.word.end];
            // After the لل contraction the stem stands for ال + stem.
            let contracted = start > first.word.start && stem.starts_with('ل') && text[..start].ends_with('ل');
            let found = [self.phrases.at(doc, i, start), contracted.then(|| self.phrases.at_word(doc, i, &format!("ا{stem}"))).flatten()];
            for (meaning, n) in found.into_iter().flatten() {
                if best.is_none_or(|(_, _, len)| n > len) {
                    best = Some((&self.meanings[meaning], start, n));
                }
            }
        }
        best
    }
}

impl Recognizer for Dictionary {
    fn recognize(&self, doc: &Document, mentions: &mut Vec<Mention>) {
        let mut i = 0;
        while i < doc.tokens.len() {
            if let Some((meaning, start, len)) = self.longest_at(doc, i) {
                let mut mention = Mention::new(start..doc.tokens[i + len - 1].word.end, meaning.label);
                mention.detail.id.clone_from(&meaning.id);
                mention.detail.url.clone_from(&meaning.url);
                mentions.push(mention);
                i += len;
                continue;
            }
            i += 1;
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A dictionary of names with labels and no ids.
    pub(crate) fn named(names: &[(&str, Label)]) -> Dictionary {
        Dictionary::from_entries(names.iter().map(|&(name, label)| DictionaryEntry { names: vec![name.to_string()], label, id: None, url: None }))
    }

    fn found(dictionary: &Dictionary, text: &str) -> Vec<(String, Label)> {
        let doc = Document::new(text);
        let mut mentions = Vec::new();
        dictionary.recognize(&doc, &mut mentions);
        mentions.into_iter().map(|m| (text[doc.text.original_range(m.span)].to_string(), m.label)).collect()
    }

    #[test]
    fn entries_match_through_proclitics_diacritics_and_spelling() {
        let dictionary = named(&[("بغداد", Label::LOC), ("واشنطن", Label::LOC), ("العراق", Label::LOC), ("الأمم المتحدة", Label::ORG)]);
        let got = found(&dictionary, "وبَغداد لواشنطن للعراق والعراق للأمم المتحدة الامم المتحده");
        assert_eq!(
            got,
            [
                ("بَغداد".to_string(), Label::LOC),
                ("واشنطن".to_string(), Label::LOC),
                ("لعراق".to_string(), Label::LOC),
                ("العراق".to_string(), Label::LOC),
                ("لأمم المتحدة".to_string(), Label::ORG),
                ("الامم المتحده".to_string(), Label::ORG),
            ]
        );
    }

    #[test]
    fn dictionary_entries_carry_their_id_and_link() {
        let dictionary = Dictionary::from_entries([DictionaryEntry {
            names: vec!["محمد شياع السوداني".into(), "السوداني".into()],
            label: Label::PER,
            id: Some("q-1".into()),
            url: Some("https://example.org/people/sudani".into()),
        }]);
        let text = "وصرّح محمّد شيّاع السّوداني ثم قال والسوداني";
        let doc = Document::new(text);
        let mut mentions = Vec::new();
        dictionary.recognize(&doc, &mut mentions);
        let got: Vec<_> = mentions
            .iter()
            .map(|m| (&text[doc.text.original_range(m.span.clone())], m.label, m.detail.id.as_deref(), m.detail.url.is_some()))
            .collect();
        assert_eq!(got, [("محمّد شيّاع السّوداني", Label::PER, Some("q-1"), true), ("السوداني", Label::PER, Some("q-1"), true)]);
    }
}
