//! Snowflakes and timestamps as Discord writes them in JSON. A leaf module: the state, the
//! message model and the routes all use it, and it uses none of them.

use serde_json::Value;

/// Now, as Discord writes timestamps.
pub fn now_ts() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, false)
}

/// A snowflake as Discord sends it: a JSON string.
pub fn sid(id: u64) -> String {
    id.to_string()
}

/// Reads a snowflake from a JSON string or number.
pub fn as_id(v: &Value) -> Option<u64> {
    match v {
        Value::String(s) => s.parse().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}
