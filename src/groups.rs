//! From mentions to entities: mentions of one person, place or organisation
//! share a group, with a canonical name and the roles the text gives it.
//!
//! Names match on folded words without the article, so `الدولة الاسلامية` and
//! `الدولة الإسلامية`, `العباسي` and `عباسي` are one. A person's family name
//! alone (`أوستن`) joins the one full name ending with it (`لويد أوستن`), a
//! first name alone the one full name starting with it; where two people
//! share the name the short mention stays apart rather than guess.

use crate::cues::title_of;
use crate::tokens::{proclitic_runs, TokenKind};
use crate::{Document, Label, Mention};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// The mentions of one entity, as the result's group before its references
/// are located in the input (see `result::Group`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cluster {
    /// The fullest form the document uses.
    pub name: String,
    /// `name` folded as for matching and without the article, words joined by
    /// one space: the same entity in another document has the same key.
    pub key: String,
    pub label: Label,
    /// Titles and roles written next to its mentions (وزير الدفاع الأميركي).
    pub roles: Vec<String>,
    /// Indices of its mentions among the settled mentions.
    pub mentions: Vec<usize>,
}

/// Which group each mention belongs to.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Grouping {
    /// For each mention, its group; `None` for expressions.
    pub group_of: Vec<Option<usize>>,
    /// The groups, in order of first mention.
    pub clusters: Vec<Cluster>,
    /// Titles standing alone for a person: (group, byte range of the folded text), in text order.
    pub references: Vec<(usize, Range<usize>)>,
}

/// Groups the name mentions among `mentions` (settled, sorted by start).
pub(crate) fn group(doc: &Document, mentions: &[Mention]) -> Grouping {
    let keys: Vec<Option<Vec<&str>>> =
        mentions.iter().map(|m| is_name(m.label).then(|| name_key(doc, m.span.clone()))).collect();
    // Full names first, so that short forms find what they abbreviate.
    let mut order: Vec<usize> = (0..mentions.len()).filter(|&i| keys[i].is_some()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(keys[i].as_ref().map_or(0, Vec::len)), i));

    let mut seeds: Vec<(Label, Vec<&str>)> = Vec::new();
    let mut seed_by_key: FxHashMap<(Label, &[&str]), usize> = FxHashMap::default();
    // Full names of people by their first and by their last word.
    let mut people_by_word: FxHashMap<(bool, &str), Vec<usize>> = FxHashMap::default();
    let mut seed_of = vec![None; mentions.len()];
    for i in order {
        let key = keys[i].as_deref().expect("names have keys");
        let label = mentions[i].label;
        let same = seed_by_key.get(&(label, key)).copied();
        let seed = same.or_else(|| short_form_of(&seeds, &people_by_word, label, key)).unwrap_or_else(|| {
            seeds.push((label, key.to_vec()));
            let seed = seeds.len() - 1;
            seed_by_key.insert((label, key), seed);
            if let (Label::PER, [first, .., last]) = (label, key) {
                people_by_word.entry((true, first)).or_default().push(seed);
                people_by_word.entry((false, last)).or_default().push(seed);
            }
            seed
        });
        seed_of[i] = Some(seed);
    }

    // Number groups by first mention.
    let mut number = vec![None; seeds.len()];
    let mut groups: Vec<Cluster> = Vec::new();
    let mut group_of = vec![None; mentions.len()];
    for (i, seed) in seed_of.iter().enumerate() {
        let Some(seed) = *seed else { continue };
        let g = *number[seed].get_or_insert_with(|| {
            groups.push(Cluster { name: String::new(), key: String::new(), label: mentions[i].label, roles: Vec::new(), mentions: Vec::new() });
            groups.len() - 1
        });
        group_of[i] = Some(g);
        let group = &mut groups[g];
        group.mentions.push(i);
        let text = original_text(doc, mentions[i].span.clone());
        // `للأمم المتحدة` is written over `الأمم المتحدة`: name the group by the full article.
        let name = if after_contraction(doc, &mentions[i].span) { format!("ا{text}") } else { text.to_string() };
        let fuller = |a: &str, b: &str| (a.split_whitespace().count(), a.chars().count()) > (b.split_whitespace().count(), b.chars().count());
        if fuller(&name, &group.name) {
            group.name = name;
            group.key = keys[i].as_deref().expect("names have keys").join(" ");
        }
        if mentions[i].label == Label::PER {
            if let Some(role) = role_before(doc, mentions, i) {
                if !group.roles.contains(&role) {
                    group.roles.push(role);
                }
            }
        }
    }
    let references = title_references(doc, mentions, &groups);
    Grouping { group_of, clusters: groups, references }
}

