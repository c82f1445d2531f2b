//! News expressions: dates, times, amounts of money, percentages and counts
//! of things, each with a normalised value.
//!
//! The words live in [`tables`] as data; [`Phrases`] looks them up a
//! token at a time on the folded text, and small grammars ([`dates`],
//! [`times`], [`amounts`] over [`numbers`]) say how they combine. At each
//! token the longest expression wins (a time, then a date, then an amount on
//! ties), and scanning goes on after it.
//!
//! Conventions of the spans: a proclitic on the first word stays outside
//! (`وأواخر العام 2021` → `أواخر العام 2021`), as do prepositions (في، منذ);
//! the words that name the period are inside (العام، سنة، يوم، شهر، تاريخ،
//! الساعة), and so are qualifiers (أواخر، مطلع), ordinal day words (العشرين
//! من آذار) and era marks (م، هـ). Parentheses around a year or a date are
//! inside only after such a word (عام ( 1976 )); a year alone in parentheses
//! is just the year.

mod amounts;
mod dates;
mod numbers;
pub mod tables;
mod times;

use crate::mention::{Detail, Qualifier};
use crate::mention::{Label, Mention, Value};
use crate::{Document, Recognizer};
use crate::phrases::{Phrases, WordSet};
use crate::tokens::{conjunction_length, preposition_length};
use tables::{Currency, DayPeriod, NumberWord};

/// A month of the Gregorian or the Hijri calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Month {
    number: u32,
    hijri: bool,
    /// The name is also an ordinary word: a month only next to a day, a year or its pair.
    needs_context: bool,
}

/// Words that name the unit of what follows or join its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Year,
    /// تاريخ: "the date of".
    Date,
    Day,
    Month,
    Of,
    /// الموافق: "falling on", between a weekday and its date.
    Agreeing,
    Hour,
}

/// The recogniser of news expressions, its tables folded once.
pub struct Expressions {
    cues: Phrases<Cue>,
    months: Phrases<Month>,
    weekdays: Phrases<u32>,
    qualifiers: Phrases<Qualifier>,
    eras: Phrases<bool>,
    days: Phrases<u32>,
    hours: Phrases<u32>,
    hour_fractions: Phrases<i32>,
    day_periods: Phrases<DayPeriod>,
    day_period_marks: Phrases<DayPeriod>,
    time_zones: Phrases<&'static str>,
    number_words: Phrases<NumberWord>,
    percent: Phrases<()>,
    currencies: Phrases<Currency>,
    currency_symbols: Phrases<Currency>,
    units: Phrases<&'static str>,
    not_counted: Phrases<()>,
    /// The first words of the entries that can start an expression: it can
    /// only start at one of them, at digits or at a parenthesis (see `may_start`).
    first_words: WordSet<String>,
}

impl Default for Expressions {
    fn default() -> Self {
        Expressions::new()
    }
}

