//! Files attached to messages: what the bot uploaded, as tests read it back, and the attachment
//! objects Discord returns for them.

/// A file on a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimAttachment {
    pub id: u64,
    pub filename: String,
    pub description: Option<String>,
    /// As the upload declared it (serenity guesses it from the file name).
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

impl SimAttachment {
    /// The bytes as UTF-8 text (lossy), for text files.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).to_string()
    }
}