fn is_name(label: Label) -> bool {
    matches!(label, Label::PER | Label::LOC | Label::ORG | Label::MISC)
}

/// Whether a mention starts inside the لل contraction (`للعراق` → `لعراق`),
/// whose lam is the article's.
fn after_contraction(doc: &Document, span: &Range<usize>) -> bool {
    let text = doc.text.as_str();
    text[..span.start].ends_with('ل') && text[span.clone()].starts_with('ل')
}

/// The folded words of a mention without the article.
fn name_key<'t>(doc: &'t Document, span: Range<usize>) -> Vec<&'t str> {
    let contracted = after_contraction(doc, &span);
    doc.text.as_str()[span]
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .enumerate()
        .map(|(i, w)| {
            let article = if i == 0 && contracted { "ل" } else { "ال" };
            w.strip_prefix(article).filter(|rest| rest.chars().count() >= 2).unwrap_or(w)
        })
        .collect()
}

/// The one person seed that a short form abbreviates: a family or first
/// name alone, or the first words of a longer name (`محمد شياع`).
/// `people_by_word` holds full names by (first word?, word).
fn short_form_of<'k>(
    seeds: &[(Label, Vec<&str>)],
    people_by_word: &FxHashMap<(bool, &'k str), Vec<usize>>,
    label: Label,
    key: &'k [&'k str],
) -> Option<usize> {
    if label != Label::PER {
        return None;
    }
    let with_word = |first: bool, word: &'k str| people_by_word.get(&(first, word)).map_or(&[][..], Vec::as_slice);
    let unique = |candidates: &mut dyn Iterator<Item = usize>| match (candidates.next(), candidates.next()) {
        (Some(seed), None) => Some(seed),
        _ => None,
    };
    match key {
        [] => None,
        // A family name shared by two people matches neither; a first name is
        // tried only where no full name ends with the word.
        [word] if !with_word(false, word).is_empty() => unique(&mut with_word(false, word).iter().copied()),
        [word] => unique(&mut with_word(true, word).iter().copied()),
        [first, ..] => unique(
            &mut with_word(true, first).iter().copied().filter(|&s| seeds[s].1.len() > key.len() && seeds[s].1.starts_with(key)),
        ),
    }
}

/// Where the title a token names starts (after its proclitics), if it names one.
fn title_at(doc: &Document, j: usize) -> Option<usize> {
    let token = doc.tokens.get(j).filter(|t| t.kind == TokenKind::Arabic)?;
    let word = doc.word(token);
    // The longest proclitic run that leaves a title: وزير keeps its و, ورئيس does not.
    std::iter::once(0).chain(proclitic_runs(word)).filter(|&n| title_of(&word[n..]).is_some()).last().map(|n| token.word.start + n)
}

/// A title written right before mention `i` (`وزير الدفاع الأميركي لويد أوستن`):
/// a title followed only by definite words, genitives or other names, or by
/// one indefinite noun it governs (`قائد فيلق القدس الإيراني`); a title
/// before it joins (`نائب رئيس الحشد الشعبي`).
fn role_before(doc: &Document, mentions: &[Mention], i: usize) -> Option<String> {
    let first = doc.tokens.partition_point(|t| t.word.end <= mentions[i].span.start);
    let in_other_name = |at: usize| {
        let containing = mentions[..i].partition_point(|m| m.span.start <= at);
        containing > 0 && mentions[containing - 1].span.contains(&at) && is_name(mentions[containing - 1].label)
    };
    let end = doc.tokens.get(first.checked_sub(1)?)?.word.end;
    let mut j = first;
    let mut head = loop {
        if j == 0 || first - j >= MAX_ROLE_WORDS {
            return None;
        }
        j -= 1;
        if let Some(at) = title_at(doc, j) {
            break at;
        }
        let token = &doc.tokens[j];
        let definite = token.stem_start > token.word.start || doc.word(token).starts_with("ال");
        let governed = j > 0 && title_at(doc, j - 1).is_some();
        if token.kind != TokenKind::Arabic || !(definite || governed || in_other_name(token.word.start)) {
            return None;
        }
    };
    while let Some(at) = j.checked_sub(1).and_then(|k| title_at(doc, k)) {
        head = at;
        j -= 1;
    }
    Some(original_text(doc, head..end).to_string())
}

