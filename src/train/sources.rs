//! What the vocabulary is built from: name lists, cue words, a word
//! frequency list, and the names of the training sentences themselves.

use super::{InputError, Sentence};
use crate::cues;
use crate::features::{self, flag, hash_phrase, hash_word, Vocabulary};
use crate::model;
use crate::text::Normalized;
use crate::tokens;
use std::collections::{BTreeMap, BTreeSet};

/// A list of names that training reads: each is its own bit of the
/// vocabulary, since the lists hold common words too, in different measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// Names of persons.
    Persons,
    /// Names of places.
    Places,
    /// Names of organisations.
    Organisations,
    /// Countries and territories.
    Countries,
    /// Given names of people.
    GivenNames,
    /// Family names of people.
    FamilyNames,
    /// Arabic spellings of (often foreign) names.
    TransliteratedNames,
    /// Cities.
    Cities,
    /// Sports clubs.
    Clubs,
}

impl List {
    /// Every list, by the name `alam train --list NAME=FILE` gives it.
    pub const NAMED: [(&'static str, List); 9] = [
        ("person", List::Persons),
        ("location", List::Places),
        ("organisation", List::Organisations),
        ("country", List::Countries),
        ("given", List::GivenNames),
        ("family", List::FamilyNames),
        ("transliterated", List::TransliteratedNames),
        ("city", List::Cities),
        ("club", List::Clubs),
    ];

    /// The list of that name in [`List::NAMED`].
    pub fn named(name: &str) -> Option<List> {
        List::NAMED.iter().find(|(n, _)| *n == name).map(|&(_, list)| list)
    }

    fn flag(self) -> u16 {
        match self {
            List::Persons => flag::PERSON,
            List::Places => flag::LOCATION,
            List::Organisations => flag::ORGANISATION,
            List::Countries => flag::COUNTRY,
            List::GivenNames => flag::GIVEN_NAME,
            List::FamilyNames => flag::FAMILY_NAME,
            List::TransliteratedNames => flag::TRANSLITERATED,
            List::Cities => flag::CITY,
            List::Clubs => flag::CLUB,
        }
    }
}

/// The name lists that `training/lexicons.py` writes, and the list each is;
/// beside them it writes [`FREQUENCY_FILE`].
pub const LIST_FILES: [(&str, List); 7] = [
    ("given-names.txt", List::GivenNames),
    ("family-names.txt", List::FamilyNames),
    ("transliterated-names.txt", List::TransliteratedNames),
    ("territories.txt", List::Countries),
    ("cities.txt", List::Cities),
    ("organisations.txt", List::Organisations),
    ("clubs.txt", List::Clubs),
];

/// The word frequency list that `training/lexicons.py` writes.
pub const FREQUENCY_FILE: &str = "frequencies.txt";

/// The sources of the vocabulary that the features read.
#[derive(Default)]
pub struct VocabularySources {
    /// (folded phrase, flag) from gazetteers and name lists.
    phrases: Vec<(String, u16)>,
    /// (fingerprint of the folded word, frequency class) from a frequency list.
    frequencies: Vec<(u32, u8)>,
}

impl VocabularySources {
    /// Adds one name per line (`=` separator lines are skipped) with `flag`.
    pub fn add_list(&mut self, text: &str, list: List) {
        for line in text.lines() {
            let line = line.trim();
            if !line.is_empty() && !line.starts_with('=') {
                self.add(line, list.flag());
            }
        }
    }

    /// Adds a frequency list: `word<TAB>centibels[<TAB>spelled]` lines as
    /// `training/lexicons.py` writes them from wordfreq, `spelled` being 1
    /// where a spelling dictionary knows the word and 0 where it does not.
    pub fn add_frequencies(&mut self, text: &str) -> Result<(), InputError> {
        for (n, line) in text.lines().enumerate() {
            let mut fields = line.split('\t');
            let (Some(word), Some(centibels)) = (fields.next(), fields.next()) else {
                return Err(InputError::at(n + 1, "no tab"));
            };
            let centibels: u32 = centibels.parse().map_err(|_| InputError::at(n + 1, "not a number"))?;
            let spelled = match fields.next() {
                None | Some("0") => 0,
                Some("1") => features::DICTIONARY_WORD,
                Some(other) => return Err(InputError::at(n + 1, format!("{other} is neither 0 nor 1"))),
            };
            let folded = Normalized::new(word);
            // Half decades (48 rather than 50 centibels: the classes the dev figures were tuned on).
            let class = (centibels / 48).min(u32::from(features::DICTIONARY_WORD - 1)) as u8;
            self.frequencies.push((features::Frequencies::fingerprint(hash_word(folded.as_str())), class | spelled));
        }
        Ok(())
    }

    /// Adds a name in any spelling.
    fn add(&mut self, name: &str, flag: u16) {
        let folded = Normalized::new(name);
        let text = folded.as_str();
        let words: Vec<&str> = tokens::tokenize(text).into_iter().map(|t| &text[t.word]).collect();
        if words.is_empty() {
            return;
        }
        let phrase = words.join(" ");
        // American is written أميركي (the Levant's and AFP's spelling) as
        // often as أمريكي (the Gulf's): a list in one spelling gets both.
        let other = if phrase.contains("امريك") {
            Some(phrase.replace("امريك", "اميرك"))
        } else if phrase.contains("اميرك") {
            Some(phrase.replace("اميرك", "امريك"))
        } else {
            None
        };
        self.phrases.extend(other.map(|p| (p, flag)));
        self.phrases.push((phrase, flag));
    }

