//! Rules over the model's spans, from what it cannot see token by token:
//! one type for a name throughout a document, a name found once found where
//! it recurs, listed organisations whole, and no common word at the end of a
//! person's name.

use super::tags::TYPES;
use crate::features::{self, flag, TokenInfo};
use crate::Label;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// A name starts and ends with a word: punctuation the model took in at an
/// edge (an opening quotation mark before `العليمي`) is left out.
pub(super) fn trim_punctuation(found: &mut Vec<(Range<usize>, Label)>, tokens: &[TokenInfo]) {
    let edge = |i: usize| tokens[i].is_punctuation() || tokens[i].is_symbol();
    for (range, _) in found.iter_mut() {
        while range.start < range.end && edge(range.start) {
            range.start += 1;
        }
        while range.start < range.end && edge(range.end - 1) {
            range.end -= 1;
        }
    }
    found.retain(|(range, _)| !range.is_empty());
}

/// One type for a name throughout a document: where the mentions of the
/// same words carry different types, each takes the type most of them carry
/// (a tie leaves them as they are).
pub(super) fn consistent_labels(found: &mut [(Range<usize>, Label)], tokens: &[TokenInfo]) {
    let type_index = |label: Label| TYPES.iter().position(|&t| t == label).expect("a type of the model");
    let mut votes: FxHashMap<u32, [u32; TYPES.len()]> = FxHashMap::default();
    for (range, label) in found.iter() {
        votes.entry(features::name_hash(&tokens[range.clone()])).or_default()[type_index(*label)] += 1;
    }
    for (range, label) in found.iter_mut() {
        let counts = votes[&features::name_hash(&tokens[range.clone()])];
        let most = *counts.iter().max().expect("four types");
        if counts[type_index(*label)] < most && counts.iter().filter(|&&c| c == most).count() == 1 {
            *label = TYPES[counts.iter().position(|&c| c == most).expect("the maximum is there")];
        }
    }
}

/// A name the model found somewhere in the document is that name where it
/// recurs untagged: the same words (the first as lists spell it, so `وبغداد`
/// recurs as `بغداد`) take the label it carries, where no found span overlaps
/// them. A name of one word that is a common one (`الأهلي` the adjective) is
/// left where the model left it.
pub(super) fn propagate_names(found: &mut Vec<(Range<usize>, Label)>, tokens: &[TokenInfo]) {
    // The names found, by the hash of their first word's lemma: (name hash, words, label).
    let mut names: FxHashMap<u32, Vec<(u32, usize, Label)>> = FxHashMap::default();
    for (range, label) in found.iter() {
        if range.len() == 1 && tokens[range.start].is_common_word() {
            continue;
        }
        let entry = names.entry(tokens[range.start].lemma_hash()).or_default();
        let name = (features::name_hash(&tokens[range.clone()]), range.len(), *label);
        if !entry.iter().any(|&(hash, n, _)| hash == name.0 && n == name.1) {
            entry.push(name);
        }
    }
    if names.is_empty() {
        return;
    }
    let mut added = Vec::new();
    let (mut next, mut i) = (0, 0);
    while i < tokens.len() {
        while next < found.len() && found[next].0.end <= i {
            next += 1;
        }
        if found.get(next).is_some_and(|(r, _)| r.start <= i) {
            i = found[next].0.end;
            continue;
        }
        let free_until = found.get(next).map_or(tokens.len(), |(r, _)| r.start);
        let longest = names.get(&tokens[i].lemma_hash()).and_then(|candidates| {
            candidates
                .iter()
                .filter(|&&(hash, n, _)| i + n <= free_until && features::name_hash(&tokens[i..i + n]) == hash)
                .max_by_key(|&&(_, n, _)| n)
                .copied()
        });
        match longest {
            Some((_, n, label)) => {
                added.push((i..i + n, label));
                i += n;
            }
            None => i += 1,
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|(r, _)| r.start);
    }
}

/// Organisations of two words or more that the lists name whole (فيلق
/// القدس، الحشد الشعبي) are taken whole where the model found no
/// organisation in them and nothing reaching outside them: trained on 2007
/// news, it may see only the place inside one, or nothing.
pub(super) fn listed_organisations(found: &mut Vec<(Range<usize>, Label)>, tokens: &[TokenInfo]) {
    let mut start = 0;
    while start < tokens.len() {
        if tokens[start].phrase_begin() & flag::NAMES != flag::ORGANISATION {
            start += 1;
            continue;
        }
        let end = start + 1 + tokens[start + 1..].iter().take_while(|t| t.phrase_inside() & flag::ORGANISATION != 0).count();
        let inside = |r: &Range<usize>| r.start < end && start < r.end;
        // An organisation the model found in part (حماس of حركة حماس) is left
        // as it is: ANERcorp often tags a name without its head.
        let kept = found.iter().any(|(r, label)| inside(r) && (r.start < start || r.end > end || *label == Label::ORG));
        if end - start >= 2 && !kept {
            found.retain(|(r, _)| r.end <= start || r.start >= end);
            let at = found.partition_point(|(r, _)| r.start < start);
            found.insert(at, (start..end, Label::ORG));
        }
        start = end;
    }
}

