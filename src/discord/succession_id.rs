//! Custom ids of the succession buttons in the contact DM: `succession:<step_id>:active` and
//! `succession:<step_id>:emeritus`. Anything that does not parse exactly is treated as forged.

use crate::app::succession::ContactAnswer;

/// The feature prefix `on_event` routes on.
pub const PREFIX: &str = "succession";

pub fn encode(step_id: i64, answer: ContactAnswer) -> String {
    let verb = match answer {
        ContactAnswer::StillActive => "active",
        ContactAnswer::Emeritus => "emeritus",
    };
    format!("{PREFIX}:{step_id}:{verb}")
}

pub fn parse(id: &str) -> Option<(i64, ContactAnswer)> {
    if id.len() > 100 {
        return None;
    }
    let mut parts = id.split(':');
    if parts.next()? != PREFIX {
        return None;
    }
    let raw = parts.next()?;
    // Only canonical positive decimal ids.
    if raw.is_empty() || raw.starts_with('0') || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let step_id: i64 = raw.parse().ok()?;
    let answer = match parts.next()? {
        "active" => ContactAnswer::StillActive,
        "emeritus" => ContactAnswer::Emeritus,
        _ => return None,
    };
    parts.next().is_none().then_some((step_id, answer))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for answer in [ContactAnswer::StillActive, ContactAnswer::Emeritus] {
            assert_eq!(parse(&encode(42, answer)), Some((42, answer)));
        }
        assert_eq!(encode(7, ContactAnswer::StillActive), "succession:7:active");
    }

    #[test]
    fn forged_ids_are_rejected() {
        for forged in [
            "",
            "succession",
            "succession:",
            "succession:1",
            "succession:0:active",
            "succession:01:active",
            "succession:-1:active",
            "succession:+1:active",
            "succession:x:active",
            "succession:1:retire",
            "succession:1:active:extra",
            "succession:99999999999999999999:active",
            "ballot:1:active",
        ] {
            assert_eq!(parse(forged), None, "{forged:?}");
        }
    }
}
