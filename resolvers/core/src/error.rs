//! One error type for the API, mapped to the stable `extensions.code` values of DESIGN.md.
//!
//! Database errors are translated here, in one place: unique violations become `CONFLICT` with a
//! message chosen by constraint name, check and foreign-key violations `BAD_USER_INPUT`, anything
//! else `INTERNAL` — logged with its detail (inside the request's span, which carries the request
//! id) and never shown to the client.

use async_graphql::ErrorExtensions;
use sea_orm::{DbErr, SqlErr};

/// Result of every data function and resolver.
pub type ApiResult<T> = Result<T, ApiError>;

/// Everything a request can fail with, each with a stable client-facing code.
///
/// Deliberately not `Display`: async-graphql converts any `Display` error into a GraphQL error
/// without a code, so `?` would silently drop it. The only conversion is the one below.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No (valid) credentials where they are required.
    Unauthenticated(String),
    /// Authenticated, but the role, scope or app access does not allow this.
    Forbidden(String),
    /// No such record for this tenant (another tenant's record looks exactly the same).
    NotFound(&'static str),
    /// Input that fails validation; `field` names the input field when there is one.
    BadUserInput {
        /// What is wrong, in words a client developer can act on.
        message: String,
        /// The input field at fault (camelCase, as in the schema).
        field: Option<String>,
    },
    /// The change conflicts with existing data (duplicate, wrong state).
    Conflict(String),
    /// The tenant has not accepted its contract: only the contract and `me` are reachable.
    ContractNotAccepted,
    /// The tenant is suspended: reads only.
    TenantSuspended,
    /// Not enough credits for the operation.
    InsufficientCredits,
    /// Too many requests from this client, account or key: retry after `retry_after_secs`
    /// (sent as `extensions.retryAfter` and, where the transport allows, a `Retry-After` header).
    RateLimited {
        /// Seconds until a retry can succeed.
        retry_after_secs: u64,
    },
    /// The request or one of its statements ran longer than the server allows.
    Timeout,
    /// A dependency other than PostgreSQL (the document store) did not answer in time: the
    /// fields that need it are null with this error on their path; the rest of the response is
    /// served. Retrying later can succeed.
    Unavailable(&'static str),
    /// A failure of the server; the detail is logged, never returned.
    Internal(String),
}

impl ApiError {
    /// The client-facing message (never the detail of an internal error).
    pub fn message(&self) -> String {
        match self {
            Self::Unauthenticated(message) | Self::Forbidden(message) | Self::Conflict(message) => message.clone(),
            Self::NotFound(what) => format!("{what} not found"),
            Self::BadUserInput { message, .. } => message.clone(),
            Self::ContractNotAccepted => {
                "the tenant has not accepted its contract yet; until an admin accepts it (`acceptContract`, on the tenant subgraph), only the contract can be read".to_owned()
            }
            Self::TenantSuspended => "the tenant is suspended; the account is read-only".to_owned(),
            Self::InsufficientCredits => "insufficient credits".to_owned(),
            Self::RateLimited { retry_after_secs } => {
                format!("too many requests; retry in {retry_after_secs} s")
            }
            Self::Timeout => "a statement took too long and was stopped; its transaction was rolled back".to_owned(),
            Self::Unavailable(what) => format!("{what} is unavailable; retry later"),
            Self::Internal(_) => "internal error".to_owned(),
        }
    }

    /// The stable `extensions.code` of this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated(_) => "UNAUTHENTICATED",
            Self::Forbidden(_) => "FORBIDDEN",
            Self::NotFound(_) => "NOT_FOUND",
            Self::BadUserInput { .. } => "BAD_USER_INPUT",
            Self::Conflict(_) => "CONFLICT",
            Self::ContractNotAccepted => "CONTRACT_NOT_ACCEPTED",
            Self::TenantSuspended => "TENANT_SUSPENDED",
            Self::InsufficientCredits => "INSUFFICIENT_CREDITS",
            Self::RateLimited { .. } => "RATE_LIMITED",
            Self::Timeout => "TIMEOUT",
            Self::Unavailable(_) => "UNAVAILABLE",
            Self::Internal(_) => "INTERNAL",
        }
    }

    /// Invalid input in a named field.
    pub fn bad_input(field: &str, message: impl Into<String>) -> Self {
        Self::BadUserInput {
            message: message.into(),
            field: Some(field.to_owned()),
        }
    }

    /// A server failure with a detail for the logs.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        Self::Internal(detail.to_string())
    }
}

