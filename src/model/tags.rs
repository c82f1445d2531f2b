//! The model's tags: O, then B- and I- for each type, and entity spans
//! read from a tag sequence as conlleval reads them.

use crate::Label;
use std::ops::Range;

/// Tags: O, then B- and I- for each type, in this order.
pub const TYPES: [Label; 4] = [Label::PER, Label::LOC, Label::ORG, Label::MISC];
pub const TAGS: usize = 1 + 2 * TYPES.len();
pub(super) const TAG_NAMES: [&str; TAGS] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

pub const OUTSIDE: u8 = 0;

/// The B- tag of a type.
pub fn begin(label: Label) -> u8 {
    1 + 2 * TYPES.iter().position(|&t| t == label).expect("a type of the model") as u8
}

/// The type of a B- or I- tag.
pub fn type_of(tag: u8) -> Option<Label> {
    (tag != OUTSIDE).then(|| TYPES[(tag as usize - 1) / 2])
}

fn is_inside(tag: u8) -> bool {
    tag != OUTSIDE && tag % 2 == 0
}

/// Whether `next` may follow `prev` (`None` at the start): an I- tag only
/// continues its own type.
pub(super) fn allowed(prev: Option<u8>, next: u8) -> bool {
    !is_inside(next) || prev.is_some_and(|p| p != OUTSIDE && type_of(p) == type_of(next))
}

/// Entity spans over tags, as conlleval reads them: an I- tag that does not
/// continue its type starts a span.
pub fn spans(tags: &[u8]) -> Vec<(Range<usize>, Label)> {
    let mut found: Vec<(Range<usize>, Label)> = Vec::new();
    for (i, &tag) in tags.iter().enumerate() {
        let Some(label) = type_of(tag) else { continue };
        match found.last_mut() {
            Some((range, last)) if is_inside(tag) && range.end == i && *last == label => range.end = i + 1,
            _ => found.push((i..i + 1, label)),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_stray_inside_tags_as_starts() {
        let tags = [0, 1, 2, 2, 0, 4, 4, 3, 3, 8, 2];
        let found = spans(&tags);
        assert_eq!(
            found,
            [(1..4, Label::PER), (5..7, Label::LOC), (7..8, Label::LOC), (8..9, Label::LOC), (9..10, Label::MISC), (10..11, Label::PER)]
        );
    }
}
