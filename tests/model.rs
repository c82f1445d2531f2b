//! The trained model end to end: training on a slice of ANERcorp, the model
//! file, and exact spans on the project's fixture articles and the sample
//! article. Third-party data is read from `../shared/data/` where it is beside
//! the repository, never copied into it.

mod common;

use alam::train::{self, List, Model, Options, Sentence, VocabularySources};
use alam::{Extractor, Label, ModelError};
use std::ops::Range;

/// Fixture articles written for the project.
const NATO_MISSION: &str = include_str!("fixtures/nato-mission.txt");
const WATER_DEAL: &str = include_str!("fixtures/water-deal.txt");

/// The first `n` sentences of the training file.
fn slice(train_text: &str, n: usize) -> Vec<Sentence> {
    let mut sentences = train::read_conll(train_text).unwrap();
    sentences.truncate(n);
    sentences
}

fn train_slice(sentences: &[Sentence], places: &str) -> Model {
    let mut sources = VocabularySources::default();
    sources.add_cues();
    sources.add_list(places, List::Places);
    // A few lines of the frequency list that `training/lexicons.py` writes.
    sources.add_frequencies("في\t146\t1\nمن\t150\t1\nالعراق\t330\t1\nبغداد\t406\t1\nالحكومة\t339\t1\nحكومة\t381\t1\n").unwrap();
    train::train(sentences, &sources, &Options { epochs: 5, ..Options::default() })
}

#[test]
fn training_on_a_slice_is_deterministic_and_learns() {
    let Some(train_text) = common::read_shared("anercorp/train.txt") else { return };
    // A list of the project's own, for the list features.
    let places = "بغداد\nالعراق\nواشنطن\nالقدس\nلبنان\nسوريا\nمصر\nالقاهرة\nفلسطين\nإسرائيل\n";
    let sentences = slice(&train_text, 300);
    let first = train_slice(&sentences, places).to_bytes();
    let second = train_slice(&sentences, places).to_bytes();
    assert!(first == second, "two trainings wrote different model files");

    let scores = train::evaluate_model(&first, &[], &sentences, &[]).unwrap().extractor;
    let micro = scores.micro();
    assert!(micro.gold > 500, "the slice has names to learn");
    assert!(micro.f1() > 85.0, "F1 on the training slice is only {:.1}\n{scores}", micro.f1());
}

#[test]
fn a_frequency_list_with_a_bad_line_is_refused_by_line() {
    let mut sources = VocabularySources::default();
    let mut refused = |text: &str| sources.add_frequencies(text).unwrap_err().to_string();
    assert_eq!(refused("في\t146\nمن 150\n"), "line 2: no tab");
    assert_eq!(refused("في\tmany\n"), "line 1: not a number");
    assert_eq!(refused("في\t146\t1\nبغداد\t406\tyes\n"), "line 2: yes is neither 0 nor 1");
}

#[test]
fn the_model_file_round_trips_with_identical_tags() {
    let bytes = alam::MODEL;
    let model = Model::from_bytes(bytes).unwrap();
    assert!(model.to_bytes() == bytes, "writing the loaded model gives other bytes");
    let reloaded = Extractor::from_model_bytes(&model.to_bytes()).unwrap();
    let shipped = Extractor::default();
    let mut texts: Vec<String> = NATO_MISSION.lines().chain(WATER_DEAL.lines()).map(String::from).collect();
    // And the first dev sentences, where the shared data is.
    if let Some(dev) = common::read_shared("anercorp/dev.txt") {
        texts.extend(train::read_conll(&dev).unwrap().into_iter().take(100).map(|sentence| sentence.text));
    }
    for text in &texts {
        assert_eq!(reloaded.extract(text), shipped.extract(text));
    }
}

#[test]
fn damaged_model_bytes_are_errors_not_panics() {
    let bytes = alam::MODEL;
    assert_eq!(Model::from_bytes(b"").unwrap_err(), ModelError::NotAModel);
    assert_eq!(Model::from_bytes(b"GIF89a..........").unwrap_err(), ModelError::NotAModel);
    for len in (0..bytes.len()).step_by(7919).chain([bytes.len() - 1]) {
        assert!(Extractor::from_model_bytes(&bytes[..len]).is_err(), "truncated to {len} bytes");
    }
    for at in (8..bytes.len()).step_by(4999) {
        let mut damaged = bytes.to_vec();
        damaged[at] = damaged[at].wrapping_add(1);
        assert!(Extractor::from_model_bytes(&damaged).is_err(), "byte {at} changed");
    }
}

