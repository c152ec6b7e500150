//! Query limits: how much one GraphQL request may ask for.
//!
//! async-graphql enforces depth, complexity, parser recursion depth and directives per field
//! itself ([`QueryLimits::apply`]); [`QueryLimits::check`] adds what it lacks (aliases, root
//! fields, `_entities` representations and the size of the query with every fragment expanded)
//! on the parsed request, before async-graphql's own checks, validation and execution. The
//! expanded-size check matters because async-graphql's recursion-depth, directive, depth and
//! complexity checks all expand every fragment spread: a document whose fragments each spread
//! the next one twice is small to send but exponential to check, so it must be rejected before
//! any of them runs. [`execute_checked`] runs both around an execution; the HTTP layer does the
//! same with its own checks in between.
//!
//! Every limit error carries `code: "BAD_USER_INPUT"` and a `limit` extension naming the limit
//! (`aliases`, `root_fields`, `expanded_fields`, `entity_representations`, `depth`,
//! `complexity`, `recursive_depth`, `directives`), so the HTTP layer and clients can tell them
//! apart without parsing messages.

use std::collections::{HashMap, HashSet};

use crate::response_order::SelectionOrder;
use async_graphql::parser::types::{
    DocumentOperations, ExecutableDocument, OperationDefinition, Selection, SelectionSet,
};
use async_graphql::{
    ErrorExtensionValues, ObjectType, Positioned, Request, Response, SchemaBuilder, ServerError,
    ServerResult, SubscriptionType, Variables,
};

/// The error code every limit violation carries, so the HTTP layer maps them uniformly.
const LIMIT_ERROR_CODE: &str = "BAD_USER_INPUT";

/// Hard bound on how deep the shape walk recurses, independent of the configured limits, so a
/// pathological document can never exhaust the stack even if the parser limit is raised.
const MAX_WALK_DEPTH: usize = 512;

/// Limits on what one GraphQL request may ask for; each is enforced with a clear error.
///
/// The defaults admit the introspection query GraphiQL sends: depth 13 with graphql-js 16's
/// `TypeRef` fragment (7 levels of `ofType`), 15 with the 9-level variant of newer tools, hence
/// `max_depth` 15; it needs parser recursion depth 17, complexity about 230 and 226 expanded
/// fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueryLimits {
    /// Maximum selection depth (async-graphql's `limit_depth`); stops deeply nested queries
    /// that fan out through relations.
    pub max_depth: usize,
    /// Maximum total complexity (async-graphql's `limit_complexity`); bounds the work one
    /// request can cause.
    pub max_complexity: usize,
    /// Maximum number of aliased fields in the executed operation (this module's extension);
    /// aliases let one request repeat an expensive field many times.
    pub max_aliases: usize,
    /// Maximum number of fields selected at the root of the executed operation, counting
    /// through fragment spreads and inline fragments (this module's extension); each root field
    /// is an independent top-level resolver.
    pub max_root_fields: usize,
    /// Maximum parser recursion depth (async-graphql's `limit_recursive_depth`); protects the
    /// server's stack from deeply nested documents.
    pub max_recursive_depth: usize,
    /// Maximum number of directives on any single field (async-graphql's `limit_directives`);
    /// stops directive-flooding documents.
    pub max_directives: usize,
    /// Maximum number of field selections in the executed operation once every fragment
    /// spread and inline fragment is expanded (this module's extension, checked before
    /// validation); stops documents whose fragments spread each other repeatedly, which are
    /// small to send but exponential for async-graphql's depth and complexity checks.
    pub max_expanded_fields: usize,
    /// Maximum number of representations in the federation `_entities` field(s) of one request
    /// (this module's extension, checked before anything runs); a gateway sends hundreds per
    /// query, and each is a row to find.
    pub max_entity_representations: usize,
    /// Maximum number of items the relation lists of one request return in total (counted by
    /// the loaders as fields resolve, cached loads included). Depth and complexity cannot see
    /// fan-out: `goal { activities { goal { activities … } } }` is a dozen fields of complexity
    /// and millions of items; past this budget the relation that crosses it is an error and
    /// every later one is empty.
    pub max_relation_items: usize,
}

