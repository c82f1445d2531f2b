//! Quotes: the words between quotation marks and who said them.
//!
//! This runs after the mentions are settled, since a speaker is a mention.
//! News attributes a quote with a speech verb (قال، أكد، أضاف، مشيراً …) and
//! its subject, before the quote or right after it:
//! - a subject that is a mention (a person, an organisation, a place) speaks;
//! - a subject that is a title alone (الوزيرة، الوزير الأميركي) is, of the
//!   people named with that title before, the one mentioned last (as that mention);
//! - a subject that is a word of a person named earlier (أوستن after
//!   لويد أوستن) speaks even if no recogniser tagged it: it is added as a PER mention;
//! - a verb without a subject (وأضاف “…”، مشيراً إلى “…”) continues the last speaker.
//!
//! A short quote (three words or fewer) that the sentence runs on after
//! (“تعزيز وتوسيع” الشراكة) marks a phrase, not speech: it has no speaker.

use crate::cues::{title_of, SOURCE_WORDS, SPEECH_VERBS};
use crate::tokens::TokenKind;
use crate::{Document, Label, Mention};
use std::ops::Range;

/// Opening and closing marks; a mark that does both (") pairs with the next one.
const MARKS: [(char, char); 4] = [('“', '”'), ('«', '»'), ('‹', '›'), ('"', '"')];

/// Quotes of this many words or fewer that the sentence runs on after are phrases, not speech.
const SCARE_QUOTE_WORDS: usize = 3;

/// How far back a title or a bare name looks for the person it stands for:
/// this many people, among this many times as many mentions. Articles name
/// far fewer; the bound keeps megabytes of text linear.
const LOOKBACK_PEOPLE: usize = 64;
const LOOKBACK_MENTIONS: usize = 8 * LOOKBACK_PEOPLE;

/// The people mentioned before byte `at`, nearest first, within the look-back.
fn people_before(mentions: &[Mention], at: usize) -> impl Iterator<Item = &Mention> {
    mentions[..mentions.partition_point(|m| m.span.start < at)]
        .iter()
        .rev()
        .take(LOOKBACK_MENTIONS)
        .filter(move |m| m.label == Label::PER && m.span.end <= at)
        .take(LOOKBACK_PEOPLE)
}

/// Words that end a subject (folded).
const NOT_SUBJECT: &[&str] = &["ان", "انه", "انها", "الذي", "التي", "ايضا", "اليوم", "امس"];

/// A quotation found in the folded text: the quoted words and the span of
/// its speaker's mention, both as byte ranges of the folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteSpan {
    pub span: Range<usize>,
    pub speaker: Option<Range<usize>>,
}

/// Finds the quotes of `doc` and their speakers among the settled `mentions`
/// (sorted, not overlapping), adding the bare names it recognises as speakers.
pub(crate) fn find(doc: &Document, mentions: &mut Vec<Mention>) -> Vec<QuoteSpan> {
    let quotes = quotations(doc.text.as_str());
    let mut found = Vec::with_capacity(quotes.len());
    let mut next_quote = quotes.iter().peekable();
    let mut last_speaker: Option<Range<usize>> = None;
    // The speech verb of the sentence so far, with its subject if it has one.
    let mut verb: Option<Option<Range<usize>>> = None;
    let mut t = 0;
    while t < doc.tokens.len() {
        if let Some(quote) = next_quote.next_if(|q| q.open <= doc.tokens[t].word.start) {
            let close = token_at(doc, quote.close);
            let speaker = if is_scare_quote(doc, quote, close) {
                None
            } else if let Some(subject) = &verb {
                subject.clone().or_else(|| last_speaker.clone())
            } else {
                speaker_after(doc, close, mentions).and_then(|subject| subject.or_else(|| last_speaker.clone()))
            };
            if speaker.is_some() {
                last_speaker.clone_from(&speaker);
            }
            found.push(QuoteSpan { span: quote.inner.clone(), speaker });
            t = close + 1;
            continue;
        }
        if ends_sentence(doc, t) {
            verb = None;
        }
        if is_speech_verb(doc.word(&doc.tokens[t])) {
            let subject = subject_after(doc, t, mentions);
            if subject.is_some() {
                last_speaker.clone_from(&subject);
            }
            verb = Some(subject);
        }
        t += 1;
    }
    found
}

