//! Properties that hold for any text: no panic, well-formed spans, marks that
//! do not change what is found, documents independent of each other.

use alam::text::Normalized;
use alam::{extract, Extraction};
use proptest::prelude::*;

/// Words that exercise names, proclitics, titles, numbers and punctuation.
const WORDS: &[&str] = &[
    "وزير", "الدفاع", "الأميركي", "لويد", "أوستن", "في", "بغداد", "وبغداد", "لواشنطن", "للعراق", "العراق", "الأمم",
    "المتحدة", "للأمم", "حلف", "شمال", "الأطلسي", "رئيس", "الوزراء", "محمد", "السوداني", "قال", "إن", "2003", "١٩٩٠",
    "آذار/مارس", "،", ".", "“", "”", "«", "»", "😀", "🇮🇶", "Paris", "NATO", "صدّام", "حسين", "ـ", "%", "٪",
];
/// Marks and controls that may sit anywhere.
const EXTRAS: &[char] = &[
    '\u{064E}', '\u{0651}', '\u{0652}', '\u{064B}', '\u{0640}', '\u{200C}', '\u{200D}', '\u{200F}', '\u{202B}', '\u{2067}',
    '\u{FEFF}', '\0', '\u{7}', '\u{FFFD}', '\n', '\t', '\r', '\u{FEFB}',
];

fn word_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(|w| format!("{w} ")),
        1 => prop::sample::select(EXTRAS).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![word_text(), any::<String>()]
}

fn check_well_formed(text: &str, result: &Extraction) -> Result<(), TestCaseError> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut last_end = 0;
    for e in &result.entities {
        prop_assert!(last_end <= e.start && e.start < e.end && e.end <= units.len(), "{e:?}");
        last_end = e.end;
        let slice = String::from_utf16(&units[e.start..e.end]);
        prop_assert!(slice.is_ok(), "span splits a surrogate pair: {e:?}");
        prop_assert_eq!(slice.unwrap(), e.text.clone());
    }
    Ok(())
}

/// What was found, independent of marks: (label, folded text).
fn findings(result: &Extraction) -> Vec<(String, String)> {
    result
        .entities
        .iter()
        .map(|e| (e.label.as_str().to_string(), Normalized::new(&e.text).as_str().to_string()))
        .collect()
}

fn is_harakah_or_tatweel(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_sorted_disjoint_and_equal_their_slice(text in any_text()) {
        check_well_formed(&text, &extract(&text))?;
    }

    #[test]
    fn harakat_and_tatweel_do_not_change_what_is_found(text in word_text(), seed in any::<u64>()) {
        let bare: String = text.chars().filter(|&c| !is_harakah_or_tatweel(c)).collect();
        // Put a fatha, a shadda or a tatweel after some Arabic letters.
        let mut state = seed;
        let mut marked = String::new();
        for c in bare.chars() {
            marked.push(c);
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            if ('\u{0621}'..='\u{064A}').contains(&c) {
                match state >> 62 {
                    0 => marked.push('\u{064E}'),
                    1 => marked.push('\u{0651}'),
                    2 => marked.push('\u{0640}'),
                    _ => {}
                }
            }
        }
        let (plain, with_marks) = (extract(&bare), extract(&marked));
        check_well_formed(&marked, &with_marks)?;
        prop_assert_eq!(findings(&plain), findings(&with_marks));
    }

    #[test]
    fn documents_do_not_influence_each_other(first in word_text(), second in word_text()) {
        let alone = extract(&second);
        let _ = extract(&first);
        prop_assert_eq!(alone, extract(&second));
    }
}