impl Default for QueryLimits {
    /// Values sized for a CRM-style API while still admitting GraphiQL's introspection query.
    fn default() -> Self {
        Self {
            max_depth: 15,
            max_complexity: 2000,
            max_aliases: 30,
            max_root_fields: 20,
            max_recursive_depth: 32,
            max_directives: 50,
            max_expanded_fields: 5000,
            max_entity_representations: 1000,
            max_relation_items: 20_000,
        }
    }
}

impl QueryLimits {
    /// Applies async-graphql's own limits (depth, complexity, parser recursion depth,
    /// directives) to a schema builder. The rest are checked by [`QueryLimits::check`] before
    /// execution: see [`execute_checked`].
    pub fn apply<Q, M, S>(self, builder: SchemaBuilder<Q, M, S>) -> SchemaBuilder<Q, M, S>
    where
        Q: ObjectType + 'static,
        M: ObjectType + 'static,
        S: SubscriptionType + 'static,
    {
        builder
            .limit_depth(self.max_depth)
            .limit_complexity(self.max_complexity)
            .limit_recursive_depth(self.max_recursive_depth)
            .limit_directives(self.max_directives)
    }

    /// Parses `request` (the document stays cached in it, so it is parsed once) and checks the
    /// limits async-graphql lacks: aliases, root fields, expanded fields and `_entities`
    /// representations. Returns the order the response's fields must come in. A document that
    /// does not parse passes: execution reports the syntax error as usual.
    ///
    /// This runs before execution rather than as a schema extension: any registered extension
    /// moves every resolved field off async-graphql's fast path (a `ResolveInfo` and a boxed
    /// future per field), which cost the deep plan query a third of its throughput. It also runs
    /// before async-graphql's own recursion-depth and directive checks, which expand every
    /// fragment spread without memoisation: a doubling-fragment document small enough to send
    /// would cost 2^depth steps there.
    pub fn check(&self, request: &mut Request) -> ServerResult<Option<SelectionOrder>> {
        let operation_name = request.operation_name.clone();
        // Moved out and back (not cloned): `parsed_query` borrows the request mutably.
        let variables = std::mem::take(&mut request.variables);
        let checked = match request.parsed_query() {
            Ok(doc) => check_shape(doc, operation_name.as_deref(), &variables, (*self).into())
                .map(|()| SelectionOrder::of(doc, operation_name.as_deref())),
            Err(_) => Ok(None),
        };
        request.variables = variables;
        checked
    }
}

/// Executes `request` on `executor` with every limit: [`QueryLimits::check`] first, then
/// execution (async-graphql's own limits included), with limit errors tagged
/// ([`tag_limit_errors`]) and the response in selection order. The HTTP layer does the same
/// steps with its own checks between them; tests of the limits use this.
pub async fn execute_checked<E: async_graphql::Executor>(
    executor: &E,
    limits: QueryLimits,
    mut request: Request,
) -> Response {
    let order = match limits.check(&mut request) {
        Ok(order) => order,
        Err(error) => return Response::from_errors(vec![error]),
    };
    let mut response = executor.execute(request).await;
    tag_limit_errors(&mut response);
    if let Some(order) = order {
        order.apply(&mut response.data);
    }
    response
}

/// The numbers [`check_shape`] compares against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct QueryShapeLimits {
    max_aliases: usize,
    max_root_fields: usize,
    max_expanded_fields: usize,
    max_entity_representations: usize,
}

impl From<QueryLimits> for QueryShapeLimits {
    fn from(limits: QueryLimits) -> Self {
        Self {
            max_aliases: limits.max_aliases,
            max_root_fields: limits.max_root_fields,
            max_expanded_fields: limits.max_expanded_fields,
            max_entity_representations: limits.max_entity_representations,
        }
    }
}

