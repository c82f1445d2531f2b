//! Extraction on arbitrary bytes: as UTF-8 where valid, else as a JavaScript
//! string would arrive (invalid sequences replaced). Every result must be
//! well formed: spans sorted, disjoint, on UTF-16 boundaries, `text` = slice.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let result = alam::extract(&text);
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut last_end = 0;
    for e in &result.entities {
        assert!(last_end <= e.start && e.start < e.end && e.end <= units.len(), "{e:?}");
        last_end = e.end;
        assert_eq!(String::from_utf16(&units[e.start..e.end]).ok().as_deref(), Some(e.text.as_str()));
    }
});
