//! Every secret column of the schema, in one place, with the associated data its values are
//! sealed under.
//!
//! Why one registry: the context a value is encrypted with must be computed the same way by the
//! resolver that writes it and by `rotate-keys`, which re-encrypts every column of every table
//! without knowing any subgraph's types. A column that is not listed here would silently be left
//! under an old key.
//!
//! A context is `<table>.<column>:<owner>:<row key>`: the owner is the tenant's internal UUID,
//! or `global` for platform rows (global LLM providers); the row key is the row's `ref_id`,
//! except for notification providers, whose row is identified by its channel. So a ciphertext
//! copied into another row, column or tenant does not decrypt.

use crate::db::TenantId;

/// A column that holds values sealed by [`crate::crypto::KeyRing`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SecretColumn {
    /// `channels.access_token`: OAuth access token of a publishing channel.
    ChannelAccessToken,
    /// `channels.refresh_token`: OAuth refresh token of a publishing channel.
    ChannelRefreshToken,
    /// `integrations.api_key`.
    IntegrationApiKey,
    /// `integrations.api_secret`.
    IntegrationApiSecret,
    /// `notification_providers.config`: the provider's whole configuration (JSON text).
    NotificationProviderConfig,
    /// `llm_providers.api_key` (global rows too).
    LlmProviderApiKey,
    /// `agent_configs.env_secrets`: the agent's secret environment (JSON object text).
    AgentConfigEnvSecrets,
}

/// What identifies a secret's row inside its table and tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKey {
    /// The row's public id (`ref_id`).
    RefId,
    /// The row's `channel` (notification providers: one row per channel and tenant).
    Channel,
}

impl SecretColumn {
    /// Every secret column, in the order `rotate-keys` walks them.
    pub const ALL: [SecretColumn; 7] = [
        Self::ChannelAccessToken,
        Self::ChannelRefreshToken,
        Self::IntegrationApiKey,
        Self::IntegrationApiSecret,
        Self::NotificationProviderConfig,
        Self::LlmProviderApiKey,
        Self::AgentConfigEnvSecrets,
    ];

    /// The table.
    pub fn table(self) -> &'static str {
        match self {
            Self::ChannelAccessToken | Self::ChannelRefreshToken => "channels",
            Self::IntegrationApiKey | Self::IntegrationApiSecret => "integrations",
            Self::NotificationProviderConfig => "notification_providers",
            Self::LlmProviderApiKey => "llm_providers",
            Self::AgentConfigEnvSecrets => "agent_configs",
        }
    }

    /// The column.
    pub fn column(self) -> &'static str {
        match self {
            Self::ChannelAccessToken => "access_token",
            Self::ChannelRefreshToken => "refresh_token",
            Self::IntegrationApiKey | Self::LlmProviderApiKey => "api_key",
            Self::IntegrationApiSecret => "api_secret",
            Self::NotificationProviderConfig => "config",
            Self::AgentConfigEnvSecrets => "env_secrets",
        }
    }

    /// What the row key of [`SecretColumn::context`] is for this column.
    pub fn row_key(self) -> RowKey {
        match self {
            Self::NotificationProviderConfig => RowKey::Channel,
            _ => RowKey::RefId,
        }
    }

    /// Whether the table holds global rows (`tenant_id` NULL) with secrets.
    pub fn has_global_rows(self) -> bool {
        matches!(self, Self::LlmProviderApiKey)
    }

    /// The associated data of a value of this column in the row `row_key` (see [`RowKey`]) of
    /// `tenant`, or of a global row when `tenant` is None.
    pub fn context(self, tenant: Option<TenantId>, row_key: &str) -> String {
        self.context_for_owner(tenant.map(TenantId::uuid), row_key)
    }

    /// [`SecretColumn::context`] from a raw owner id (for `rotate-keys`, which walks rows of
    /// every tenant).
    pub fn context_for_owner(self, owner: Option<uuid::Uuid>, row_key: &str) -> String {
        let owner = owner.map_or_else(|| "global".to_owned(), |id| id.to_string());
        format!("{}.{}:{owner}:{row_key}", self.table(), self.column())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contexts_name_the_table_the_column_the_owner_and_the_row() {
        let tenant = TenantId::new(uuid::Uuid::nil());
        assert_eq!(
            SecretColumn::ChannelAccessToken.context(Some(tenant), "01ABC"),
            "channels.access_token:00000000-0000-0000-0000-000000000000:01ABC"
        );
        assert_eq!(
            SecretColumn::NotificationProviderConfig.context(Some(tenant), "email"),
            "notification_providers.config:00000000-0000-0000-0000-000000000000:email"
        );
        assert_eq!(
            SecretColumn::LlmProviderApiKey.context(None, "01XYZ"),
            "llm_providers.api_key:global:01XYZ"
        );
    }

    #[test]
    fn every_column_has_its_own_context() {
        let tenant = Some(TenantId::new(uuid::Uuid::nil()));
        let mut seen = std::collections::HashSet::new();
        for column in SecretColumn::ALL {
            assert!(seen.insert(column.context(tenant, "row")), "{column:?}");
        }
    }
}