/// Gives async-graphql's own limit errors (depth, complexity, recursion depth, directives) the
/// same `code` and `limit` extensions as this module's, so all limit errors look alike.
pub fn tag_limit_errors(response: &mut Response) {
    for error in &mut response.errors {
        tag_builtin_error(error);
    }
}

/// Builds a limit error with the stable `code` and the `limit` name.
fn limit_error(message: String, limit: &str) -> ServerError {
    let mut error = ServerError::new(message, None);
    let mut extensions = ErrorExtensionValues::default();
    extensions.set("code", LIMIT_ERROR_CODE);
    extensions.set("limit", limit);
    error.extensions = Some(extensions);
    error
}

/// Adds `code`/`limit` extensions to async-graphql's built-in limit errors (recognised by their
/// fixed messages); other errors pass through untouched.
fn tag_builtin_error(error: &mut ServerError) {
    let limit = if error.message == "Query is nested too deep." {
        "depth"
    } else if error.message == "Query is too complex." {
        "complexity"
    } else if error
        .message
        .starts_with("The recursion depth of the query cannot be greater than")
    {
        "recursive_depth"
    } else if error
        .message
        .starts_with("The number of directives on the field")
    {
        "directives"
    } else {
        return;
    };
    if error.extensions.is_none() {
        let mut extensions = ErrorExtensionValues::default();
        extensions.set("code", LIMIT_ERROR_CODE);
        extensions.set("limit", limit);
        error.extensions = Some(extensions);
    }
}

/// Checks aliases, root fields and expanded fields of the operation(s) that will run.
///
/// The operation is chosen like async-graphql does (by name, or the only one). When that choice
/// fails, every operation is checked: the request will be rejected anyway, and checking more
/// is never less safe.
fn check_shape(
    doc: &ExecutableDocument,
    operation_name: Option<&str>,
    variables: &Variables,
    limits: QueryShapeLimits,
) -> ServerResult<()> {
    let selected: Option<&Positioned<OperationDefinition>> = match (&doc.operations, operation_name)
    {
        (DocumentOperations::Single(op), None) => Some(op),
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name),
        (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => ops.values().next(),
        _ => None,
    };
    let mut walker = ShapeWalker {
        doc,
        memo: HashMap::new(),
        in_progress: HashSet::new(),
    };
    match selected {
        Some(op) => check_operation(&mut walker, op, variables, limits),
        None => doc
            .operations
            .iter()
            .try_for_each(|(_, op)| check_operation(&mut walker, op, variables, limits)),
    }
}

/// Most selections [`entity_representations`] visits; past it the count is `usize::MAX` (over
/// any limit). It runs only after the expanded-fields limit passed, so a real query is far below.
const MAX_REPRESENTATION_STEPS: usize = 10_000;

/// Counts the representations the root `_entities` fields of an operation ask for.
struct RepresentationCounter<'a> {
    doc: &'a ExecutableDocument,
    operation: &'a OperationDefinition,
    variables: &'a Variables,
    steps: usize,
}

impl RepresentationCounter<'_> {
    /// The length of a `representations` argument: an inline list, or a variable's value (sent
    /// with the request, else the operation's default). A single value counts one (input
    /// coercion makes it a list of one).
    fn argument_len(&self, value: &async_graphql_value::Value) -> usize {
        match value {
            async_graphql_value::Value::List(items) => items.len(),
            async_graphql_value::Value::Variable(name) => match self.variables.get(name) {
                Some(async_graphql::Value::List(items)) => items.len(),
                Some(async_graphql::Value::Null) => 0,
                Some(_) => 1,
                None => self
                    .operation
                    .variable_definitions
                    .iter()
                    .find(|definition| definition.node.name.node == *name)
                    .and_then(|definition| definition.node.default_value.as_ref())
                    .map_or(0, |default| match &default.node {
                        async_graphql::Value::List(items) => items.len(),
                        async_graphql::Value::Null => 0,
                        _ => 1,
                    }),
            },
            async_graphql_value::Value::Null => 0,
            _ => 1,
        }
    }

    /// How many representations the root `_entities` fields of `set` ask for, through root
    /// fragments; saturates, and is `usize::MAX` past [`MAX_REPRESENTATION_STEPS`].
    fn count(&mut self, set: &SelectionSet, depth: usize) -> usize {
        let mut count = 0usize;
        for selection in &set.items {
            self.steps += 1;
            if self.steps > MAX_REPRESENTATION_STEPS || depth > MAX_WALK_DEPTH {
                return usize::MAX;
            }
            let more = match &selection.node {
                Selection::Field(field) if field.node.name.node == "_entities" => field
                    .node
                    .get_argument("representations")
                    .map_or(0, |value| self.argument_len(&value.node)),
                Selection::Field(_) => 0,
                Selection::InlineFragment(inline) => {
                    self.count(&inline.node.selection_set.node, depth + 1)
                }
                Selection::FragmentSpread(spread) => {
                    match self.doc.fragments.get(&spread.node.fragment_name.node) {
                        Some(fragment) => self.count(&fragment.node.selection_set.node, depth + 1),
                        None => 0,
                    }
                }
            };
            count = count.saturating_add(more);
        }
        count
    }
}

