//! The people of the project's fixture articles, each one group with every
//! mention, its fullest name, its roles, and the places it is named by a
//! title alone.

use serde_json::Value;

/// A Canadian minister in Baghdad and Erbil.
const NATO_MISSION: &str = include_str!("fixtures/nato-mission.txt");
/// An Iraqi-Turkish water deal.
const WATER_DEAL: &str = include_str!("fixtures/water-deal.txt");

/// A person's group: canonical name, roles, the texts of its mentions, its
/// title references as (text, start).
type Person = (String, Vec<String>, Vec<String>, Vec<(String, u64)>);

fn person(name: &str, roles: &[&str], mentions: &[&str], references: &[(&str, u64)]) -> Person {
    let owned = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
    (name.to_string(), owned(roles), owned(mentions), references.iter().map(|&(text, start)| (text.to_string(), start)).collect())
}

/// The PER groups of `article`, extracted whole.
fn people(article: &str) -> Vec<Person> {
    let result = serde_json::to_value(alam::extract(article)).unwrap();
    let entities = result["entities"].as_array().unwrap();
    let strings = |list: &Value| -> Vec<String> { list.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect() };
    result["groups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["label"] == "PER")
        .map(|g| {
            let mentions = g["mentions"].as_array().unwrap().iter().map(|i| entities[i.as_u64().unwrap() as usize]["text"].as_str().unwrap().to_string()).collect();
            let references = g.get("references").map_or(Vec::new(), |r| {
                r.as_array().unwrap().iter().map(|r| (r["text"].as_str().unwrap().to_string(), r["start"].as_u64().unwrap())).collect()
            });
            (g["name"].as_str().unwrap().to_string(), strings(&g["roles"]), mentions, references)
        })
        .collect()
}

#[test]
fn a_minister_named_in_full_then_by_family_name_and_by_her_title_is_one_group() {
    let expected = vec![
        person(
            "صوفي بيكر",
            &["وزيرة الدفاع الكندية"],
            &["صوفي بيكر", "بيكر", "بيكر", "بيكر"],
            // The headline before her name; مع الوزيرة الكندية; وأكدت الوزيرة الكندية; وتوجهت الوزيرة.
            &[("وزيرة الدفاع الكندية", 0), ("الوزيرة الكندية", 1379), ("الوزيرة الكندية", 1595), ("الوزيرة", 1686)],
        ),
        person("نزار الكبيسي", &["نظيرها العراقي"], &["نزار الكبيسي", "الكبيسي"], &[]),
        person("حامد الزبيدي", &["رئيس أركان الجيش"], &["حامد الزبيدي"], &[]),
        person("دلشاد برزنجي", &["وزير البشمركة"], &["دلشاد برزنجي", "برزنجي"], &[]),
    ];
    assert_eq!(people(NATO_MISSION), expected);
}

#[test]
fn spellings_of_one_name_join_and_people_sharing_a_family_name_stay_apart() {
    let expected = vec![
        // The vowelled الخَفَاجِيُّ of a vowelled sentence joins the minister.
        person("عادل الخفاجي", &["وزير الموارد المائية العراقي"], &["عادل الخفاجي", "الخفاجي", "الخَفَاجِيُّ"], &[]),
        // يلمـاز with a tatweel joins يلماز.
        person("محمد يلماز", &["وزير الزراعة التركي"], &["محمد يلماز", "يلمـاز"], &[]),
        // A farmer named by his first name alone.
        person("حيدر", &[], &["حيدر", "حيدر"], &[]),
        // مصطفي with ي for ى.
        person("مصطفى الحسناوي", &[], &["مصطفى الحسناوي", "مصطفي الحسناوي"], &[]),
        person("حسين الأسدي", &["النائب"], &["حسين الأسدي"], &[]),
        person("زينب الأسدي", &["النائبة"], &["زينب الأسدي"], &[]),
        person("غسّان العزاوي", &["مدير السدود"], &["غسّان العزاوي"], &[]),
    ];
    assert_eq!(people(WATER_DEAL), expected);
}

/// How many quotes each person's group is the speaker of, by canonical name.
fn quotes_by_speaker(article: &str) -> Vec<(String, usize)> {
    let result = serde_json::to_value(alam::extract(article)).unwrap();
    let group_name = |k: &Value| result["groups"][k.as_u64().unwrap() as usize]["name"].as_str().unwrap().to_string();
    let mut counts: Vec<(String, usize)> = Vec::new();
    for name in result["quotes"].as_array().unwrap().iter().filter_map(|q| q["speaker"].get("entity").map(group_name)) {
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, count)) => *count += 1,
            None => counts.push((name, 1)),
        }
    }
    counts
}

#[test]
fn quotes_point_at_their_speaker_s_group() {
    let counts = |list: &[(&str, usize)]| list.iter().map(|&(n, c)| (n.to_string(), c)).collect::<Vec<_>>();
    assert_eq!(quotes_by_speaker(NATO_MISSION), counts(&[("صوفي بيكر", 3), ("نزار الكبيسي", 2), ("دلشاد برزنجي", 1)]));
    assert_eq!(
        quotes_by_speaker(WATER_DEAL),
        counts(&[("عادل الخفاجي", 2), ("محمد يلماز", 1), ("حيدر", 2), ("غسّان العزاوي", 1)])
    );
}