impl Expressions {
    pub fn new() -> Self {
        use tables::*;
        let months = |table: [(&'static str, &'static str); 12], hijri: bool| {
            table.into_iter().zip(1..).flat_map(move |((plain, ambiguous), number)| {
                [(plain, Month { number, hijri, needs_context: false }), (ambiguous, Month { number, hijri, needs_context: true })]
            })
        };
        // Ordinal days: الأول … العاشر, then الحادي عشر … التاسع عشر, العشرين,
        // الحادي والعشرين … التاسع والعشرين, الثلاثين, الحادي والثلاثين.
        let mut days = Phrases::new(DAY_UNITS.into_iter().zip(1..).chain(DAY_TENS));
        let compound_units = std::iter::once(ELEVENTH_UNIT).chain(DAY_UNITS[1..9].iter().copied());
        for (units, n) in compound_units.zip(1..) {
            for unit in units.split('|') {
                days.insert(&format!("{unit} {TEEN_TEN}"), 10 + n);
                for twenty in DAY_TENS[0].0.split('|') {
                    days.insert(&format!("{unit} و{twenty}"), 20 + n);
                }
            }
        }
        for thirty in DAY_TENS[1].0.split('|') {
            days.insert(&format!("{ELEVENTH_UNIT} و{thirty}"), 31);
        }
        let mut currencies = Phrases::new([]);
        for CurrencyName { spellings, name, code, nationalities } in CURRENCIES {
            for spelling in spellings.split('|') {
                currencies.insert(spelling, Currency { name, code });
                for &(nationality, code) in nationalities {
                    for nationality in nationality.split('|') {
                        currencies.insert(&format!("{spelling} {nationality}"), Currency { name, code: Some(code) });
                    }
                }
            }
        }
        let mut expressions = Expressions {
            first_words: WordSet::default(),
            cues: Phrases::new([(YEAR_WORDS, Cue::Year), (DATE_WORD, Cue::Date), (DAY_WORD, Cue::Day), (MONTH_WORD, Cue::Month), (OF, Cue::Of), (AGREEING, Cue::Agreeing), (HOUR_WORD, Cue::Hour)]),
            months: Phrases::new(months(GREGORIAN_MONTHS, false).chain(months(HIJRI_MONTHS, true)).filter(|(s, _)| !s.is_empty())),
            weekdays: Phrases::new(WEEKDAYS),
            qualifiers: Phrases::new(QUALIFIERS),
            eras: Phrases::new(ERAS),
            days,
            hours: Phrases::new(HOURS),
            hour_fractions: Phrases::new(HOUR_FRACTIONS),
            day_periods: Phrases::new(DAY_PERIODS),
            day_period_marks: Phrases::new(DAY_PERIOD_MARKS),
            time_zones: Phrases::new(TIME_ZONES),
            number_words: Phrases::new(NUMBER_WORDS),
            percent: Phrases::new([(PERCENT, ())]),
            currencies,
            currency_symbols: Phrases::new(CURRENCY_SYMBOLS),
            units: Phrases::new(UNITS),
            not_counted: Phrases::new([(NOT_COUNTED, ())]),
        };
        let e = &expressions;
        // The tables that grammars look up at an expression's first word:
        // the others (eras, units, time zones…) only follow a number or a time.
        let first_words: WordSet<String> = (e.cues.first_words_where(|cue| !matches!(cue, Cue::Of | Cue::Agreeing)))
            .chain(e.qualifiers.first_words())
            .chain(e.weekdays.first_words())
            .chain(e.days.first_words())
            .chain(e.months.first_words())
            .chain(e.currency_symbols.first_words())
            .chain(e.number_words.first_words())
            .map(str::to_string)
            .collect();
        expressions.first_words = first_words;
        expressions
    }

    /// Whether an expression may start in token `i` at byte `from`: every
    /// grammar starts with a word of a table (a cue word, a qualifier, a
    /// weekday, an ordinal day, a month, a currency symbol or a number word),
    /// digits (a number, a numeric date, a year) or the parenthesis before a
    /// year (`( 1976 )`).
    fn may_start(&self, doc: &Document, i: usize, from: usize) -> bool {
        let word = text_from(doc, i, from);
        word.starts_with(|c: char| c.is_ascii_digit()) || word == "(" || self.first_words.contains(word)
    }
}

/// An expression found from a token: where it ends (token index, exclusive) and the mention.
struct Found {
    end: usize,
    mention: Mention,
}

impl Found {
    fn new(doc: &Document, from: usize, end: usize, label: Label, value: Option<Value>, detail: Detail) -> Self {
        let span = from..doc.tokens[end - 1].word.end;
        Found { end, mention: Mention { span, label, value, detail } }
    }
}

