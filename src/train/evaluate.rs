//! Scores as conlleval counts them: exact spans over the CoNLL tokens, by
//! type, with recall split between names seen in training and the rest.

use super::markup::{Article, MarkedName};
use super::Sentence;
use crate::features::Vocabulary;
use crate::model::{self, Model, TYPES};
use crate::text::{Normalized, Utf16Offsets};
use crate::tokens;
use crate::{Document, Extractor, Label, ModelError};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::ops::Range;

/// Precision, recall and F1 counts of one type.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Counts {
    /// Spans found with the gold label and the gold span.
    pub correct: usize,
    /// Spans found.
    pub found: usize,
    /// Spans in the gold annotation.
    pub gold: usize,
}

impl Counts {
    /// Correct among found, in percent.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.found)
    }
    /// Correct among gold, in percent.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Scores of an extractor on CoNLL sentences, by exact span match over the
/// CoNLL tokens.
#[derive(Debug, Default, Serialize)]
pub struct Evaluation {
    /// CoNLL tokens scored.
    pub tokens: usize,
    /// Counts of each type the model tags.
    pub by_type: BTreeMap<Label, Counts>,
    /// Gold mentions whose words the training data tags too: (found, total).
    pub seen: (usize, usize),
    /// The other gold mentions: (found, total).
    pub unseen: (usize, usize),
}

impl Evaluation {
    /// The counts of all types together.
    pub fn micro(&self) -> Counts {
        self.by_type.values().fold(Counts::default(), |a, c| Counts {
            correct: a.correct + c.correct,
            found: a.found + c.found,
            gold: a.gold + c.gold,
        })
    }
}

/// The words of a mention, without the proclitics of the first, as the key
/// that tells mentions seen in training from the rest.
fn mention_key(words: &[String], vocabulary: &Vocabulary) -> String {
    let mut key = words.join(" ");
    let cut = tokens::proclitic_length(&words[0], |s| vocabulary.is_known(s));
    key.drain(..cut);
    key
}

/// The mention keys of training sentences.
pub(crate) fn mention_keys(sentences: &[Sentence], vocabulary: &Vocabulary) -> HashSet<String> {
    sentences
        .iter()
        .flat_map(|s| model::spans(&s.conll_tags).into_iter().map(|(r, _)| mention_key(&s.conll_words[r], vocabulary)))
        .collect()
}

/// Runs `extractor` on each sentence, as `alam tag` does, and scores its
/// PER, LOC, ORG and MISC entities against the gold tags.
pub(crate) fn evaluate(extractor: &Extractor, sentences: &[Sentence], seen: &HashSet<String>, vocabulary: &Vocabulary) -> Evaluation {
    let mut evaluation = Evaluation::default();
    for label in TYPES {
        evaluation.by_type.insert(label, Counts::default());
    }
    for sentence in sentences {
        evaluation.tokens += sentence.conll_tags.len();
        let doc = Document::new(&sentence.text);
        let found: HashSet<(Range<usize>, Label)> = extractor
            .resolve(&doc)
            .0
            .into_iter()
            .filter(|m| TYPES.contains(&m.label))
            .map(|m| {
                let first = doc.tokens.partition_point(|t| t.word.end <= m.span.start);
                let last = doc.tokens.partition_point(|t| t.word.end < m.span.end);
                (sentence.origin[first]..sentence.origin[last] + 1, m.label)
            })
            .collect();
        let gold = model::spans(&sentence.conll_tags);
        for (range, label) in &found {
            evaluation.by_type.get_mut(label).expect("a type").found += 1;
            if gold.iter().any(|(r, l)| r == range && l == label) {
                evaluation.by_type.get_mut(label).expect("a type").correct += 1;
            }
        }
        for (range, label) in gold {
            evaluation.by_type.get_mut(&label).expect("a type").gold += 1;
            let hit = found.contains(&(range.clone(), label)) as usize;
            let bucket = if seen.contains(&mention_key(&sentence.conll_words[range], vocabulary)) {
                &mut evaluation.seen
            } else {
                &mut evaluation.unseen
            };
            bucket.0 += hit;
            bucket.1 += 1;
        }
    }
    evaluation
}

/// The types a marked article is scored on: its MISC names are all optional.
const ARTICLE_TYPES: [Label; 3] = [Label::PER, Label::LOC, Label::ORG];

/// Runs `extractor` on each whole article, as `alam tag --whole` does, and
/// scores its PER, LOC and ORG entities against the marked names: a span
/// right when it has the label and the span of a required name, also when it
/// takes in a proclitic the mark leaves out; a find overlapping an optional
/// name neither right nor wrong.
pub(crate) fn evaluate_articles(extractor: &Extractor, articles: &[Article], seen: &HashSet<String>) -> Evaluation {
    let mut evaluation = Evaluation::default();
    for label in ARTICLE_TYPES {
        evaluation.by_type.insert(label, Counts::default());
    }
    for article in articles {
        evaluation.tokens += article.text.split_whitespace().count();
        let mut units = Utf16Offsets::new(&article.text);
        let names: Vec<(Range<usize>, &MarkedName)> =
            article.names.iter().map(|n| (units.at(n.span.start)..units.at(n.span.end), n)).collect();
        let text: Vec<u16> = article.text.encode_utf16().collect();
        let mut hits = vec![false; names.len()];
        for entity in extractor.extract(&article.text).entities.iter().filter(|e| ARTICLE_TYPES.contains(&e.label)) {
            let matched = names.iter().position(|(span, name)| {
                !name.optional
                    && name.label == entity.label
                    && span.end == entity.end
                    && (span.start == entity.start || entity.start < span.start && is_proclitic_run(&text[entity.start..span.start]))
            });
            let optional = names.iter().any(|(span, name)| name.optional && span.start < entity.end && entity.start < span.end);
            if matched.is_none() && optional {
                continue;
            }
            let counts = evaluation.by_type.get_mut(&entity.label).expect("a scored type");
            counts.found += 1;
            if let Some(k) = matched {
                counts.correct += 1;
                hits[k] = true;
            }
        }
        for ((_, name), hit) in names.iter().zip(hits).filter(|((_, name), _)| !name.optional) {
            evaluation.by_type.get_mut(&name.label).expect("a scored type").gold += 1;
            let folded = Normalized::new(&article.text[name.span.clone()]);
            let key = folded.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
            let bucket = if seen.contains(&key) { &mut evaluation.seen } else { &mut evaluation.unseen };
            bucket.0 += usize::from(hit);
            bucket.1 += 1;
        }
    }
    evaluation
}

