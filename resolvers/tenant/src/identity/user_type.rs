//! The `User` type: a person who signs in.

use crate::identity::enums::{AppAccess, UserRole, UserStatus};
use async_graphql::{ID, SimpleObject};
use chrono::{DateTime, Utc};
use entities::users;

/// A person who signs in to the platform (dashboard, DM portal, management console). Belongs to
/// one tenant. Federated entity.
#[derive(SimpleObject, Clone, Debug)]
pub struct User {
    /// Public id (ULID).
    pub id: ID,
    /// Sign-in email address, lowercase; unique in the tenant, and across the platform among
    /// users who can sign in.
    pub email: String,
    /// Form of address: `Mr.`, `Mrs.`, `Ms.`, `Dr.` or `Prof.`.
    pub title: Option<String>,
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// Display name: first name, a space, last name.
    pub name: String,
    /// Phone number in E.164 format (`+919876543210`).
    pub phone: Option<String>,
    /// What the user may do in the tenant.
    pub role: UserRole,
    /// The applications the user may open.
    pub app_access: Vec<AppAccess>,
    /// Whether the user can sign in (`ACTIVE`), has not set a password yet (`INVITED`) or was
    /// deactivated.
    pub status: UserStatus,
    /// When the user was created (invited or registered).
    pub created_on: DateTime<Utc>,
    /// When the user's details last changed.
    pub updated_on: Option<DateTime<Utc>>,
    /// When the user was deactivated; null for users who are not.
    pub deactivated_on: Option<DateTime<Utc>>,
}

impl From<users::Model> for User {
    fn from(row: users::Model) -> Self {
        let name = format!("{} {}", row.first_name, row.last_name);
        Self {
            id: ID(row.ref_id),
            email: row.email,
            title: row.title,
            first_name: row.first_name,
            last_name: row.last_name,
            name,
            phone: row.phone,
            role: row.role.into(),
            app_access: row
                .app_access
                .iter()
                .filter_map(|app| AppAccess::from_db(app))
                .collect(),
            status: row.status.into(),
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            deactivated_on: row.deleted_on.map(|at| at.to_utc()),
        }
    }
}

graph_core::connection_type!(UserConnection, UserEdge, User);