impl Recognizer for Expressions {
    fn recognize(&self, doc: &Document, mentions: &mut Vec<Mention>) {
        let mut i = 0;
        while i < doc.tokens.len() {
            let mut best: Option<Found> = None;
            // Most words start nothing: one look-up rules them out.
            for from in starts(doc, i).into_iter().flatten().filter(|&from| self.may_start(doc, i, from)) {
                for found in [self.time_at(doc, i, from), self.date_at(doc, i, from), self.amount_at(doc, i, from)].into_iter().flatten() {
                    if best.as_ref().is_none_or(|b| found.end > b.end) {
                        best = Some(found);
                    }
                }
            }
            match best {
                Some(found) => {
                    i = found.end;
                    mentions.push(found.mention);
                }
                None => i += 1,
            }
        }
    }
}

/// Where an expression may start in token `i`: the whole word, then after a
/// conjunction (و ف) or a preposition (ب ل ك), then after both, digits
/// included (`و20`). (A word starts with one or the other, not both.)
fn starts(doc: &Document, i: usize) -> [Option<usize>; 3] {
    let token = &doc.tokens[i];
    let word = doc.word(token);
    let conj = conjunction_length(word);
    let first = conj.or_else(|| preposition_length(word));
    let both = conj.and_then(|c| preposition_length(&word[c..]).map(|p| c + p));
    let at = |n: Option<usize>| n.filter(|&n| n < word.len()).map(|n| token.word.start + n);
    [Some(token.word.start), at(first), at(both)]
}

/// The folded text of token `t` from byte `from` on.
fn text_from<'d>(doc: &'d Document, t: usize, from: usize) -> &'d str {
    &doc.text.as_str()[from..doc.tokens[t].word.end]
}

/// The start of token `t`'s word, if there is such a token.
fn word_start(doc: &Document, t: usize) -> Option<usize> {
    doc.tokens.get(t).map(|token| token.word.start)
}

