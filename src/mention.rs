//! What recognisers find: a labelled span of the folded text, with the
//! value and details of an expression or a dictionary entry.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The kind of an entity: the ANERcorp classes and the news expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    /// A person.
    PER,
    /// A place.
    LOC,
    /// An organisation.
    ORG,
    /// Another name: an event, a religion, a currency as a word, an award, a product.
    MISC,
    /// A date or a part of one.
    DATE,
    /// A time of day.
    TIME,
    /// An amount of money.
    MONEY,
    /// A percentage.
    PERCENT,
    /// A count of things.
    QUANTITY,
}

impl Label {
    /// Every label, names first.
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

    /// The label as the result writes it (`"PER"`).
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

    /// The label written as `name` (`"PER"`), if it is one.
    pub fn parse(name: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == name)
    }
}

/// A normalised value of an expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// An ISO 8601 date, partial date or time.
    Text(String),
    /// An amount, a percentage or a count.
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
    /// مطلع، أوائل، بداية
    Early,
    /// منتصف، أواسط
    Mid,
    /// أواخر، نهاية
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
    /// Bytes of the folded text.
    pub span: Range<usize>,
    /// What was found.
    pub label: Label,
    /// An expression's normalised value.
    pub value: Option<Value>,
    /// What else the recogniser knows of it.
    pub detail: Detail,
}

impl Mention {
    /// A mention of `label` over `span`, with no value or detail.
    pub fn new(span: Range<usize>, label: Label) -> Self {
        Mention { span, label, value: None, detail: Detail::default() }
    }
}
