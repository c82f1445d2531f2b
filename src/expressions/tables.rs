//! The words of news expressions, as data. Spellings of one meaning are
//! separated by `|` and written as in running text; folding (alef forms, ى/ي,
//! ة/ه, marks, digits) makes the remaining variants match.
//!
//! Month and weekday names were checked against CLDR 48 (`cldr-dates-full`,
//! `cldr-cal-islamic-full`, wide and abbreviated forms of every `ar-*` locale):
//! - `ar` and the Gulf, Egypt, Sudan, Libya: يناير … ديسمبر (أبريل، مايو، يوليو، أغسطس).
//! - `ar-IQ`, `ar-JO`, `ar-LB`, `ar-PS`, `ar-SY`: كانون الثاني … كانون الأول.
//! - `ar-DZ`, `ar-TN`: جانفي، فيفري، مارس، أفريل، ماي، جوان، جويلية، أوت، سبتمبر، أكتوبر، نوفمبر، ديسمبر.
//! - `ar-MA` differs from them (يوليوز، غشت، شتنبر، نونبر، دجنبر, and يونيو for June) and
//!   `ar-MR` again (إبريل، أغشت، شتمبر، دجمبر): all are listed here.
//! - CLDR has none of the Egyptian يونيه/يوليه nor the article-less كانون ثاني، تشرين أول
//!   of informal Levantine text: added from usage.
//! - Hijri months (every locale alike): محرم، صفر، ربيع الأول، ربيع الآخر، جمادى الأولى،
//!   جمادى الآخرة، رجب، شعبان، رمضان، شوال، ذو القعدة، ذو الحجة; the era is هـ.
//!   Common variants not in CLDR: ربيع الثاني، جمادى الثانية، ذي القعدة، ذي الحجة (genitive).
//! - Weekdays are the same in every locale: الأحد … السبت.

use crate::mention::Qualifier;

/// Gregorian months by number: names that mean the month wherever they stand,
/// and names that are also ordinary words or names (آب "father", مارس "practised",
/// ماي، جوان، أوت; نيسان is also the carmaker Nissan, frequent in business news)
/// and count as months only next to a day, a year or a paired name.
pub const GREGORIAN_MONTHS: [(&str, &str); 12] = [
    ("كانون الثاني|كانون ثاني|يناير|جانفي", ""),
    ("شباط|فبراير|فيفري", ""),
    ("آذار", "مارس"),
    ("أبريل|إبريل|أفريل", "نيسان"),
    ("أيار|مايو", "ماي"),
    ("حزيران|يونيو|يونيه", "جوان"),
    ("تموز|يوليو|يوليه|يوليوز|جويلية", ""),
    ("أغسطس|غشت|أغشت", "آب|أوت"),
    ("أيلول|سبتمبر|شتنبر|شتمبر", ""),
    ("تشرين الأول|تشرين أول|أكتوبر", ""),
    ("تشرين الثاني|تشرين ثاني|نوفمبر|نونبر", ""),
    ("كانون الأول|كانون أول|ديسمبر|دجنبر|دجمبر", ""),
];

/// Hijri months by number, split as [`GREGORIAN_MONTHS`]: most are also personal
/// names or words (رمضان، رجب، صفر "zero").
pub const HIJRI_MONTHS: [(&str, &str); 12] = [
    ("المحرم", "محرم"),
    ("", "صفر"),
    ("ربيع الأول", ""),
    ("ربيع الآخر|ربيع الثاني", ""),
    ("جمادى الأولى|جمادى الأول", ""),
    ("جمادى الآخرة|جمادى الثانية|جمادى الآخر", ""),
    ("", "رجب"),
    ("", "شعبان"),
    ("", "رمضان"),
    ("شوال", ""),
    ("ذو القعدة|ذي القعدة", ""),
    ("ذو الحجة|ذي الحجة", ""),
];

/// Weekdays as ISO 8601 numbers (Monday 1).
pub const WEEKDAYS: [(&str, u32); 7] = [
    ("الاثنين|الإثنين", 1),
    ("الثلاثاء", 2),
    ("الأربعاء", 3),
    ("الخميس", 4),
    ("الجمعة", 5),
    ("السبت", 6),
    ("الأحد", 7),
];

