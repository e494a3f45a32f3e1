//! The kinds of value a policy setting holds (fractions, whole numbers, choices), each read
//! from and shown as the text members type.

use serde::{Deserialize, Serialize};

/// Why a policy change was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    #[error("not a fraction between 0 and 1, such as 2/3")]
    BadRatio,
    #[error("not a whole number in range")]
    BadNumber,
    #[error("not one of the setting's choices: {expected}")]
    BadChoice { expected: &'static str },
    #[error("quorum must be a fraction strictly between 0 and 1")]
    QuorumOutOfRange,
    #[error("approval must be at least 1/2 and at most 1")]
    ApprovalOutOfRange,
    #[error("the minimum voting period must be at least 24 hours")]
    VotingPeriodTooShort,
    #[error(
        "voting periods must satisfy minimum <= default <= maximum, and the reminder must fall inside the minimum"
    )]
    InconsistentVotingPeriods,
    #[error("the review threshold must come after the contact threshold")]
    InconsistentInactivity,
}

/// A setting's value as members type it.
pub trait Value: Sized {
    /// Parses member text; `max` bounds whole numbers (0 where it does not apply).
    fn parse(text: &str, max: u32) -> Result<Self, PolicyError>;
    fn show(&self) -> String;
}

impl Value for u32 {
    fn parse(text: &str, max: u32) -> Result<Self, PolicyError> {
        text.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=max).contains(n))
            .ok_or(PolicyError::BadNumber)
    }

    fn show(&self) -> String {
        self.to_string()
    }
}

/// A fraction such as 1/2 or 2/3, kept exact so that a tally never suffers rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratio {
    pub num: u32,
    pub den: u32,
}

impl Ratio {
    pub const fn new(num: u32, den: u32) -> Self {
        Self { num, den }
    }

    /// `part / whole > self`, compared without division.
    pub fn exceeded_by(self, part: u32, whole: u32) -> bool {
        u64::from(part) * u64::from(self.den) > u64::from(whole) * u64::from(self.num)
    }

    /// `part / whole >= self`, compared without division.
    pub fn reached_by(self, part: u32, whole: u32) -> bool {
        u64::from(part) * u64::from(self.den) >= u64::from(whole) * u64::from(self.num)
    }

    /// Parses `2/3`; the fraction must lie in (0, 1].
    pub fn parse(text: &str) -> Option<Self> {
        let (num, den) = text.trim().split_once('/')?;
        let ratio = Self::new(num.trim().parse().ok()?, den.trim().parse().ok()?);
        (ratio.num > 0 && ratio.den > 0 && ratio.num <= ratio.den && ratio.den <= 1000)
            .then_some(ratio)
    }
}

impl std::fmt::Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

impl Value for Ratio {
    fn parse(text: &str, _: u32) -> Result<Self, PolicyError> {
        Ratio::parse(text).ok_or(PolicyError::BadRatio)
    }

    fn show(&self) -> String {
        self.to_string()
    }
}

/// Declares a setting whose value is one of a few words.
macro_rules! choice {
    ($(#[doc = $doc:literal])* $name:ident { $( $(#[doc = $vdoc:literal])* $variant:ident = $word:literal, )* }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[doc = $vdoc])* $variant, )*
        }

        impl Value for $name {
            fn parse(text: &str, _: u32) -> Result<Self, PolicyError> {
                match text.trim() {
                    $( $word => Ok(Self::$variant), )*
                    _ => Err(PolicyError::BadChoice {
                        expected: concat!($( "`", $word, "` " ),*),
                    }),
                }
            }

            fn show(&self) -> String {
                match self {
                    $( Self::$variant => $word.to_owned(), )*
                }
            }
        }
    };
}

choice! {
    /// How abstentions (0) count. The document says "a simple majority of TSC members must
    /// vote" and "a supermajority (2/3) of votes must be +1"; an abstention is a vote cast, so it
    /// always counts toward quorum. Whether it also weighs in the 2/3 is the community's reading.
    AbstentionRule {
        /// Default: 2/3 of the +1 and -1 votes must be +1; an abstention neither helps nor blocks.
        ExcludedFromApproval = "excluded",
        /// Stricter: 2/3 of all votes, abstentions included, must be +1.
        CountedInApproval = "counted",
    }
}

choice! {
    /// Who gives a release its final approval ("The final release is approved and published").
    ReleaseFinal {
        /// A TSC ballot.
        Tsc = "tsc",
        /// A maintainer's sign-off (not the proposer's).
        Maintainer = "maintainer",
    }
}

choice! {
    /// How the TSC makes a conflict's final decision.
    ConflictDecision {
        /// A private TSC ballot.
        Ballot = "ballot",
        /// A decision text recorded by a TSC member.
        TscMember = "tsc_member",
    }
}

/// Which activity counts for succession planning: Discord, GitHub, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivitySources {
    pub discord: bool,
    pub github: bool,
}

impl Default for ActivitySources {
    fn default() -> Self {
        Self {
            discord: true,
            github: true,
        }
    }
}

const SOURCES: &str = "`discord,github` `discord` `github`";

impl Value for ActivitySources {
    /// `discord,github`, `discord` or `github` (at least one).
    fn parse(text: &str, _: u32) -> Result<Self, PolicyError> {
        let mut sources = Self {
            discord: false,
            github: false,
        };
        for word in text.split(',').map(str::trim) {
            match word {
                "discord" => sources.discord = true,
                "github" => sources.github = true,
                _ => return Err(PolicyError::BadChoice { expected: SOURCES }),
            }
        }
        if !(sources.discord || sources.github) {
            return Err(PolicyError::BadChoice { expected: SOURCES });
        }
        Ok(sources)
    }

    fn show(&self) -> String {
        let mut words = Vec::new();
        if self.discord {
            words.push("discord");
        }
        if self.github {
            words.push("github");
        }
        words.join(",")
    }
}
