//! Dates: a day, a month and a year in any of their written forms, a weekday,
//! and a qualifier that takes part of the period (أواخر العام 2021).
//!
//! Values are ISO 8601: `2003-03-20`, `2020-01`, `2021`; a date without a year
//! is `--03-20` or `--03` (the ISO 8601:2000 truncated forms) unless the
//! caller gives the document's date, which also resolves a weekday to the
//! latest such day on or before it. Without a document date a weekday has no
//! value. Hijri dates keep their Hijri numbers and say `calendar: islamic`.

use super::numbers::digits;
use super::{is_mark, text_from, word_start, Cue, Expressions, Found};
use crate::mention::{Calendar, Detail, Qualifier};
use crate::mention::{Label, Value};
use crate::Document;

/// What a date expression fixed.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct DateParts {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    /// ISO 8601 weekday, Monday 1.
    weekday: Option<u32>,
    hijri: bool,
    qualifier: Option<Qualifier>,
}

/// A parse step's result: the token after what it read, and the parts so far.
type Step = Option<(usize, DateParts)>;

impl Expressions {
    /// The date at token `i`, its first word read from byte `from`.
    pub(super) fn date_at(&self, doc: &Document, i: usize, from: usize) -> Option<Found> {
        let mut parts = DateParts::default();
        let (end, parts) = if let Some((qualifier, n)) = self.qualifiers.at(doc, i, from) {
            // After a qualifier, a month or a year: مطلع آذار، أواخر العام 2021.
            parts.qualifier = Some(qualifier);
            let t = i + n;
            let at = word_start(doc, t)?;
            self.month_year(doc, t, at, parts, true)
                .or_else(|| self.year_expression(doc, t, at, parts))
                .or_else(|| self.bare_year(doc, t, at, parts))?
        } else {
            self.weekday_date(doc, i, from, parts)
                .or_else(|| self.dated(doc, i, from, parts))
                .or_else(|| self.numeric_date(doc, i, from, parts, false))
                .or_else(|| self.day_month(doc, i, from, parts))
                .or_else(|| self.month_year(doc, i, from, parts, false))
                .or_else(|| self.year_expression(doc, i, from, parts))
                .or_else(|| self.bare_year(doc, i, from, parts))?
        };
        let detail = Detail { qualifier: parts.qualifier, calendar: parts.hijri.then_some(Calendar::Islamic), ..Detail::default() };
        Some(Found::new(doc, from, end, Label::DATE, iso_date(&parts, doc.date).map(Value::Text), detail))
    }

    /// [يوم] weekday, and the date it names if one follows: الثلاثاء، يوم
    /// الخميس، يوم الثلاثاء الموافق 5/8/2008، يوم 19 أيار.
    fn weekday_date(&self, doc: &Document, t: usize, at: usize, mut parts: DateParts) -> Step {
        let (mut t, mut at) = (t, at);
        let day_word = matches!(self.cues.at(doc, t, at), Some((Cue::Day, _)));
        if day_word {
            t += 1;
            at = word_start(doc, t)?;
        }
        let weekday = self.weekdays.at(doc, t, at);
        if let Some((weekday, n)) = weekday {
            parts.weekday = Some(weekday);
            t += n;
        } else if !day_word {
            return None;
        }
        let mut next = t;
        if weekday.is_some() && (is_mark(doc, next, "،") || is_mark(doc, next, ",")) {
            next += 1;
        }
        if let Some((Cue::Agreeing, n)) = word_start(doc, next).and_then(|s| self.cues.at(doc, next, s)) {
            next += n;
        }
        if let Some(s) = word_start(doc, next) {
            if let Some(step) = self.numeric_date(doc, next, s, parts, false).or_else(|| self.day_month(doc, next, s, parts)) {
                return Some(step);
            }
        }
        weekday.is_some().then_some((t, parts))
    }

