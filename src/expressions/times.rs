//! Times of day: الساعة الثالثة بعد الظهر، 3:30 مساءً، 14:00 بتوقيت غرينتش.
//!
//! Values are ISO 8601 times, `15:30`, with the zone's offset when one is
//! named (`14:00Z`). An hour without a part of the day stays as written.

use super::numbers::digits;
use super::tables::DayPeriod;
use super::{is_mark, text_from, word_start, Cue, Expressions, Found};
use crate::mention::Detail;
use crate::mention::{Label, Value};
use crate::Document;

impl Expressions {
    /// The time at token `i`, its first word read from byte `from`: an hour
    /// after الساعة, or a clock time (digits with a colon), or digits with a
    /// part of the day (3 مساء).
    pub(super) fn time_at(&self, doc: &Document, i: usize, from: usize) -> Option<Found> {
        let (mut t, mut at) = (i, from);
        let hour_word = matches!(self.cues.at(doc, t, at), Some((Cue::Hour, _)));
        if hour_word {
            t += 1;
            at = word_start(doc, t)?;
        }
        let mut minute = 0;
        let mut clock = false;
        let word = text_from(doc, t, at);
        let mut hour = if let Some(d) = digits(word).filter(|d| d.whole && d.len == word.len() && d.value <= 24.0) {
            t += 1;
            let minutes = doc.tokens.get(t + 1).map(|token| doc.word(token));
            if let Some(m) = minutes.filter(|_| is_mark(doc, t, ":")).and_then(digits) {
                if m.whole && m.whole_digits == 2 && m.value < 60.0 {
                    minute = m.value as u32;
                    clock = true;
                    t += 2;
                }
            }
            d.value as u32
        } else if hour_word {
            let (mut hour, n) = self.hours.at(doc, t, at)?;
            t += n;
            if let Some((fraction, n)) = word_start(doc, t).and_then(|s| self.hour_fractions.at(doc, t, s)) {
                if fraction < 0 {
                    hour = (hour + 11) % 12;
                }
                minute = fraction.rem_euclid(60) as u32;
                t += n;
            }
            hour
        } else {
            return None;
        };
        let period = word_start(doc, t).and_then(|s| {
            self.day_periods.at(doc, t, s).or_else(|| clock.then(|| self.day_period_marks.at(doc, t, s)).flatten())
        });
        if let Some((period, n)) = period {
            hour = on_the_clock(hour, period);
            t += n;
        } else if !hour_word && !clock {
            return None;
        }
        let mut zone = "";
        if let Some((offset, n)) = word_start(doc, t).and_then(|s| self.time_zones.at(doc, t, s)) {
            zone = offset;
            t += n;
        }
        let value = format!("{hour:02}:{minute:02}{zone}");
        Some(Found::new(doc, from, t, Label::TIME, Some(Value::Text(value)), Detail::default()))
    }
}

/// The 24-hour hour of a 12-hour one said with a part of the day.
fn on_the_clock(hour: u32, period: DayPeriod) -> u32 {
    match period {
        DayPeriod::Morning if hour == 12 => 0,
        DayPeriod::Noon if hour < 6 => hour + 12,
        DayPeriod::Afternoon if hour < 12 => hour + 12,
        DayPeriod::Night if (6..12).contains(&hour) => hour + 12,
        _ => hour,
    }
}
