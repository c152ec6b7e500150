//! The integration tests of Leadmetrics Graph, in one test binary: each module was a binary of
//! its own, and every binary linked the whole workspace, which dominated the build. Shared
//! set-ups and assertions live in the helper library (`tests/src`, crate `leadmetrics_tests`).
//!
//! Run one area with a filter: `cargo test -p leadmetrics-tests --test it api_plan::`.

mod abuse_controls;
mod access_hardening;
mod api_activities;
mod api_approvals;
mod api_approvals_cross_tenant;
mod api_auth;
mod api_backlinks;
mod api_blog;
mod api_blog_cross_tenant;
mod api_campaigns;
mod api_channels;
mod api_channels_cross_tenant;
mod api_connection_reuse;
mod api_cross_tenant;
mod api_email_templates;
mod api_federation;
mod api_identity;
mod api_integrations;
mod api_knowledge;
mod api_knowledge_cross_tenant;
mod api_llm_providers;
mod api_llm_providers_cross_tenant;
mod api_notifications;
mod api_notifications_cross_tenant;
mod api_plan;
mod api_plan_cross_tenant;
mod api_reports;
mod api_reports_cross_tenant;
mod api_server;
mod api_smoke;
mod api_social;
mod api_social_cross_tenant;
mod approval_statement_counts;
mod audit_logs;
mod blog_statement_counts;
mod channel_statement_counts;
mod content_attacks;
mod documents;
mod entity_catalog;
mod foreign_keys;
mod gateway;
mod http_conformance;
mod http_hardening;
mod immutable_records;
mod key_rotation;
mod knowledge_statement_counts;
mod live_attacks;
mod live_subscriptions;
mod llm_call_partitions;
mod migrations;
mod plan_check;
mod plan_statement_counts;
mod reports_statement_counts;
mod social_statement_counts;
mod tenant_isolation;
mod tenant_readers;
