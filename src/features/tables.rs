//! Open-addressing tables keyed by 32-bit hashes (the vocabulary, the
//! frequency list, the feature weights), and the prefetch that lets a
//! token's look-ups wait for memory together: the crate's one `unsafe`.

/// Linear probing in an open-addressing table of `size` slots (a power of
/// two) whose slot `at` holds key `key_at(at)`, 0 when empty: the slot of
/// `key` (never 0), or the empty slot where it would go.
#[inline]
pub(crate) fn probe(size: usize, key: u32, key_at: impl Fn(usize) -> u32) -> usize {
    let mask = size - 1;
    let mut at = key as usize & mask;
    loop {
        let found = key_at(at);
        if found == 0 || found == key {
            return at;
        }
        at = (at + 1) & mask;
    }
}

/// Starts loading the cache line at `address`: the weight table and the
/// frequency list are larger than the CPU's caches, and a token's look-ups
/// land all over them, so their misses are best waited for together rather
/// than one by one.
#[inline]
#[allow(unsafe_code)] // the crate's one unsafe block, justified below
pub(crate) fn prefetch<T>(address: *const T) {
    // SAFETY: SSE is part of every x86-64 CPU, and a prefetch is only a hint:
    // it reads nothing the program sees and never faults.
    #[cfg(target_arch = "x86_64")]
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(address.cast())
    };
    // WebAssembly has no prefetch: there the look-ups wait in turn.
    #[cfg(not(target_arch = "x86_64"))]
    let _ = address;
}

/// Hashes are stored with 0 meaning "empty"; 0 itself becomes 1.
pub fn nonzero(key: u32) -> u32 {
    key.max(1)
}