/// The names (PER, LOC, ORG, MISC) that `article`, extracted whole, has in
/// its paragraphs `lines`, as (text, label, start, end) in UTF-16 offsets.
fn names_in(article: &str, lines: Range<usize>) -> Vec<(String, Label, usize, usize)> {
    let units: Vec<u16> = article.encode_utf16().collect();
    let line_start = |n: usize| article.split_inclusive('\n').take(n).map(|line| line.encode_utf16().count()).sum::<usize>();
    let within = line_start(lines.start)..line_start(lines.end);
    alam::extract(article)
        .entities
        .into_iter()
        .filter(|e| matches!(e.label, Label::PER | Label::LOC | Label::ORG | Label::MISC) && within.contains(&e.start))
        .map(|e| {
            assert_eq!(String::from_utf16(&units[e.start..e.end]).unwrap(), e.text, "offsets are UTF-16 into the input");
            (e.text, e.label, e.start, e.end)
        })
        .collect()
}

/// `expected` with owned strings, to compare with what [`names_in`] finds.
fn owned(expected: &[(&str, Label, usize, usize)]) -> Vec<(String, Label, usize, usize)> {
    expected.iter().map(|&(text, label, start, end)| (text.to_string(), label, start, end)).collect()
}

#[test]
fn a_minister_named_in_full_after_her_title_then_by_her_family_name_alone() {
    // The headline, the lead (وصلت وزيرة الدفاع الكندية صوفي بيكر …), والتقت بيكر
    // نظيرها العراقي نزار الكبيسي …, وقالت بيكر …: بيكر keeps its ب, which is
    // no proclitic. Alone the headline gets حلف شمال without الأطلسي; in the
    // article, the whole name of the lead makes it whole.
    let expected = [
        ("بغداد", Label::LOC, 24, 29),
        ("حلف شمال الأطلسي", Label::ORG, 47, 63),
        ("صوفي بيكر", Label::PER, 90, 99),
        ("بغداد", Label::LOC, 110, 115),
        ("حلف شمال الأطلسي", Label::ORG, 218, 234),
        ("بيكر", Label::PER, 270, 274),
        ("نزار الكبيسي", Label::PER, 290, 302),
        ("حامد الزبيدي", Label::PER, 321, 333),
        ("بيكر", Label::PER, 384, 388),
        ("كندا", Label::LOC, 414, 418),
    ];
    assert_eq!(names_in(NATO_MISSION, 0..4), owned(&expected));
}

#[test]
fn organisations_of_several_words_and_an_armed_group() {
    // وأعلنت بغداد … تنظيم الدولة الإسلامية …, and وتصف فصائل مسلّحة مقرّبة من
    // إيران، أبرزها عصائب أهل الحق …; between them a paragraph of dates alone.
    let expected = [
        ("بغداد", Label::LOC, 820, 825),
        ("تنظيم الدولة الإسلامية", Label::ORG, 853, 875),
        ("الأنبار", Label::LOC, 946, 953),
        ("كركوك", Label::LOC, 955, 960),
        ("إيران", Label::LOC, 1186, 1191),
        ("عصائب أهل الحق", Label::ORG, 1200, 1214),
        ("العراق", Label::LOC, 1239, 1245),
    ];
    assert_eq!(names_in(NATO_MISSION, 6..9), owned(&expected));
}

#[test]
fn proclitics_stay_outside_the_names_of_the_nato_article() {
    // بين أربيل وبغداد; لبغداد، لواشنطن، فبغداد; للأمم المتحدة and للعراق keep
    // the article's lam; كالعراق loses its ك.
    let expected = [
        ("أربيل", Label::LOC, 1961, 1966),
        ("بغداد", Label::LOC, 1968, 1973),
        ("بغداد", Label::LOC, 2070, 2075),
        ("بغداد", Label::LOC, 2107, 2112),
        ("واشنطن", Label::LOC, 2127, 2133),
        ("بغداد", Label::LOC, 2254, 2259),
        ("واشنطن", Label::LOC, 2307, 2313),
        ("طهران", Label::LOC, 2315, 2320),
        ("لأمم المتحدة", Label::ORG, 2361, 2373),
        ("العراق", Label::LOC, 2444, 2450),
        ("سوريا", Label::LOC, 2452, 2457),
        ("أوتاوا", Label::LOC, 2465, 2471),
        ("لعراق", Label::LOC, 2473, 2478),
    ];
    assert_eq!(names_in(NATO_MISSION, 14..17), owned(&expected));
}