/// The most words a role before a name spans.
const MAX_ROLE_WORDS: usize = 6;

/// A role's words, folded and without the article: its title and its complements.
fn role_words(role: &str) -> Option<(String, Vec<String>)> {
    let folded = crate::text::Normalized::new(role);
    let mut words = folded.as_str().split_whitespace();
    let head = title_of(words.next()?)?.to_string();
    let complements = words.map(|w| w.strip_prefix("ال").unwrap_or(w).to_string()).collect();
    Some((head, complements))
}

/// Mentions of a person by a title alone (`الوزير الأميركي` after `وزير الدفاع
/// الأميركي لويد أوستن`), each with the one group whose roles it matches. A
/// title right before a name is a role, not a reference; a title without the
/// article needs a complement (`قائد` alone governs something else).
fn title_references(doc: &Document, mentions: &[Mention], groups: &[Cluster]) -> Vec<(usize, Range<usize>)> {
    let roles: Vec<(usize, String, Vec<String>)> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.label == Label::PER)
        .flat_map(|(k, g)| g.roles.iter().filter_map(move |r| role_words(r).map(|(head, rest)| (k, head, rest))))
        .collect();
    if roles.is_empty() {
        return Vec::new();
    }
    // The mention over a token's last byte, if any.
    let mention_over = |token: &crate::tokens::Token| {
        let last = token.word.end - 1;
        let i = mentions.partition_point(|m| m.span.end <= last);
        mentions.get(i).filter(|m| m.span.start <= last)
    };
    let text = doc.text.as_str();
    let mut found = Vec::new();
    let mut t = 0;
    while t < doc.tokens.len() {
        let Some(start) = title_at(doc, t).filter(|_| mention_over(&doc.tokens[t]).is_none()) else {
            t += 1;
            continue;
        };
        let head = title_of(&text[start..doc.tokens[t].word.end]).expect("a title").to_string();
        let mut end = t + 1;
        let mut complements = Vec::new();
        while end < doc.tokens.len() && end <= t + 3 && mention_over(&doc.tokens[end]).is_none() {
            let word = doc.word(&doc.tokens[end]);
            match word.strip_prefix("ال") {
                Some(rest) if rest.chars().count() >= 2 => complements.push(rest.to_string()),
                _ => break,
            }
            end += 1;
        }
        // A name the title governs may stand between it and the person (الأمين العام للأمم المتحدة).
        let mut next = end;
        while doc.tokens.get(next).and_then(mention_over).is_some_and(|m| m.label != Label::PER && is_name(m.label)) {
            next += 1;
        }
        let before_a_person = doc.tokens.get(next).and_then(mention_over).is_some_and(|m| m.label == Label::PER);
        let definite = text[start..].starts_with("ال");
        if !before_a_person && (definite || !complements.is_empty()) {
            let mut matching: Vec<usize> = roles
                .iter()
                .filter(|(_, h, rest)| *h == head && complements.iter().all(|c| rest.contains(c)))
                .map(|&(k, _, _)| k)
                .collect();
            matching.dedup();
            if let [k] = matching[..] {
                found.push((k, start..doc.tokens[end - 1].word.end));
            }
        }
        t = end;
    }
    found
}

