//! Exact Viterbi decoding over the tags, with I- tags only continuing
//! their type; generic over the score type (integers when tagging, floats
//! when training).

use super::tags::{allowed, TAGS};

/// The best of `best[p] + transitions[p][t]` over the tags `p` of `from`, in
/// increasing order (ties go to the lower tag), and that tag.
#[inline(always)]
fn best_predecessor<T>(best: &[T; TAGS], transitions: &[[T; TAGS]; TAGS], t: usize, mut from: impl Iterator<Item = usize>) -> (T, u8)
where
    T: Copy + PartialOrd + std::ops::Add<Output = T>,
{
    let first = from.next().expect("every tag has a predecessor");
    let mut top = (best[first] + transitions[first][t], first as u8);
    for p in from {
        let candidate = best[p] + transitions[p][t];
        if candidate > top.0 {
            top = (candidate, p as u8);
        }
    }
    top
}

/// The best tag sequence under emission and transition scores, with I- tags
/// only continuing their type. Ties go to the lower tag. Scores are kept
/// relative to the best at each token, so long documents cannot overflow.
pub fn viterbi<T>(emissions: &[[T; TAGS]], start: &[T; TAGS], transitions: &[[T; TAGS]; TAGS], tags: &mut Vec<u8>)
where
    T: Copy + PartialOrd + std::ops::Add<Output = T> + std::ops::Sub<Output = T>,
{
    tags.clear();
    let Some(first) = emissions.first() else { return };
    let mut back: Vec<[u8; TAGS]> = Vec::with_capacity(emissions.len());
    back.push([0; TAGS]);
    let mut best: [T; TAGS] = std::array::from_fn(|t| start[t] + first[t]);
    // The transitions into O and the B- tags by predecessor, in lanes that a
    // step compares side by side (padded with copies of the last).
    let into_outside_and_begin: [[T; LANES]; TAGS] =
        std::array::from_fn(|p| std::array::from_fn(|k| transitions[p][OUTSIDE_AND_BEGIN[k.min(OUTSIDE_AND_BEGIN.len() - 1)]]));
    for (i, emission) in emissions.iter().enumerate().skip(1) {
        // Two copies of the step, so that neither tests which token it is at.
        let (next, from) = if i == 1 {
            viterbi_step(&best, transitions, &into_outside_and_begin, emission, true)
        } else {
            viterbi_step(&best, transitions, &into_outside_and_begin, emission, false)
        };
        let high = next.iter().copied().fold(next[0], |m, s| if s > m { s } else { m });
        best = next.map(|s| s - high);
        back.push(from);
    }
    let mut last = 0;
    for t in 1..TAGS {
        // With one token, the I- tags are still out of reach.
        if (emissions.len() > 1 || allowed(None, t as u8)) && best[t] > best[last] {
            last = t;
        }
    }
    tags.resize(emissions.len(), 0);
    let mut tag = last as u8;
    for i in (0..emissions.len()).rev() {
        tags[i] = tag;
        tag = back[i][tag as usize];
    }
}

/// The O and B- tags, which may follow any tag; an I- tag `t` follows only `t - 1` (its B-) and itself.
const OUTSIDE_AND_BEGIN: [usize; 5] = [0, 1, 3, 5, 7];
const INSIDE: [usize; 4] = [2, 4, 6, 8];

/// Lanes of the O and B- tags in a step of [`viterbi`].
const LANES: usize = 8;

