//! The plan check's instrument: `EXPLAIN ANALYZE` of a statement the server ran, exactly as it
//! ran it (same SQL, same values, same role and tenant), with the planner forced to a custom plan
//! and then to a generic one — the server's prepared statements get either — and the rows the
//! plan read compared with the rows it returned.

use crate::{TestDatabase, tenant_transaction};
use sea_orm::sea_query::{PostgresQueryBuilder, QueryBuilder};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use serde_json::Value;
use uuid::Uuid;

/// How a statement's plan did on the data.
#[derive(Debug, Clone)]
pub struct PlanReading {
    /// Rows the statement returned.
    pub returned: f64,
    /// Rows its scans read: kept plus removed by a filter or an index recheck, over all loops.
    pub read: f64,
    /// The plan, one line per node (`Index Scan using … on activities: read 51`), for messages.
    pub outline: String,
}

impl PlanReading {
    /// Whether the statement read more than `factor` times the rows it returned (a statement
    /// that returns nothing may read `factor` rows) and more than `floor` rows: below that, the
    /// planner rightly reads a small table whole rather than through an index.
    pub fn reads_more_than(&self, factor: f64, floor: f64) -> bool {
        self.read > floor && self.read > factor * self.returned.max(1.0)
    }
}

/// Which plan the planner is made to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanKind {
    /// Planned for the statement's own values (the first executions of a prepared statement).
    Custom,
    /// Planned once for any values (what PostgreSQL may switch to after five executions).
    Generic,
}

/// `EXPLAIN ANALYZE` of `statement` as `app_user` in a transaction of `tenant`, with the planner
/// forced to `kind`; rolled back, so a statement that writes changes nothing.
pub async fn explain(
    app_user: &DatabaseConnection,
    tenant: Uuid,
    statement: &Statement,
    kind: PlanKind,
) -> Result<PlanReading, String> {
    let tx = tenant_transaction(app_user, Some(tenant)).await;
    let mode = match kind {
        PlanKind::Custom => "force_custom_plan",
        PlanKind::Generic => "force_generic_plan",
    };
    let run = |sql: String| {
        let tx = &tx;
        async move {
            tx.execute_unprepared(&sql)
                .await
                .map_err(|error| format!("{error}: {sql}"))
        }
    };
    run(format!("SET LOCAL plan_cache_mode = {mode}")).await?;
    run(format!("PREPARE plan_check AS {}", statement.sql)).await?;
    let arguments: Vec<String> = statement
        .values
        .iter()
        .flat_map(|values| values.0.iter())
        .map(|value| match value {
            // `ARRAY['…']` is text[], which EXECUTE does not coerce to the uuid[] parameter.
            sea_orm::Value::Array(sea_orm::sea_query::ArrayType::Uuid, _) => {
                format!("{}::uuid[]", PostgresQueryBuilder.value_to_string(value))
            }
            _ => PostgresQueryBuilder.value_to_string(value),
        })
        .collect();
    let execute = if arguments.is_empty() {
        "EXECUTE plan_check".to_owned()
    } else {
        format!("EXECUTE plan_check({})", arguments.join(", "))
    };
    let row = tx
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            format!("EXPLAIN (ANALYZE, FORMAT JSON) {execute}"),
        ))
        .await
        .map_err(|error| format!("{error}: {}", statement.sql))?
        .ok_or("EXPLAIN returned nothing")?;
    let plan: Value = row
        .try_get("", "QUERY PLAN")
        .map_err(|error| format!("reading the plan: {error}"))?;
    run("DEALLOCATE plan_check".to_owned()).await?;
    tx.rollback().await.map_err(|error| error.to_string())?;
    reading(&plan[0]["Plan"]).ok_or_else(|| format!("unexpected plan: {plan}"))
}

/// The rows `plan` (a JSON plan's root node) returned and read.
fn reading(plan: &Value) -> Option<PlanReading> {
    let returned = plan.get("Actual Rows")?.as_f64()? * plan.get("Actual Loops")?.as_f64()?;
    let mut read = 0.0;
    let mut outline = String::new();
    walk(plan, 0, &mut read, &mut outline);
    Some(PlanReading {
        returned,
        read,
        outline,
    })
}

fn walk(node: &Value, depth: usize, read: &mut f64, outline: &mut String) {
    let number = |key: &str| node.get(key).and_then(Value::as_f64).unwrap_or(0.0);
    let kind = node["Node Type"].as_str().unwrap_or("?");
    let loops = number("Actual Loops");
    let mut line = format!("{:indent$}{kind}", "", indent = depth * 2);
    if let Some(index) = node["Index Name"].as_str() {
        line.push_str(&format!(" using {index}"));
    }
    if let Some(relation) = node["Relation Name"].as_str() {
        line.push_str(&format!(" on {relation}"));
    }
    if matches!(
        kind,
        "Seq Scan" | "Index Scan" | "Index Only Scan" | "Bitmap Heap Scan" | "Tid Scan"
    ) {
        let rows = (number("Actual Rows")
            + number("Rows Removed by Filter")
            + number("Rows Removed by Index Recheck"))
            * loops;
        *read += rows;
        line.push_str(&format!(": read {rows}"));
    }
    line.push_str(&format!(
        " (returned {} × {loops})\n",
        number("Actual Rows")
    ));
    outline.push_str(&line);
    for child in node["Plans"].as_array().into_iter().flatten() {
        walk(child, depth + 1, read, outline);
    }
}

/// The statements worth checking: reads of data (not the transaction's `set_config`).
pub fn is_data_read(statement: &Statement) -> bool {
    let sql = statement.sql.trim_start();
    sql.starts_with("SELECT") && !sql.starts_with("SELECT set_config")
}

/// Makes sure the planner has statistics (a freshly seeded table may have none yet).
pub async fn analyze(db: &TestDatabase) {
    if let Err(error) = db.owner.execute_unprepared("ANALYZE").await {
        panic!("ANALYZE failed: {error}");
    }
}
