//! The steps of an activity template: the pipeline the Activity Planner spawns for each
//! deliverable period. Stored as a JSON array in `activity_templates.steps`, one object per
//! step (camelCase keys):
//!
//! ```json
//! { "key": "write", "name": "Write the draft", "activityType": "write",
//!   "assigneeType": "agent", "agentRole": "copywriter", "approvalGate": false,
//!   "dependsOn": ["research"] }
//! ```
//!
//! `activityType` and `assigneeType` hold the database enums' values; `dependsOn` names keys of
//! earlier steps, so a pipeline is acyclic by construction.

use crate::plan::{ActivityType, AssigneeType};
use async_graphql::{InputObject, SimpleObject};
use entities::sea_orm_active_enums as db;
use graph_core::agents::{AGENT_ROLES, is_agent_role};
use graph_core::error::{ApiError, ApiResult};
use graph_core::validate::required_text;
use sea_orm::ActiveEnum;
use serde::{Deserialize, Serialize};

/// Most steps of one template.
pub const MAX_STEPS: usize = 50;
/// Longest step key.
const MAX_KEY_CHARS: usize = 64;
/// Longest step name.
const MAX_NAME_CHARS: usize = 255;

/// One step of an activity template's pipeline.
#[derive(SimpleObject, Clone, Debug, PartialEq, Eq)]
pub struct ActivityTemplateStep {
    /// The step's name within the template (`research`, `write`, …): what activities record as
    /// their pipeline step and what other steps' `dependsOn` name.
    pub key: String,
    /// Human label of the step.
    pub name: String,
    /// The kind of activity the step spawns.
    pub activity_type: ActivityType,
    /// Whether an agent or a person does it.
    pub assignee_type: AssigneeType,
    /// For an agent step: the agent role that does it; null for a human step.
    pub agent_role: Option<String>,
    /// Whether the step is a human approval gate the pipeline waits on.
    pub approval_gate: bool,
    /// Keys of the earlier steps that must be done before this one starts.
    pub depends_on: Vec<String>,
}

/// One step of a pipeline, as given to `updateActivityTemplate`.
#[derive(InputObject, Clone, Debug)]
pub struct ActivityTemplateStepInput {
    /// The step's name within the template: a lowercase letter, then lowercase letters, digits
    /// or `_`, at most 64 characters; unique in the template.
    pub key: String,
    /// Human label, 1–255 characters.
    pub name: String,
    /// The kind of activity the step spawns.
    pub activity_type: ActivityType,
    /// Whether an agent or a person does it.
    pub assignee_type: AssigneeType,
    /// For an agent step (required): one of the platform's agent roles. Must be omitted for a
    /// human step.
    pub agent_role: Option<String>,
    /// Whether the step is a human approval gate (default false).
    #[graphql(default)]
    pub approval_gate: bool,
    /// Keys of earlier steps of this template that must be done first (default none).
    #[graphql(default)]
    pub depends_on: Vec<String>,
}

/// A step as stored in the JSON column.
#[derive(Serialize, Deserialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
struct StoredStep {
    key: String,
    name: String,
    activity_type: String,
    assignee_type: String,
    #[serde(default)]
    agent_role: Option<String>,
    #[serde(default)]
    approval_gate: bool,
    #[serde(default)]
    depends_on: Vec<String>,
}

/// The database value of an enum (`write`, `agent`).
fn db_value<E: ActiveEnum<Value = sea_orm::sea_query::Enum>>(value: &E) -> String {
    value.to_value().value.into_owned()
}

/// The enum whose database value is `text`, if any.
pub(crate) fn from_db_value<E>(text: &str) -> Option<E>
where
    E: ActiveEnum<Value = sea_orm::sea_query::Enum> + sea_orm::Iterable,
{
    E::iter().find(|value| value.to_value().value == text)
}

impl StoredStep {
    fn into_step(self) -> Option<ActivityTemplateStep> {
        let activity_type = from_db_value::<db::ActivityType>(&self.activity_type)?;
        let assignee_type = from_db_value::<db::AssigneeType>(&self.assignee_type)?;
        Some(ActivityTemplateStep {
            key: self.key,
            name: self.name,
            activity_type: activity_type.into(),
            assignee_type: assignee_type.into(),
            agent_role: self.agent_role,
            approval_gate: self.approval_gate,
            depends_on: self.depends_on,
        })
    }
}

/// The steps of a stored `steps` array; entries that are not a step (written outside the API)
/// are skipped.
pub fn steps_of(stored: &serde_json::Value) -> Vec<ActivityTemplateStep> {
    stored
        .as_array()
        .map(|entries| {
            entries
                .iter()
                .filter_map(|entry| serde_json::from_value::<StoredStep>(entry.clone()).ok())
                .filter_map(StoredStep::into_step)
                .collect()
        })
        .unwrap_or_default()
}