fn check_operation<'a>(
    walker: &mut ShapeWalker<'a>,
    op: &'a Positioned<OperationDefinition>,
    variables: &Variables,
    limits: QueryShapeLimits,
) -> ServerResult<()> {
    let shape = walker.selection_set(&op.node.selection_set.node, 0)?;
    if shape.aliases > limits.max_aliases {
        return Err(limit_error(
            format!(
                "this query uses {} aliases; the limit is {}",
                shape.aliases, limits.max_aliases
            ),
            "aliases",
        ));
    }
    if shape.fields > limits.max_root_fields {
        return Err(limit_error(
            format!(
                "this query selects {} root fields; the limit is {}",
                shape.fields, limits.max_root_fields
            ),
            "root_fields",
        ));
    }
    if shape.expanded > limits.max_expanded_fields {
        let count = if shape.expanded == usize::MAX {
            format!("more than {}", limits.max_expanded_fields)
        } else {
            shape.expanded.to_string()
        };
        return Err(limit_error(
            format!(
                "this query expands to {count} fields; the limit is {}",
                limits.max_expanded_fields
            ),
            "expanded_fields",
        ));
    }
    // Counted only now that the expanded size is known to be bounded (the count expands
    // fragments too).
    let representations = RepresentationCounter {
        doc: walker.doc,
        operation: &op.node,
        variables,
        steps: 0,
    }
    .count(&op.node.selection_set.node, 0);
    if representations > limits.max_entity_representations {
        let count = if representations == usize::MAX {
            "too many".to_owned()
        } else {
            representations.to_string()
        };
        return Err(limit_error(
            format!(
                "this request asks `_entities` for {count} representations; the limit is {}",
                limits.max_entity_representations
            ),
            "entity_representations",
        ));
    }
    Ok(())
}

/// What a selection set contributes: aliased fields anywhere below it, fields at its own level,
/// and fields anywhere below it (`expanded`), all with fragments and inline fragments expanded.
/// `expanded` is `usize::MAX` when it saturated or the set reaches a fragment cycle.
#[derive(Debug, Clone, Copy, Default)]
struct Shape {
    aliases: usize,
    fields: usize,
    expanded: usize,
}

impl Shape {
    fn add(&mut self, other: Shape) {
        self.aliases = self.aliases.saturating_add(other.aliases);
        self.fields = self.fields.saturating_add(other.fields);
        self.expanded = self.expanded.saturating_add(other.expanded);
    }
}

/// Walks a document once per fragment (memoised), so repeated spreads cost nothing extra and a
/// document that doubles fragments at every level cannot blow up the walk; counts saturate.
struct ShapeWalker<'a> {
    doc: &'a ExecutableDocument,
    memo: HashMap<&'a str, Shape>,
    in_progress: HashSet<&'a str>,
}

