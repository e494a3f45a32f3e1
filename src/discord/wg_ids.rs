//! Custom ids of working-group buttons and forms; anything that does not parse exactly is
//! treated as forged.

/// What a working-group component or modal asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WgAction {
    /// The charter form of a draft.
    Charter { draft_id: i64 },
    /// The report form of a group.
    Report { wg_id: i64 },
    /// The chair's answer to a join request.
    Join { request_id: i64, approve: bool },
    /// A TSC member opens the closing ballot after the charter ended.
    ProposeClose { wg_id: i64 },
}

/// Input ids of the charter form, in order.
pub const CHARTER_INPUTS: [&str; 5] = [
    "scope",
    "deliverables",
    "timeline",
    "resources",
    "reporting",
];
/// Input id of the report form.
pub const REPORT_INPUT: &str = "report";

fn id(text: &str) -> Option<i64> {
    // Only canonical positive decimal ids.
    if text.is_empty() || text.starts_with('0') || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl WgAction {
    pub fn encode(self) -> String {
        match self {
            Self::Charter { draft_id } => format!("wg:{draft_id}:charter"),
            Self::Report { wg_id } => format!("wg:{wg_id}:report"),
            Self::Join {
                request_id,
                approve,
            } => {
                format!(
                    "wg:join:{request_id}:{}",
                    if approve { "approve" } else { "decline" }
                )
            }
            Self::ProposeClose { wg_id } => format!("wg:{wg_id}:close"),
        }
    }

    pub fn parse(custom_id: &str) -> Option<Self> {
        if custom_id.len() > 100 {
            return None;
        }
        let parts: Vec<&str> = custom_id.split(':').collect();
        match parts.as_slice() {
            ["wg", "join", request, decision] => Some(Self::Join {
                request_id: id(request)?,
                approve: match *decision {
                    "approve" => true,
                    "decline" => false,
                    _ => return None,
                },
            }),
            ["wg", n, "charter"] => Some(Self::Charter { draft_id: id(n)? }),
            ["wg", n, "report"] => Some(Self::Report { wg_id: id(n)? }),
            ["wg", n, "close"] => Some(Self::ProposeClose { wg_id: id(n)? }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for action in [
            WgAction::Charter { draft_id: 4 },
            WgAction::Report { wg_id: 7 },
            WgAction::Join {
                request_id: 9,
                approve: true,
            },
            WgAction::Join {
                request_id: 9,
                approve: false,
            },
            WgAction::ProposeClose { wg_id: 12 },
        ] {
            assert_eq!(WgAction::parse(&action.encode()), Some(action));
        }
    }

    #[test]
    fn forged_ids_are_rejected() {
        for forged in [
            "wg",
            "wg:1",
            "wg:x:charter",
            "wg:0:report",
            "wg:join:1:maybe",
            "wg:join:1",
            "wg:1:charter:x",
            "ballot:1:vote:+1",
        ] {
            assert_eq!(WgAction::parse(forged), None, "{forged}");
        }
    }
}