/// Words that take part of the period after them.
pub const QUALIFIERS: [(&str, Qualifier); 3] = [
    ("مطلع|أوائل|بداية|مستهل", Qualifier::Early),
    ("منتصف|أواسط", Qualifier::Mid),
    ("أواخر|نهاية", Qualifier::Late),
];

/// Words that name what follows them and belong to the expression.
pub const YEAR_WORDS: &str = "عام|العام|سنة|السنة";
pub const DAY_WORD: &str = "يوم";
pub const DATE_WORD: &str = "تاريخ";
pub const MONTH_WORD: &str = "شهر";
/// Between a day and its month: العشرين من آذار.
pub const OF: &str = "من";
/// Between a weekday and the date it falls on: يوم الثلاثاء الموافق 5/8/2008.
pub const AGREEING: &str = "الموافق";

/// Era marks after a year: `true` for the Hijri era.
pub const ERAS: [(&str, bool); 2] = [("م|ميلادي|ميلادية", false), ("هـ|هجري|هجرية", true)];

/// Ordinal words for the days of a month, الأول to الحادي والثلاثين, built from
/// the ordinal units (الحادي stands for الأول in compounds) and the tens.
pub const DAY_UNITS: [&str; 10] = ["الأول|أول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"];
pub const DAY_TENS: [(&str, u32); 2] = [("العشرين|العشرون", 20), ("الثلاثين|الثلاثون", 30)];
pub const ELEVENTH_UNIT: &str = "الحادي";
pub const TEEN_TEN: &str = "عشر";

/// The hour, and the hours as feminine ordinals (الساعة الثالثة).
pub const HOUR_WORD: &str = "الساعة";
pub const HOURS: [(&str, u32); 12] = [
    ("الواحدة", 1),
    ("الثانية", 2),
    ("الثالثة", 3),
    ("الرابعة", 4),
    ("الخامسة", 5),
    ("السادسة", 6),
    ("السابعة", 7),
    ("الثامنة", 8),
    ("التاسعة", 9),
    ("العاشرة", 10),
    ("الحادية عشرة|الحادية عشر", 11),
    ("الثانية عشرة|الثانية عشر", 12),
];

/// Minutes added to an hour word (negative: before the hour).
pub const HOUR_FRACTIONS: [(&str, i32); 5] =
    [("والنصف", 30), ("والربع", 15), ("والثلث", 20), ("إلا ربعا|الا ربع", -15), ("إلا ثلثا|إلا ثلث", -20)];

/// Parts of the day after a time (CLDR's `dayPeriods` and their common forms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPeriod {
    Morning,
    /// ظهرا: 12 or early afternoon.
    Noon,
    Afternoon,
    /// ليلا: evening hours, or after midnight for small hours.
    Night,
}

pub const DAY_PERIODS: [(&str, DayPeriod); 4] = [
    ("صباحا|صباح|في الصباح|فجرا", DayPeriod::Morning),
    ("ظهرا", DayPeriod::Noon),
    ("بعد الظهر|عصرا|مساء|في المساء", DayPeriod::Afternoon),
    ("ليلا", DayPeriod::Night),
];

/// CLDR's one-letter am/pm marks, read as such only after a clock time (3:30 م).
pub const DAY_PERIOD_MARKS: [(&str, DayPeriod); 2] = [("ص", DayPeriod::Morning), ("م", DayPeriod::Afternoon)];

/// Time zones after a time, as ISO 8601 offsets; the local time has none.
pub const TIME_ZONES: [(&str, &str); 4] = [
    ("بتوقيت غرينتش|بتوقيت غرينيتش|بتوقيت جرينتش|بتوقيت جرينيتش|بتوقيت غرينيش", "Z"),
    ("بتوقيت بغداد|بتوقيت مكة المكرمة|بتوقيت مكة|بتوقيت الرياض|بتوقيت الكويت|بتوقيت الدوحة", "+03:00"),
    ("بتوقيت أبوظبي|بتوقيت دبي", "+04:00"),
    ("بالتوقيت المحلي", ""),
];

/// Number words, with how they combine.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberWord {
    /// Adds to the number so far: units, tens, hundreds (خمسة وعشرون، ثلاثة عشر).
    Add(f64),
    /// مئة: multiplies a unit before it (ثلاث مئة), else adds a hundred.
    Hundred,
    /// Multiplies what comes before it, or stands for one of itself (ألف، مليون).
    Scale(f64),
    /// A fraction of what follows (نصف مليون) or of the scale before it (مليون ونصف).
    Fraction(f64),
}