fn original_text<'a>(doc: &Document<'a>, folded: Range<usize>) -> &'a str {
    &doc.text.original()[doc.text.original_range(folded)]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Groups of the mentions written as (text, label), found in order in `text`.
    fn groups_of(text: &str, named: &[(&str, Label)]) -> Vec<(String, Vec<String>, Vec<usize>)> {
        let doc = Document::new(text);
        let folded = doc.text.as_str();
        let mut from = 0;
        let mentions: Vec<Mention> = named
            .iter()
            .map(|(name, label)| {
                let name = crate::text::Normalized::new(name).as_str().to_string();
                let at = from + folded[from..].find(&name).expect("mention in text");
                from = at + name.len();
                Mention::new(at..from, *label)
            })
            .collect();
        group(&doc, &mentions).clusters.into_iter().map(|g| (g.name, g.roles, g.mentions)).collect()
    }

    #[test]
    fn family_names_join_the_full_name_and_roles_are_kept() {
        let text = "قال أوستن إن وزير الدفاع الأميركي لويد أوستن التقى بنظيره العراقي ثابت العباسي في بغداد، وشكر أوستن عباسي.";
        let got = groups_of(
            text,
            &[
                ("أوستن", Label::PER),
                ("لويد أوستن", Label::PER),
                ("ثابت العباسي", Label::PER),
                ("بغداد", Label::LOC),
                ("أوستن", Label::PER),
                ("عباسي", Label::PER),
            ],
        );
        assert_eq!(
            got,
            [
                ("لويد أوستن".into(), vec!["وزير الدفاع الأميركي".to_string()], vec![0, 1, 4]),
                ("ثابت العباسي".into(), vec!["نظيره العراقي".to_string()], vec![2, 5]),
                ("بغداد".into(), vec![], vec![3]),
            ]
        );
    }

    #[test]
    fn the_first_words_of_a_full_name_join_it() {
        let text = "رئيس الوزراء محمد شياع السوداني، ثم محمد شياع وحده";
        let got = groups_of(text, &[("محمد شياع السوداني", Label::PER), ("محمد شياع", Label::PER)]);
        assert_eq!(got, [("محمد شياع السوداني".into(), vec!["رئيس الوزراء".to_string()], vec![0, 1])]);
    }

    #[test]
    fn people_sharing_a_family_name_are_not_merged() {
        let text = "التقى فؤاد حسين وصدام حسين، ثم قال حسين وفؤاد كلمة.";
        let got = groups_of(
            text,
            &[("فؤاد حسين", Label::PER), ("صدام حسين", Label::PER), ("حسين", Label::PER), ("فؤاد", Label::PER)],
        );
        let members: Vec<Vec<usize>> = got.into_iter().map(|(_, _, m)| m).collect();
        assert_eq!(members, [vec![0, 3], vec![1], vec![2]]);
    }

    #[test]
    fn the_contracted_article_names_the_same_place() {
        let text = "زار العراق ثم عاد للعراق وللأمم المتحدة";
        let got = groups_of(text, &[("العراق", Label::LOC), ("لعراق", Label::LOC), ("لأمم المتحدة", Label::ORG)]);
        assert_eq!(got, [("العراق".into(), vec![], vec![0, 1]), ("الأمم المتحدة".into(), vec![], vec![2])]);
    }

    #[test]
    fn the_key_is_the_name_folded_without_the_article() {
        let text = "زار مُصْطَفَى الكاظمي العاصمة ثم عاد للعراق وللأمم المتحدة";
        let doc = Document::new(text);
        let folded = doc.text.as_str();
        let mentions: Vec<Mention> = [("مصطفي الكاظمي", Label::PER), ("لعراق", Label::LOC), ("لامم المتحده", Label::ORG)]
            .iter()
            .map(|(name, label)| {
                let at = folded.find(name).expect("mention in text");
                Mention::new(at..at + name.len(), *label)
            })
            .collect();
        let keys: Vec<(String, String)> = group(&doc, &mentions).clusters.into_iter().map(|g| (g.name, g.key)).collect();
        assert_eq!(
            keys,
            [
                ("مُصْطَفَى الكاظمي".into(), "مصطفي كاظمي".into()),
                ("العراق".into(), "عراق".into()),
                ("الأمم المتحدة".into(), "امم متحده".into()),
            ]
        );
    }

    #[test]
    fn spelling_variants_of_an_organisation_are_one_group() {
        let text = "تنظيم الدولة الاسلامية ثم الدولة الإسلامية";
        let got = groups_of(text, &[("الدولة الاسلامية", Label::ORG), ("الدولة الإسلامية", Label::ORG)]);
        assert_eq!(got, [("الدولة الاسلامية".into(), vec![], vec![0, 1])]);
    }
}
