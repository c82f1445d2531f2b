//! Overlapping finds settled by precedence: recognisers run in order, and
//! where their finds overlap the earlier one keeps its find.

use crate::Mention;
use std::collections::BTreeMap;

/// Keeps the mentions that do not overlap one already kept, taking the
/// groups in order of precedence and, within a group, longer spans first.
pub(crate) fn settle(groups: Vec<Vec<Mention>>) -> Vec<Mention> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Label;

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
}
