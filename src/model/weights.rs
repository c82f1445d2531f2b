//! The feature weights: an open-addressing table keyed by feature hash.

use super::tags::TAGS;
use crate::features;

/// Feature weights in an open-addressing table keyed by feature hash.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct FeatureTable {
    /// Power-of-two sized; key 0 marks an empty slot. A key and its weights
    /// share a cache line.
    pub(super) slots: Vec<(u32, [i16; TAGS])>,
}

impl FeatureTable {
    pub(super) fn new(len: usize) -> Self {
        let size = (len * 2).next_power_of_two().max(16);
        FeatureTable { slots: vec![(0, [0; TAGS]); size] }
    }

    #[inline]
    fn slot(&self, key: u32) -> usize {
        features::probe(self.slots.len(), key, |at| self.slots[at].0)
    }

    pub(super) fn insert(&mut self, key: u32, weights: [i16; TAGS]) {
        let slot = self.slot(key);
        self.slots[slot] = (key, weights);
    }

    #[inline]
    pub(super) fn get(&self, key: u32) -> Option<&[i16; TAGS]> {
        // As `slot` probes, with one read of each slot.
        let mask = self.slots.len() - 1;
        let mut at = key as usize & mask;
        loop {
            let (found, weights) = &self.slots[at];
            if *found == 0 {
                return None;
            }
            if *found == key {
                return Some(weights);
            }
            at = (at + 1) & mask;
        }
    }

    /// Starts loading the first slot of each key into the cache: the table is
    /// larger than the CPU's caches and a token's features land all over it,
    /// so their misses are best waited for together rather than one by one.
    #[inline]
    pub(super) fn prefetch(&self, keys: &[u32]) {
        for &key in keys {
            features::prefetch(self.slots.as_ptr().wrapping_add(key as usize & (self.slots.len() - 1)));
        }
    }

    pub(super) fn len(&self) -> usize {
        self.slots.iter().filter(|(k, _)| *k != 0).count()
    }

    /// Entries sorted by key.
    pub(super) fn entries(&self) -> Vec<(u32, [i16; TAGS])> {
        let mut entries: Vec<_> = self.slots.iter().filter(|(k, _)| *k != 0).copied().collect();
        entries.sort_unstable_by_key(|&(k, _)| k);
        entries
    }
}