/// A pair of quotation marks: the byte offsets of the marks and the words between them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Quotation {
    open: usize,
    close: usize,
    inner: Range<usize>,
}

/// Pairs quotation marks within each paragraph; a quote inside a quote belongs to the outer one.
fn quotations(text: &str) -> Vec<Quotation> {
    let mut found = Vec::new();
    // The open quote: its mark's offset, the closing mark awaited and the nesting depth.
    let mut open: Option<(usize, char, char, usize)> = None;
    for (at, c) in mark_offsets(text.as_bytes()).map(|at| (at, text[at..].chars().next().expect("a character starts here"))) {
        match open {
            _ if c == '\n' => open = None,
            None => {
                if let Some(&(opening, closing)) = MARKS.iter().find(|(o, _)| *o == c) {
                    open = Some((at, opening, closing, 1));
                }
            }
            Some((start, opening, closing, depth)) => {
                if c == closing && depth == 1 {
                    let inner = start + opening.len_utf8()..at;
                    let trimmed = trim(text, inner);
                    if !trimmed.is_empty() {
                        found.push(Quotation { open: start, close: at, inner: trimmed });
                    }
                    open = None;
                } else if c == closing {
                    open = Some((start, opening, closing, depth - 1));
                } else if c == opening {
                    open = Some((start, opening, closing, depth + 1));
                }
            }
        }
    }
    found
}

/// Where the line breaks and quotation marks of UTF-8 `text` may start: at
/// one of these bytes (« » start with C2, “ ” ‹ › with E2). The rest is
/// skipped eight bytes at a time, without decoding: most words have none.
fn mark_offsets(text: &[u8]) -> impl Iterator<Item = usize> + '_ {
    const STARTS: [u8; 4] = [b'\n', b'"', 0xC2, 0xE2];
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Whether a byte of `chunk` is `b`: whether `chunk ^ b…b` has a zero byte.
    let has = |chunk: u64, b: u8| {
        let x = chunk ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & ONES << 7 != 0
    };
    let may_have_one = move |chunk: &[u8]| match <[u8; 8]>::try_from(chunk) {
        Ok(bytes) => STARTS.iter().any(|&b| has(u64::from_le_bytes(bytes), b)),
        Err(_) => true,
    };
    text.chunks(8).enumerate().filter(move |(_, chunk)| may_have_one(chunk)).flat_map(|(n, chunk)| {
        chunk.iter().enumerate().filter(|(_, b)| STARTS.contains(b)).map(move |(i, _)| n * 8 + i)
    })
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let inner = &text[range.clone()];
    let start = range.start + (inner.len() - inner.trim_start().len());
    let end = range.end - (inner.len() - inner.trim_end().len());
    start..end.max(start)
}

/// The index of the token that starts at or after byte `at`.
fn token_at(doc: &Document, at: usize) -> usize {
    doc.tokens.partition_point(|t| t.word.start < at)
}

/// A short quote the sentence runs on after is a phrase in scare quotes.
fn is_scare_quote(doc: &Document, quote: &Quotation, close: usize) -> bool {
    let words = doc.tokens[token_at(doc, quote.inner.start)..close].iter().filter(|t| t.kind != TokenKind::Punctuation).count();
    let runs_on = doc.tokens.get(close + 1).is_some_and(|t| t.kind == TokenKind::Arabic && !breaks_line(doc, close + 1));
    words <= SCARE_QUOTE_WORDS && runs_on
}

/// Whether token `t` starts a new sentence.
fn ends_sentence(doc: &Document, t: usize) -> bool {
    matches!(doc.word(&doc.tokens[t]), "." | "!" | "?" | "؟" | "؛" | ";") || breaks_line(doc, t)
}

/// Whether a line break comes between token `t` and the one before it.
fn breaks_line(doc: &Document, t: usize) -> bool {
    let before = if t == 0 { 0 } else { doc.tokens[t - 1].word.end };
    doc.text.as_str().as_bytes()[before..doc.tokens[t].word.start].contains(&b'\n')
}

/// The word without a leading و or ف, where that leaves a listed word.
fn without_conjunction<'w>(word: &'w str, list: &[&str]) -> Option<&'w str> {
    if list.contains(&word) {
        return Some(word);
    }
    crate::tokens::after_conjunction(word).filter(|rest| list.contains(rest))
}