/// One token of [`viterbi`]: each tag's best score and best predecessor, as
/// [`allowed`] says; at the second token (`second`), the I- tags of the first
/// are out of reach. (Fixed ranges, so that the compiler unrolls them.)
#[inline(always)]
fn viterbi_step<T>(
    best: &[T; TAGS],
    transitions: &[[T; TAGS]; TAGS],
    into_outside_and_begin: &[[T; LANES]; TAGS],
    emission: &[T; TAGS],
    second: bool,
) -> ([T; TAGS], [u8; TAGS])
where
    T: Copy + PartialOrd + std::ops::Add<Output = T>,
{
    let mut next = *emission;
    let mut from = [0u8; TAGS];
    if second {
        for t in OUTSIDE_AND_BEGIN {
            let (top, top_from) = best_predecessor(best, transitions, t, OUTSIDE_AND_BEGIN.into_iter());
            next[t] = top + emission[t];
            from[t] = top_from;
        }
    } else {
        // As `best_predecessor` over every tag, for all of them at once: the
        // same comparisons in the same order, lane by lane.
        let mut top: [T; LANES] = std::array::from_fn(|k| best[0] + into_outside_and_begin[0][k]);
        let mut top_from = [0u32; LANES];
        for p in 1..TAGS {
            for k in 0..LANES {
                let candidate = best[p] + into_outside_and_begin[p][k];
                if candidate > top[k] {
                    top[k] = candidate;
                    top_from[k] = p as u32;
                }
            }
        }
        for (k, t) in OUTSIDE_AND_BEGIN.into_iter().enumerate() {
            next[t] = top[k] + emission[t];
            from[t] = top_from[k] as u8;
        }
    }
    for t in INSIDE {
        let (top, top_from) = if second { best_predecessor(best, transitions, t, t - 1..t) } else { best_predecessor(best, transitions, t, t - 1..t + 1) };
        next[t] = top + emission[t];
        from[t] = top_from;
    }
    (next, from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::tags::OUTSIDE;

    #[test]
    fn viterbi_finds_the_best_allowed_path() {
        // O then I-PER would score 15, but I- only continues its type.
        let mut e = [[0i32; TAGS]; 2];
        e[0][OUTSIDE as usize] = 5;
        e[0][1] = -10;
        e[1][2] = 10;
        e[1][1] = 3;
        let mut tags = Vec::new();
        viterbi(&e, &[0; TAGS], &[[0; TAGS]; TAGS], &mut tags);
        assert_eq!(tags, [0, 1]);
        // A transition bonus makes B-PER I-PER the best path (9 > 8).
        let mut transitions = [[0; TAGS]; TAGS];
        transitions[1][2] = 9;
        viterbi(&e, &[0; TAGS], &transitions, &mut tags);
        assert_eq!(tags, [1, 2]);
    }

    #[test]
    fn viterbi_scores_as_well_as_every_allowed_sequence() {
        let mut seed = 7u64;
        let mut random = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as i64 % 1000 - 500
        };
        for len in 1..=4usize {
            let emissions: Vec<[i64; TAGS]> = (0..len).map(|_| std::array::from_fn(|_| random())).collect();
            let start: [i64; TAGS] = std::array::from_fn(|_| random());
            let transitions: [[i64; TAGS]; TAGS] = std::array::from_fn(|_| std::array::from_fn(|_| random()));
            let score = |tags: &[u8]| {
                let mut total = start[tags[0] as usize];
                for (i, &t) in tags.iter().enumerate() {
                    total += emissions[i][t as usize] + if i > 0 { transitions[tags[i - 1] as usize][t as usize] } else { 0 };
                }
                total
            };
            let mut best = i64::MIN;
            for n in 0..TAGS.pow(len as u32) {
                let tags: Vec<u8> = (0..len).map(|i| (n / TAGS.pow(i as u32) % TAGS) as u8).collect();
                let valid = (0..len).all(|i| allowed(i.checked_sub(1).map(|p| tags[p]), tags[i]));
                if valid {
                    best = best.max(score(&tags));
                }
            }
            let mut tags = Vec::new();
            viterbi(&emissions, &start, &transitions, &mut tags);
            assert!((0..len).all(|i| allowed(i.checked_sub(1).map(|p| tags[p]), tags[i])), "{tags:?}");
            assert_eq!(score(&tags), best, "{len} tokens");
        }
    }
}