impl<'a> ShapeWalker<'a> {
    fn selection_set(&mut self, set: &'a SelectionSet, depth: usize) -> ServerResult<Shape> {
        if depth > MAX_WALK_DEPTH {
            return Err(limit_error(
                format!("this query is nested more than {MAX_WALK_DEPTH} levels deep"),
                "recursive_depth",
            ));
        }
        let mut shape = Shape::default();
        for selection in &set.items {
            match &selection.node {
                Selection::Field(field) => {
                    shape.fields = shape.fields.saturating_add(1);
                    if field.node.alias.is_some() {
                        shape.aliases = shape.aliases.saturating_add(1);
                    }
                    let inner = self.selection_set(&field.node.selection_set.node, depth + 1)?;
                    shape.aliases = shape.aliases.saturating_add(inner.aliases);
                    shape.expanded = shape
                        .expanded
                        .saturating_add(1)
                        .saturating_add(inner.expanded);
                }
                Selection::InlineFragment(inline) => {
                    shape.add(self.selection_set(&inline.node.selection_set.node, depth + 1)?);
                }
                Selection::FragmentSpread(spread) => {
                    shape.add(self.fragment(&spread.node.fragment_name.node, depth + 1)?);
                }
            }
        }
        Ok(shape)
    }

    fn fragment(&mut self, name: &'a str, depth: usize) -> ServerResult<Shape> {
        if let Some(shape) = self.memo.get(name) {
            return Ok(*shape);
        }
        // An unknown fragment (rejected later by validation) contributes nothing.
        let Some(fragment) = self.doc.fragments.get(name) else {
            return Ok(Shape::default());
        };
        // A cycle expands forever: it contributes no aliases or fields of its own (those are
        // counted once on the way in), but an unbounded expanded size, so the expanded-fields
        // limit rejects it before validation. Every fragment memoised while this one is in
        // progress reaches the cycle too, so memoising their saturated size is correct.
        if !self.in_progress.insert(name) {
            return Ok(Shape {
                expanded: usize::MAX,
                ..Shape::default()
            });
        }
        let shape = self.selection_set(&fragment.node.selection_set.node, depth);
        self.in_progress.remove(name);
        let shape = shape?;
        self.memo.insert(name, shape);
        Ok(shape)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use async_graphql::{EmptyMutation, EmptySubscription, Object, Schema};

    struct Node;

    #[Object]
    impl Node {
        async fn child(&self) -> Node {
            Node
        }
        async fn value(&self) -> i32 {
            1
        }
    }

    struct Query;

    #[Object]
    impl Query {
        async fn node(&self) -> Node {
            Node
        }
        async fn value(&self) -> i32 {
            1
        }
    }

    /// A schema with the limits, executed the way the server does ([`execute_checked`]).
    #[derive(Clone)]
    struct TestSchema {
        schema: Schema<Query, EmptyMutation, EmptySubscription>,
        limits: QueryLimits,
    }

    impl TestSchema {
        async fn execute(&self, request: impl Into<Request>) -> async_graphql::Response {
            execute_checked(&self.schema, self.limits, request.into()).await
        }
    }

    fn schema(limits: QueryLimits) -> TestSchema {
        TestSchema {
            schema: limits
                .apply(Schema::build(Query, EmptyMutation, EmptySubscription))
                .finish(),
            limits,
        }
    }

    fn small() -> QueryLimits {
        QueryLimits {
            max_depth: 50,
            max_complexity: 10_000,
            max_aliases: 3,
            max_root_fields: 3,
            max_recursive_depth: 64,
            max_directives: 5,
            max_expanded_fields: 10_000,
            max_entity_representations: 3,
            max_relation_items: 20_000,
        }
    }

    async fn run(schema: &TestSchema, query: &str) -> async_graphql::Response {
        schema.execute(query).await
    }

    fn assert_ok(resp: &async_graphql::Response) {
        assert!(
            resp.errors.is_empty(),
            "unexpected errors: {:?}",
            resp.errors
        );
    }

    fn assert_limit(resp: &async_graphql::Response, limit: &str) -> String {
        assert_eq!(resp.errors.len(), 1, "errors: {:?}", resp.errors);
        let err = &resp.errors[0];
        let ext = err.extensions.as_ref().expect("extensions");
        assert_eq!(
            ext.get("code"),
            Some(&async_graphql::Value::from("BAD_USER_INPUT"))
        );
        assert_eq!(ext.get("limit"), Some(&async_graphql::Value::from(limit)));
        err.message.clone()
    }

    /// `node { child { ... value } }` with `children` levels of `child`: depth children + 2,
    /// complexity children + 2.
    fn chain(children: usize) -> String {
        format!(
            "{{ node {{ {}value{} }} }}",
            "child { ".repeat(children),
            " }".repeat(children)
        )
    }

    #[tokio::test]
    async fn aliases_at_limit_pass_over_limit_fail() {
        let s = schema(small());
        assert_ok(&run(&s, "{ a: value b: value node { c: value } }").await);
        let resp = run(
            &s,
            "{ a: value b: value node { c: value d: child { value } } }",
        )
        .await;
        let msg = assert_limit(&resp, "aliases");
        assert_eq!(msg, "this query uses 4 aliases; the limit is 3");
    }

    #[tokio::test]
    async fn aliases_counted_once_per_fragment_spread() {
        let s = schema(small());
        let ok = "{ node { ...F } } fragment F on Node { a: value }";
        assert_ok(&run(&s, ok).await);
        let over =
            "{ node { ...F child { ...F } } x: node { ...F } } fragment F on Node { a: value }";
        let msg = assert_limit(&run(&s, over).await, "aliases");
        assert_eq!(msg, "this query uses 4 aliases; the limit is 3");
    }

    #[tokio::test]
    async fn only_executed_operation_is_counted() {
        let s = schema(small());
        let doc = "query A { a: value b: value c: value d: value } query B { value }";
        let resp = s.execute(Request::new(doc).operation_name("B")).await;
        assert_ok(&resp);
        let resp = s.execute(Request::new(doc).operation_name("A")).await;
        assert_limit(&resp, "aliases");
    }

    #[tokio::test]
    async fn root_fields_at_limit_pass_over_limit_fail() {
        let s = schema(small());
        assert_ok(&run(&s, "{ value node { value } __typename }").await);
        let resp = run(&s, "{ value node { value } __typename x: value }").await;
        let msg = assert_limit(&resp, "root_fields");
        assert_eq!(msg, "this query selects 4 root fields; the limit is 3");
    }

    #[tokio::test]
    async fn root_fields_count_through_fragments() {
        let s = schema(small());
        let ok = "{ ...R } fragment R on Query { value node { value child { value } } }";
        assert_ok(&run(&s, ok).await);
        let spread = "{ __typename ...R } fragment R on Query { value ...S } fragment S on Query { node { value } __typename }";
        let msg = assert_limit(&run(&s, spread).await, "root_fields");
        assert_eq!(msg, "this query selects 4 root fields; the limit is 3");
        let inline = "{ value ... on Query { node { value } ... { __typename value } } }";
        let msg = assert_limit(&run(&s, inline).await, "root_fields");
        assert_eq!(msg, "this query selects 4 root fields; the limit is 3");
    }

    #[tokio::test]
    async fn depth_at_limit_passes_over_limit_fails() {
        let s = schema(QueryLimits {
            max_depth: 5,
            ..small()
        });
        assert_ok(&run(&s, &chain(3)).await);
        let resp = run(&s, &chain(4)).await;
        let msg = assert_limit(&resp, "depth");
        assert_eq!(msg, "Query is nested too deep.");
    }

    #[tokio::test]
    async fn complexity_at_limit_passes_over_limit_fails() {
        let s = schema(QueryLimits {
            max_complexity: 7,
            ..small()
        });
        assert_ok(&run(&s, &chain(5)).await);
        let resp = run(&s, &chain(6)).await;
        let msg = assert_limit(&resp, "complexity");
        assert_eq!(msg, "Query is too complex.");
    }

    #[tokio::test]
    async fn fragment_cycle_errors_instead_of_hanging() {
        let s = schema(QueryLimits::default());
        let doc = "{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { ...A } }";
        let resp = tokio::time::timeout(std::time::Duration::from_secs(10), run(&s, doc))
            .await
            .expect("cycle must not hang");
        assert!(!resp.errors.is_empty());
        let self_cycle = "{ node { ...A } } fragment A on Node { value ...A }";
        let resp = tokio::time::timeout(std::time::Duration::from_secs(10), run(&s, self_cycle))
            .await
            .expect("cycle must not hang");
        assert!(!resp.errors.is_empty());
    }

    #[test]
    fn walker_survives_cycles_and_fan_out_directly() {
        // Bypass async-graphql's own checks: the walker alone must terminate and saturate.
        let mut doc =
            String::from("{ node { ...F0 } } fragment F0 on Node { a: value ...F0 ...F1 ...F1 }");
        for i in 1..60 {
            doc.push_str(&format!(
                " fragment F{i} on Node {{ a{i}: value ...F{n} ...F{n} }}",
                n = i + 1
            ));
        }
        doc.push_str(" fragment F60 on Node { z: value ...F0 }");
        let doc = async_graphql::parser::parse_query(&doc).unwrap();
        let limits = QueryShapeLimits::from(QueryLimits::default());
        let err = check_shape(&doc, None, &Variables::default(), limits).unwrap_err();
        assert_eq!(
            err.extensions.unwrap().get("limit"),
            Some(&async_graphql::Value::from("aliases"))
        );
    }

    /// `{ node { ...F0 } }` where each of `levels` fragments spreads the next one twice and the
    /// last selects `value`: 1 + 2^levels fields once expanded, from a document of linear size.
    fn doubling_fragments(levels: usize) -> String {
        let mut doc = String::from("{ node { ...F0 } }");
        for i in 0..levels {
            doc.push_str(&format!(
                " fragment F{i} on Node {{ ...F{n} ...F{n} }}",
                n = i + 1
            ));
        }
        doc.push_str(&format!(" fragment F{levels} on Node {{ value }}"));
        doc
    }

    fn expanded_size(query: &str) -> usize {
        let doc = async_graphql::parser::parse_query(query).unwrap();
        let op = match &doc.operations {
            DocumentOperations::Single(op) => op,
            DocumentOperations::Multiple(ops) => ops.values().next().unwrap(),
        };
        let mut walker = ShapeWalker {
            doc: &doc,
            memo: HashMap::new(),
            in_progress: HashSet::new(),
        };
        walker
            .selection_set(&op.node.selection_set.node, 0)
            .unwrap()
            .expanded
    }

    #[tokio::test]
    async fn expanded_fields_at_limit_pass_over_limit_fail() {
        let s = schema(QueryLimits {
            max_expanded_fields: 8,
            ..small()
        });
        // node + (value child value) + child + (value child value) = 8.
        let at = "{ node { ...F child { ...F } } } fragment F on Node { value child { value } }";
        assert_eq!(expanded_size(at), 8);
        assert_ok(&run(&s, at).await);
        let over = "{ node { ...F child { ... on Node { ...F value } } } } fragment F on Node { value child { value } }";
        assert_eq!(expanded_size(over), 9);
        let msg = assert_limit(&run(&s, over).await, "expanded_fields");
        assert_eq!(msg, "this query expands to 9 fields; the limit is 8");
    }

    /// Runs the query on its own thread under a 5 s tokio timeout, so a query that blocks the
    /// CPU (which a timeout on the same thread could never interrupt) still fails the test.
    async fn run_within_5s(s: &TestSchema, query: String) -> async_graphql::Response {
        let s = s.clone();
        let (tx, rx) = tokio::sync::oneshot::channel();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .build()
                .unwrap();
            let _ = tx.send(rt.block_on(s.execute(query.as_str())));
        });
        tokio::time::timeout(std::time::Duration::from_secs(5), rx)
            .await
            .expect("the query must be answered within 5 s")
            .unwrap()
    }

    #[tokio::test]
    async fn doubling_fragments_are_rejected_before_validation() {
        let s = schema(QueryLimits::default());
        let doc = doubling_fragments(30);
        let resp = run_within_5s(&s, doc).await;
        let msg = assert_limit(&resp, "expanded_fields");
        assert_eq!(
            msg,
            "this query expands to 1073741825 fields; the limit is 5000"
        );
        // Deep enough to saturate: still rejected, reported as "more than".
        let doc = doubling_fragments(70);
        let resp = run_within_5s(&s, doc).await;
        let msg = assert_limit(&resp, "expanded_fields");
        assert_eq!(
            msg,
            "this query expands to more than 5000 fields; the limit is 5000"
        );
    }

    #[tokio::test]
    async fn fragment_cycles_exceed_the_expanded_limit() {
        let doc = "{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { value ...A }";
        let parsed = async_graphql::parser::parse_query(doc).unwrap();
        let err = check_shape(
            &parsed,
            None,
            &Variables::default(),
            QueryLimits::default().into(),
        )
        .unwrap_err();
        assert_eq!(
            err.message,
            "this query expands to more than 5000 fields; the limit is 5000"
        );
        let resp = run(&schema(QueryLimits::default()), doc).await;
        assert_limit(&resp, "expanded_fields");
    }

    #[tokio::test]
    async fn normal_query_passes_with_defaults() {
        let s = schema(QueryLimits::default());
        let doc = "query Q { value node { ...F child { ...F child { ...F } } } } fragment F on Node { value child { value } }";
        assert_ok(&run(&s, doc).await);
    }

    /// GraphiQL's introspection query (graphql-js `getIntrospectionQuery` with descriptions,
    /// `specifiedByURL`, input value deprecation), with `TypeRef` at 9 levels of `ofType`,
    /// the deepest variant in use.
    const GRAPHIQL_INTROSPECTION: &str = r#"
