//! The hashes everything is keyed by: 32-bit FNV-1a over folded words, a
//! combiner for phrases and feature templates, and a stem's first and last
//! letters hashed in one pass.

/// 32-bit FNV-1a: the same on every target (a `usize`-based hasher would hash
/// differently in the 32-bit wasm than where the model was trained).
const FNV_OFFSET: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

/// Continues an FNV-1a hash over `bytes`.
pub(super) fn fnv(mut hash: u32, bytes: &[u8]) -> u32 {
    for &b in bytes {
        hash = (hash ^ u32::from(b)).wrapping_mul(FNV_PRIME);
    }
    hash
}

/// The 32-bit FNV-1a hash of bytes.
pub fn hash_bytes(bytes: &[u8]) -> u32 {
    fnv(FNV_OFFSET, bytes)
}

/// The hash of a folded word.
pub fn hash_word(word: &str) -> u32 {
    hash_bytes(word.as_bytes())
}

/// Chains two hashes, order-sensitive (murmur3's finaliser spreads the bits).
pub fn combine(a: u32, b: u32) -> u32 {
    let mut h = a.rotate_left(13).wrapping_mul(0x9e37_79b1) ^ b;
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^ (h >> 16)
}

/// The hash of a phrase of folded words, as vocabulary entries are keyed.
pub fn hash_phrase<'w>(words: impl IntoIterator<Item = &'w str>) -> u32 {
    words.into_iter().map(hash_word).reduce(combine).unwrap_or(0)
}

/// Whether a byte of UTF-8 starts a character (continuation bytes are 0b10xxxxxx).
fn starts_char(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

/// In one pass over a stem: its hash, the hashes of its first letters, one
/// to four (0 past its end), and its letters counted up to 8.
pub(super) fn hash_with_prefixes(stem: &str) -> (u32, [u32; 4], u32) {
    let mut prefixes = [0; 4];
    let mut letters = 0usize;
    let mut hash = FNV_OFFSET;
    for &b in stem.as_bytes() {
        if starts_char(b) {
            // The hash so far is that of the letters before this one.
            if let Some(prefix) = letters.checked_sub(1).and_then(|n| prefixes.get_mut(n)) {
                *prefix = hash;
            }
            letters += 1;
        }
        hash = (hash ^ u32::from(b)).wrapping_mul(FNV_PRIME);
    }
    if let Some(prefix) = letters.checked_sub(1).and_then(|n| prefixes.get_mut(n)) {
        *prefix = hash;
    }
    (hash, prefixes, letters.min(8) as u32)
}

/// The hashes of a stem's last letters, one to four, taken from the end (0
/// past its start); a letter's bytes are hashed in their order.
pub(super) fn suffix_hashes(stem: &str) -> [u32; 4] {
    let bytes = stem.as_bytes();
    let mut suffixes = [0; 4];
    let mut hash = FNV_OFFSET;
    let mut end = bytes.len();
    let step = |hash: u32, byte: u8| (hash ^ u32::from(byte)).wrapping_mul(FNV_PRIME);
    for suffix in &mut suffixes {
        // Most letters are Arabic (two bytes, the first 0b110xxxxx) or ASCII:
        // those are hashed byte by byte, without a search for their start.
        (hash, end) = match end {
            0 => break,
            _ if bytes[end - 1] < 0x80 => (step(hash, bytes[end - 1]), end - 1),
            _ if end >= 2 && bytes[end - 2] & 0xE0 == 0xC0 => (step(step(hash, bytes[end - 2]), bytes[end - 1]), end - 2),
            _ => {
                let start = bytes[..end].iter().rposition(|&b| starts_char(b)).expect("a stem starts with a character");
                (fnv(hash, &bytes[start..end]), start)
            }
        };
        *suffix = hash;
    }
    suffixes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_suffixes_hash_whole_letters() {
        for stem in ["", "ب", "بغداد", "ab", "a😀€bcd", "٪€"] {
            let letters: Vec<&str> = stem.char_indices().map(|(at, c)| &stem[at..at + c.len_utf8()]).collect();
            // The first or last `n` letters, the last ones taken from the end.
            let expected = |n: usize, from_end: bool| {
                if n > letters.len() {
                    return 0;
                }
                let taken: Vec<&str> = if from_end { letters[letters.len() - n..].iter().rev().copied().collect() } else { letters[..n].to_vec() };
                hash_bytes(taken.concat().as_bytes())
            };
            let (hash, prefixes, count) = hash_with_prefixes(stem);
            assert_eq!(hash, hash_word(stem));
            assert_eq!(count as usize, letters.len().min(8));
            assert_eq!(prefixes, std::array::from_fn(|n| expected(n + 1, false)), "{stem:?}");
            assert_eq!(suffix_hashes(stem), std::array::from_fn(|n| expected(n + 1, true)), "{stem:?}");
        }
    }
}
