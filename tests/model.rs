//! The trained model end to end: training on a slice of ANERcorp, the model
//! file, and spans on the sample article. The data is read from
//! `../shared/data/`, never copied into the repository.

use alam::train::{self, List, Model, Options, Sentence, VocabularySources};
use alam::{Extractor, Label, ModelError};

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e} (the tests read the shared data)"))
}

/// The first `n` sentences of the training file.
fn slice(n: usize) -> Vec<Sentence> {
    let mut sentences = train::read_conll(&read("../shared/data/anercorp/train.txt")).unwrap();
    sentences.truncate(n);
    sentences
}

fn train_slice(sentences: &[Sentence]) -> Model {
    let mut sources = VocabularySources::default();
    sources.add_cues();
    sources.add_list(&read("../shared/data/anergazet/AlignedLocGazetteer.txt"), List::Places);
    // A few lines of the frequency list that `training/lexicons.py` writes.
    sources.add_frequencies("في\t146\t1\nمن\t150\t1\nالعراق\t330\t1\nبغداد\t406\t1\nالحكومة\t339\t1\nحكومة\t381\t1\n").unwrap();
    train::train(sentences, &sources, &Options { epochs: 5, ..Options::default() })
}

#[test]
fn training_on_a_slice_is_deterministic_and_learns() {
    let sentences = slice(300);
    let first = train_slice(&sentences).to_bytes();
    let second = train_slice(&sentences).to_bytes();
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
    for sentence in train::read_conll(&read("../shared/data/anercorp/dev.txt")).unwrap().iter().take(100) {
        assert_eq!(reloaded.extract(&sentence.text), shipped.extract(&sentence.text));
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

/// The entities of the sample article, as (text, label).
fn sample_entities() -> Vec<(String, Label)> {
    let article = read("../shared/data/sample-article-ar.txt");
    let result = alam::extract(&article);
    let units: Vec<u16> = article.encode_utf16().collect();
    for e in &result.entities {
        assert_eq!(String::from_utf16(&units[e.start..e.end]).unwrap(), e.text, "offsets are UTF-16 into the input");
    }
    result.entities.into_iter().map(|e| (e.text, e.label)).collect()
}

#[test]
fn the_sample_article_gets_exact_spans_on_the_stems() {
    let found = sample_entities();
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
