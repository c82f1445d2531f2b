//! Loading a model from arbitrary bytes: a clear error or a working model,
//! never a panic or an allocation beyond what the bytes can describe. Half
//! the inputs are the shipped model with bytes changed and part cut off, its
//! checksum made to match, so the fuzzer reaches every field of the format.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let bytes = match data.split_first() {
        Some((&mode, rest)) if mode & 1 == 1 => {
            let mut body = alam::MODEL[..alam::MODEL.len() - 4].to_vec();
            // Each 5 bytes: an offset (4 bytes, little-endian) and a value to write there.
            for change in rest.chunks_exact(5) {
                let at = u32::from_le_bytes([change[0], change[1], change[2], change[3]]) as usize % body.len();
                body[at] = change[4];
            }
            body.truncate(body.len() - usize::from(mode >> 1) * (body.len() / 128));
            let checksum = alam::dev::hash_bytes(&body);
            body.extend_from_slice(&checksum.to_le_bytes());
            body
        }
        _ => data.to_vec(),
    };
    if let Ok(extractor) = alam::Extractor::from_model_bytes(&bytes) {
        let result = extractor.extract("وقال وزير الدفاع لويد أوستن في بغداد الثلاثاء إن “العلاقات قوية”.");
        assert!(result.entities.windows(2).all(|w| w[0].end <= w[1].start));
    }
});
