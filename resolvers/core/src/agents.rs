//! The platform's agent roles: the workers an activity can be assigned to, each configured per
//! tenant by one `agent_configs` row (created for every role when a tenant is created, so the
//! row "always exists per agent per tenant", as the spec says).

/// Every agent role, in the order the dashboard lists them. `agent_configs.agent_role` holds
/// one of these; the API refuses any other.
pub const AGENT_ROLES: &[&str] = &[
    "onboarding",
    "strategist",
    "activity_planner",
    "researcher",
    "copywriter",
    "seo_specialist",
    "social_media_manager",
    "outreach_specialist",
    "ads_specialist",
    "data_analyst",
];

/// Whether `role` is one of [`AGENT_ROLES`].
pub fn is_agent_role(role: &str) -> bool {
    AGENT_ROLES.contains(&role)
}
