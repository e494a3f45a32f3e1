//! What a route answers: status, JSON body, the serenity type the body must parse as, headers;
//! and Discord's error bodies (`{"message", "code"}`) for the cases the routes use.

use serde_json::{Value, json};

use crate::validate::Shape;

pub(crate) struct Resp {
    pub status: u16,
    pub body: Option<Value>,
    /// What a 2xx body must parse as (checked before it is sent).
    pub shape: Shape,
    pub headers: Vec<(&'static str, String)>,
}

pub(crate) fn ok(body: Value, shape: Shape) -> Resp {
    Resp {
        status: 200,
        body: Some(body),
        shape,
        headers: vec![],
    }
}

pub(crate) fn created(body: Value, shape: Shape) -> Resp {
    Resp {
        status: 201,
        body: Some(body),
        shape,
        headers: vec![],
    }
}

pub(crate) fn no_content() -> Resp {
    Resp {
        status: 204,
        body: None,
        shape: Shape::None,
        headers: vec![],
    }
}

pub(crate) fn error(status: u16, code: i64, message: &str) -> Resp {
    Resp {
        status,
        body: Some(json!({"message": message, "code": code})),
        shape: Shape::None,
        headers: vec![],
    }
}

/// 404 with code 0: a route the simulator does not know (recorded as an unknown route).
pub(crate) fn not_found() -> Resp {
    error(404, 0, "404: Not Found")
}

/// 400 Invalid Form Body (code 50035) with `detail` as the field error.
pub(crate) fn invalid_form(detail: &str) -> Resp {
    Resp {
        status: 400,
        body: Some(
            json!({"message": "Invalid Form Body", "code": 50035, "errors": {"_sim": {"_errors": [{"code": "BASE_TYPE_INVALID", "message": detail}]}}}),
        ),
        shape: Shape::None,
        headers: vec![],
    }
}

pub(crate) fn unknown_message() -> Resp {
    error(404, 10008, "Unknown Message")
}
pub(crate) fn unknown_channel() -> Resp {
    error(404, 10003, "Unknown Channel")
}
pub(crate) fn unknown_guild() -> Resp {
    error(404, 10004, "Unknown Guild")
}
pub(crate) fn unknown_member() -> Resp {
    error(404, 10007, "Unknown Member")
}
pub(crate) fn unknown_role() -> Resp {
    error(404, 10011, "Unknown Role")
}
pub(crate) fn unknown_interaction() -> Resp {
    error(404, 10062, "Unknown interaction")
}
pub(crate) fn unknown_webhook() -> Resp {
    error(404, 10015, "Unknown Webhook")
}
pub(crate) fn missing_access() -> Resp {
    error(403, 50001, "Missing Access")
}
pub(crate) fn missing_permissions() -> Resp {
    error(403, 50013, "Missing Permissions")
}

/// 429 with `retry_after` seconds, in the body and in the headers, as Discord sends it.
pub(crate) fn rate_limited(retry_after: f64) -> Resp {
    Resp {
        status: 429,
        body: Some(
            json!({"message": "You are being rate limited.", "retry_after": retry_after, "global": false, "code": 0}),
        ),
        shape: Shape::None,
        headers: vec![
            ("retry-after", format!("{}", retry_after.ceil() as u64)),
            ("x-ratelimit-limit", "5".into()),
            ("x-ratelimit-remaining", "0".into()),
            ("x-ratelimit-reset-after", format!("{retry_after}")),
            ("x-ratelimit-scope", "user".into()),
            ("x-ratelimit-global", "false".into()),
        ],
    }
}

/// The answer to an injected failure with this status.
pub(crate) fn status_fault(status: u16) -> Resp {
    match status {
        429 => rate_limited(1.5),
        403 => missing_permissions(),
        500 => error(500, 0, "Internal Server Error"),
        502 => error(502, 0, "Bad Gateway"),
        503 => error(503, 0, "Service Unavailable"),
        404 => error(404, 0, "404: Not Found"),
        s => error(s, 0, "Simulated failure"),
    }
}
