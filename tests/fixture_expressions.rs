//! Every date, time, amount and quote of the project's fixture articles,
//! exactly: text, UTF-16 offsets, value and speaker.

use alam::{Extraction, ExtractOptions, Extractor, Label};

/// A Canadian minister in Baghdad and Erbil.
const NATO_MISSION: &str = include_str!("fixtures/nato-mission.txt");
/// An Iraqi-Turkish water deal.
const WATER_DEAL: &str = include_str!("fixtures/water-deal.txt");

/// The input's text between UTF-16 offsets, as JavaScript's `slice` gives it.
fn slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

fn is_expression(label: Label) -> bool {
    matches!(label, Label::DATE | Label::TIME | Label::MONEY | Label::PERCENT | Label::QUANTITY)
}

/// An expression as (text, start, end, label, value as JSON, extra fields as JSON).
type Expression = (String, usize, usize, &'static str, String, String);

/// The expressions of `text`, checking that each slices the input.
fn expressions(text: &str, result: &Extraction) -> Vec<Expression> {
    result
        .entities
        .iter()
        .filter(|e| is_expression(e.label))
        .map(|e| {
            assert_eq!(slice(text, e.start, e.end), e.text, "{e:?}");
            let value = e.value.as_ref().map_or("none".to_string(), |v| serde_json::to_string(v).unwrap());
            (e.text.clone(), e.start, e.end, e.label.as_str(), value, serde_json::to_string(&e.detail).unwrap())
        })
        .collect()
}

fn owned(expected: &[(&str, usize, usize, &'static str, &str, &str)]) -> Vec<Expression> {
    expected.iter().map(|&(t, s, e, l, v, d)| (t.to_string(), s, e, l, v.to_string(), d.to_string())).collect()
}

#[test]
fn every_date_and_amount_of_the_nato_article() {
    let expected = [
        ("الأحد", 100, 105, "DATE", "none", "{}"),
        ("تشرين الأول/أكتوبر 2018", 685, 708, "DATE", r#""2018-10""#, "{}"),
        ("1200 عنصر", 738, 747, "QUANTITY", "1200", r#"{"unit":"عنصر"}"#),
        ("العام 2017", 829, 839, "DATE", r#""2017""#, "{}"),
        ("كانون الثاني/يناير 2020", 966, 989, "DATE", r#""2020-01""#, "{}"),
        ("أواخر العام 2021", 1097, 1113, "DATE", r#""2021""#, r#"{"qualifier":"late"}"#),
        ("45 مليون دولار", 1513, 1527, "MONEY", "45000000", r#"{"currency":"USD","unit":"دولار"}"#),
        ("ثلاث سنوات", 1532, 1542, "QUANTITY", "3", r#"{"unit":"سنة"}"#),
        ("الأحد", 1702, 1707, "DATE", "none", "{}"),
        ("ألف كيلومتر", 1866, 1877, "QUANTITY", "1000", r#"{"unit":"كيلومتر"}"#),
        ("العام 2014", 2483, 2493, "DATE", r#""2014""#, "{}"),
        ("خمسة أيام", 2620, 2629, "QUANTITY", "5", r#"{"unit":"يوم"}"#),
    ];
    // منذ أكثر من عامين (a dual) and بمئات ملايين الدولارات (no number) are not read.
    assert_eq!(expressions(NATO_MISSION, &alam::extract(NATO_MISSION)), owned(&expected));
}

#[test]
fn every_date_time_and_amount_of_the_water_article() {
    let expected = [
        ("الثلاثاء", 76, 84, "DATE", "none", "{}"),
        ("40 في المئة", 149, 160, "PERCENT", "40", "{}"),
        ("أربعة أيام", 268, 278, "QUANTITY", "4", r#"{"unit":"يوم"}"#),
        ("الساعة الرابعة بعد الظهر بالتوقيت المحلي", 714, 754, "TIME", r#""16:00""#, "{}"),
        ("450 مليون دولار", 816, 831, "MONEY", "450000000", r#"{"currency":"USD","unit":"دولار"}"#),
        ("200 مليون دولار", 901, 916, "MONEY", "200000000", r#"{"currency":"USD","unit":"دولار"}"#),
        ("5%", 1022, 1024, "PERCENT", "5", "{}"),
        // The nationality fixes the currency.
        ("850 ألف دينار عراقي", 1312, 1331, "MONEY", "850000", r#"{"currency":"IQD","unit":"دينار"}"#),
        // A Hijri date keeps its Hijri numbers; the Gregorian one it agrees with follows.
        ("الأول من ذي القعدة 1444 هـ", 1693, 1719, "DATE", r#""1444-11-01""#, r#"{"calendar":"islamic"}"#),
        ("21 أيار/مايو 2023", 1728, 1745, "DATE", r#""2023-05-21""#, "{}"),
        ("نهاية أيلول/سبتمبر", 1758, 1776, "DATE", r#""--09""#, r#"{"qualifier":"late"}"#),
        ("العام 2019", 2232, 2242, "DATE", r#""2019""#, "{}"),
    ];
    assert_eq!(expressions(WATER_DEAL, &alam::extract(WATER_DEAL)), owned(&expected));
}

#[test]
fn weekdays_and_a_month_without_a_year_resolve_with_the_document_date() {
    // Published on Tuesday 18 April 2023: الثلاثاء is that day, نهاية أيلول/سبتمبر that year's September.
    let options = ExtractOptions { document_date: Some((2023, 4, 18)) };
    let result = Extractor::default().extract_with(WATER_DEAL, &options);
    let dates: Vec<(&str, String)> = result
        .entities
        .iter()
        .filter(|e| e.label == Label::DATE)
        .map(|e| (e.text.as_str(), serde_json::to_string(e.value.as_ref().unwrap()).unwrap()))
        .collect();
    let expected = [
        ("الثلاثاء", r#""2023-04-18""#),
        ("الأول من ذي القعدة 1444 هـ", r#""1444-11-01""#),
        ("21 أيار/مايو 2023", r#""2023-05-21""#),
        ("نهاية أيلول/سبتمبر", r#""2023-09""#),
        ("العام 2019", r#""2019""#),
    ];
    assert_eq!(dates, expected.map(|(text, value)| (text, value.to_string())));
}

/// A quote as (its first two words, its last two, start, end, the speaker's text and start).
type QuoteAt<'a> = (&'a str, &'a str, usize, usize, Option<(&'a str, usize)>);

/// Checks every quote of `text` against `expected`.
fn assert_quotes(text: &str, expected: &[QuoteAt]) {
    let quotes = alam::extract(text).quotes;
    assert_eq!(quotes.len(), expected.len(), "{quotes:#?}");
    for (quote, &(first, last, start, end, speaker)) in quotes.iter().zip(expected) {
        let words = slice(text, quote.start, quote.end);
        assert!(words.starts_with(first) && words.ends_with(last), "{words}");
        assert_eq!((quote.start, quote.end), (start, end), "{words}");
        if let Some(s) = &quote.speaker {
            assert_eq!(slice(text, s.start, s.end), s.text);
        }
        assert_eq!(quote.speaker.as_ref().map(|s| (s.text.as_str(), s.start)), speaker, "{words}");
    }
}

#[test]
fn every_quote_of_the_nato_article_with_its_speaker() {
    assert_quotes(
        NATO_MISSION,
        &[
            // وقالت بيكر للصحافيين “…”, then وأضافت “…” with no subject.
            ("جئنا لنؤكد", "تريد ذلك", 400, 537, Some(("بيكر", 384))),
            ("لا نتحدث", "والمعاهد العسكرية", 548, 655, Some(("بيكر", 384))),
            // A phrase in scare quotes that the sentence runs on after.
            ("احتلال مقنّع", "احتلال مقنّع", 1252, 1264, None),
            // «…»، قال الكبيسي, then مشيراً إلى أن حكومته “…”.
            ("لا نريد", "حسابات الآخرين", 1284, 1333, Some(("الكبيسي", 1340))),
            ("تنظر إلى", "غير ذلك", 1418, 1491, Some(("الكبيسي", 1340))),
            // وأكدت الوزيرة الكندية “…”: the title alone names بيكر, at her last mention.
            ("سنبقى هنا", "يوماً أقل", 1612, 1676, Some(("بيكر", 384))),
            ("قاتل مقاتلونا", "إلى المحاضرات", 1829, 1936, Some(("برزنجي", 1821))),
            ("رسالة طمأنة", "رسالة طمأنة", 2093, 2104, None),
        ],
    );
}

#[test]
fn every_quote_of_the_water_article_with_its_speaker() {
    assert_quotes(
        WATER_DEAL,
        &[
            ("حصلنا على", "أحسنّا إدارتها", 394, 501, Some(("الخفاجي", 363))),
            // “للأسف، …” after وأضاف: the proclitic-looking word is no name.
            ("للأسف، المياه", "من الشمال", 511, 600, Some(("الخفاجي", 363))),
            ("العراق جار", "المنطقة كلها", 604, 662, Some(("يلمـاز", 669))),
            // «…»، يقول حيدر, then يقول إنه “…” with no subject.
            ("كنا نزرع", "وصلنا الماء", 1194, 1263, Some(("حيدر", 1271))),
            ("لا يغطي", "الوقود والأسمدة", 1351, 1379, Some(("حيدر", 1271))),
            ("كارثة", "كارثة", 1519, 1524, None),
            // A slogan on a banner: no verb of speech, no speaker.
            ("مِنَ الدِّيوَانِيَّةِ", "لَنَا المَاءَ", 1864, 1926, None),
            ("سنعطي الأولوية", "ما يكفي", 1961, 2035, Some(("غسّان العزاوي", 1946))),
        ],
    );
}

#[test]
fn speakers_named_by_their_family_name_alone_are_people() {
    let people = |text: &str| -> Vec<String> {
        alam::extract(text).entities.into_iter().filter(|e| e.label == Label::PER).map(|e| e.text).collect()
    };
    let nato = people(NATO_MISSION);
    assert_eq!(nato.iter().filter(|p| *p == "بيكر").count(), 3, "{nato:?}");
    assert!(nato.contains(&"الكبيسي".to_string()) && nato.contains(&"برزنجي".to_string()), "{nato:?}");
    let water = people(WATER_DEAL);
    assert!(water.contains(&"الخفاجي".to_string()) && water.contains(&"يلمـاز".to_string()), "{water:?}");
}