#[test]
fn a_first_name_alone_and_two_people_sharing_a_family_name() {
    // يقف حيدر، وهو مزارع … يقول حيدر; the MPs حسين الأسدي and زينب الأسدي.
    let expected = [
        ("الديوانية", Label::LOC, 1119, 1128),
        ("حيدر", Label::PER, 1134, 1138),
        ("حيدر", Label::PER, 1271, 1275),
        ("مصطفى الحسناوي", Label::PER, 1389, 1403),
        ("الديوانية", Label::LOC, 1431, 1440),
        ("حسين الأسدي", Label::PER, 1503, 1514),
        ("البصرة", Label::LOC, 1548, 1554),
        ("الخليج", Label::LOC, 1584, 1590),
        ("زينب الأسدي", Label::PER, 1611, 1622),
        ("الناصرية", Label::LOC, 1646, 1654),
    ];
    assert_eq!(names_in(WATER_DEAL, 8..12), owned(&expected));
}

#[test]
fn diacritics_tatweel_and_variant_spellings_stay_in_the_spans() {
    // قال يلمـاز with a tatweel; الديوانيه with ه for ة; a slogan and a
    // sentence fully vowelled; the shadda of غسّان; انقرة without its hamza
    // and مصطفي with ي for ى.
    let expected = [
        ("العراق", Label::LOC, 604, 610),
        ("يلمـاز", Label::PER, 669, 675),
        ("الديوانيه", Label::LOC, 1821, 1830),
        ("الدِّيوَانِيَّةِ", Label::LOC, 1869, 1885),
        ("بَغْدَادَ", Label::LOC, 1892, 1901),
        ("غسّان العزاوي", Label::PER, 1946, 1959),
        ("البصرة", Label::LOC, 1991, 1997),
        ("الديوانية", Label::LOC, 1999, 2008),
        ("الخَفَاجِيُّ", Label::PER, 2046, 2058),
        ("العِرَاقَ", Label::LOC, 2065, 2074),
        ("تُرْكِيَا", Label::LOC, 2147, 2156),
        ("انقرة", Label::LOC, 2206, 2211),
        ("مصطفي الحسناوي", Label::PER, 2317, 2331),
    ];
    let found = names_in(WATER_DEAL, 5..6).into_iter().chain(names_in(WATER_DEAL, 13..17)).collect::<Vec<_>>();
    assert_eq!(found, owned(&expected));
}

#[test]
fn nationality_adjectives_and_a_common_word_after_a_proclitic_are_not_names() {
    // وزيرة الدفاع الكندية، نظيرها العراقي، وزير الزراعة التركي، السدود التركية …;
    // “للأسف، …” ("unfortunately") opens a quote.
    let adjectives = ["كندي", "الكندية", "العراقي", "العراقية", "العراقيين", "العراقيون", "عراقي", "التركي", "التركية", "تركية", "غربي", "الغربي", "الأجنبية", "الأجنبي"];
    for article in [NATO_MISSION, WATER_DEAL] {
        let found = names_in(article, 0..article.lines().count());
        for (text, ..) in &found {
            assert!(!text.split(' ').any(|word| adjectives.contains(&word)), "{text} is an adjective");
            assert_ne!(text, "لأسف");
        }
    }
}

/// The entities of the sample article, as (text, label), where the shared data is.
fn sample_entities() -> Option<Vec<(String, Label)>> {
    let article = common::read_shared("sample-article-ar.txt")?;
    let result = alam::extract(&article);
    let units: Vec<u16> = article.encode_utf16().collect();
    for e in &result.entities {
        assert_eq!(String::from_utf16(&units[e.start..e.end]).unwrap(), e.text, "offsets are UTF-16 into the input");
    }
    Some(result.entities.into_iter().map(|e| (e.text, e.label)).collect())
}

