//! The result of one document, in the shape the contract fixes
//! (`docs/contract.md`): entities, quotes and groups in UTF-16 offsets of the
//! input, each with the input's own text.

pub use crate::mention::{Calendar, Detail, Label, Qualifier, Value};

use crate::groups::Grouping;
use crate::quotes::QuoteSpan;
use crate::text::{Normalized, Utf16Offsets};
use crate::Mention;
use serde::Serialize;
use std::ops::Range;

/// One entity of the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// UTF-16 offset of the first code unit in the input.
    pub start: usize,
    /// UTF-16 offset after the last code unit (end exclusive).
    pub end: usize,
    /// What the entity is.
    pub label: Label,
    /// The input's text between `start` and `end`.
    pub text: String,
    /// An expression's normalised value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// An expression's currency, unit, qualifier or calendar; a dictionary entry's id and link.
    #[serde(flatten)]
    pub detail: Detail,
    /// For names: the index of this entity's group in [`Extraction::groups`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
}

/// The result for one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extraction {
    /// Sorted by `start`, never overlapping.
    pub entities: Vec<Entity>,
    /// Quotations in order of the text; left out of the JSON when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// The people, places, organisations and other names the entities refer
    /// to; left out of the JSON when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
}

/// A quotation: the quoted words inside the marks, in UTF-16 offsets, and who said them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// UTF-16 offset of the first quoted code unit.
    pub start: usize,
    /// UTF-16 offset after the last quoted code unit.
    pub end: usize,
    /// The mention of the speaker, `null` where the text names none.
    pub speaker: Option<Speaker>,
}

/// The mention a quotation is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    /// UTF-16 offset of the mention's start.
    pub start: usize,
    /// UTF-16 offset of the mention's end.
    pub end: usize,
    /// The input's text of the mention.
    pub text: String,
    /// The speaker's group in [`Extraction::groups`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
}

/// One person, place, organisation or other named thing of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// The fullest form the document uses.
    pub name: String,
    /// `name` folded as for matching and without the article, words joined
    /// by one space: the same entity named the same way in another document
    /// (or another chunk of a page) has the same key.
    pub key: String,
    /// What it is.
    pub label: Label,
    /// Titles and roles written next to its mentions (وزير الدفاع الأميركي).
    pub roles: Vec<String>,
    /// Indices of its mentions in the result's entities.
    pub mentions: Vec<usize>,
    /// Where the text names it by a title alone (`الوزير الأميركي`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
}

/// A stretch of the input that refers to a group without naming it, in UTF-16 offsets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reference {
    /// UTF-16 offset of the start.
    pub start: usize,
    /// UTF-16 offset of the end.
    pub end: usize,
    /// The input's text there.
    pub text: String,
}

/// Where stretches of the folded text lie in the input: UTF-16 offsets and
/// the input's own text. Stretches asked in (nearly) increasing order cost
/// one pass over the input.
struct Locator<'t, 'a> {
    text: &'t Normalized<'a>,
    units: Utf16Offsets<'a>,
}

impl<'t, 'a> Locator<'t, 'a> {
    fn new(text: &'t Normalized<'a>) -> Self {
        Locator { text, units: Utf16Offsets::new(text.original()) }
    }

    /// The UTF-16 start and end of a folded range, and the input's text there.
    fn locate(&mut self, folded: Range<usize>) -> (usize, usize, &'a str) {
        let range = self.text.original_range(folded);
        let (start, end) = (self.units.at(range.start), self.units.at(range.end));
        (start, end, &self.text.original()[range])
    }
}

impl Extraction {
    /// The result from settled mentions (sorted, not overlapping), their
    /// grouping and the quotations found in the folded text.
    pub(crate) fn new(text: &Normalized, mentions: Vec<Mention>, quotes: Vec<QuoteSpan>, grouping: Grouping) -> Extraction {
        let mut locator = Locator::new(text);
        let group_of_span = |span: &Range<usize>| {
            let at = mentions.partition_point(|m| m.span.start < span.start);
            mentions.get(at).filter(|m| m.span == *span).and_then(|_| grouping.group_of[at])
        };
        let quotes = quotes
            .into_iter()
            .map(|q| {
                let (start, end, _) = locator.locate(q.span);
                let speaker = q.speaker.map(|span| {
                    let entity = group_of_span(&span);
                    let (start, end, text) = locator.locate(span);
                    Speaker { start, end, text: text.to_string(), entity }
                });
                Quote { start, end, speaker }
            })
            .collect();
        let entities = mentions
            .into_iter()
            .zip(grouping.group_of)
            .map(|(m, entity)| {
                let (start, end, text) = locator.locate(m.span);
                Entity { start, end, label: m.label, text: text.to_string(), value: m.value, detail: m.detail, entity }
            })
            .collect();
        let mut groups: Vec<Group> = grouping
            .clusters
            .into_iter()
            .map(|c| Group { name: c.name, key: c.key, label: c.label, roles: c.roles, mentions: c.mentions, references: Vec::new() })
            .collect();
        for (k, span) in grouping.references {
            let (start, end, text) = locator.locate(span);
            groups[k].references.push(Reference { start, end, text: text.to_string() });
        }
        Extraction { entities, quotes, groups }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_utf16_and_text_is_the_original_slice() {
        let original = "😀 في بغدادَ";
        let text = Normalized::new(original);
        let at = text.as_str().find("بغداد").unwrap();
        let grouping = Grouping { group_of: vec![None], clusters: Vec::new(), references: Vec::new() };
        let result = Extraction::new(&text, vec![Mention::new(at..at + "بغداد".len(), Label::LOC)], Vec::new(), grouping);
        assert_eq!(
            result.entities,
            [Entity { start: 6, end: 12, label: Label::LOC, text: "بغدادَ".into(), value: None, detail: Detail::default(), entity: None }]
        );
    }
}
