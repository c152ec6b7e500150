//! `IdentityMutation`: the root fields; each delegates to the module of its action.

use crate::identity::api_key_type::ApiKey;
use crate::identity::api_keys::{self, CreateApiKeyInput, CreateApiKeyPayload};
use crate::identity::contract;
use crate::identity::contract_type::Contract;
use crate::identity::enums::UserRole;
use crate::identity::login::{self, LoginInput, LoginPayload};
use crate::identity::profile::{self, BillingAddressInput, TaxDetailsInput, TenantProfileInput};
use crate::identity::tenant_type::Tenant;
use crate::identity::user_type::User;
use crate::identity::users::{self, InviteUserInput};
use async_graphql::{Context, ID, Object, Result};

/// Mutations of the identity domain (tenant subgraph).
#[derive(Default)]
pub struct IdentityMutation;

/// Mutations of the identity domain: signing in, the contract, the tenant's details, users and
/// API keys.
#[Object]
impl IdentityMutation {
    /// Signs a user in with email and password and returns a bearer token. Needs no
    /// credentials. Every failure is the same `UNAUTHENTICATED` error ("the email or password
    /// is incorrect"), whether the email is unknown, the password wrong or the account not
    /// active.
    #[tracing::instrument(skip_all)]
    async fn login(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The email address and password.")] input: LoginInput,
    ) -> Result<LoginPayload> {
        Ok(login::login(ctx, input).await?)
    }

    /// Accepts the tenant's pending contract (admins only; not API keys or operators acting for
    /// the tenant). Records when, by whom, and from which IP address and user agent, and unlocks
    /// the rest of the API. `CONFLICT` when no contract is waiting for acceptance.
    #[tracing::instrument(skip_all)]
    async fn accept_contract(&self, ctx: &Context<'_>) -> Result<Contract> {
        Ok(contract::accept_contract(ctx).await?)
    }

    /// Changes the tenant's profile (admins only). Omitted fields are left unchanged.
    #[tracing::instrument(skip_all)]
    async fn update_tenant_profile(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The fields to change; omitted fields keep their value.")]
        input: TenantProfileInput,
    ) -> Result<Tenant> {
        Ok(profile::update_tenant(ctx, || profile::profile_changes(&input)).await?)
    }

    /// Replaces the tenant's billing address, printed on invoices (admins only).
    #[tracing::instrument(skip_all)]
    async fn update_billing_address(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new billing address (replaces the current one).")]
        input: BillingAddressInput,
    ) -> Result<Tenant> {
        Ok(profile::update_tenant(ctx, || profile::billing_changes(&input)).await?)
    }

    /// Replaces the tenant's PAN and GST registration (admins only).
    #[tracing::instrument(skip_all)]
    async fn update_tax_details(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new PAN and GST registration (replace the current ones).")]
        input: TaxDetailsInput,
    ) -> Result<Tenant> {
        Ok(profile::update_tenant(ctx, || profile::tax_changes(&input)).await?)
    }

    /// Invites a person into the tenant (admins only). The user starts as `INVITED`, without a
    /// password. `CONFLICT` when the email address is already in use.
    #[tracing::instrument(skip_all)]
    async fn invite_user(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Who to invite, with their role and app access.")] input: InviteUserInput,
    ) -> Result<User> {
        Ok(users::invite_user(ctx, input).await?)
    }

    /// Changes a user's role (admins only). `CONFLICT` when it would leave the tenant without an
    /// active admin; `FORBIDDEN` when granting or changing `SUPER_ADMIN` without being one.
    #[tracing::instrument(skip_all)]
    async fn change_user_role(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The user's id.")] id: ID,
        #[graphql(desc = "The new role.")] role: UserRole,
    ) -> Result<User> {
        Ok(users::change_user_role(ctx, id, role).await?)
    }

    /// Deactivates a user (admins only): they can no longer sign in and are hidden from lists;
    /// their records stay. Deactivating an already deactivated user returns it unchanged.
    /// `CONFLICT` for yourself and for the last active admin.
    #[tracing::instrument(skip_all)]
    async fn deactivate_user(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The user's id.")] id: ID,
    ) -> Result<User> {
        Ok(users::deactivate_user(ctx, id).await?)
    }

    /// Reactivates a deactivated user (admins only): `ACTIVE` again if they had set a password,
    /// otherwise `INVITED`. A user who is not deactivated is returned unchanged.
    #[tracing::instrument(skip_all)]
    async fn reactivate_user(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The user's id.")] id: ID,
    ) -> Result<User> {
        Ok(users::reactivate_user(ctx, id).await?)
    }

    /// Creates an API key for an integrator (admins only). The key is in the payload once and
    /// never again.
    #[tracing::instrument(skip_all)]
    async fn create_api_key(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The key's label, scopes and optional expiry.")] input: CreateApiKeyInput,
    ) -> Result<CreateApiKeyPayload> {
        Ok(api_keys::create_api_key(ctx, input).await?)
    }

    /// Revokes an API key (admins only): it stops working at once. Revoking a revoked key
    /// returns it unchanged.
    #[tracing::instrument(skip_all)]
    async fn revoke_api_key(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The key's id.")] id: ID,
    ) -> Result<ApiKey> {
        Ok(api_keys::revoke_api_key(ctx, id).await?)
    }
}
