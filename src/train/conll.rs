//! CoNLL files read into sentences: each CoNLL token's tag given to the
//! document tokens it becomes, so the model learns on exactly the tokens it
//! tags later.

use super::InputError;
use crate::model::{self, TYPES};
use crate::text::Normalized;
use crate::{Document, Label};

/// One sentence of a CoNLL file, with its document tokens.
pub struct Sentence {
    /// The CoNLL tokens joined by spaces.
    pub text: String,
    /// The folded CoNLL tokens and their tags.
    pub(crate) conll_words: Vec<String>,
    pub(crate) conll_tags: Vec<u8>,
    /// For each token of `Document::new(&text)`: its folded word, its tag and
    /// the CoNLL token it comes from.
    pub(crate) words: Vec<String>,
    pub(crate) tags: Vec<u8>,
    pub(crate) origin: Vec<usize>,
}

/// Reads CoNLL text: `TOKEN TAG` lines, a blank line between sentences.
/// ANERcorp's `PERS` is read as `PER`.
pub fn read_conll(text: &str) -> Result<Vec<Sentence>, InputError> {
    let mut sentences = Vec::new();
    let mut tokens: Vec<(&str, u8)> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            if !tokens.is_empty() {
                sentences.push(Sentence::new(&tokens));
                tokens.clear();
            }
            continue;
        }
        let (token, tag) = line.rsplit_once(char::is_whitespace).ok_or_else(|| InputError::at(number + 1, "expected TOKEN TAG"))?;
        tokens.push((token.trim(), parse_tag(tag).ok_or_else(|| InputError::at(number + 1, format!("unknown tag {tag}")))?));
    }
    if !tokens.is_empty() {
        sentences.push(Sentence::new(&tokens));
    }
    Ok(sentences)
}

fn parse_tag(tag: &str) -> Option<u8> {
    if tag == "O" {
        return Some(model::OUTSIDE);
    }
    let (position, name) = tag.split_once('-')?;
    let label = Label::parse(if name == "PERS" { "PER" } else { name }).filter(|l| TYPES.contains(l))?;
    match position {
        "B" => Some(model::begin(label)),
        "I" => Some(model::begin(label) + 1),
        _ => None,
    }
}

impl Sentence {
    pub(super) fn new(tokens: &[(&str, u8)]) -> Sentence {
        let text = tokens.iter().map(|(t, _)| *t).collect::<Vec<_>>().join(" ");
        let conll_words: Vec<String> = tokens.iter().map(|(t, _)| Normalized::new(t).as_str().to_string()).collect();
        // Folding works character by character, so the folded text is the
        // folded tokens joined by spaces.
        let mut ends = Vec::with_capacity(tokens.len());
        let mut at = 0;
        for word in &conll_words {
            at += word.len();
            ends.push(at);
            at += 1;
        }
        let doc = Document::new(&text);
        let (mut words, mut tags, mut origin) = (Vec::new(), Vec::new(), Vec::new());
        for token in &doc.tokens {
            let from = ends.partition_point(|&end| end <= token.word.start);
            let tag = tokens[from].1;
            let continues = origin.last() == Some(&from);
            words.push(doc.word(token).to_string());
            // A CoNLL token split in several keeps its entity going.
            tags.push(if continues && tag != model::OUTSIDE { model::begin(model::type_of(tag).expect("a type")) + 1 } else { tag });
            origin.push(from);
        }
        Sentence { conll_tags: tokens.iter().map(|&(_, t)| t).collect(), text, conll_words, words, tags, origin }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conll_tokens_map_onto_document_tokens() {
        let sentences = read_conll("(د O\nوبغداد B-LOC\nلويد B-PERS\nأوستن I-PERS\n\nفي O\n").unwrap();
        assert_eq!(sentences.len(), 2);
        let s = &sentences[0];
        assert_eq!(s.words, ["(", "د", "وبغداد", "لويد", "اوستن"]);
        assert_eq!(s.origin, [0, 0, 1, 2, 3]);
        assert_eq!(s.tags, [0, 0, 3, 1, 2]);
        assert!(read_conll("كلمة X-FOO\n").is_err());
    }
}