pub const NUMBER_WORDS: [(&str, NumberWord); 37] = [
    ("واحد|واحدة", NumberWord::Add(1.0)),
    ("اثنان|اثنين|اثنتان|اثنتين|اثنا|اثني|اثنتا|اثنتي", NumberWord::Add(2.0)),
    ("ثلاث|ثلاثة", NumberWord::Add(3.0)),
    ("أربع|أربعة", NumberWord::Add(4.0)),
    ("خمس|خمسة", NumberWord::Add(5.0)),
    ("ست|ستة", NumberWord::Add(6.0)),
    ("سبع|سبعة", NumberWord::Add(7.0)),
    ("ثمان|ثماني|ثمانية", NumberWord::Add(8.0)),
    ("تسع|تسعة", NumberWord::Add(9.0)),
    ("عشر|عشرة", NumberWord::Add(10.0)),
    ("أحد|إحدى", NumberWord::Add(1.0)),
    ("عشرون|عشرين", NumberWord::Add(20.0)),
    ("ثلاثون|ثلاثين", NumberWord::Add(30.0)),
    ("أربعون|أربعين", NumberWord::Add(40.0)),
    ("خمسون|خمسين", NumberWord::Add(50.0)),
    ("ستون|ستين", NumberWord::Add(60.0)),
    ("سبعون|سبعين", NumberWord::Add(70.0)),
    ("ثمانون|ثمانين", NumberWord::Add(80.0)),
    ("تسعون|تسعين", NumberWord::Add(90.0)),
    ("مئة|مائة|مئه", NumberWord::Hundred),
    ("مئتان|مئتين|مائتان|مائتين|مئتا|مئتي", NumberWord::Add(200.0)),
    ("ثلاثمئة|ثلاثمائة", NumberWord::Add(300.0)),
    ("أربعمئة|أربعمائة", NumberWord::Add(400.0)),
    ("خمسمئة|خمسمائة", NumberWord::Add(500.0)),
    ("ستمئة|ستمائة", NumberWord::Add(600.0)),
    ("سبعمئة|سبعمائة", NumberWord::Add(700.0)),
    ("ثمانمئة|ثمانمائة|ثمانيمئة", NumberWord::Add(800.0)),
    ("تسعمئة|تسعمائة", NumberWord::Add(900.0)),
    ("ألف|ألفا|آلاف|ألوف", NumberWord::Scale(1e3)),
    ("ألفان|ألفين|ألفي", NumberWord::Add(2e3)),
    ("مليون|مليونا|ملايين", NumberWord::Scale(1e6)),
    ("مليونان|مليونين|مليوني", NumberWord::Add(2e6)),
    ("مليار|مليارا|مليارات|بليون|بلايين", NumberWord::Scale(1e9)),
    ("ملياران|مليارين|ملياري", NumberWord::Add(2e9)),
    ("تريليون|تريليونات", NumberWord::Scale(1e12)),
    ("نصف", NumberWord::Fraction(0.5)),
    ("ربع", NumberWord::Fraction(0.25)),
];

/// Percent signs and words after a number.
pub const PERCENT: &str = "%|٪|في المئة|في المائة|بالمئة|بالمائة|في المية|بالمية";

/// A currency: its name (the `unit` of MONEY) and ISO 4217 code where the name alone fixes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    pub name: &'static str,
    pub code: Option<&'static str>,
}

/// Currencies by name: spellings (singular, accusative, plural), the name, the
/// code of the bare name, and the codes that a nationality after it fixes. A
/// bare دولار is the US dollar (Arabic news qualifies any other); a bare دينار,
/// ريال, جنيه, ليرة or درهم has no code, since several countries use the name.
pub struct CurrencyName {
    /// Singular, accusative and plural spellings.
    pub spellings: &'static str,
    pub name: &'static str,
    /// The code of the bare name.
    pub code: Option<&'static str>,
    /// Nationalities after the name (spellings) and the code each fixes.
    pub nationalities: &'static [(&'static str, &'static str)],
}

