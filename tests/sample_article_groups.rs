//! The people of the sample article (read from `../shared/data/` where that
//! is beside the repository), each one group with every mention, its fullest
//! name, its roles, and the places it is named by a title alone.

mod common;

use serde_json::Value;

fn sample_article() -> Option<String> {
    common::read_shared("sample-article-ar.txt")
}

/// A person's group: canonical name, roles, the texts of its mentions, its title references.
type Person = (String, Vec<String>, Vec<String>, Vec<String>);

fn person(name: &str, roles: &[&str], mentions: &[&str], references: &[&str]) -> Person {
    let owned = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
    (name.to_string(), owned(roles), owned(mentions), owned(references))
}

#[test]
fn every_person_is_one_group_with_mentions_roles_and_title_references() {
    let Some(article) = sample_article() else { return };
    let result = serde_json::to_value(alam::extract(&article)).unwrap();
    let entities = result["entities"].as_array().unwrap();
    let strings = |list: &Value| -> Vec<String> { list.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect() };
    let people: Vec<Person> = result["groups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["label"] == "PER")
        .map(|g| {
            let mentions = g["mentions"].as_array().unwrap().iter().map(|i| entities[i.as_u64().unwrap() as usize]["text"].as_str().unwrap().to_string()).collect();
            let references = g.get("references").map_or(Vec::new(), |r| r.as_array().unwrap().iter().map(|r| r["text"].as_str().unwrap().to_string()).collect());
            (g["name"].as_str().unwrap().to_string(), strings(&g["roles"]), mentions, references)
        })
        .collect();
    let expected = vec![
        person(
            "لويد أوستن",
            &["وزير الدفاع الأميركي"],
            &["لويد أوستن", "أوستن", "أوستن", "أوستن", "أوستن", "أوستن"],
            &["وزير الدفاع الأميركي", "وزير الدفاع الأميركي", "وزير الدفاع الأميركي", "الوزير الأميركي"],
        ),
        person("صدّام حسين", &[], &["صدّام حسين", "صدام حسين"], &[]),
        person("ثابت العباسي", &["نظيره العراقي", "وزير الدفاع"], &["ثابت العباسي", "عباسي"], &[]),
        person(
            "محمد شياع السوداني",
            &["رئيس الوزراء", "رئيس الوزراء العراقي"],
            &["محمد شياع السوداني", "محمد شياع السوداني", "السوداني", "السوداني", "محمد شياع السوداني"],
            &[],
        ),
        person("نجيرفان بارزاني", &["رئيس الإقليم"], &["نجيرفان بارزاني", "بارزاني"], &[]),
        person("دونالد ترامب", &["الرئيس الأميركي السابق"], &["دونالد ترامب"], &[]),
        person("قاسم سليماني", &["قائد فيلق القدس الإيراني"], &["قاسم سليماني"], &[]),
        person("أبو مهدي المهندس", &["نائب رئيس الحشد الشعبي"], &["أبو مهدي المهندس"], &[]),
        person("أنطونيو غوتيريش", &["الأمين العام للأمم المتحدة"], &["أنطونيو غوتيريش"], &[]),
        person("أنالينا بيربوك", &["وزيرة الخارجية الألمانية"], &["أنالينا بيربوك"], &["الوزيرة"]),
        person("فؤاد حسين", &["نظيرها العراقي"], &["فؤاد حسين"], &[]),
    ];
    assert_eq!(people, expected);
}

#[test]
fn quotes_point_at_their_speaker_s_group() {
    let Some(article) = sample_article() else { return };
    let result = serde_json::to_value(alam::extract(&article)).unwrap();
    let group_name = |k: &Value| result["groups"][k.as_u64().unwrap() as usize]["name"].as_str().unwrap().to_string();
    let speakers: Vec<String> = result["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|q| q["speaker"].get("entity").map(group_name))
        .collect();
    let count = |name: &str| speakers.iter().filter(|s| *s == name).count();
    assert_eq!(
        (count("لويد أوستن"), count("محمد شياع السوداني"), count("نجيرفان بارزاني"), count("أنالينا بيربوك")),
        (8, 2, 1, 1)
    );
    assert_eq!(speakers.len(), 12);
}
