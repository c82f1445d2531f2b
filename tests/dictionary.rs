//! A site's own dictionary: entries found through proclitics and diacritics,
//! taking precedence over what the model finds, with their ids and links.

use alam::DictionaryEntry;
use alam::{Extractor, Label};

#[test]
fn entries_are_found_with_proclitics_and_without_diacritics_and_carry_their_link() {
    let entries: Vec<DictionaryEntry> = serde_json::from_str(
        r#"[{"names": ["صدّام حسين", "صدام"], "label": "PER", "id": "saddam", "url": "https://example.org/saddam"},
            {"names": ["حلف شمال الأطلسي", "الناتو"], "label": "ORG", "id": "nato"}]"#,
    )
    .expect("entries parse");
    let extractor = Extractor::default().with_dictionary(entries);
    let text = "أطاح الغزو بصدام حسين، وقال الناتو ولحلف شمال الأطلسي بيان.";
    let result = extractor.extract(text);
    let found: Vec<_> = result
        .entities
        .iter()
        .filter(|e| e.detail.id.is_some())
        .map(|e| (e.text.as_str(), e.label, e.detail.id.as_deref(), e.detail.url.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            ("صدام حسين", Label::PER, Some("saddam"), Some("https://example.org/saddam")),
            ("الناتو", Label::ORG, Some("nato"), None),
            ("حلف شمال الأطلسي", Label::ORG, Some("nato"), None),
        ]
    );
    let json = serde_json::to_value(&result).expect("serialises");
    let saddam = &json["entities"].as_array().unwrap().iter().find(|e| e["id"] == "saddam").unwrap();
    assert_eq!(saddam["url"], "https://example.org/saddam");
}
