//! Weight codes: a feature's weight is stored as a signed byte `c` meaning
//! `sign(c) * codebook[|c|]`, log-spaced levels that keep small weights and
//! large ones in one byte.

/// The magnitudes that weight codes stand for: `0[c]` for code `c`, with
/// `0[0] == 0` and the rest strictly increasing.
#[derive(Debug, Clone, PartialEq)]
pub struct Codebook(pub [i16; 128]);

impl Codebook {
    /// Levels spaced evenly in log scale from `top / range` to `top`.
    pub fn log_spaced(top: i16, range: f64) -> Codebook {
        let mut levels = [0i16; 128];
        for (c, level) in levels.iter_mut().enumerate().skip(1) {
            let value = f64::from(top) * range.powf((c as f64 - 127.0) / 126.0);
            *level = (value.round() as i16).max(c as i16);
        }
        for c in 1..128 {
            levels[c] = levels[c].max(levels[c - 1] + 1);
        }
        Codebook(levels)
    }

    /// The weight of a code.
    pub fn value(&self, code: i8) -> i16 {
        let level = self.0[code.unsigned_abs().min(127) as usize];
        if code < 0 {
            -level
        } else {
            level
        }
    }

    /// The code whose weight is nearest to `weight` (0 for weights nearer 0
    /// than to the first level).
    pub fn code(&self, weight: i16) -> i8 {
        let magnitude = weight.unsigned_abs() as i32;
        let at = self.0.partition_point(|&l| i32::from(l) < magnitude).min(127);
        let nearest = if at > 0 && magnitude - i32::from(self.0[at - 1]) < i32::from(self.0[at]) - magnitude { at - 1 } else { at };
        if weight < 0 {
            -(nearest as i8)
        } else {
            nearest as i8
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_the_codebook() {
        let codebook = Codebook::log_spaced(30000, 10000.0);
        assert_eq!(codebook.0[127], 30000);
        for code in -127..=127i8 {
            assert_eq!(codebook.code(codebook.value(code)), code);
        }
        assert_eq!(codebook.code(0), 0);
    }
}