#[test]
fn the_sample_article_gets_exact_spans_on_the_stems() {
    let Some(found) = sample_entities() else { return };
    let has = |text: &str, label| found.iter().any(|(t, l)| t == text && *l == label);
    // Names whole, with the shadda of صدّام kept in the text.
    assert!(has("لويد أوستن", Label::PER));
    assert!(has("صدّام حسين", Label::PER), "from بصدّام حسين, the ب outside");
    assert!(has("أنالينا بيربوك", Label::PER), "بيربوك keeps its ب");
    assert!(has("محمد شياع السوداني", Label::PER));
    assert!(has("أنطونيو غوتيريش", Label::PER));
    // في بغداد; لواشنطن loses its ل; للعراق keeps the article's lam.
    assert!(has("بغداد", Label::LOC));
    assert!(has("واشنطن", Label::LOC));
    assert!(has("لعراق", Label::LOC));
    assert!(has("الولايات المتحدة", Label::LOC));
    // ANERgazet spells it الأمريكية; the lists are read in both spellings.
    assert!(has("الولايات المتحدة الأميركية", Label::LOC));
    assert!(has("لأمم المتحدة", Label::ORG), "للأمم المتحدة");
    assert!(has("حلف شمال الأطلسي", Label::ORG));
    // From the lists beyond ANERcorp: a city of GeoNames, an organisation of
    // training/organisations.txt (both written two ways in the article).
    assert!(has("أربيل", Label::LOC));
    assert!(has("تنظيم الدولة الإسلامية", Label::ORG));
    assert!(has("تنظيم الدولة الاسلامية", Label::ORG));
    // Organisations the list names whole, where the model saw a place in one
    // (القدس) or nothing.
    assert!(has("فيلق القدس", Label::ORG));
    assert_eq!(found.iter().filter(|(t, l)| t == "الحشد الشعبي" && *l == Label::ORG).count(), 2);
    // One type for one name throughout the article (in paragraph 22 alone
    // the model would take أوستن for an organisation).
    assert!(found.iter().filter(|(t, _)| t == "أوستن").all(|(_, l)| *l == Label::PER));
    // Common words that look like names: the spelling dictionary knows them.
    assert!(!found.iter().any(|(t, _)| t == "لأسف"), "“للأسف (\"unfortunately\") is no name");
    assert!(!found.iter().any(|(t, _)| t == "توالياً"), "توالياً (\"in turn\") is no name");
    // الشيعة ("the Shia") comes out as an organisation, as ANERcorp tags it
    // (8 times in 11). What the shipped model still gets wrong here:
    // المحيط الإقليمي ("the region around", paragraph 10) is taken for a
    // place, and in paragraph 11 the organisation is الدولة الاسلامية
    // without its head تنظيم.
    // No span keeps a proclitic of a known name.
    for bad in ["لواشنطن", "للعراق", "بصدّام حسين", "وبغداد"] {
        assert!(!found.iter().any(|(t, _)| t == bad), "{bad} kept its proclitic");
    }
}

#[test]
fn proclitics_stay_outside_names_the_model_knows() {
    let result = alam::extract("وصل الوزير إلى بغداد وبغداد ثم لواشنطن وللعراق.");
    let found: Vec<(&str, Label)> = result.entities.iter().map(|e| (e.text.as_str(), e.label)).collect();
    assert_eq!(found, [("بغداد", Label::LOC), ("بغداد", Label::LOC), ("واشنطن", Label::LOC), ("لعراق", Label::LOC)]);
}

#[test]
fn words_in_latin_letters_alone_are_not_names() {
    let text = "The ministry said on Sunday: «أعلنت وزيرة الموارد المائية العراقية هدى الجبوري خطة لإصلاح شبكات المياه في البصرة وبغداد».";
    let found: Vec<(String, Label)> = alam::extract(text).entities.into_iter().map(|e| (e.text, e.label)).collect();
    let expected = [("هدى الجبوري", Label::PER), ("البصرة", Label::LOC), ("بغداد", Label::LOC)];
    assert_eq!(found, expected.map(|(t, l)| (t.to_string(), l)));
}
