//! The annual review ("The TSC conducts an annual review of the project"): when it is due.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};

use super::policy::Policy;

/// The review is posted at this hour (UTC) on the policy's day.
const HOUR_UTC: u32 = 9;

/// The review date in `year`, at [`HOUR_UTC`]. The policy keeps the day at 28 or less, so the
/// date exists every year; an out-of-range stored value falls back to the 28th.
pub fn review_at(policy: &Policy, year: i32) -> DateTime<Utc> {
    let month = policy.annual_review_month.clamp(1, 12);
    let date = NaiveDate::from_ymd_opt(year, month, policy.annual_review_day.clamp(1, 28))
        .or_else(|| NaiveDate::from_ymd_opt(year, month, 28))
        .unwrap_or_default();
    Utc.from_utc_datetime(&date.and_hms_opt(HOUR_UTC, 0, 0).unwrap_or_default())
}

/// The first review at or after `now`.
pub fn next_review(policy: &Policy, now: DateTime<Utc>) -> DateTime<Utc> {
    let this_year = review_at(policy, now.year());
    if this_year >= now {
        this_year
    } else {
        review_at(policy, now.year() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
    }

    #[test]
    fn the_next_review_is_this_years_date_or_next_years() {
        let p = Policy::default(); // 15 January
        let cases = [
            (at(2026, 1, 1, 0), at(2026, 1, 15, 9)),
            (at(2026, 1, 15, 9), at(2026, 1, 15, 9)),
            (at(2026, 1, 15, 10), at(2027, 1, 15, 9)),
            (at(2026, 12, 31, 23), at(2027, 1, 15, 9)),
        ];
        for (now, expected) in cases {
            assert_eq!(next_review(&p, now), expected, "{now}");
        }
    }

    #[test]
    fn the_policy_moves_the_date() {
        let p = Policy {
            annual_review_month: 6,
            annual_review_day: 28,
            ..Policy::default()
        };
        assert_eq!(next_review(&p, at(2026, 3, 1, 0)), at(2026, 6, 28, 9));
        let odd = Policy {
            annual_review_day: 31,
            annual_review_month: 2,
            ..Policy::default()
        };
        assert_eq!(review_at(&odd, 2026), at(2026, 2, 28, 9));
    }
}
