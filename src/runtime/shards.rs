//! Which gateway shards this process runs: Discord's recommended count (autosharding), or a
//! range out of a total set by the operator (`STEWARD_SHARDS=0-3/8`) to spread a hosted
//! Steward over several processes. Discord refuses a single shard past 2,500 servers.

/// Shards `first..=last` of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardRange {
    pub first: u32,
    pub last: u32,
    pub total: u32,
}

impl ShardRange {
    /// Reads `first-last/total` or `n/total`; refuses empty or out-of-range ranges.
    pub fn parse(text: &str) -> Option<Self> {
        let (range, total) = text.trim().split_once('/')?;
        let total: u32 = total.trim().parse().ok()?;
        let (first, last) = match range.split_once('-') {
            Some((a, b)) => (a.trim().parse().ok()?, b.trim().parse().ok()?),
            None => {
                let n = range.trim().parse().ok()?;
                (n, n)
            }
        };
        (total > 0 && first <= last && last < total).then_some(Self { first, last, total })
    }

    /// All shards of Discord's recommendation.
    pub fn all(total: u32) -> Self {
        let total = total.max(1);
        Self {
            first: 0,
            last: total - 1,
            total,
        }
    }
}

impl std::fmt::Display for ShardRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}/{}", self.first, self.last, self.total)
    }
}