/// Whether token `t` is the punctuation `mark`.
fn is_mark(doc: &Document, t: usize, mark: &str) -> bool {
    doc.tokens.get(t).is_some_and(|token| doc.word(token) == mark)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mention::Calendar;

    /// The expressions of `text`: original span text, label, value and detail.
    fn found_with(text: &str, date: Option<(i32, u32, u32)>) -> Vec<(String, Label, Option<Value>, Detail)> {
        let mut doc = Document::new(text);
        doc.date = date;
        let mut mentions = Vec::new();
        Expressions::new().recognize(&doc, &mut mentions);
        mentions.into_iter().map(|m| (text[doc.text.original_range(m.span)].to_string(), m.label, m.value, m.detail)).collect()
    }

    fn found(text: &str) -> Vec<(String, Label, Option<Value>, Detail)> {
        found_with(text, None)
    }

    /// The single expression of `text`.
    fn only(text: &str) -> (String, Label, Option<Value>, Detail) {
        let mut all = found(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.remove(0)
    }

    fn date(span: &str, value: &str) -> (String, Label, Option<Value>, Detail) {
        (span.to_string(), Label::DATE, Some(Value::Text(value.to_string())), Detail::default())
    }

    fn text(value: &str) -> Option<Value> {
        Some(Value::Text(value.to_string()))
    }

    #[test]
    fn levantine_transliterated_and_maghrebi_months_with_day_and_year() {
        let cases = [
            ("في 5 كانون الثاني 2020 وصل", "5 كانون الثاني 2020", "2020-01-05"),
            ("في 14 شباط 2005", "14 شباط 2005", "2005-02-14"),
            ("في 1 نيسان 2019", "1 نيسان 2019", "2019-04-01"),
            ("في 9 أيار 1945", "9 أيار 1945", "1945-05-09"),
            ("في 5 حزيران 1967", "5 حزيران 1967", "1967-06-05"),
            ("في 14 تموز 1958", "14 تموز 1958", "1958-07-14"),
            ("في 2 آب 1990", "2 آب 1990", "1990-08-02"),
            ("في 11 أيلول 2001", "11 أيلول 2001", "2001-09-11"),
            ("في 6 تشرين الأول 1973", "6 تشرين الأول 1973", "1973-10-06"),
            ("في 9 تشرين الثاني 1989", "9 تشرين الثاني 1989", "1989-11-09"),
            ("في 31 كانون الأول 1999", "31 كانون الأول 1999", "1999-12-31"),
            ("في 3 يناير 2021", "3 يناير 2021", "2021-01-03"),
            ("في 3 فبراير 2021", "3 فبراير 2021", "2021-02-03"),
            ("في 3 أبريل 2021", "3 أبريل 2021", "2021-04-03"),
            ("في 3 ابريل 2021", "3 ابريل 2021", "2021-04-03"),
            ("في 3 مايو 2021", "3 مايو 2021", "2021-05-03"),
            ("في 3 يونيو 2021", "3 يونيو 2021", "2021-06-03"),
            ("في 3 يوليو 2021", "3 يوليو 2021", "2021-07-03"),
            ("في 3 يوليه 2021", "3 يوليه 2021", "2021-07-03"),
            ("في 3 أغسطس 2021", "3 أغسطس 2021", "2021-08-03"),
            ("في 3 اغسطس 2021", "3 اغسطس 2021", "2021-08-03"),
            ("في 3 سبتمبر 2021", "3 سبتمبر 2021", "2021-09-03"),
            ("في 3 أكتوبر 2021", "3 أكتوبر 2021", "2021-10-03"),
            ("في 3 نوفمبر 2021", "3 نوفمبر 2021", "2021-11-03"),
            ("في 3 ديسمبر 2021", "3 ديسمبر 2021", "2021-12-03"),
            ("في 3 جانفي 2021", "3 جانفي 2021", "2021-01-03"),
            ("في 3 فيفري 2021", "3 فيفري 2021", "2021-02-03"),
            ("في 3 مارس 2021", "3 مارس 2021", "2021-03-03"),
            ("في 3 أفريل 2021", "3 أفريل 2021", "2021-04-03"),
            ("في 3 ماي 2021", "3 ماي 2021", "2021-05-03"),
            ("في 3 جوان 2021", "3 جوان 2021", "2021-06-03"),
            ("في 3 جويلية 2021", "3 جويلية 2021", "2021-07-03"),
            ("في 3 أوت 2021", "3 أوت 2021", "2021-08-03"),
            ("في 3 يوليوز 2021", "3 يوليوز 2021", "2021-07-03"),
            ("في 3 غشت 2021", "3 غشت 2021", "2021-08-03"),
            ("في 3 شتنبر 2021", "3 شتنبر 2021", "2021-09-03"),
            ("في 3 نونبر 2021", "3 نونبر 2021", "2021-11-03"),
            ("في 3 دجنبر 2021", "3 دجنبر 2021", "2021-12-03"),
        ];
        for (input, span, value) in cases {
            assert_eq!(only(input), date(span, value), "{input}");
        }
    }

    #[test]
    fn paired_month_names_and_ordinal_days() {
        assert_eq!(only("في العشرين من آذار/مارس 2003، شن"), date("العشرين من آذار/مارس 2003", "2003-03-20"));
        assert_eq!(only("في كانون الثاني/يناير 2020 على"), date("كانون الثاني/يناير 2020", "2020-01"));
        assert_eq!(only("يوم 19 مايو / أيار"), date("يوم 19 مايو / أيار", "--05-19"));
        assert_eq!(only("في الحادي عشر من أيلول 2001"), date("الحادي عشر من أيلول 2001", "2001-09-11"));
        assert_eq!(only("في الخامس والعشرين من كانون الأول"), date("الخامس والعشرين من كانون الأول", "--12-25"));
        assert_eq!(only("في الأول من أيار"), date("الأول من أيار", "--05-01"));
    }

    #[test]
    fn a_month_name_that_is_also_a_word_needs_a_day_a_year_or_its_pair() {
        assert_eq!(found("مارس الضغط على الحكومة"), []);
        assert_eq!(found("زار أب ابنه"), []);
        assert_eq!(only("في مارس 2019"), date("مارس 2019", "2019-03"));
        assert_eq!(only("منذ آذار"), date("آذار", "--03"));
        assert_eq!(found("قال رمضان إن"), []);
        assert_eq!(found("باعت نيسان سيارات أكثر"), []);
        assert_eq!(only("في 5 نيسان 2020"), date("5 نيسان 2020", "2020-04-05"));
        let ramadan = only("خلال شهر رمضان");
        assert_eq!((ramadan.0.as_str(), ramadan.2), ("شهر رمضان", text("--09")));
    }

    #[test]
    fn years_with_their_words_and_eras() {
        assert_eq!(only("في العام 2017، إلا"), date("العام 2017", "2017"));
        assert_eq!(only("منذ عام ١٩٩٠ حتى"), date("عام ١٩٩٠", "1990"));
        assert_eq!(only("في سنة 2022م"), date("سنة 2022م", "2022"));
        assert_eq!(only("عام ( 1976 ) كان"), date("عام ( 1976 )", "1976"));
        assert_eq!(only("منذ 2003 و"), date("2003", "2003"));
        assert_eq!(found("أكثر من عام على الانتخابات"), []);
    }

    #[test]
    fn hijri_months_and_years_carry_their_calendar() {
        let hijri = |span: &str, value: &str| {
            let detail = Detail { calendar: Some(Calendar::Islamic), ..Detail::default() };
            (span.to_string(), Label::DATE, text(value), detail)
        };
        assert_eq!(only("في 15 رمضان 1444 هـ"), hijri("15 رمضان 1444 هـ", "1444-09-15"));
        assert_eq!(only("في 1 محرم 1445هـ"), hijri("1 محرم 1445هـ", "1445-01-01"));
        assert_eq!(only("في العاشر من ذي الحجة"), hijri("العاشر من ذي الحجة", "--12-10"));
        assert_eq!(only("في ربيع الأول 1440 هـ"), hijri("ربيع الأول 1440 هـ", "1440-03"));
        assert_eq!(only("عام 1320 هجري"), hijri("عام 1320 هجري", "1320"));
        assert_eq!(only("سنة 1444 هـ"), hijri("سنة 1444 هـ", "1444"));
    }

    #[test]
    fn qualifiers_take_part_of_the_period() {
        let qualified = |span: &str, value: &str, qualifier| {
            (span.to_string(), Label::DATE, text(value), Detail { qualifier: Some(qualifier), ..Detail::default() })
        };
        assert_eq!(only("وأواخر العام 2021، أعلن"), qualified("أواخر العام 2021", "2021", Qualifier::Late));
        assert_eq!(only("مطلع آذار/مارس."), qualified("مطلع آذار/مارس", "--03", Qualifier::Early));
        assert_eq!(only("في أوائل 2020"), qualified("أوائل 2020", "2020", Qualifier::Early));
        assert_eq!(only("منتصف حزيران 2014"), qualified("منتصف حزيران 2014", "2014-06", Qualifier::Mid));
    }

    #[test]
    fn numeric_dates_read_day_first() {
        assert_eq!(only("وقع 20/3/2003 ثم"), date("20/3/2003", "2003-03-20"));
        assert_eq!(only("بتاريخ 20/3/2003 وقع"), date("تاريخ 20/3/2003", "2003-03-20"));
        assert_eq!(only("بتاريخ ( 29 / 12 / 2011 )"), date("تاريخ ( 29 / 12 / 2011 )", "2011-12-29"));
        assert_eq!(only("في آذار ( 8 / 3 / 1945 )"), date("آذار ( 8 / 3 / 1945 )", "1945-03-08"));
        assert_eq!(only("سوريا ( 1948 )."), date("1948", "1948"));
        assert_eq!(only("سنة ( 1935 ) م"), date("سنة ( 1935 ) م", "1935"));
        assert_eq!(only("في ( 1948 ) م"), date("( 1948 ) م", "1948"));
        assert_eq!(only("بتاريخ كانون الثاني ( 1996 )"), date("تاريخ كانون الثاني ( 1996 )", "1996-01"));
        assert_eq!(only("رقم 73 بتاريخ ( 9 / 2 / 1973 )"), date("تاريخ ( 9 / 2 / 1973 )", "1973-02-09"));
        assert_eq!(only("في 2003/03/20"), date("2003/03/20", "2003-03-20"));
        assert_eq!(found("النتيجة 3/2."), []);
    }

    #[test]
    fn weekdays_resolve_only_against_a_document_date() {
        let weekday = ("الثلاثاء".to_string(), Label::DATE, None, Detail::default());
        assert_eq!(found("في بغداد الثلاثاء عن"), [weekday]);
        // 2023-03-07 was a Tuesday; on Thursday 9 March, الثلاثاء is two days back.
        assert_eq!(found_with("في بغداد الثلاثاء عن", Some((2023, 3, 9))), [date("الثلاثاء", "2023-03-07")]);
        assert_eq!(found_with("الثلاثاء", Some((2023, 3, 7))), [date("الثلاثاء", "2023-03-07")]);
        assert_eq!(found_with("يوم الأحد", Some((2023, 3, 1))), [date("يوم الأحد", "2023-02-26")]);
        assert_eq!(only("يوم الثلاثاء الموافق 5/8/2008"), date("يوم الثلاثاء الموافق 5/8/2008", "2008-08-05"));
        assert_eq!(found_with("مطلع آذار", Some((2023, 3, 9))), [(
            "مطلع آذار".to_string(),
            Label::DATE,
            text("2023-03"),
            Detail { qualifier: Some(Qualifier::Early), ..Detail::default() }
        )]);
    }

    #[test]
    fn times_of_day() {
        let time = |span: &str, value: &str| (span.to_string(), Label::TIME, text(value), Detail::default());
        assert_eq!(only("عند الساعة الثالثة بعد الظهر"), time("الساعة الثالثة بعد الظهر", "15:00"));
        assert_eq!(only("في 3:30 مساءً"), time("3:30 مساءً", "15:30"));
        assert_eq!(only("عند 14:00 بتوقيت غرينتش"), time("14:00 بتوقيت غرينتش", "14:00Z"));
        assert_eq!(only("الساعة العاشرة والنصف صباحا"), time("الساعة العاشرة والنصف صباحا", "10:30"));
        assert_eq!(only("الساعة الحادية عشرة ليلا"), time("الساعة الحادية عشرة ليلا", "23:00"));
        assert_eq!(only("الساعة الرابعة إلا ربعا"), time("الساعة الرابعة إلا ربعا", "03:45"));
        assert_eq!(only("الساعة 8 صباحا"), time("الساعة 8 صباحا", "08:00"));
        assert_eq!(only("الساعة ١٠:١٥ م"), time("الساعة ١٠:١٥ م", "22:15"));
        assert_eq!(only("في 9 مساء"), time("9 مساء", "21:00"));
        assert_eq!(found("المرتبة الثالثة"), []);
    }

    fn amount(span: &str, label: Label, value: f64, currency: Option<&'static str>, unit: Option<&str>) -> (String, Label, Option<Value>, Detail) {
        let detail = Detail { currency, unit: unit.map(str::to_string), ..Detail::default() };
        (span.to_string(), label, Some(Value::Number(value)), detail)
    }

    #[test]
    fn money_by_name_and_symbol() {
        let money = |span, value, currency, unit| amount(span, Label::MONEY, value, currency, Some(unit));
        assert_eq!(only("بلغت 2.5 مليار دولار"), money("2.5 مليار دولار", 2.5e9, Some("USD"), "دولار"));
        assert_eq!(only("نحو 100 مليون دولار أميركي"), money("100 مليون دولار أميركي", 1e8, Some("USD"), "دولار"));
        assert_eq!(only("دفع 500 يورو"), money("500 يورو", 500.0, Some("EUR"), "يورو"));
        assert_eq!(only("بقيمة ثلاثة آلاف دينار عراقي"), money("ثلاثة آلاف دينار عراقي", 3000.0, Some("IQD"), "دينار"));
        assert_eq!(only("بقيمة ألف دينار"), money("ألف دينار", 1000.0, None, "دينار"));
        assert_eq!(only("بسعر 50 ريالا سعوديا"), money("50 ريالا", 50.0, None, "ريال"));
        assert_eq!(only("بسعر 50 ريال سعودي"), money("50 ريال سعودي", 50.0, Some("SAR"), "ريال"));
        assert_eq!(only("مقابل مئة جنيه مصري"), money("مئة جنيه مصري", 100.0, Some("EGP"), "جنيه"));
        assert_eq!(only("بخمسين ألف ليرة لبنانية"), money("خمسين ألف ليرة لبنانية", 50_000.0, Some("LBP"), "ليرة"));
        assert_eq!(only("بـ20 درهما"), money("20 درهما", 20.0, None, "درهم"));
        assert_eq!(only("كلف $100 فقط"), money("$100", 100.0, Some("USD"), "دولار"));
        assert_eq!(only("كلف 100$ فقط"), money("100$", 100.0, Some("USD"), "دولار"));
        assert_eq!(only("و€5"), money("€5", 5.0, Some("EUR"), "يورو"));
        assert_eq!(only("سعره £3"), money("£3", 3.0, Some("GBP"), "جنيه"));
        assert_eq!(only("بقيمة ١٬٥٠٠ دولار"), money("١٬٥٠٠ دولار", 1500.0, Some("USD"), "دولار"));
        assert_eq!(only("بقيمة ۲٫۵ مليون يورو"), money("۲٫۵ مليون يورو", 2.5e6, Some("EUR"), "يورو"));
        assert_eq!(only("نصف مليون دولار"), money("نصف مليون دولار", 500_000.0, Some("USD"), "دولار"));
    }

    #[test]
    fn percentages_in_signs_and_words() {
        let percent = |span, value| amount(span, Label::PERCENT, value, None, None);
        assert_eq!(only("ارتفع 5%"), percent("5%", 5.0));
        assert_eq!(only("ارتفع 12.5 ٪"), percent("12.5 ٪", 12.5));
        assert_eq!(only("ارتفع ٣٠٪"), percent("٣٠٪", 30.0));
        assert_eq!(only("نحو 40 في المئة من"), percent("40 في المئة", 40.0));
        assert_eq!(only("نحو 40 في المائة من"), percent("40 في المائة", 40.0));
        assert_eq!(only("و20 بالمئة"), percent("20 بالمئة", 20.0));
        assert_eq!(only("عشرين بالمائة"), percent("عشرين بالمائة", 20.0));
    }

    #[test]
    fn counts_of_things_with_their_singular() {
        let quantity = |span, value, unit| amount(span, Label::QUANTITY, value, None, Some(unit));
        assert_eq!(only("نحو 2500 عنصر من القوات"), quantity("2500 عنصر", 2500.0, "عنصر"));
        assert_eq!(only("زيارة مدتها أربعة أيام إلى"), quantity("أربعة أيام", 4.0, "يوم"));
        assert_eq!(only("قتل 12 شخصاً"), quantity("12 شخصاً", 12.0, "شخص"));
        assert_eq!(only("نشر ثلاثة آلاف جندي"), quantity("ثلاثة آلاف جندي", 3000.0, "جندي"));
        assert_eq!(only("بعد 15 طائرةً"), quantity("15 طائرةً", 15.0, "طائرة"));
        assert_eq!(only("قطع 30 كلم"), quantity("30 كلم", 30.0, "كيلومتر"));
        assert_eq!(found("واحدة من أكثر الصفحات"), []);
        assert_eq!(found("القرار 2334 الصادر"), []);
    }

    #[test]
    fn an_expression_starts_after_the_proclitics_of_its_first_word() {
        assert_eq!(only("وبعشرين بالمئة"), amount("عشرين بالمئة", Label::PERCENT, 20.0, None, None));
        assert_eq!(only("وفي العام 2017"), date("العام 2017", "2017"));
    }
}
