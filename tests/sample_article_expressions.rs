//! Every date, amount and quote of the reference article, exactly.
//!
//! The article is third-party text: it is read from the shared data folder
//! where that is beside the repository, never copied into it.

mod common;

use alam::{Extraction, ExtractOptions, Extractor, Label};

fn article() -> Option<String> {
    common::read_shared("sample-article-ar.txt")
}

/// The input's text between UTF-16 offsets, as JavaScript's `slice` gives it.
fn slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

fn is_expression(label: Label) -> bool {
    matches!(label, Label::DATE | Label::TIME | Label::MONEY | Label::PERCENT | Label::QUANTITY)
}

/// The expressions as (text, label, value as JSON, extra fields as JSON).
fn expressions(result: &Extraction) -> Vec<(String, &'static str, String, String)> {
    result
        .entities
        .iter()
        .filter(|e| is_expression(e.label))
        .map(|e| {
            let value = e.value.as_ref().map_or("none".to_string(), |v| serde_json::to_string(v).unwrap());
            (e.text.clone(), e.label.as_str(), value, serde_json::to_string(&e.detail).unwrap())
        })
        .collect()
}

#[test]
fn every_date_and_amount_of_the_article() {
    let Some(text) = article() else { return };
    let result = alam::extract(&text);
    let expected = [
        ("الثلاثاء", "DATE", "none", "{}"),
        ("العشرين من آذار/مارس 2003", "DATE", r#""2003-03-20""#, "{}"),
        ("الثلاثاء", "DATE", "none", "{}"),
        ("2500 عنصر", "QUANTITY", "2500", r#"{"unit":"عنصر"}"#),
        ("العام 2017", "DATE", r#""2017""#, "{}"),
        ("أواخر العام 2021", "DATE", r#""2021""#, r#"{"qualifier":"late"}"#),
        ("كانون الثاني/يناير 2020", "DATE", r#""2020-01""#, "{}"),
        ("أواخر العام 2022", "DATE", r#""2022""#, r#"{"qualifier":"late"}"#),
        ("تشرين الأول/أكتوبر 2021", "DATE", r#""2021-10""#, "{}"),
        ("مطلع آذار/مارس", "DATE", r#""--03""#, r#"{"qualifier":"early"}"#),
        ("الثلاثاء", "DATE", "none", "{}"),
        ("أربعة أيام", "QUANTITY", "4", r#"{"unit":"يوم"}"#),
        ("الثلاثاء", "DATE", "none", "{}"),
    ];
    let expected: Vec<_> = expected.iter().map(|&(t, l, v, d)| (t.to_string(), l, v.to_string(), d.to_string())).collect();
    assert_eq!(expressions(&result), expected);
    for e in &result.entities {
        assert_eq!(slice(&text, e.start, e.end), e.text, "{e:?}");
    }
    let invasion = result.entities.iter().find(|e| e.text.starts_with("العشرين")).unwrap();
    assert_eq!((invasion.start, invasion.end), (488, 513));
}

#[test]
fn weekdays_resolve_with_the_document_date() {
    // Published on Tuesday 7 March 2023: الثلاثاء is that day, مطلع آذار/مارس that month.
    let options = ExtractOptions { document_date: Some((2023, 3, 7)) };
    let Some(text) = article() else { return };
    let result = Extractor::default().extract_with(&text, &options);
    let dates: Vec<_> = result
        .entities
        .iter()
        .filter(|e| e.label == Label::DATE && (e.text == "الثلاثاء" || e.text.starts_with("مطلع")))
        .map(|e| serde_json::to_string(e.value.as_ref().unwrap()).unwrap())
        .collect();
    assert_eq!(dates, [r#""2023-03-07""#, r#""2023-03-07""#, r#""2023-03""#, r#""2023-03-07""#, r#""2023-03-07""#]);
}

#[test]
fn every_quote_of_the_article_with_its_speaker() {
    let Some(text) = article() else { return };
    let result = alam::extract(&text);
    let quotes: Vec<(String, Option<String>)> = result
        .quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_ref().map(|s| {
                assert_eq!(slice(&text, s.start, s.end), s.text);
                s.text.clone()
            });
            (slice(&text, q.start, q.end), speaker)
        })
        .collect();
    // Each quote by its first and last words, which pins its span inside the marks.
    let expected: [(&str, &str, Option<&str>); 17] = [
        ("تعزيز", "وتوسيع", None),
        ("تعزيز", "وتوسيع", None),
        ("أنا متفائل", "والسيادة في العراق", Some("أوستن")),
        ("علاقات", "متوازنة", None),
        ("حرص الحكومة", "المستويات والصعد", Some("محمد شياع السوداني")),
        ("نهج الحكومة", "الإقليمي والدولي", Some("محمد شياع السوداني")),
        ("انتهاء", "المهمة القتالية", None),
        ("القوات الأميركية", "بدعم شركائنا العراقيين", Some("أوستن")),
        ("لكن يجب", "حكومية وغير حكومية", Some("أوستن")),
        ("مصالح", "مشتركة", None),
        ("نشكر دوركم", "والحفاظ على مصالحه", Some("بارزاني")),
        ("للأسف،", "يواجه هذه المنطقة", Some("أوستن")),
        ("بهجمات", "مصدرها إيران", Some("أوستن")),
        ("هذه الهجمات", "عراقيين للخطر", Some("أوستن")),
        ("العمل معاً", "جميع العراقيين", Some("أوستن")),
        ("القادة الأكراد", "انقساماتهم جانباً", Some("أوستن")),
        ("لا يزال", "حلف شمال الأطلسي", Some("أنالينا بيربوك")),
    ];
    assert_eq!(quotes.len(), expected.len(), "{quotes:#?}");
    for ((quote, speaker), (first, last, expected_speaker)) in quotes.iter().zip(expected) {
        assert!(quote.starts_with(first) && quote.ends_with(last), "{quote}");
        assert_eq!(speaker.as_deref(), expected_speaker, "{quote}");
    }
    // Continued and titled speakers point at the right mention: وأضاف “لكن …” at
    // قال أوستن before it, الوزير الأميركي at أوستن of من جهته قال أوستن.
    let speakers: Vec<usize> = result.quotes.iter().filter_map(|q| q.speaker.as_ref().map(|s| s.start)).collect();
    assert_eq!(speakers[3], speakers[4]);
    assert_eq!(speakers[7], speakers[8]);
    let first_quote = &result.quotes[2];
    assert_eq!((first_quote.start, first_quote.end), (1141, 1266));
}

#[test]
fn speakers_named_by_their_family_name_alone_are_people() {
    let Some(text) = article() else { return };
    let result = alam::extract(&text);
    let people: Vec<&str> = result.entities.iter().filter(|e| e.label == Label::PER).map(|e| e.text.as_str()).collect();
    assert_eq!(people.iter().filter(|&&p| p == "أوستن").count(), 5, "{people:?}");
    assert!(people.contains(&"بارزاني"), "{people:?}");
}
