//! Cue words that the steps after recognition share: the titles people are
//! named with (folded, without the article).

use crate::phrases::WordSet;
use std::sync::OnceLock;

/// Titles and roles a person is named with: وزير الدفاع، رئيس الوزراء، الأمين العام …
pub const TITLES: &[&str] = &[
    "وزير", "وزيره", "رئيس", "رئيسه", "ملك", "ملكه", "امير", "اميره", "نائب", "نائبه", "مستشار", "مستشاره", "سفير",
    "سفيره", "متحدث", "متحدثه", "ناطق", "ناطقه", "قائد", "امين", "امينه", "جنرال", "شيخ", "سيد", "سيده", "مبعوث",
    "مبعوثه", "نظير", "نظيره", "نظيرها", "زعيم", "زعيمه", "مدير", "مديره", "مرشد", "حاكم", "محافظ",
];

/// The title a folded word names, without a conjunction or the article
/// (والوزيرة → وزيره).
pub fn title_of(word: &str) -> Option<&str> {
    // Asked of every token of a document: a set, not a scan of the list.
    static SET: OnceLock<WordSet<&str>> = OnceLock::new();
    let titles = SET.get_or_init(|| TITLES.iter().copied().collect());
    let bare = crate::tokens::after_conjunction(word).filter(|w| w.starts_with("ال") || titles.contains(w)).unwrap_or(word);
    let bare = bare.strip_prefix("ال").unwrap_or(bare);
    titles.contains(bare).then_some(bare)
}

#[cfg(test)]
mod tests {
    use super::title_of;

    #[test]
    fn titles_with_and_without_article_and_conjunction() {
        assert_eq!(title_of("والوزيره"), Some("وزيره"));
        assert_eq!(title_of("رئيس"), Some("رئيس"));
        assert_eq!(title_of("الرئيس"), Some("رئيس"));
        assert_eq!(title_of("وزراء"), None);
        assert_eq!(title_of("والعراق"), None);
    }
}