fn is_speech_verb(word: &str) -> bool {
    // Asked of every token: a set, not a scan of the list.
    static VERBS: std::sync::OnceLock<crate::phrases::WordSet<&str>> = std::sync::OnceLock::new();
    let verbs = VERBS.get_or_init(|| SPEECH_VERBS.iter().copied().collect());
    verbs.contains(word) || crate::tokens::after_conjunction(word).is_some_and(|rest| verbs.contains(rest))
}

fn is_definite(word: &str) -> bool {
    word.starts_with("ال") && !NOT_SUBJECT.contains(&word)
}

/// After a quote: [،] a speech verb and its subject, or بحسب and a mention.
/// `Some(None)` is a verb without a subject, which continues the last speaker.
fn speaker_after(doc: &Document, close: usize, mentions: &mut Vec<Mention>) -> Option<Option<Range<usize>>> {
    let mut t = close + 1;
    while doc.tokens.get(t).is_some_and(|token| matches!(doc.word(token), "،" | ",")) {
        t += 1;
    }
    if t >= doc.tokens.len() || breaks_line(doc, t) {
        return None;
    }
    let word = doc.word(&doc.tokens[t]);
    if is_speech_verb(word) {
        return Some(subject_after(doc, t, mentions));
    }
    if without_conjunction(word, SOURCE_WORDS).is_some() {
        return mention_at(doc, t + 1, mentions).filter(|m| is_speaker(m.label)).map(|m| Some(m.span.clone()));
    }
    None
}

fn is_speaker(label: Label) -> bool {
    matches!(label, Label::PER | Label::ORG | Label::LOC)
}

/// The mention that starts in token `t`.
fn mention_at<'m>(doc: &Document, t: usize, mentions: &'m [Mention]) -> Option<&'m Mention> {
    let word = &doc.tokens.get(t)?.word;
    let i = mentions.partition_point(|m| m.span.start < word.start);
    mentions.get(i).filter(|m| m.span.start < word.end)
}

/// The subject right after the speech verb at token `verb`: a mention, a
/// word of a person named before, or a title alone; skipping a title's own
/// words before a name (أكد رئيس الوزراء العراقي محمد شياع السوداني).
fn subject_after(doc: &Document, verb: usize, mentions: &mut Vec<Mention>) -> Option<Range<usize>> {
    let mut t = verb + 1;
    let mut title: Option<Range<usize>> = None;
    while t < doc.tokens.len() && t <= verb + 6 && !breaks_line(doc, t) {
        if let Some(mention) = mention_at(doc, t, mentions) {
            if is_speaker(mention.label) {
                return Some(mention.span.clone());
            }
            // An expression between verb and subject: وقال الثلاثاء أوستن.
            t = token_at(doc, mention.span.end);
            continue;
        }
        if let Some(name) = known_name(doc, t, mentions) {
            return Some(name);
        }
        let word = doc.word(&doc.tokens[t]);
        if title_of(word).is_some() {
            title = Some(title.map_or(t..t + 1, |r| r.start..t + 1));
        } else if title.is_some() && is_definite(word) {
            title = title.map(|r| r.start..t + 1);
        } else {
            break;
        }
        t += 1;
    }
    title.and_then(|title| titled_person(doc, title, mentions))
}

/// A name at token `t` made of words of a person mentioned before it (the
/// family name after the full name): added to `mentions` as PER.
fn known_name(doc: &Document, t: usize, mentions: &mut Vec<Mention>) -> Option<Range<usize>> {
    let start = doc.tokens[t].word.start;
    let text = doc.text.as_str();
    let person = people_before(mentions, start).find(|m| is_name_word(doc.word(&doc.tokens[t]), &text[m.span.clone()]))?;
    let name = &text[person.span.clone()];
    let mut end = t + 1;
    while end < doc.tokens.len() && mention_at(doc, end, mentions).is_none() && is_name_word(doc.word(&doc.tokens[end]), name) {
        end += 1;
    }
    let span = start..doc.tokens[end - 1].word.end;
    let at = mentions.partition_point(|m| m.span.start < span.start);
    let clashes = (at > 0 && mentions[at - 1].span.end > span.start) || mentions.get(at).is_some_and(|m| m.span.start < span.end);
    if clashes {
        return None;
    }
    mentions.insert(at, Mention::new(span.clone(), Label::PER));
    Some(span)
}