impl From<ApiError> for async_graphql::Error {
    fn from(error: ApiError) -> Self {
        if let ApiError::Internal(detail) = &error {
            tracing::error!(error.detail = %detail, "internal error");
        }
        let code = error.code();
        let field = match &error {
            ApiError::BadUserInput { field, .. } => field.clone(),
            _ => None,
        };
        let retry_after = match &error {
            ApiError::RateLimited { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        };
        async_graphql::Error::new(error.message()).extend_with(|_, extensions| {
            extensions.set("code", code);
            if let Some(field) = field {
                extensions.set("field", field);
            }
            if let Some(seconds) = retry_after {
                extensions.set("retryAfter", seconds);
            }
        })
    }
}

/// Client messages for the unique constraints a user can hit, `(constraint, message)`, one
/// table per domain (`identity::CONSTRAINT_MESSAGES`, `plan::CONSTRAINT_MESSAGES`, …): each
/// subgraph's tables are registered when its schema is built (see
/// [`crate::subgraph::SubgraphSchema::CONSTRAINT_MESSAGES`]), so this crate needs no knowledge of
/// any domain's constraints. Constraint names are unique in the database, so tables never clash.
pub type ConstraintMessages = &'static [(&'static str, &'static str)];

static CONSTRAINT_MESSAGES: std::sync::Mutex<Vec<ConstraintMessages>> =
    std::sync::Mutex::new(Vec::new());

/// Registers a domain's constraint messages (idempotent).
pub fn register_constraint_messages(messages: ConstraintMessages) {
    let mut registered = CONSTRAINT_MESSAGES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if !registered
        .iter()
        .any(|known| std::ptr::eq(*known, messages))
    {
        registered.push(messages);
    }
}

/// The client message of a unique violation of `constraint`: the domain's, or a generic one.
fn unique_violation_message(constraint: &str) -> String {
    let registered = CONSTRAINT_MESSAGES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    registered
        .iter()
        .flat_map(|messages| messages.iter())
        .find(|(name, _)| *name == constraint)
        .map(|(_, message)| (*message).to_owned())
        .unwrap_or_else(|| format!("this conflicts with an existing record ({constraint})"))
}

impl From<DbErr> for ApiError {
    fn from(error: DbErr) -> Self {
        match error.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(detail)) => {
                let constraint = constraint_name(&error).unwrap_or(detail);
                Self::Conflict(unique_violation_message(&constraint))
            }
            Some(SqlErr::ForeignKeyConstraintViolation(_)) => Self::BadUserInput {
                message: "a referenced record does not exist".to_owned(),
                field: None,
            },
            _ => match sql_state(&error).as_deref() {
                Some("23514") => Self::BadUserInput {
                    message: format!(
                        "a value is outside what is allowed ({})",
                        constraint_name(&error).unwrap_or_else(|| "check constraint".to_owned())
                    ),
                    field: None,
                },
                Some("22001") => Self::BadUserInput {
                    message: "a value is too long".to_owned(),
                    field: None,
                },
                // Invalid byte sequence (a NUL character in text): input, not a server fault.
                Some("22021") => Self::BadUserInput {
                    message: "a text contains a character that cannot be stored (NUL)".to_owned(),
                    field: None,
                },
                Some("40001") | Some("40P01") => {
                    Self::Conflict("concurrent update; retry the request".to_owned())
                }
                // `statement_timeout` (query_canceled): the statement was stopped, its
                // transaction rolls back.
                Some("57014") => {
                    tracing::warn!(error.detail = %error, "statement timed out");
                    Self::Timeout
                }
                _ => Self::Internal(error.to_string()),
            },
        }
    }
}

/// The SQLSTATE of a database error.
pub fn sql_state(error: &DbErr) -> Option<String> {
    database_error(error).and_then(|e| e.code().map(|code| code.into_owned()))
}

fn constraint_name(error: &DbErr) -> Option<String> {
    database_error(error).and_then(|e| e.constraint().map(str::to_owned))
}

fn database_error(error: &DbErr) -> Option<&(dyn sea_orm::sqlx::error::DatabaseError + 'static)> {
    match error {
        DbErr::Exec(sea_orm::RuntimeErr::SqlxError(inner))
        | DbErr::Query(sea_orm::RuntimeErr::SqlxError(inner)) => inner.as_database_error(),
        _ => None,
    }
}