query IntrospectionQuery {
  __schema {
    description
    queryType { name }
    mutationType { name }
    subscriptionType { name }
    types { ...FullType }
    directives {
      name
      description
      isRepeatable
      locations
      args(includeDeprecated: true) { ...InputValue }
    }
  }
}
fragment FullType on __Type {
  kind
  name
  description
  specifiedByURL
  fields(includeDeprecated: true) {
    name
    description
    args(includeDeprecated: true) { ...InputValue }
    type { ...TypeRef }
    isDeprecated
    deprecationReason
  }
  inputFields(includeDeprecated: true) { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) {
    name
    description
    isDeprecated
    deprecationReason
  }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue {
  name
  description
  type { ...TypeRef }
  defaultValue
  isDeprecated
  deprecationReason
}
fragment TypeRef on __Type {
  kind
  name
  ofType {
    kind
    name
    ofType {
      kind
      name
      ofType {
        kind
        name
        ofType {
          kind
          name
          ofType {
            kind
            name
            ofType {
              kind
              name
              ofType {
                kind
                name
                ofType {
                  kind
                  name
                  ofType {
                    kind
                    name
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
"#;

    #[test]
    fn graphiql_introspection_expanded_size_is_well_under_default() {
        let size = expanded_size(GRAPHIQL_INTROSPECTION);
        assert_eq!(size, 226);
        assert!(size * 10 <= QueryLimits::default().max_expanded_fields);
    }

    #[tokio::test]
    async fn graphiql_introspection_passes_with_defaults() {
        let s = schema(QueryLimits::default());
        let resp = s
            .execute(Request::new(GRAPHIQL_INTROSPECTION).operation_name("IntrospectionQuery"))
            .await;
        assert_ok(&resp);
        let resp = s.execute(GRAPHIQL_INTROSPECTION).await;
        assert_ok(&resp);
    }

    #[tokio::test]
    async fn defaults_are_as_documented() {
        let d = QueryLimits::default();
        assert_eq!(
            (
                d.max_depth,
                d.max_complexity,
                d.max_aliases,
                d.max_root_fields,
                d.max_recursive_depth,
                d.max_directives,
                d.max_expanded_fields
            ),
            (15, 2000, 30, 20, 32, 50, 5000)
        );
    }
}