    /// The built-in cue words ([`cues`]): nouns with and without the article.
    pub fn add_cues(&mut self) {
        let nouns = [
            (cues::TITLES, flag::TITLE),
            (cues::PERSON_WORDS, flag::TITLE),
            (cues::ORG_HEADS, flag::ORG_HEAD),
            (cues::LOC_HEADS, flag::LOC_HEAD),
        ];
        for (words, flag) in nouns {
            for word in words {
                self.phrases.push((word.to_string(), flag));
                self.phrases.push((format!("ال{word}"), flag));
            }
        }
        for word in cues::SPEECH_VERBS.iter().chain(cues::SOURCE_WORDS) {
            self.phrases.push((word.to_string(), flag::SPEECH));
        }
    }

    /// The vocabulary: every list entry and its prefixes; every word of the
    /// lists and every name the sentences tag is known as written (see
    /// [`known_names`]), and so are common words that would otherwise lose
    /// a first letter to a known name (`لدينا` is not ل + دينا).
    pub fn build<'a>(&self, sentences: impl Iterator<Item = &'a Sentence> + Clone) -> Vocabulary {
        let mut entries: Vec<(u32, u16)> = Vec::new();
        let mut known: BTreeSet<String> = known_names(sentences.clone());
        let common = common_words(sentences);
        for (phrase, flag) in &self.phrases {
            let words: Vec<&str> = phrase.split(' ').collect();
            // The name lists also hold common words (`زار` "visited" is a
            // name too): a word that the sentences leave outside names, and
            // never tag, loses its name-list bits.
            let flag = match words.as_slice() {
                [word] if common.contains(*word) => flag & !flag::NAME_LISTS,
                _ => *flag,
            };
            if flag != 0 {
                entries.push((hash_phrase(words.iter().copied()), flag));
            }
            for n in 1..words.len() {
                entries.push((hash_phrase(words[..n].iter().copied()), flag::PREFIX));
            }
            known.extend(words.iter().filter(|w| w.chars().count() > 2).map(|w| w.to_string()));
        }
        let split_wrongly: Vec<&str> = common
            .iter()
            .filter(|w| !known.contains(*w) && tokens::proclitic_runs(w).any(|n| known.contains(&w[n..])))
            .map(String::as_str)
            .collect();
        entries.extend(known.iter().map(|w| w.as_str()).chain(split_wrongly).map(|w| (hash_word(w), flag::KNOWN)));
        Vocabulary::new(entries).with_frequencies(features::Frequencies::new(self.frequencies.iter().copied()))
    }
}

/// Words tagged as (part of) names that are not a proclitic plus another
/// such word: `بغداد` and `واشنطن` are, `وبغداد` and `لواشنطن` are not.
pub fn known_names<'a>(sentences: impl Iterator<Item = &'a Sentence>) -> BTreeSet<String> {
    let named: BTreeSet<&str> = sentences
        .flat_map(|s| s.words.iter().zip(&s.tags).filter(|(_, &t)| t != model::OUTSIDE).map(|(w, _)| w.as_str()))
        .filter(|w| tokens::kind_of(w) == tokens::TokenKind::Arabic)
        .collect();
    named
        .iter()
        .filter(|w| !tokens::proclitic_runs(w).any(|n| named.contains(&w[n..])))
        .map(|w| w.to_string())
        .collect()
}

/// Words outside names at least twice and never inside one.
fn common_words<'a>(sentences: impl Iterator<Item = &'a Sentence>) -> BTreeSet<String> {
    let mut counts: BTreeMap<&str, (u32, bool)> = BTreeMap::new();
    for sentence in sentences {
        for (word, &tag) in sentence.words.iter().zip(&sentence.tags) {
            let entry = counts.entry(word.as_str()).or_default();
            entry.0 += 1;
            entry.1 |= tag != model::OUTSIDE;
        }
    }
    counts.into_iter().filter(|&(_, (n, named))| n >= 2 && !named).map(|(w, _)| w.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::train::read_conll;

    #[test]
    fn known_names_leave_out_proclitic_forms() {
        let sentences = read_conll("وبغداد B-LOC\nبغداد B-LOC\nلواشنطن B-LOC\nواشنطن B-LOC\nوليد B-PERS\n").unwrap();
        let known: Vec<String> = known_names(sentences.iter()).into_iter().collect();
        assert_eq!(known, ["بغداد", "واشنطن", "وليد"]);
    }

    #[test]
    fn a_list_entry_with_american_in_it_is_known_in_both_spellings() {
        let mut sources = VocabularySources::default();
        sources.add("الولايات المتحدة الأمريكية", flag::LOCATION);
        sources.add("السفارة الأميركية", flag::ORGANISATION);
        let vocabulary = sources.build([].iter());
        let phrase = |text: &str| {
            let folded = Normalized::new(text);
            vocabulary.get(hash_phrase(folded.as_str().split(' ')))
        };
        for (text, bit) in [
            ("الولايات المتحدة الأمريكية", flag::LOCATION),
            ("الولايات المتحدة الأميركية", flag::LOCATION),
            ("السفارة الأميركية", flag::ORGANISATION),
            ("السفارة الأمريكية", flag::ORGANISATION),
        ] {
            assert_eq!(phrase(text) & bit, bit, "{text}");
        }
        assert_eq!(phrase("الولايات المتحدة الأمركية") & flag::LOCATION, 0);
    }
}