/// Whether UTF-16 text is one to three proclitic letters (و ف ب ل ك).
fn is_proclitic_run(units: &[u16]) -> bool {
    let letters = String::from_utf16_lossy(units);
    (1..=3).contains(&letters.chars().count()) && letters.chars().all(|c| "وفبلك".contains(c))
}

impl Evaluation {
    /// These counts and another's together.
    fn add(mut self, other: Evaluation) -> Evaluation {
        self.tokens += other.tokens;
        for (label, counts) in other.by_type {
            let sum = self.by_type.entry(label).or_default();
            sum.correct += counts.correct;
            sum.found += counts.found;
            sum.gold += counts.gold;
        }
        self.seen = (self.seen.0 + other.seen.0, self.seen.1 + other.seen.1);
        self.unseen = (self.unseen.0 + other.unseen.0, self.unseen.1 + other.unseen.1);
        self
    }
}

/// Scores of a model file: the whole extractor, as `alam tag` runs it, and
/// the model's names alone, before the expressions take precedence (an
/// amount's currency word, MISC in ANERcorp, is part of MONEY in the first).
#[derive(Serialize)]
pub struct ModelScores {
    /// The extractor with the model.
    pub extractor: Evaluation,
    /// The model alone.
    pub names_alone: Evaluation,
}

/// Scores a model file on CoNLL `sentences` and marked `articles`; the names
/// of `seen` (its training sentences) split recall between names seen in
/// training and the rest.
pub fn evaluate_model(model_bytes: &[u8], seen: &[Sentence], sentences: &[Sentence], articles: &[Article]) -> Result<ModelScores, ModelError> {
    let model = Model::from_bytes(model_bytes)?;
    let keys = mention_keys(seen, model.vocabulary());
    let extractor = Extractor::from_model_bytes(model_bytes)?;
    let names = Extractor::with_recognizers(vec![Box::new(model.clone())]);
    let score = |extractor: &Extractor| {
        let mut evaluation = Evaluation::default();
        if !sentences.is_empty() {
            evaluation = evaluation.add(evaluate(extractor, sentences, &keys, model.vocabulary()));
        }
        if !articles.is_empty() {
            evaluation = evaluation.add(evaluate_articles(extractor, articles, &keys));
        }
        evaluation
    };
    Ok(ModelScores { extractor: score(&extractor), names_alone: score(&names) })
}

impl fmt::Display for Evaluation {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let micro = self.micro();
        writeln!(
            f,
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.",
            self.tokens, micro.gold, micro.found, micro.correct
        )?;
        writeln!(f, "{:<6} {:>9} {:>9} {:>9} {:>7}", "", "precision", "recall", "F1", "gold")?;
        let row = |f: &mut fmt::Formatter, name: &str, c: &Counts| {
            writeln!(f, "{:<6} {:>9.2} {:>9.2} {:>9.2} {:>7}", name, c.precision(), c.recall(), c.f1(), c.gold)
        };
        row(f, "micro", &micro)?;
        for (label, counts) in &self.by_type {
            row(f, label.as_str(), counts)?;
        }
        if self.seen.1 + self.unseen.1 > 0 && self.seen.1 > 0 {
            writeln!(f, "recall on mentions seen in training:   {:>6.2} ({}/{})", ratio(self.seen.0, self.seen.1), self.seen.0, self.seen.1)?;
            writeln!(f, "recall on mentions unseen in training: {:>6.2} ({}/{})", ratio(self.unseen.0, self.unseen.1), self.unseen.0, self.unseen.1)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dictionary::tests::named;
    use crate::train::read_markup;

    #[test]
    fn articles_score_exact_spans_with_proclitics_allowed_and_optional_names_neutral() {
        let article = read_markup("زار {PER:أوستن} و{LOC:بغداد} و{?ORG:مجلس الوزراء} و{ORG:الحشد الشعبي} في {LOC:أربيل}").unwrap();
        // بغداد found with its و, مجلس alone inside an optional name, الحشد
        // without الشعبي, أربيل as an organisation, زار taken for a person.
        let dictionary = named(&[("أوستن", Label::PER), ("وبغداد", Label::LOC), ("مجلس", Label::ORG), ("الحشد", Label::ORG), ("أربيل", Label::ORG), ("زار", Label::PER)]);
        let extractor = Extractor::with_recognizers(vec![Box::new(dictionary)]);
        let seen: HashSet<String> = ["اوستن".to_string()].into();
        let scores = evaluate_articles(&extractor, &[article], &seen);
        let counts = |label| {
            let c = scores.by_type[&label];
            (c.correct, c.found, c.gold)
        };
        assert_eq!(counts(Label::PER), (1, 2, 1));
        assert_eq!(counts(Label::LOC), (1, 1, 2));
        assert_eq!(counts(Label::ORG), (0, 2, 1));
        assert_eq!((scores.seen, scores.unseen), ((1, 1), (1, 3)));
    }
}
