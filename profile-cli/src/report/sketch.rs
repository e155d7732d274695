//! A streaming quantile sketch for non-negative integers (token counts, milliseconds): exact below 1024, and
//! above within 0.2% (10 significant bits, like an HDR histogram), in memory that depends on how many distinct
//! buckets were hit, never on how many values were added.
//!
//! A sketch keeps a sorted list of its buckets while it has at most [`SPARSE_MAX`] (16 bytes each), then one
//! counter per bucket up to the highest it has seen: at most [`BUCKETS_MAX`] counters, 131 KB, for values up to
//! [`COUNT_MAX`](super::fields::COUNT_MAX) (larger values are counted in the top bucket). A group of a single call
//! costs a few dozen bytes per sketch, and a large sketch needs more than `SPARSE_MAX` values to exist.

/// Values below this are counted exactly.
const EXACT: u64 = 1024;
/// Sub-buckets per power of two above [`EXACT`].
const SUB: u64 = 512;
/// The most buckets a sketch has: the bucket of [`COUNT_MAX`](super::fields::COUNT_MAX) and those below it.
pub const BUCKETS_MAX: usize = index(super::fields::COUNT_MAX) + 1;
/// The most distinct buckets kept as a sorted list before a sketch switches to one counter per bucket.
pub const SPARSE_MAX: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Counts {
    /// `(bucket, count)`, sorted by bucket.
    Sparse(Vec<(u32, u64)>),
    /// One count per bucket from 0 to the highest seen.
    Dense(Vec<u64>),
}

impl Default for Counts {
    fn default() -> Self {
        Counts::Sparse(Vec::new())
    }
}

/// Counts of values in buckets; quantiles by nearest rank.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sketch {
    counts: Counts,
    n: u64,
    sum: u64,
    min: u64,
    max: u64,
}

const fn index(v: u64) -> usize {
    if v < EXACT {
        return v as usize;
    }
    let e = 63 - v.leading_zeros() as u64; // >= 10
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
        let i = index(v).min(BUCKETS_MAX - 1);
        match &mut self.counts {
            Counts::Dense(counts) => {
                if i >= counts.len() {
                    counts.resize(i + 1, 0);
                }
                counts[i] += 1;
            }
            Counts::Sparse(list) => match list.binary_search_by_key(&(i as u32), |&(b, _)| b) {
                Ok(at) => list[at].1 += 1,
                Err(at) if list.len() < SPARSE_MAX => list.insert(at, (i as u32, 1)),
                Err(_) => {
                    let top = list.last().map_or(0, |&(b, _)| b as usize).max(i);
                    let mut counts = vec![0; top + 1];
                    for &(b, c) in list.iter() {
                        counts[b as usize] = c;
                    }
                    counts[i] += 1;
                    self.counts = Counts::Dense(counts);
                }
            },
        }
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
        let found = match &self.counts {
            Counts::Dense(counts) => counts.iter().enumerate().find_map(|(i, &c)| {
                seen += c;
                (seen >= rank).then_some(i)
            }),
            Counts::Sparse(list) => list.iter().find_map(|&(i, c)| {
                seen += c;
                (seen >= rank).then_some(i as usize)
            }),
        };
        found.map(|i| value(i).clamp(self.min, self.max))
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
    fn sparse_and_dense_agree_and_memory_is_bounded() {
        let mut small = Sketch::new();
        let mut big = Sketch::new();
        let values: Vec<u64> = (0..5000u64).map(|i| (i * 7919) % 3_000_000).collect();
        for (k, &v) in values.iter().enumerate() {
            big.add(v);
            if k < SPARSE_MAX {
                small.add(v);
            }
        }
        assert!(matches!(small.counts, Counts::Sparse(ref l) if l.len() == SPARSE_MAX));
        assert!(matches!(big.counts, Counts::Dense(_)));
        let mut sorted = values.clone();
        sorted.sort_unstable();
        for q in [0.01, 0.5, 0.95, 0.99, 1.0] {
            let want = sorted[((q * sorted.len() as f64).ceil() as usize).max(1) - 1] as f64;
            let got = big.quantile(q).unwrap() as f64;
            assert!(
                (got - want).abs() <= want * 0.002 + 1.0,
                "p{q}: {got} vs {want}"
            );
        }
        let mut first: Vec<u64> = values[..SPARSE_MAX].to_vec();
        first.sort_unstable();
        let got = small.quantile(0.5).unwrap() as f64;
        let want = first[SPARSE_MAX / 2 - 1] as f64;
        assert!((got - want).abs() <= want * 0.002 + 1.0, "{got} vs {want}");

        // A huge value costs one entry, not a bucket array up to it.
        let mut one = Sketch::new();
        one.add(u64::MAX);
        one.add(1 << 62);
        assert!(matches!(one.counts, Counts::Sparse(ref l) if l.len() == 1));
        assert!(one.quantile(1.0).is_some());
        // Dense never grows past BUCKETS_MAX counters.
        for v in (0..200u64).map(|i| i << 33) {
            big.add(v);
        }
        big.add(u64::MAX);
        assert!(matches!(big.counts, Counts::Dense(ref c) if c.len() <= BUCKETS_MAX));
        assert_eq!(BUCKETS_MAX, 16_385);
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
