//! How a subgraph crate declares its schema, and how every subgraph's schema is built the same
//! way (federation, the process's services, persisted queries, query limits).
//!
//! A subgraph crate implements [`SubgraphSchema`] once — its name, default port and root types —
//! and the server's table of subgraphs (`subgraphs/src/registry.rs`) lists it; the CLI, the
//! ports, `export-schema`, the test server and the SDL checks are all derived from that table.

use crate::error::{ConstraintMessages, register_constraint_messages};
use crate::limits::QueryLimits;
use crate::services::Services;
use async_graphql::parser::parse_schema;
use async_graphql::parser::types::{TypeKind, TypeSystemDefinition};
use async_graphql::{ObjectType, SDLExportOptions, Schema, SchemaBuilder, SubscriptionType};
use std::sync::Arc;

/// One federation subgraph: what it is called, where it listens by default, and its roots.
pub trait SubgraphSchema: 'static {
    /// The name used on the command line, in `<NAME>_PORT`, in paths and in
    /// `schema/<name>.graphql` (lowercase ASCII).
    const NAME: &'static str;
    /// The port it listens on unless `<NAME>_PORT` says otherwise (the gateway has 4000).
    const DEFAULT_PORT: u16;
    /// The root `Query` (per-aggregate parts merged with `MergedObject`).
    type Query: ObjectType + Default + 'static;
    /// The root `Mutation`.
    type Mutation: ObjectType + Default + 'static;
    /// The root `Subscription` (`EmptySubscription` when the subgraph has none).
    type Subscription: SubscriptionType + Default + 'static;
    /// Client messages of the unique constraints of this subgraph's tables, one table per
    /// domain (see [`crate::error::ConstraintMessages`]); registered when the schema is built.
    const CONSTRAINT_MESSAGES: &'static [ConstraintMessages];
}

/// The executable schema of subgraph `S`.
pub type SchemaOf<S> = Schema<
    <S as SubgraphSchema>::Query,
    <S as SubgraphSchema>::Mutation,
    <S as SubgraphSchema>::Subscription,
>;

/// The schema builder of subgraph `S` before `finish()`.
pub type BuilderOf<S> = SchemaBuilder<
    <S as SubgraphSchema>::Query,
    <S as SubgraphSchema>::Mutation,
    <S as SubgraphSchema>::Subscription,
>;

fn roots<S: SubgraphSchema>() -> BuilderOf<S> {
    for messages in S::CONSTRAINT_MESSAGES {
        register_constraint_messages(messages);
    }
    Schema::build(
        S::Query::default(),
        S::Mutation::default(),
        S::Subscription::default(),
    )
    .enable_federation()
    // Subscriptions are part of the subgraph's contract: gateways that compose them (Hive
    // Gateway, Apollo Router) reach them over WebSocket.
    .enable_subscription_in_federation()
}

/// Subgraph `S`'s schema around the process's services, with async-graphql's own query limits,
/// ready to `finish()`. The other limits and persisted queries are the HTTP layer's, before
/// execution ([`crate::limits::QueryLimits::check`]).
pub fn schema_builder<S: SubgraphSchema>(
    services: Arc<Services>,
    limits: QueryLimits,
) -> BuilderOf<S> {
    // No "Did you mean …?" in validation errors: they would spell the schema out, field by
    // field, to callers who may not introspect it.
    limits.apply(roots::<S>().data(services).disable_suggestions())
}

/// The SDL of subgraph `S` as the federation gateway composes it (`schema/<name>.graphql`).
pub fn sdl<S: SubgraphSchema>() -> String {
    let options = SDLExportOptions::new().federation().compose_directive();
    roots::<S>().finish().sdl_with_options(options)
}

/// Every type, field, argument, input field and enum value of `sdl` without a description, as
/// `Type.field(argument)` paths (integrators read descriptions in GraphiQL: all must have one).
pub fn undescribed(sdl: &str) -> Result<Vec<String>, String> {
    let document = parse_schema(sdl).map_err(|error| error.to_string())?;
    let mut missing = Vec::new();
    for definition in &document.definitions {
        let TypeSystemDefinition::Type(definition) = definition else {
            continue;
        };
        let ty = &definition.node;
        let name = ty.name.node.as_str();
        if ty.description.is_none() {
            missing.push(name.to_owned());
        }
        match &ty.kind {
            TypeKind::Object(object) => {
                for field in &object.fields {
                    let field_name = field.node.name.node.as_str();
                    if field.node.description.is_none() {
                        missing.push(format!("{name}.{field_name}"));
                    }
                    for argument in &field.node.arguments {
                        if argument.node.description.is_none() {
                            missing
                                .push(format!("{name}.{field_name}({})", argument.node.name.node));
                        }
                    }
                }
            }
            TypeKind::InputObject(input) => {
                for field in &input.fields {
                    if field.node.description.is_none() {
                        missing.push(format!("{name}.{}", field.node.name.node));
                    }
                }
            }
            TypeKind::Enum(enumeration) => {
                for value in &enumeration.values {
                    if value.node.description.is_none() {
                        missing.push(format!("{name}.{}", value.node.value.node));
                    }
                }
            }
            TypeKind::Scalar | TypeKind::Interface(_) | TypeKind::Union(_) => {}
        }
    }
    Ok(missing)
}