/// Whether `word` is one of the words of `name`, and long enough to be a name.
fn is_name_word(word: &str, name: &str) -> bool {
    word.chars().count() >= 3 && title_of(word).is_none() && name.split(' ').any(|w| w == word)
}

/// The person a title alone refers to (الوزير الأميركي matches وزير الدفاع
/// الأميركي لويد أوستن): of the people named with that title before, the one
/// mentioned last, as that latest mention.
fn titled_person(doc: &Document, title: Range<usize>, mentions: &[Mention]) -> Option<Range<usize>> {
    let head = title_of(doc.word(&doc.tokens[title.start]))?;
    let complements: Vec<&str> = doc.tokens[title.start + 1..title.end].iter().map(|t| doc.word(t)).collect();
    let before = doc.tokens[title.start].word.start;
    let text = doc.text.as_str();
    let titled: Vec<Vec<&str>> = people_before(mentions, before)
        .filter(|m| {
            let words = title_before(doc, token_at(doc, m.span.start));
            words.first().and_then(|w| title_of(w)) == Some(head) && complements.iter().all(|c| words.contains(c))
        })
        .map(|m| text[m.span.clone()].split(' ').collect())
        .collect();
    // One person when the words of one name are all words of the other (أوستن، لويد أوستن).
    let same_person = |words: &[&str], name: &[&str]| words.iter().all(|w| name.contains(w)) || name.iter().all(|w| words.contains(w));
    people_before(mentions, before).find(|m| {
        let words: Vec<&str> = text[m.span.clone()].split(' ').collect();
        titled.iter().any(|name| same_person(&words, name))
    })
    .map(|m| m.span.clone())
}

