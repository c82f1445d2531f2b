//! Expressions in the result: JSON shape, values and details, document dates.

use alam::{ExtractOptions, Extractor};

#[test]
fn an_empty_document_is_exactly_no_entities() {
    assert_eq!(serde_json::to_string(&alam::extract("")).unwrap(), r#"{"entities":[]}"#);
}

#[test]
fn values_and_details_appear_only_where_present() {
    let result = alam::extract("أنفقت 2.5 مليار دولار على 12 مدرسة وأواخر العام 2021 قال سامي «نعم».");
    let json = serde_json::to_string(&result).unwrap();
    assert_eq!(
        json,
        concat!(
            r#"{"entities":["#,
            r#"{"start":6,"end":21,"label":"MONEY","text":"2.5 مليار دولار","value":2500000000,"currency":"USD","unit":"دولار"},"#,
            r#"{"start":26,"end":34,"label":"QUANTITY","text":"12 مدرسة","value":12,"unit":"مدرسة"},"#,
            r#"{"start":36,"end":52,"label":"DATE","text":"أواخر العام 2021","value":"2021","qualifier":"late"},"#,
            r#"{"start":57,"end":61,"label":"PER","text":"سامي","entity":0}],"#,
            r#""quotes":[{"start":63,"end":66,"speaker":{"start":57,"end":61,"text":"سامي","entity":0}}],"#,
            r#""groups":[{"name":"سامي","key":"سامي","label":"PER","roles":[],"mentions":[3]}]}"#
        )
    );
}

#[test]
fn a_document_date_resolves_weekdays_and_years() {
    let options = ExtractOptions { document_date: Some((2024, 5, 16)) };
    let result = Extractor::default().extract_with("وصل الوفد الاثنين ويغادر في 20 أيار.", &options);
    let values: Vec<_> = result.entities.iter().filter_map(|e| e.value.clone()).collect();
    assert_eq!(values, [alam::result::Value::Text("2024-05-13".into()), alam::result::Value::Text("2024-05-20".into())]);
}

mod properties {
    use proptest::prelude::*;

    /// Words that make expressions, quotes and names, to mix at random.
    const PIECES: &[&str] = &[
        "في", "العام", "عام", "2017", "١٩٩٠", "آذار", "/", "مارس", "العشرين", "من", "أواخر", "مطلع", "الثلاثاء", "يوم",
        "الساعة", "الثالثة", "3", ":", "30", "مساءً", "2.5", "مليار", "دولار", "$", "%", "بالمئة", "في المئة", "ثلاثة",
        "آلاف", "و", "وعشرين", "عنصر", "أيام", "(", ")", "هـ", "م", "رمضان", "“", "”", "«", "»", "\"", "قال", "وأضاف",
        "الوزير", "الأميركي", "لويد أوستن", "أوستن", "،", ".", "\n", "بتاريخ", "😀", "ـ", "َ",
    ];

    proptest! {
        #[test]
        fn results_are_sorted_disjoint_and_slice_the_input(picks in proptest::collection::vec(0..PIECES.len(), 0..40)) {
            let text: String = picks.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
            let result = alam::extract(&text);
            let units: Vec<u16> = text.encode_utf16().collect();
            let slice = |start: usize, end: usize| String::from_utf16(&units[start..end]).unwrap();
            let mut last_end = 0;
            for e in &result.entities {
                prop_assert!(last_end <= e.start && e.start < e.end);
                prop_assert_eq!(slice(e.start, e.end), e.text.clone());
                last_end = e.end;
            }
            for q in &result.quotes {
                prop_assert!(q.start <= q.end && q.end <= units.len());
                if let Some(s) = &q.speaker {
                    prop_assert_eq!(slice(s.start, s.end), s.text.clone());
                }
            }
        }
    }
}
