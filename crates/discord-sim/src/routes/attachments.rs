//! Files a message body carries: the uploaded parts matched with the body's `attachments`
//! metadata (new files by their `files[n]` index, kept ones by id), held to Discord's limits;
//! and the download URL the simulator serves them at.

use std::sync::Arc;

use axum::extract::{Path, State as AxState};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::multipart::Upload;
use super::response::{Resp, error, invalid_form};
use crate::Inner;
use crate::attachment::SimAttachment;
use crate::state::{State, as_id};

/// Discord's limit of files on one message.
const MAX_FILES: usize = 10;

/// The files a message has after this body: `None` when the body neither uploads files nor
/// lists `attachments` (an edit then keeps what the message had). `existing` are the message's
/// files before an edit.
pub(crate) fn files_for(
    st: &mut State,
    body: &Value,
    uploads: &[Upload],
    existing: &[SimAttachment],
) -> Result<Option<Vec<SimAttachment>>, Resp> {
    if uploads.len() > MAX_FILES {
        return Err(invalid_form(&format!(
            "files: Must be {MAX_FILES} or fewer in length (got {})",
            uploads.len()
        )));
    }
    let limit = st.fx.attachment_size_limit;
    if uploads.iter().any(|u| u.bytes.len() as u64 > limit) {
        return Err(error(413, 40005, "Request entity too large"));
    }
    let meta = body["attachments"].as_array();
    if meta.is_none() && uploads.is_empty() {
        return Ok(None);
    }
    let mut out = match meta {
        None => existing.to_vec(),
        Some(_) => vec![],
    };
    let mut used = vec![false; uploads.len()];
    for (i, m) in meta.into_iter().flatten().enumerate() {
        let id = as_id(&m["id"]);
        if let Some(kept) = existing.iter().find(|a| Some(a.id) == id) {
            let mut kept = kept.clone();
            if let Some(d) = m.get("description").filter(|d| !d.is_null()) {
                kept.description = d.as_str().map(String::from);
            }
            out.push(kept);
            continue;
        }
        let Some(u) = uploads
            .iter()
            .position(|u| u.index().is_some() && u.index() == id)
        else {
            return Err(invalid_form(&format!(
                "attachments.{i}.id: no uploaded file files[{}] and no attachment of the message with this id",
                m["id"]
            )));
        };
        used[u] = true;
        let name = m["filename"].as_str().unwrap_or(&uploads[u].filename);
        let description = m["description"].as_str().map(String::from);
        out.push(new_file(st, &uploads[u], name, description));
    }
    for (u, upload) in uploads.iter().enumerate() {
        if !used[u] {
            out.push(new_file(st, upload, &upload.filename, None));
        }
    }
    if out.len() > MAX_FILES {
        return Err(invalid_form(&format!(
            "attachments: Must be {MAX_FILES} or fewer in length (got {})",
            out.len()
        )));
    }
    if let Some(a) = out.iter().find(|a| {
        a.filename.is_empty()
            || a.description
                .as_ref()
                .is_some_and(|d| d.chars().count() > 1024)
    }) {
        return Err(invalid_form(&format!(
            "attachments: {:?} needs a file name and at most 1024 characters of description",
            a.filename
        )));
    }
    Ok(Some(out))
}

fn new_file(st: &mut State, u: &Upload, name: &str, description: Option<String>) -> SimAttachment {
    SimAttachment {
        id: st.snowflake(),
        filename: name.to_string(),
        description,
        content_type: u.content_type.clone(),
        bytes: u.bytes.clone(),
    }
}

/// `GET /attachments/{channel}/{id}/{filename}`: the file's bytes, as the CDN serves them.
pub(crate) async fn download(
    AxState(inner): AxState<Arc<Inner>>,
    Path((channel, id, _name)): Path<(u64, u64, String)>,
) -> Response {
    let st = inner.lock();
    let found = st
        .messages
        .values()
        .filter(|m| m.channel_id == channel && !m.deleted)
        .flat_map(|m| m.files.iter())
        .find(|a| a.id == id);
    match found {
        Some(a) => (
            StatusCode::OK,
            [(
                header::CONTENT_TYPE,
                a.content_type
                    .clone()
                    .unwrap_or_else(|| "application/octet-stream".into()),
            )],
            a.bytes.clone(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
