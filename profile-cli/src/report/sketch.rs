//! A streaming quantile sketch for non-negative integers (token counts, milliseconds): exact below 1024, and
//! above within 0.2% (10 significant bits, like an HDR histogram), in memory that depends on the largest value
//! seen, never on how many values were added.

/// Values below this are counted exactly.
const EXACT: u64 = 1024;
/// Sub-buckets per power of two above [`EXACT`].
const SUB: u64 = 512;

/// Counts of values in buckets; quantiles by nearest rank.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sketch {
    counts: Vec<u64>,
    n: u64,
    sum: u64,
    min: u64,
    max: u64,
}

fn index(v: u64) -> usize {
    if v < EXACT {
        return v as usize;
    }
    let e = 63 - u64::from(v.leading_zeros()); // >= 10
    let shift = e - 9;
    let m = v >> shift; // 512..=1023
    (EXACT + (e - 10) * SUB + (m - SUB)) as usize
}

/// The middle of a bucket's range.
fn value(i: usize) -> u64 {
    let i = i as u64;
    if i < EXACT {
        return i;
    }
    let e = (i - EXACT) / SUB + 10;
    let m = (i - EXACT) % SUB + SUB;
    let shift = e - 9;
    let low = m << shift;
    low + ((1u64 << shift) - 1) / 2
}

impl Sketch {
    /// An empty sketch.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one value.
    pub fn add(&mut self, v: u64) {
        let i = index(v);
        if i >= self.counts.len() {
            self.counts.resize(i + 1, 0);
        }
        self.counts[i] += 1;
        if self.n == 0 {
            (self.min, self.max) = (v, v);
        } else {
            self.min = self.min.min(v);
            self.max = self.max.max(v);
        }
        self.n += 1;
        self.sum = self.sum.saturating_add(v);
    }

    /// How many values were added.
    pub fn len(&self) -> u64 {
        self.n
    }

    /// Whether no value was added.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The sum of the values added (exact).
    pub fn sum(&self) -> u64 {
        self.sum
    }

    /// The `q` quantile (0.0..=1.0) by nearest rank: the smallest value with at least `q` of the values at or
    /// below it (its bucket's middle, within the smallest and largest value seen); `None` when empty.
    pub fn quantile(&self, q: f64) -> Option<u64> {
        if self.n == 0 {
            return None;
        }
        let rank = ((q.clamp(0.0, 1.0) * self.n as f64).ceil() as u64).max(1);
        let mut seen = 0;
        for (i, &c) in self.counts.iter().enumerate() {
            seen += c;
            if seen >= rank {
                return Some(value(i).clamp(self.min, self.max));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_below_1024_and_close_above() {
        let mut s = Sketch::new();
        for v in 1..=100 {
            s.add(v);
        }
        assert_eq!(s.quantile(0.5), Some(50));
        assert_eq!(s.quantile(0.95), Some(95));
        assert_eq!(s.quantile(0.99), Some(99));
        assert_eq!(s.quantile(1.0), Some(100));
        assert_eq!(s.quantile(0.0), Some(1));
        assert_eq!(s.sum(), 5050);
        for v in [1024u64, 3640, 65_537, 1 << 40, u64::MAX] {
            let got = value(index(v)) as f64;
            assert!((got - v as f64).abs() / (v as f64) < 0.002, "{v} -> {got}");
        }
        assert_eq!(Sketch::new().quantile(0.5), None);
    }

    #[test]
    fn buckets_are_ordered() {
        let mut last = 0;
        for v in (0..200_000u64).step_by(7) {
            let i = index(v);
            assert!(i >= last);
            last = i;
        }
    }
}
