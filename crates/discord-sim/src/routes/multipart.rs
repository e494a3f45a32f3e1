//! `multipart/form-data` bodies as serenity (reqwest) sends them when a message carries files: a
//! `payload_json` part with the JSON body and one `files[n]` part per file.

use serde_json::{Map, Value};

/// One uploaded file part.
#[derive(Clone, Debug)]
pub(crate) struct Upload {
    /// The form field, e.g. `files[0]`.
    pub field: String,
    pub filename: String,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

impl Upload {
    /// `n` of a `files[n]` field.
    pub fn index(&self) -> Option<u64> {
        self.field
            .strip_prefix("files[")?
            .strip_suffix(']')?
            .parse()
            .ok()
    }
}

/// Splits a multipart body into its JSON payload (`payload_json`, or an object of the text
/// fields when there is none) and its file parts.
pub(crate) fn parse(content_type: &str, body: &[u8]) -> Result<(Value, Vec<Upload>), String> {
    let boundary = content_type
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))
        .map(|b| b.trim_matches('"'))
        .filter(|b| !b.is_empty())
        .ok_or("multipart body without a boundary")?;
    let delimiter = format!("--{boundary}").into_bytes();
    let mut at = find(body, &delimiter, 0).ok_or("multipart body without its boundary")?;
    let mut payload = None;
    let mut fields = Map::new();
    let mut files = vec![];
    loop {
        at += delimiter.len();
        if body[at..].starts_with(b"--") {
            break;
        }
        at += 2; // CRLF after the delimiter
        let head_end = find(body, b"\r\n\r\n", at).ok_or("multipart part without headers")?;
        let head = String::from_utf8_lossy(&body[at..head_end]).to_string();
        let start = head_end + 4;
        let mut next_delim = b"\r\n".to_vec();
        next_delim.extend_from_slice(&delimiter);
        let end = find(body, &next_delim, start).ok_or("unterminated multipart part")?;
        let content = &body[start..end];
        at = end + 2;

        let (mut name, mut filename, mut ctype) = (None, None, None);
        for line in head.lines() {
            let (key, value) = line.split_once(':').unwrap_or((line, ""));
            if key.eq_ignore_ascii_case("content-type") {
                ctype = Some(value.trim().to_string());
            } else if key.eq_ignore_ascii_case("content-disposition") {
                for param in value.split(';').map(str::trim) {
                    if let Some(v) = param.strip_prefix("name=") {
                        name = Some(unquote(v));
                    } else if let Some(v) = param.strip_prefix("filename=") {
                        filename = Some(super::percent_decode(&unquote(v)));
                    }
                }
            }
        }
        let name = name.ok_or("multipart part without a name")?;
        match filename {
            Some(filename) => files.push(Upload {
                field: name,
                filename,
                content_type: ctype,
                bytes: content.to_vec(),
            }),
            None if name == "payload_json" => {
                payload = Some(
                    serde_json::from_slice(content)
                        .map_err(|e| format!("payload_json is not JSON: {e}"))?,
                );
            }
            None => {
                fields.insert(
                    name,
                    Value::String(String::from_utf8_lossy(content).to_string()),
                );
            }
        }
    }
    Ok((payload.unwrap_or(Value::Object(fields)), files))
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

fn unquote(s: &str) -> String {
    s.trim().trim_matches('"').replace("\\\"", "\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_and_files() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"r%C3%A9sum%C3%A9.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\nworld\r\n--XyZ\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n\r\n{\"content\":\"hi\"}\r\n--XyZ--\r\n";
        let (p, files) = parse("multipart/form-data; boundary=XyZ", body).unwrap();
        assert_eq!(p["content"], "hi");
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].filename, "résumé.txt");
        assert_eq!(files[0].index(), Some(0));
        assert_eq!(files[0].bytes, b"hello\r\nworld");
        assert_eq!(files[0].content_type.as_deref(), Some("text/plain"));
    }
}