fn key_ok(key: &str) -> bool {
    let mut bytes = key.bytes();
    matches!(bytes.next(), Some(b'a'..=b'z'))
        && key.len() <= MAX_KEY_CHARS
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Checks a pipeline (1 to [`MAX_STEPS`] steps; keys well-formed and unique; agent steps with a
/// known agent role, human steps without one; dependencies on earlier steps only) and returns
/// the JSON array to store.
pub fn check_steps(steps: &[ActivityTemplateStepInput]) -> ApiResult<serde_json::Value> {
    if steps.is_empty() || steps.len() > MAX_STEPS {
        return Err(ApiError::bad_input(
            "steps",
            format!("a template has 1 to {MAX_STEPS} steps"),
        ));
    }
    let mut keys: Vec<&str> = Vec::with_capacity(steps.len());
    let mut stored = Vec::with_capacity(steps.len());
    for (index, step) in steps.iter().enumerate() {
        let at = |part: &str| format!("steps.{index}.{part}");
        if !key_ok(&step.key) {
            return Err(ApiError::bad_input(
                &at("key"),
                "a step key is a lowercase letter, then lowercase letters, digits or `_` (at most 64 characters)",
            ));
        }
        if keys.contains(&step.key.as_str()) {
            return Err(ApiError::bad_input(
                &at("key"),
                format!("two steps have the key `{}`: keys are unique", step.key),
            ));
        }
        let name = required_text(&at("name"), &step.name, MAX_NAME_CHARS)?;
        let agent_role = match (step.assignee_type, step.agent_role.as_deref()) {
            (AssigneeType::Agent, Some(role)) if is_agent_role(role) => Some(role.to_owned()),
            (AssigneeType::Agent, _) => {
                return Err(ApiError::bad_input(
                    &at("agentRole"),
                    format!(
                        "an agent step needs an agent role, one of: {}",
                        AGENT_ROLES.join(", ")
                    ),
                ));
            }
            (AssigneeType::Human, None) => None,
            (AssigneeType::Human, Some(_)) => {
                return Err(ApiError::bad_input(
                    &at("agentRole"),
                    "a human step has no `agentRole`",
                ));
            }
        };
        let mut depends_on: Vec<String> = Vec::with_capacity(step.depends_on.len());
        for dependency in &step.depends_on {
            if !keys.contains(&dependency.as_str()) || depends_on.contains(dependency) {
                return Err(ApiError::bad_input(
                    &at("dependsOn"),
                    "`dependsOn` names earlier steps of the template, each once",
                ));
            }
            depends_on.push(dependency.clone());
        }
        keys.push(&step.key);
        stored.push(StoredStep {
            key: step.key.clone(),
            name,
            activity_type: db_value(&db::ActivityType::from(step.activity_type)),
            assignee_type: db_value(&db::AssigneeType::from(step.assignee_type)),
            agent_role,
            approval_gate: step.approval_gate,
            depends_on,
        });
    }
    serde_json::to_value(stored).map_err(ApiError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(key: &str, role: Option<&str>, depends_on: &[&str]) -> ActivityTemplateStepInput {
        ActivityTemplateStepInput {
            key: key.to_owned(),
            name: format!("Step {key}"),
            activity_type: ActivityType::Write,
            assignee_type: if role.is_some() {
                AssigneeType::Agent
            } else {
                AssigneeType::Human
            },
            agent_role: role.map(str::to_owned),
            approval_gate: role.is_none(),
            depends_on: depends_on.iter().map(|key| (*key).to_owned()).collect(),
        }
    }

    #[test]
    fn a_valid_pipeline_round_trips_through_its_stored_form() {
        let input = [
            step("research", Some("researcher"), &[]),
            step("write", Some("copywriter"), &["research"]),
            step("approve", None, &["write"]),
        ];
        let stored = check_steps(&input).unwrap_or_default();
        let steps = steps_of(&stored);
        assert_eq!(steps.len(), 3);
        assert_eq!(stored[1]["activityType"], "write");
        assert_eq!(stored[2]["assigneeType"], "human");
        assert_eq!(steps[1].depends_on, vec!["research".to_owned()]);
        assert_eq!(steps[0].agent_role.as_deref(), Some("researcher"));
    }

    #[test]
    fn malformed_pipelines_are_refused() {
        let bad: Vec<Vec<ActivityTemplateStepInput>> = vec![
            vec![],
            vec![step("Write", Some("copywriter"), &[])],
            vec![
                step("write", Some("copywriter"), &[]),
                step("write", Some("copywriter"), &[]),
            ],
            vec![step("write", Some("poet"), &[])],
            vec![
                step("write", Some("copywriter"), &["later"]),
                step("later", None, &[]),
            ],
            vec![step("write", Some("copywriter"), &["write"])],
            vec![ActivityTemplateStepInput {
                agent_role: Some("copywriter".into()),
                ..step("gate", None, &[])
            }],
            vec![ActivityTemplateStepInput {
                name: " ".into(),
                ..step("write", Some("copywriter"), &[])
            }],
            (0..=MAX_STEPS)
                .map(|n| step(&format!("s{n}"), Some("copywriter"), &[]))
                .collect(),
        ];
        for steps in bad {
            assert!(check_steps(&steps).is_err(), "{steps:?}");
        }
    }
}