/// A person's name does not end in a common word (`عزت أبو عوف برنامجا`):
/// the model runs on into it where it has not seen the word in training.
/// Names of organisations and places do end in common words (`البنك التجاري`).
pub(super) fn trim_common_endings(found: &mut [(Range<usize>, Label)], tokens: &[TokenInfo]) {
    for (range, label) in found.iter_mut() {
        if *label == Label::PER && range.len() >= 2 && tokens[range.end - 1].is_common_word() {
            range.end -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Vocabulary;

    #[test]
    fn names_of_persons_lose_a_common_last_word() {
        use features::{hash_word, Frequencies, DICTIONARY_WORD};
        let class = |word: &str, class: u8| (Frequencies::fingerprint(hash_word(word)), class);
        let frequencies = Frequencies::new([
            class("برنامجا", 10 | DICTIONARY_WORD),
            class("حسني", 10 | DICTIONARY_WORD),
            class("مقنع", 14 | DICTIONARY_WORD),
            class("عزت", 12),
        ]);
        // حسني is a family name too; مقنع is in the dictionary but rare.
        let vocabulary = Vocabulary::new([(hash_word("حسني"), flag::FAMILY_NAME)]).with_frequencies(frequencies);
        let mut tokens = Vec::new();
        features::analyse(&["عزت", "برنامجا", "عزت", "حسني", "عزت", "مقنع", "برنامجا"], &vocabulary, &mut tokens);
        let mut found = vec![(0..2, Label::PER), (2..4, Label::PER), (4..6, Label::PER), (6..7, Label::PER)];
        trim_common_endings(&mut found, &tokens);
        assert_eq!(found, [(0..1, Label::PER), (2..4, Label::PER), (4..6, Label::PER), (6..7, Label::PER)]);
        let mut found = vec![(0..2, Label::ORG)];
        trim_common_endings(&mut found, &tokens);
        assert_eq!(found, [(0..2, Label::ORG)], "organisations end in common words");
    }

    #[test]
    fn names_start_and_end_with_a_word() {
        let mut tokens = Vec::new();
        features::analyse(&["قال", "“", "العليمي", "”", "(", "بغداد", ".", "U", ".", "S", "«", "»"], &Vocabulary::new([]), &mut tokens);
        let mut found = vec![(1..3, Label::PER), (4..7, Label::LOC), (7..10, Label::LOC), (10..12, Label::MISC)];
        trim_punctuation(&mut found, &tokens);
        assert_eq!(found, [(2..3, Label::PER), (5..6, Label::LOC), (7..10, Label::LOC)]);
    }

    #[test]
    fn a_name_keeps_the_type_most_of_its_mentions_have() {
        let vocabulary = Vocabulary::new([]);
        let mut tokens = Vec::new();
        features::analyse(&["اوستن", "في", "اوستن", "و", "اوستن", "باريس", "باريس"], &vocabulary, &mut tokens);
        let mut found = vec![(0..1, Label::PER), (2..3, Label::ORG), (4..5, Label::PER), (5..6, Label::LOC), (6..7, Label::PER)];
        consistent_labels(&mut found, &tokens);
        let labels: Vec<Label> = found.iter().map(|(_, l)| *l).collect();
        assert_eq!(labels, [Label::PER, Label::PER, Label::PER, Label::LOC, Label::PER], "a tie changes nothing");
    }

    #[test]
    fn a_name_found_once_is_found_where_it_recurs_untagged() {
        use features::{hash_word, Frequencies, DICTIONARY_WORD};
        let frequencies = Frequencies::new([(Frequencies::fingerprint(hash_word("الاهلي")), 9 | DICTIONARY_WORD)]);
        // نفط is known as written (a training name), so ونفط is و + نفط.
        let vocabulary = Vocabulary::new([(hash_word("نفط"), flag::KNOWN)]).with_frequencies(frequencies);
        let mut tokens = Vec::new();
        let words = ["نفط", "ميسان", "فاز", "على", "الاهلي", "ثم", "ونفط", "ميسان", "و", "الاهلي", "نفط"];
        features::analyse(&words, &vocabulary, &mut tokens);
        // نفط ميسان recurs with a proclitic; الأهلي is a common word alone; نفط
        // alone is no name found; a span the model found stays as it is.
        let mut found = vec![(0..2, Label::ORG), (4..5, Label::ORG), (7..8, Label::LOC)];
        propagate_names(&mut found, &tokens);
        assert_eq!(found, [(0..2, Label::ORG), (4..5, Label::ORG), (7..8, Label::LOC)], "ونفط overlaps a found span");
        let mut found = vec![(0..2, Label::ORG), (4..5, Label::ORG)];
        propagate_names(&mut found, &tokens);
        assert_eq!(found, [(0..2, Label::ORG), (4..5, Label::ORG), (6..8, Label::ORG)]);
    }

    #[test]
    fn a_listed_organisation_is_taken_whole_unless_the_model_found_one_in_it() {
        use features::{flag, hash_phrase, hash_word};
        let vocabulary = Vocabulary::new([
            (hash_word("فيلق"), flag::PREFIX),
            (hash_phrase(["فيلق", "القدس"]), flag::ORGANISATION),
            (hash_word("القدس"), flag::LOCATION),
        ]);
        let mut tokens = Vec::new();
        features::analyse(&["قائد", "فيلق", "القدس", "في", "القدس"], &vocabulary, &mut tokens);
        let settle = |mut found: Vec<(Range<usize>, Label)>| {
            listed_organisations(&mut found, &tokens);
            found
        };
        assert_eq!(settle(vec![(2..3, Label::LOC), (4..5, Label::LOC)]), [(1..3, Label::ORG), (4..5, Label::LOC)]);
        assert_eq!(settle(vec![]), [(1..3, Label::ORG)]);
        assert_eq!(settle(vec![(2..3, Label::ORG)]), [(2..3, Label::ORG)], "an organisation found in part stays");
        assert_eq!(settle(vec![(0..2, Label::PER)]), [(0..2, Label::PER)], "a span reaching outside stays");
    }
}
