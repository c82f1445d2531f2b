//! Articles with their names marked inline (the format of the project's
//! modern news set): `{PER:…}`, `{LOC:…}` and `{ORG:…}` are names to find,
//! `{?LABEL:…}` names that may be found or missed. Removing the marks gives
//! the article back; spans follow the contract's rules (a proclitic outside,
//! `ل{LOC:لعراق}` for للعراق).

use super::{InputError, Sentence};
use crate::model::{self, TYPES};
use crate::{Document, Label};
use std::ops::Range;

/// One name marked in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkedName {
    /// Bytes of the article's text.
    pub span: Range<usize>,
    /// What the name is.
    pub label: Label,
    /// Marked `{?…}`: finding it is neither right nor wrong.
    pub optional: bool,
}

/// An article: its text without the marks, and the names marked in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The text as published, paragraphs on lines.
    pub text: String,
    /// The marked names, in order.
    pub names: Vec<MarkedName>,
}

/// Reads an article with marked names; marks are not nested.
pub fn read_markup(marked: &str) -> Result<Article, InputError> {
    let mut text = String::with_capacity(marked.len());
    let mut names = Vec::new();
    let mut open: Option<(usize, Label, bool, usize)> = None;
    let mut rest = marked;
    let mut line = 1;
    while let Some(c) = rest.chars().next() {
        if c == '{' {
            if let Some((optional, label, after)) = mark_start(rest) {
                if open.is_some() {
                    return Err(InputError::at(line, "a mark inside a mark"));
                }
                open = Some((text.len(), label, optional, line));
                rest = after;
                continue;
            }
        }
        if c == '}' {
            if let Some((start, label, optional, _)) = open.take() {
                names.push(MarkedName { span: start..text.len(), label, optional });
                rest = &rest[1..];
                continue;
            }
        }
        line += usize::from(c == '\n');
        text.push(c);
        rest = &rest[c.len_utf8()..];
    }
    match open {
        Some((_, _, _, line)) => Err(InputError::at(line, "a mark is not closed")),
        None => Ok(Article { text, names }),
    }
}

/// `{LABEL:` or `{?LABEL:` at the start of `text`: whether it is optional,
/// the label and the text after it.
fn mark_start(text: &str) -> Option<(bool, Label, &str)> {
    let inner = text.strip_prefix('{')?;
    let (optional, inner) = match inner.strip_prefix('?') {
        Some(inner) => (true, inner),
        None => (false, inner),
    };
    let (name, after) = inner.split_once(':')?;
    let label = Label::parse(name).filter(|l| TYPES.contains(l))?;
    Some((optional, label, after))
}

/// Whether a text looks like an article with marks rather than CoNLL lines.
pub(crate) fn is_markup(text: &str) -> bool {
    text.lines().any(|line| line.char_indices().any(|(at, c)| c == '{' && mark_start(&line[at..]).is_some()))
}

impl Article {
    /// The article's paragraphs as training sentences: each token takes the
    /// label of the name it holds, proclitics and all (`وبغداد` → B-LOC), as
    /// CoNLL files tag them. Optional names are names too.
    pub fn sentences(&self) -> Vec<Sentence> {
        let mut sentences = Vec::new();
        let mut start = 0;
        for paragraph in self.text.split_inclusive('\n') {
            let doc = Document::new(paragraph);
            let mut tokens: Vec<(&str, u8)> = Vec::with_capacity(doc.tokens.len());
            let mut last_name = None;
            for token in &doc.tokens {
                let range = doc.text.original_range(token.word.clone());
                let (from, to) = (start + range.start, start + range.end);
                let name = self.names.iter().position(|n| n.span.start < to && from < n.span.end);
                let tag = match name {
                    None => model::OUTSIDE,
                    Some(k) if last_name == Some(k) => model::begin(self.names[k].label) + 1,
                    Some(k) => model::begin(self.names[k].label),
                };
                last_name = name;
                tokens.push((&paragraph[range], tag));
            }
            if !tokens.is_empty() {
                sentences.push(Sentence::new(&tokens));
            }
            start += paragraph.len();
        }
        sentences
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_removed_and_their_spans_kept() {
        let article = read_markup("زار {PER:لويد أوستن} و{LOC:بغداد}\nثم ل{?ORG:لأمم المتحدة} {x}").unwrap();
        assert_eq!(article.text, "زار لويد أوستن وبغداد\nثم للأمم المتحدة {x}");
        let marked: Vec<(&str, Label, bool)> = article.names.iter().map(|n| (&article.text[n.span.clone()], n.label, n.optional)).collect();
        assert_eq!(marked, [("لويد أوستن", Label::PER, false), ("بغداد", Label::LOC, false), ("لأمم المتحدة", Label::ORG, true)]);
        assert_eq!(read_markup("{PER:a {LOC:b}}").unwrap_err().to_string(), "line 1: a mark inside a mark");
        assert_eq!(read_markup("\n{PER:a").unwrap_err().to_string(), "line 2: a mark is not closed");
        assert!(is_markup("x\n{?MISC:y}") && !is_markup("بغداد B-LOC\n"));
    }

    #[test]
    fn paragraphs_become_sentences_tagged_by_token() {
        let article = read_markup("وصل {PER:لويد أوستن} و{LOC:بغداد}،\nثم ل{ORG:لأمم المتحدة}.").unwrap();
        let sentences = article.sentences();
        let tagged: Vec<Vec<(&str, u8)>> =
            sentences.iter().map(|s| s.words.iter().map(String::as_str).zip(s.tags.iter().copied()).collect()).collect();
        let (per, loc, org) = (model::begin(Label::PER), model::begin(Label::LOC), model::begin(Label::ORG));
        assert_eq!(
            tagged,
            [
                vec![("وصل", 0), ("لويد", per), ("اوستن", per + 1), ("وبغداد", loc), ("،", 0)],
                vec![("ثم", 0), ("للامم", org), ("المتحده", org + 1), (".", 0)],
            ]
        );
    }
}
