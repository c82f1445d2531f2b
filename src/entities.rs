//! Entities: what recognisers find, how overlapping finds are settled, and
//! the result shape of the contract (UTF-16 offsets into the input).

use crate::groups::{Group, Grouping, Reference};
use crate::text::{Normalized, Utf16Offsets};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Range;

/// The kind of an entity: the ANERcorp classes and the news expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    PER,
    LOC,
    ORG,
    MISC,
    DATE,
    TIME,
    MONEY,
    PERCENT,
    QUANTITY,
}

impl Label {
    pub const ALL: [Label; 9] = [
        Label::PER,
        Label::LOC,
        Label::ORG,
        Label::MISC,
        Label::DATE,
        Label::TIME,
        Label::MONEY,
        Label::PERCENT,
        Label::QUANTITY,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Label::PER => "PER",
            Label::LOC => "LOC",
            Label::ORG => "ORG",
            Label::MISC => "MISC",
            Label::DATE => "DATE",
            Label::TIME => "TIME",
            Label::MONEY => "MONEY",
            Label::PERCENT => "PERCENT",
            Label::QUANTITY => "QUANTITY",
        }
    }

    pub fn parse(name: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == name)
    }
}

/// A normalised value of an expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// An ISO 8601 date, partial date or time.
    Text(String),
    Number(f64),
}

impl Serialize for Value {
    /// Whole numbers are written without a fraction (`2500`, not `2500.0`).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: integers up to here are exact
        match *self {
            Value::Text(ref text) => serializer.serialize_str(text),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < EXACT => serializer.serialize_i64(n as i64),
            Value::Number(n) => serializer.serialize_f64(n),
        }
    }
}

/// What an entity says beyond its label and value; each field is written only when present.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Detail {
    /// ISO 4217 code of a MONEY amount, where the text fixes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<&'static str>,
    /// What a QUANTITY counts (its singular noun) or a MONEY amount's currency name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Which part of a DATE's period the text means (أواخر العام → late).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// The calendar of a DATE's value when it is not the Gregorian one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar: Option<Calendar>,
    /// The id a site dictionary gives the name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The page a site dictionary links the name to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Part of a period: مطلع/أوائل → early, منتصف → mid, أواخر → late.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    Early,
    Mid,
    Late,
}

/// A calendar other than the Gregorian one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    /// The Hijri calendar (dates marked هـ), values as year-month-day in it.
    Islamic,
}

/// A find of one recogniser, as a byte range of the folded text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub span: Range<usize>,
    pub label: Label,
    pub value: Option<Value>,
    pub detail: Detail,
}

impl Mention {
    pub fn new(span: Range<usize>, label: Label) -> Self {
        Mention { span, label, value: None, detail: Detail::default() }
    }
}

/// One entity of the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// UTF-16 offsets into the input, end exclusive.
    pub start: usize,
    pub end: usize,
    pub label: Label,
    /// The input's text between `start` and `end`.
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
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
    pub start: usize,
    pub end: usize,
    /// The mention of the speaker, `null` where the text names none.
    pub speaker: Option<Speaker>,
}

/// The mention a quotation is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The speaker's group in [`Extraction::groups`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
}

/// A quotation found in the folded text: the quoted words and the span of
/// its speaker's mention, both as byte ranges of the folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    pub span: Range<usize>,
    pub speaker: Option<Range<usize>>,
}

/// Keeps the mentions that do not overlap one already kept, taking the
/// groups in order of precedence and, within a group, longer spans first.
pub fn settle(groups: Vec<Vec<Mention>>) -> Vec<Mention> {
    // Kept mentions by start: only the neighbours of a new span can overlap it.
    let mut kept: BTreeMap<usize, Mention> = BTreeMap::new();
    for mut group in groups {
        group.sort_by_key(|m| (std::cmp::Reverse(m.span.len()), m.span.start));
        for mention in group {
            let span = &mention.span;
            if span.is_empty() {
                continue;
            }
            let clashes_before = kept.range(..=span.start).next_back().is_some_and(|(_, k)| k.span.end > span.start);
            let clashes_after = kept.range(span.start + 1..).next().is_some_and(|(_, k)| k.span.start < span.end);
            if !clashes_before && !clashes_after {
                kept.insert(span.start, mention);
            }
        }
    }
    kept.into_values().collect()
}

/// Turns settled mentions (sorted, not overlapping), their groups and the
/// quotations found in the folded text into the contract's result.
pub fn to_extraction(text: &Normalized, mentions: Vec<Mention>, quotes: Vec<QuoteSpan>, grouped: Grouping) -> Extraction {
    let original = text.original();
    let mut units = Utf16Offsets::new(original);
    let group_of_span = |span: &Range<usize>| {
        let at = mentions.partition_point(|m| m.span.start < span.start);
        mentions.get(at).filter(|m| m.span == *span).and_then(|_| grouped.group_of[at])
    };
    let quotes = quotes
        .into_iter()
        .map(|q| {
            let range = text.original_range(q.span);
            let (start, end) = (units.at(range.start), units.at(range.end));
            let speaker = q.speaker.map(|span| {
                let entity = group_of_span(&span);
                let range = text.original_range(span);
                let (start, end) = (units.at(range.start), units.at(range.end));
                Speaker { start, end, text: original[range].to_string(), entity }
            });
            Quote { start, end, speaker }
        })
        .collect();
    let mut units = Utf16Offsets::new(original);
    let entities = mentions
        .into_iter()
        .zip(grouped.group_of)
        .map(|(m, entity)| {
            let range = text.original_range(m.span);
            Entity {
                start: units.at(range.start),
                end: units.at(range.end),
                label: m.label,
                text: original[range].to_string(),
                value: m.value,
                detail: m.detail,
                entity,
            }
        })
        .collect();
    let mut groups = grouped.groups;
    let mut units = Utf16Offsets::new(original);
    for (k, span) in grouped.references {
        let range = text.original_range(span);
        let (start, end) = (units.at(range.start), units.at(range.end));
        groups[k].references.push(Reference { start, end, text: original[range].to_string() });
    }
    Extraction { entities, quotes, groups }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earlier_groups_win_and_longer_spans_win_within_a_group() {
        let kept = settle(vec![
            vec![Mention::new(10..20, Label::MONEY)],
            vec![Mention::new(0..4, Label::PER), Mention::new(0..8, Label::ORG), Mention::new(15..25, Label::MISC)],
            vec![Mention::new(30..31, Label::LOC), Mention::new(8..10, Label::LOC)],
        ]);
        let spans: Vec<_> = kept.iter().map(|m| (m.span.clone(), m.label)).collect();
        assert_eq!(spans, [(0..8, Label::ORG), (8..10, Label::LOC), (10..20, Label::MONEY), (30..31, Label::LOC)]);
    }

    #[test]
    fn offsets_are_utf16_and_text_is_the_original_slice() {
        let original = "😀 في بغدادَ";
        let text = Normalized::new(original);
        let at = text.as_str().find("بغداد").unwrap();
        let grouping = Grouping { group_of: vec![None], groups: Vec::new(), references: Vec::new() };
        let result = to_extraction(&text, vec![Mention::new(at..at + "بغداد".len(), Label::LOC)], Vec::new(), grouping);
        assert_eq!(
            result.entities,
            [Entity { start: 6, end: 12, label: Label::LOC, text: "بغدادَ".into(), value: None, detail: Detail::default(), entity: None }]
        );
    }
}
