//! Cue words, folded and without the article: the titles people are named
//! with, the words that head names of organisations and places, and verbs of
//! speech. The model reads them all as list bits (`train::LexiconSources::add_cues`);
//! groups and quotes read the titles and the verbs.

use crate::phrases::WordSet;
use std::sync::OnceLock;

/// Titles and roles a person is named with: وزير الدفاع، رئيس الوزراء، الأمين العام …
pub const TITLES: &[&str] = &[
    "وزير", "وزيره", "رئيس", "رئيسه", "ملك", "ملكه", "امير", "اميره", "نائب", "نائبه", "مستشار", "مستشاره", "سفير",
    "سفيره", "متحدث", "متحدثه", "ناطق", "ناطقه", "قائد", "امين", "امينه", "جنرال", "شيخ", "سيد", "سيده", "مبعوث",
    "مبعوثه", "نظير", "نظيره", "نظيرها", "زعيم", "زعيمه", "مدير", "مديره", "مرشد", "حاكم", "محافظ",
];

/// Other words a person's name follows: ranks, professions, honorifics
/// (roles that a group does not keep).
pub const PERSON_WORDS: &[&str] = &[
    "دكتور", "عقيد", "لواء", "عميد", "بابا", "مدرب", "لاعب", "فنان", "فنانه", "كاتب", "كاتبه", "شاعر", "مخرج", "ممثل",
    "ممثله", "مطرب", "مطربه", "قاضي", "استاذ", "امام", "مرشح", "مرشحه", "رئيسان",
];

/// Words that head names of organisations: وزارة الدفاع، حزب العمال …
pub const ORG_HEADS: &[&str] = &[
    "وزاره", "حزب", "جامعه", "شركه", "منظمه", "وكاله", "مجلس", "هيئه", "مؤسسه", "جمعيه", "اتحاد", "بنك", "مصرف", "صندوق",
    "جبهه", "حركه", "لجنه", "محكمه", "نادي", "مركز", "معهد", "صحيفه", "مجموعه", "منتدي", "برلمان", "قوات", "جيش", "اذاعه",
    "تلفزيون", "قناه", "مكتب",
];

/// Words that head names of places, and the points of the compass.
pub const LOC_HEADS: &[&str] = &[
    "مدينه", "محافظه", "ولايه", "منطقه", "مقاطعه", "جزيره", "جزر", "بحر", "نهر", "جبل", "جبال", "اقليم", "قريه", "بلده",
    "عاصمه", "ميناء", "مطار", "دوله", "جمهوريه", "مملكه", "اماره", "شارع", "بلاد", "شمال", "جنوب", "شرق", "غرب", "وسط",
    "شمالي", "جنوبي", "شرقي", "غربي",
];

/// Speech verbs, folded (ا for أ إ آ, ه for ة, ي for ى, no marks): past
/// masculine and feminine, present, and the participles of a running clause.
pub const SPEECH_VERBS: &[&str] = &[
    "قال", "قالت", "يقول", "تقول", "قائلا", "قائله",
    "اكد", "اكدت", "يؤكد", "تؤكد", "مؤكدا", "مؤكده",
    "اضاف", "اضافت", "يضيف", "تضيف", "مضيفا", "مضيفه",
    "اعلن", "اعلنت", "يعلن", "تعلن", "معلنا", "معلنه",
    "صرح", "صرحت", "يصرح", "تصرح", "مصرحا", "مصرحه",
    "اوضح", "اوضحت", "يوضح", "توضح", "موضحا", "موضحه",
    "تابع", "تابعت", "متابعا", "متابعه",
    "شدد", "شددت", "يشدد", "تشدد", "مشددا", "مشدده",
    "اعتبر", "اعتبرت", "يعتبر", "تعتبر", "معتبرا", "معتبره",
    "ندد", "نددت", "يندد", "تندد", "منددا", "مندده",
    "دعا", "دعت", "يدعو", "تدعو", "داعيا", "داعيه",
    "حض", "حضت", "يحض", "تحض",
    "حث", "حثت", "يحث", "تحث",
    "اشار", "اشارت", "يشير", "تشير", "مشيرا", "مشيره",
    "لفت", "لفتت", "لافتا", "لافته",
    "حذر", "حذرت", "يحذر", "تحذر", "محذرا", "محذره",
    "طالب", "طالبت", "يطالب", "تطالب", "مطالبا", "مطالبه",
    "ذكر", "ذكرت", "افاد", "افادت", "نفي", "نفت", "كتب", "كتبت", "ردد", "رددت",
    "اردف", "اردفت", "مردفا", "مردفه", "استطرد", "استطردت",
];

/// After a quote, these name its source: “…” بحسب أوستن.
pub const SOURCE_WORDS: &[&str] = &["بحسب", "حسب", "وفق", "وفقا"];

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