pub const CURRENCIES: [CurrencyName; 11] = [
    CurrencyName { spellings: "دولار|دولارا|دولارات", name: "دولار", code: Some("USD"), nationalities: &[("أمريكي|أميركي|أمريكية|أميركية", "USD"), ("كندي|كندية", "CAD"), ("أسترالي|أسترالية", "AUD")] },
    CurrencyName { spellings: "يورو", name: "يورو", code: Some("EUR"), nationalities: &[] },
    CurrencyName { spellings: "دينار|دينارا|دنانير", name: "دينار", code: None, nationalities: &[("عراقي|عراقية", "IQD"), ("كويتي|كويتية", "KWD"), ("أردني|أردنية", "JOD"), ("بحريني|بحرينية", "BHD"), ("تونسي|تونسية", "TND"), ("جزائري|جزائرية", "DZD"), ("ليبي|ليبية", "LYD")] },
    CurrencyName { spellings: "ريال|ريالا|ريالات", name: "ريال", code: None, nationalities: &[("سعودي|سعودية", "SAR"), ("قطري|قطرية", "QAR"), ("عماني|عمانية", "OMR"), ("يمني|يمنية", "YER"), ("إيراني|إيرانية", "IRR")] },
    CurrencyName { spellings: "جنيه|جنيها|جنيهات", name: "جنيه", code: None, nationalities: &[("مصري|مصرية", "EGP"), ("إسترليني|إسترلينية", "GBP"), ("سوداني|سودانية", "SDG")] },
    CurrencyName { spellings: "ليرة|ليرات", name: "ليرة", code: None, nationalities: &[("لبنانية|لبناني", "LBP"), ("سورية|سوري", "SYP"), ("تركية|تركي", "TRY")] },
    CurrencyName { spellings: "درهم|درهما|دراهم", name: "درهم", code: None, nationalities: &[("إماراتي|إماراتية", "AED"), ("مغربي|مغربية", "MAD")] },
    CurrencyName { spellings: "شيكل|شيقل|شواكل", name: "شيكل", code: Some("ILS"), nationalities: &[] },
    CurrencyName { spellings: "روبل|روبلات", name: "روبل", code: Some("RUB"), nationalities: &[] },
    CurrencyName { spellings: "يوان", name: "يوان", code: Some("CNY"), nationalities: &[] },
    CurrencyName { spellings: "ين ياباني", name: "ين", code: Some("JPY"), nationalities: &[] },
];

/// Currency symbols, before or after the number.
pub const CURRENCY_SYMBOLS: [(&str, Currency); 3] = [
    ("$", Currency { name: "دولار", code: Some("USD") }),
    ("€", Currency { name: "يورو", code: Some("EUR") }),
    ("£", Currency { name: "جنيه", code: Some("GBP") }),
];

/// Counted nouns whose written form is not their singular: plurals and
/// accusatives, with the singular that QUANTITY reports as its `unit`.
pub const UNITS: [(&str, &str); 24] = [
    ("أيام", "يوم"),
    ("أسابيع", "أسبوع"),
    ("أشهر|شهور", "شهر"),
    ("سنوات|سنين", "سنة"),
    ("أعوام|عاما", "عام"),
    ("ساعات", "ساعة"),
    ("دقائق", "دقيقة"),
    ("ثوان|ثواني", "ثانية"),
    ("عناصر|عنصرا", "عنصر"),
    ("جنود|جنديا", "جندي"),
    ("أشخاص|شخصا", "شخص"),
    ("قتلى|قتيلا", "قتيل"),
    ("جرحى|جريحا", "جريح"),
    ("مدنيين|مدنيا", "مدني"),
    ("لاجئين|لاجئا", "لاجئ"),
    ("أطفال|طفلا", "طفل"),
    ("نساء|امرأة", "امرأة"),
    ("كيلومترات|كيلومترا|كلم|كم", "كيلومتر"),
    ("أمتار|مترا", "متر"),
    ("أطنان|طنا", "طن"),
    ("براميل|برميلا", "برميل"),
    ("دول|دولة", "دولة"),
    ("مرات|مرة", "مرة"),
    ("صواريخ|صاروخا", "صاروخ"),
];

/// Words that end a number rather than name what it counts.
pub const NOT_COUNTED: &str = "في|من|على|إلى|عن|مع|بعد|قبل|منذ|حتى|خلال|بين|عند|لدى|حول|ضد|نحو|أو|ثم|بشأن|وفق|حسب|\
أن|إن|لا|ما|قد|هذا|هذه|ذلك|تلك|الذي|التي|كما|حيث|أي|كل|بعض|غير|فقط|أيضا|تقريبا|مقابل|لكن|بل";
