//! Where logs go: human-readable lines by default, one JSON object per line with
//! `STEWARD_LOG_FORMAT=json` (for log shippers). `RUST_LOG` filters either.

use tracing_subscriber::EnvFilter;

/// The two formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

impl LogFormat {
    /// Reads `STEWARD_LOG_FORMAT`; anything but `json` is text.
    pub fn from_var(value: Option<&str>) -> Self {
        match value.map(str::trim) {
            Some(v) if v.eq_ignore_ascii_case("json") => Self::Json,
            _ => Self::Text,
        }
    }
}

/// Installs the global subscriber; `default_filter` applies without `RUST_LOG`.
pub fn init(format: LogFormat, default_filter: &str) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_only_when_asked() {
        assert_eq!(LogFormat::from_var(Some("json")), LogFormat::Json);
        assert_eq!(LogFormat::from_var(Some(" JSON ")), LogFormat::Json);
        assert_eq!(LogFormat::from_var(Some("text")), LogFormat::Text);
        assert_eq!(LogFormat::from_var(None), LogFormat::Text);
    }
}