/// The title a name at token `t` was given right before it: the title word
/// and its complements (وزير الدفاع الأميركي), or nothing.
fn title_before<'d>(doc: &'d Document, t: usize) -> Vec<&'d str> {
    let mut first = t;
    while first > 0 && t - first < 5 {
        let word = doc.word(&doc.tokens[first - 1]);
        if title_of(word).is_some() {
            return doc.tokens[first - 1..t].iter().map(|token| doc.word(token)).collect();
        }
        if !is_definite(word) {
            break;
        }
        first -= 1;
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_offsets_are_every_byte_a_break_or_a_mark_starts_with() {
        let pieces = ["", "a", "قال", "\n", "\"", "«", "»", "“", "”", "‹", "›", "é", "😀", "abcdefgh", "ابجد"];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b} {c}{a}{c}{b}");
                    let expected: Vec<usize> =
                        text.bytes().enumerate().filter(|(_, b)| matches!(b, b'\n' | b'"' | 0xC2 | 0xE2)).map(|(at, _)| at).collect();
                    assert_eq!(mark_offsets(text.as_bytes()).collect::<Vec<_>>(), expected, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn marks_start_with_the_bytes_quotations_look_for() {
        for c in MARKS.iter().flat_map(|&(open, close)| [open, close]) {
            assert!(matches!(c.to_string().as_bytes()[0], b'"' | 0xC2 | 0xE2), "{c}");
        }
    }

    /// The quotes of `text` given its people, as (quoted text, speaker text),
    /// and the people's mentions afterwards.
    fn quotes(text: &str, people: &[&str]) -> (Vec<(String, Option<String>)>, Vec<String>) {
        let doc = Document::new(text);
        let folded = doc.text.as_str();
        let mut mentions: Vec<Mention> = Vec::new();
        for person in people {
            let name = crate::text::Normalized::new(person);
            for (at, _) in folded.match_indices(name.as_str()) {
                mentions.push(Mention::new(at..at + name.as_str().len(), Label::PER));
            }
        }
        mentions.sort_by_key(|m| m.span.start);
        let found = find(&doc, &mut mentions);
        let original = |span: Range<usize>| text[doc.text.original_range(span)].to_string();
        let found = found.into_iter().map(|q| (original(q.span), q.speaker.map(original))).collect();
        (found, mentions.into_iter().map(|m| original(m.span)).collect())
    }

    fn said(quote: &str, speaker: Option<&str>) -> (String, Option<String>) {
        (quote.to_string(), speaker.map(str::to_string))
    }

    #[test]
    fn word_lists_are_written_folded() {
        for word in SPEECH_VERBS.iter().chain(SOURCE_WORDS).chain(crate::cues::TITLES).chain(NOT_SUBJECT) {
            assert_eq!(crate::text::Normalized::new(word).as_str(), *word);
        }
    }

    #[test]
    fn marks_pair_within_a_paragraph_and_nest() {
        let text = "أ «ب “ج” د» هـ \"و\" ز ‹ح› “غير مغلق\nط";
        let spans: Vec<&str> = quotations(text).into_iter().map(|q| &text[q.inner]).collect();
        assert_eq!(spans, ["ب “ج” د", "و", "ح"]);
    }

    #[test]
    fn a_speech_verb_before_the_quote_gives_its_subject() {
        let (found, _) = quotes("وقال سامي نادر للصحافيين «الوضع صعب جدا هذه الأيام».", &["سامي نادر"]);
        assert_eq!(found, [said("الوضع صعب جدا هذه الأيام", Some("سامي نادر"))]);
    }

    #[test]
    fn a_verb_without_a_subject_continues_the_last_speaker() {
        let text = "أكدت ليلى حداد “الخطة جاهزة للتنفيذ منذ الشهر الماضي”، مشيرةً إلى “تمويل كافٍ للمرحلة الأولى كلها”. وأضافت «نحن مستعدون للحوار مع الجميع».";
        let (found, _) = quotes(text, &["ليلى حداد"]);
        let speaker = Some("ليلى حداد");
        assert_eq!(
            found,
            [
                said("الخطة جاهزة للتنفيذ منذ الشهر الماضي", speaker),
                said("تمويل كافٍ للمرحلة الأولى كلها", speaker),
                said("نحن مستعدون للحوار مع الجميع", speaker)
            ]
        );
    }

    #[test]
    fn a_title_alone_is_the_person_last_mentioned_among_those_named_with_it() {
        let text = "التقى وزير الخارجية الفرنسي جان لوك نظيره وزير الخارجية الألماني هانز مولر. \
                    وقال الوزير الفرنسي “اللقاء كان مثمرا وصريحا للغاية”. وقالت وزيرة الصحة سلمى راشد إن الوضع مستقر. \
                    وقالت الوزيرة “لا داعي للقلق من الوباء حاليا”.";
        let (found, _) = quotes(text, &["جان لوك", "هانز مولر", "سلمى راشد"]);
        assert_eq!(
            found,
            [said("اللقاء كان مثمرا وصريحا للغاية", Some("جان لوك")), said("لا داعي للقلق من الوباء حاليا", Some("سلمى راشد"))]
        );
    }

    #[test]
    fn a_word_of_a_person_named_before_is_a_speaker_and_becomes_a_mention() {
        let text = "استقبل الرئيس كريم سالم الوفد. وقال سالم “سنواصل العمل معا من أجل السلام”.";
        let (found, people) = quotes(text, &["كريم سالم"]);
        assert_eq!(found, [said("سنواصل العمل معا من أجل السلام", Some("سالم"))]);
        assert_eq!(people, ["كريم سالم", "سالم"]);
    }

    #[test]
    fn a_speech_verb_after_the_quote() {
        let (found, _) = quotes("“سنعود قريبا إلى طاولة المفاوضات”، قال مازن عباس.", &["مازن عباس"]);
        assert_eq!(found, [said("سنعود قريبا إلى طاولة المفاوضات", Some("مازن عباس"))]);
        let (found, _) = quotes("«الأسعار سترتفع مجددا هذا العام» بحسب مازن عباس.", &["مازن عباس"]);
        assert_eq!(found, [said("الأسعار سترتفع مجددا هذا العام", Some("مازن عباس"))]);
    }

    #[test]
    fn short_quotes_inside_a_sentence_are_phrases_without_a_speaker() {
        let (found, _) = quotes("قال مازن عباس إن الحكومة تدعو إلى “حوار شامل” بين الأطراف.", &["مازن عباس"]);
        assert_eq!(found, [said("حوار شامل", None)]);
        let (found, _) = quotes("– “مصالح مشتركة” –\nاجتمع الطرفان.", &[]);
        assert_eq!(found, [said("مصالح مشتركة", None)]);
    }

    #[test]
    fn a_quote_with_no_verb_and_no_speaker_before_has_none() {
        let (found, _) = quotes("وصل الوفد. “الرحلة كانت طويلة ومتعبة جدا”.", &[]);
        assert_eq!(found, [said("الرحلة كانت طويلة ومتعبة جدا", None)]);
    }
}