    /// تاريخ and the date it introduces: بتاريخ 20/3/2003، بتاريخ ( 1995 ).
    fn dated(&self, doc: &Document, t: usize, at: usize, parts: DateParts) -> Step {
        let Some((Cue::Date, n)) = self.cues.at(doc, t, at) else { return None };
        let (t, at) = (t + n, word_start(doc, t + n)?);
        self.numeric_date(doc, t, at, parts, true)
            .or_else(|| self.day_month(doc, t, at, parts))
            .or_else(|| self.month_year(doc, t, at, parts, true))
            .or_else(|| self.year_at(doc, t, at, parts, true).map(|(end, parts, _)| (end, parts)))
    }

    /// day/month/year or year/month/day in digits; in parentheses only after
    /// a word that names it (`in_parentheses`: بتاريخ ( 29 / 12 / 2011 ), آذار ( 8 / 3 / 1945 )).
    fn numeric_date(&self, doc: &Document, t: usize, at: usize, mut parts: DateParts, in_parentheses: bool) -> Step {
        let mut t = t;
        let parenthesised = in_parentheses && text_from(doc, t, at) == "(";
        if parenthesised {
            t += 1;
        }
        let mut numbers = [(0u32, 0usize); 3];
        for (k, number) in numbers.iter_mut().enumerate() {
            if k > 0 {
                if !is_mark(doc, t, "/") {
                    return None;
                }
                t += 1;
            }
            let word = if k == 0 && !parenthesised { text_from(doc, t, at) } else { doc.word(doc.tokens.get(t)?) };
            let d = digits(word).filter(|d| d.whole && d.len == word.len())?;
            *number = (d.value as u32, d.whole_digits);
            t += 1;
        }
        let (y, m, d) = match numbers {
            [(y, 4), (m, _), (d, _)] => (y, m, d),
            [(d, 1..=2), (m, _), (y, 4)] => (y, m, d),
            _ => return None,
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        if parenthesised {
            if !is_mark(doc, t, ")") {
                return None;
            }
            t += 1;
        }
        (parts.year, parts.month, parts.day) = (Some(y as i32), Some(m), Some(d));
        Some((t, parts))
    }

    /// A day (digits or an ordinal word), [من], and a month with its year:
    /// 20 آذار 2003، العشرين من آذار/مارس 2003.
    fn day_month(&self, doc: &Document, t: usize, at: usize, mut parts: DateParts) -> Step {
        let word = text_from(doc, t, at);
        let in_digits = digits(word).filter(|d| d.whole && d.len == word.len() && d.whole_digits <= 2 && (1.0..=31.0).contains(&d.value));
        let (day, n) = match in_digits {
            Some(d) => (d.value as u32, 1),
            None => self.days.at(doc, t, at)?,
        };
        let mut t = t + n;
        if let Some((Cue::Of, n)) = self.cues.at(doc, t, word_start(doc, t)?) {
            t += n;
        }
        parts.day = Some(day);
        self.month_year(doc, t, word_start(doc, t)?, parts, true)
    }

    /// [شهر] month [/ the same month in another set of names] [year, or the
    /// whole date in digits after it]. A month
    /// name that is also an ordinary word needs one of them, or a day or a
    /// qualifier before it (`in_context`).
    fn month_year(&self, doc: &Document, t: usize, at: usize, mut parts: DateParts, in_context: bool) -> Step {
        let (mut t, mut at) = (t, at);
        let mut in_context = in_context;
        if let Some((Cue::Month, n)) = self.cues.at(doc, t, at) {
            t += n;
            at = word_start(doc, t)?;
            in_context = true;
        }
        let (month, n) = self.months.at(doc, t, at)?;
        t += n;
        if is_mark(doc, t, "/") {
            let pair = word_start(doc, t + 1).and_then(|s| self.months.at(doc, t + 1, s));
            if let Some((_, n)) = pair.filter(|(p, _)| p.number == month.number && p.hijri == month.hijri) {
                t += 1 + n;
                in_context = true;
            }
        }
        parts.month = Some(month.number);
        parts.hijri |= month.hijri;
        if let Some((end, with_year, _)) = word_start(doc, t).and_then(|s| self.year_at(doc, t, s, parts, true)) {
            (t, parts, in_context) = (end, with_year, true);
        } else if let Some((end, glossed)) = word_start(doc, t).and_then(|s| self.numeric_date(doc, t, s, parts, true)) {
            // The month named, then the whole date in digits: آذار ( 8 / 3 / 1945 ).
            if glossed.month == parts.month && parts.day.is_none() {
                (t, parts, in_context) = (end, glossed, true);
            }
        }
        (in_context || !month.needs_context).then_some((t, parts))
    }

    /// العام 2017، عام ١٩٩٠، سنة 2022م، عام ( 1976 ).
    fn year_expression(&self, doc: &Document, t: usize, at: usize, parts: DateParts) -> Step {
        let Some((Cue::Year, n)) = self.cues.at(doc, t, at) else { return None };
        let (end, parts, _) = self.year_at(doc, t + n, word_start(doc, t + n)?, parts, true)?;
        Some((end, parts))
    }

    /// A year standing alone: four digits between 1900 and 2100, or any year with its era (1444 هـ).
    fn bare_year(&self, doc: &Document, t: usize, at: usize, parts: DateParts) -> Step {
        // The era names a year in parentheses as a cue word would: ( 1948 ) م.
        if let Some((end, parts, true)) = self.year_at(doc, t, at, parts, true) {
            return Some((end, parts));
        }
        let (end, parts, era) = self.year_at(doc, t, at, parts, false)?;
        let modern = parts.year.is_some_and(|y| (1900..=2100).contains(&y));
        (era || modern).then_some((end, parts))
    }

    /// A year of three or four digits, with its era mark written on it
    /// (2022م) or after it (1444 هـ), in parentheses only after a word that
    /// names it (`in_parentheses`); also says whether an era was written.
    fn year_at(&self, doc: &Document, t: usize, at: usize, mut parts: DateParts, in_parentheses: bool) -> Option<(usize, DateParts, bool)> {
        let mut t = t;
        let parenthesised = in_parentheses && text_from(doc, t, at) == "(";
        let word = if parenthesised {
            t += 1;
            doc.word(doc.tokens.get(t)?)
        } else {
            text_from(doc, t, at)
        };
        let d = digits(word).filter(|d| d.whole && (3..=4).contains(&d.whole_digits))?;
        let mut era = match &word[d.len..] {
            "" => None,
            suffix => Some(self.eras.get(suffix)?),
        };
        t += 1;
        if parenthesised {
            if !is_mark(doc, t, ")") {
                return None;
            }
            t += 1;
        }
        if era.is_none() {
            if let Some((hijri, n)) = word_start(doc, t).and_then(|s| self.eras.at(doc, t, s)) {
                era = Some(hijri);
                t += n;
            }
        }
        parts.year = Some(d.value as i32);
        parts.hijri |= era == Some(true);
        Some((t, parts, era.is_some()))
    }
}

/// The ISO 8601 value of what a date fixed, filling a missing year (and a
/// weekday's date) from the document's date where the caller gave one.
fn iso_date(parts: &DateParts, document_date: Option<(i32, u32, u32)>) -> Option<String> {
    let document_date = document_date.filter(|_| !parts.hijri);
    let year = parts.year.or_else(|| parts.month.and(document_date.map(|(y, _, _)| y)));
    Some(match (year, parts.month, parts.day) {
        (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
        (Some(y), None, _) => format!("{y:04}"),
        (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
        (None, Some(m), None) => format!("--{m:02}"),
        (None, None, _) => {
            let (y, m, d) = document_date?;
            let today = days_from_civil(y, m, d);
            let back = (weekday_of(today) + 7 - parts.weekday?) % 7;
            let (y, m, d) = civil_from_days(today - back as i64);
            format!("{y:04}-{m:02}-{d:02}")
        }
    })
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((yoe + era * 400 + i64::from(m <= 2)) as i32, m, d)
}

/// ISO weekday (Monday 1) of a day count; 1970-01-01 was a Thursday.
fn weekday_of(days: i64) -> u32 {
    ((days + 3).rem_euclid(7) + 1) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_counts_round_trip_and_know_their_weekday() {
        for (y, m, d) in [(2003, 3, 20), (2000, 2, 29), (1969, 12, 31), (2024, 12, 31)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(weekday_of(days_from_civil(2003, 3, 20)), 4, "20 March 2003 was a Thursday");
    }
}
