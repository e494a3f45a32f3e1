//! The decision log's kinds and outcomes in words.

use super::ballot::outcome_text;
use crate::governance::ballot::Outcome;
use crate::governance::decision::DecisionKind;
use crate::i18n::tr;
use crate::msg;

/// What kind of decision an entry records.
pub fn kind_text(locale: &str, kind: DecisionKind) -> String {
    let id = match kind {
        DecisionKind::Ballot => msg!("decision-kind-ballot"),
        DecisionKind::Policy => msg!("decision-kind-policy"),
        DecisionKind::Setup => msg!("decision-kind-setup"),
        DecisionKind::WorkingGroup => msg!("decision-kind-working-group"),
        DecisionKind::Emeritus => msg!("decision-kind-emeritus"),
        DecisionKind::Rfc => msg!("decision-kind-rfc"),
        DecisionKind::Amendment => msg!("decision-kind-amendment"),
        DecisionKind::Nomination => msg!("decision-kind-nomination"),
        DecisionKind::Release => msg!("decision-kind-release"),
        DecisionKind::Dependency => msg!("decision-kind-dependency"),
        DecisionKind::Case => msg!("decision-kind-case"),
        DecisionKind::AnnualReview => msg!("decision-kind-annual-review"),
        DecisionKind::Dissolution => msg!("decision-kind-dissolution"),
    };
    tr(locale, id, None)
}

/// The outcome key as members read it: a ballot's outcome or a step's name.
pub fn outcome_word(locale: &str, outcome: &str) -> String {
    if let Some(o) = Outcome::from_key(outcome) {
        return outcome_text(locale, o);
    }
    let id = match outcome {
        "changed" => msg!("decision-outcome-changed"),
        "created" => msg!("decision-outcome-created"),
        "closed" => msg!("decision-outcome-closed"),
        "emeritus" => msg!("decision-outcome-emeritus"),
        "opened" => msg!("decision-outcome-opened"),
        "accepted" => msg!("decision-outcome-accepted"),
        "declined" => msg!("decision-outcome-declined"),
        "withdrawn" => msg!("decision-outcome-withdrawn"),
        "postponed" => msg!("decision-outcome-postponed"),
        // A later kind's own outcome, shown as recorded.
        other => return other.replace('_', " "),
    };
    tr(locale, id, None)
}
