//! Templates and agents: the platform's global activity templates (one pipeline per main
//! deliverable type) and recurring task templates (cron, strategy-approval, onboarding and manual
//! triggers; agent and human assignees; typed variables), and for each seeded tenant its copies
//! of them (`source_template_id` set; acme's blog pipeline customized to version 3, its GBP task's
//! variables filled in), an agent config per agent role, and a few LLM sessions (one expired);
//! and the LLM providers agent configs choose their models from ([`llm_providers`]: the
//! platform's Anthropic and OpenAI defaults, acme's own Ollama). Idempotent: rows are inserted only when missing, the customization applied only to a copy
//! still at version 1.

use super::run;
use graph_core::agents::AGENT_ROLES;
use sea_orm::{DatabaseConnection, DbErr};

/// Global activity templates: deliverable type, name, steps (JSON).
const ACTIVITY_TEMPLATES: [(&str, &str, &str); 3] = [
    (
        "blog_posts",
        "Standard Blog Post Pipeline",
        r#"[{"key":"research","name":"Research the topic and keywords","activityType":"research","assigneeType":"agent","agentRole":"researcher","approvalGate":false,"dependsOn":[]},
            {"key":"write","name":"Write the draft","activityType":"write","assigneeType":"agent","agentRole":"copywriter","approvalGate":false,"dependsOn":["research"]},
            {"key":"seo","name":"Optimise for search","activityType":"review","assigneeType":"agent","agentRole":"seo_specialist","approvalGate":false,"dependsOn":["write"]},
            {"key":"approve","name":"Approve the post","activityType":"approve","assigneeType":"human","agentRole":null,"approvalGate":true,"dependsOn":["seo"]},
            {"key":"publish","name":"Publish","activityType":"publish","assigneeType":"agent","agentRole":"copywriter","approvalGate":false,"dependsOn":["approve"]}]"#,
    ),
    (
        "social_posts",
        "Social Post Pipeline",
        r#"[{"key":"write","name":"Write the posts","activityType":"write","assigneeType":"agent","agentRole":"social_media_manager","approvalGate":false,"dependsOn":[]},
            {"key":"approve","name":"Approve the posts","activityType":"approve","assigneeType":"human","agentRole":null,"approvalGate":true,"dependsOn":["write"]},
            {"key":"publish","name":"Schedule and publish","activityType":"publish","assigneeType":"agent","agentRole":"social_media_manager","approvalGate":false,"dependsOn":["approve"]}]"#,
    ),
    (
        "backlinks",
        "Backlink Outreach Pipeline",
        r#"[{"key":"prospect","name":"Find linking prospects","activityType":"research","assigneeType":"agent","agentRole":"outreach_specialist","approvalGate":false,"dependsOn":[]},
            {"key":"outreach","name":"Reach out","activityType":"outreach","assigneeType":"agent","agentRole":"outreach_specialist","approvalGate":false,"dependsOn":["prospect"]}]"#,
    ),
];

/// Global recurring task templates: name, description, assignee type, agent role, human role,
/// periodicity, trigger, cron expression, prompt, variables (JSON).
type Recurring = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
);

const RECURRING_TEMPLATES: [Recurring; 4] = [
    (
        "Update Google Business Profile listing",
        "A fresh post and updated details keep the local listing ranking.",
        "agent",
        Some("seo_specialist"),
        None,
        "weekly",
        "cron",
        Some("0 9 * * MON"),
        "Post an update for {{business_name}} ({{website}}); mention {{offer}} if given.",
        r#"[{"key":"business_name","label":"Business name","type":"text","required":true},
            {"key":"website","label":"Website","type":"url","required":true},
            {"key":"offer","label":"Current offer","type":"text","required":false}]"#,
    ),
    (
        "Monthly performance report",
        "Sums up the month's results against the strategy's goals.",
        "agent",
        Some("data_analyst"),
        None,
        "monthly",
        "on_strategy_approval",
        None,
        "Report on the month for {{report_recipient}}.",
        r#"[{"key":"report_recipient","label":"Who receives the report","type":"email","required":false}]"#,
    ),
    (
        "Website audit after onboarding",
        "A first technical audit once the tenant is onboarded.",
        "agent",
        Some("seo_specialist"),
        None,
        "one_time",
        "on_onboarding",
        None,
        "Audit the site and list the ten most valuable fixes.",
        "[]",
    ),
    (
        "Quarterly brand review",
        "A person checks that the brand voice still fits.",
        "human",
        None,
        Some("admin"),
        "quarterly",
        "manual",
        None,
        "Review the quarter's content for brand fit.",
        "[]",
    ),
];

/// A seeded LLM provider: see [`LLM_PROVIDERS`].
type SeedProvider = (
    Option<&'static str>,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static [&'static str],
    bool,
);

/// LLM providers: tenant slug (None: global), name, type, base URL, models (the first is the
/// default), whether it is its type's global default. No API keys: they are encrypted and set
/// with `setLlmProviderApiKey`.
const LLM_PROVIDERS: [SeedProvider; 3] = [
    (
        None,
        "Anthropic (platform)",
        "anthropic",
        None,
        &["claude-sonnet-4-6", "claude-haiku-4-5", "claude-opus-4-1"],
        true,
    ),
    (
        None,
        "OpenAI (platform)",
        "openai",
        None,
        &["gpt-4.1", "gpt-4.1-mini"],
        true,
    ),
    (
        Some("acme"),
        "Acme on-premises Ollama",
        "ollama",
        Some("http://ollama.acme.internal:11434"),
        &["llama3.1:70b", "qwen2.5:32b"],
        false,
    ),
];

/// Inserts the LLM providers of [`LLM_PROVIDERS`] that are missing (by owner and name); a
/// global one becomes its type's default only when the type has none yet.
pub async fn llm_providers(db: &DatabaseConnection) -> Result<(), DbErr> {
    for (slug, name, kind, base_url, models, global_default) in LLM_PROVIDERS {
        let models: Vec<String> = models.iter().map(|model| (*model).to_owned()).collect();
        run(
            db,
            "INSERT INTO llm_providers (tenant_id, name, provider_type, base_url, default_model,
                                        available_models, is_global_default, health_status,
                                        last_health_check_at)
             SELECT (SELECT id FROM tenants WHERE slug = $1), $2, $3::llm_provider_provider_type,
                    $4, $5[1], $5,
                    $6 AND NOT EXISTS (SELECT 1 FROM llm_providers d
                                       WHERE d.tenant_id IS NULL AND d.is_global_default
                                         AND d.provider_type = $3::llm_provider_provider_type),
                    'ok', now()
             WHERE ($1::text IS NULL OR EXISTS (SELECT 1 FROM tenants WHERE slug = $1))
               AND NOT EXISTS (SELECT 1 FROM llm_providers p
                               WHERE p.name = $2 AND p.deleted_on IS NULL
                                 AND p.tenant_id IS NOT DISTINCT FROM (SELECT id FROM tenants WHERE slug = $1))",
            vec![
                slug.map(str::to_owned).into(),
                name.into(),
                kind.into(),
                base_url.map(str::to_owned).into(),
                models.into(),
                global_default.into(),
            ],
        )
        .await?;
    }
    Ok(())
}

/// Inserts the global templates that are missing (by name).
pub async fn global_templates(db: &DatabaseConnection) -> Result<(), DbErr> {
    for (kind, name, steps) in ACTIVITY_TEMPLATES {
        run(
            db,
            "INSERT INTO activity_templates (tenant_id, deliverable_type, name, steps)
             SELECT NULL, $1::deliverable_type, $2, $3::jsonb
             WHERE NOT EXISTS (SELECT 1 FROM activity_templates a WHERE a.tenant_id IS NULL AND a.name = $2)",
            vec![kind.into(), name.into(), steps.into()],
        )
        .await?;
    }
    for (
        name,
        description,
        assignee,
        agent_role,
        human_role,
        periodicity,
        trigger,
        cron,
        prompt,
        variables,
    ) in RECURRING_TEMPLATES
    {
        run(
            db,
            "INSERT INTO recurring_task_templates (tenant_id, name, description, assignee_type, agent_role,
                                                   human_role, periodicity, trigger, cron_expression,
                                                   prompt_template, variables)
             SELECT NULL, $1, $2, $3::assignee_type, $4, $5::recurring_task_template_human_role,
                    $6::recurring_task_template_periodicity, $7::recurring_task_template_trigger, $8, $9, $10::jsonb
             WHERE NOT EXISTS (SELECT 1 FROM recurring_task_templates r WHERE r.tenant_id IS NULL AND r.name = $1)",
            vec![
                name.into(),
                description.into(),
                assignee.into(),
                agent_role.into(),
                human_role.into(),
                periodicity.into(),
                trigger.into(),
                cron.into(),
                prompt.into(),
                variables.into(),
            ],
        )
        .await?;
    }
    Ok(())
}

/// Statements seeding tenant `$1`'s copies, agent configs' extras and sessions, in order.
const TENANT_STATEMENTS: [&str; 7] = [
    // A copy of every live global activity template the tenant has no live copy of.
    "INSERT INTO activity_templates (tenant_id, deliverable_type, name, source_template_id, steps, is_active)
     SELECT t.id, g.deliverable_type, g.name, g.id, g.steps, g.is_active
     FROM tenants t JOIN activity_templates g ON g.tenant_id IS NULL AND g.deleted_on IS NULL
     WHERE t.slug = $1
       AND NOT EXISTS (SELECT 1 FROM activity_templates c WHERE c.tenant_id = t.id
                         AND c.source_template_id = g.id AND c.deleted_on IS NULL)",
    // Recurring copies; active only when nothing is required (values are filled in below).
    "INSERT INTO recurring_task_templates (tenant_id, source_template_id, name, description, assignee_type,
                                           agent_role, human_role, periodicity, trigger, cron_expression,
                                           prompt_template, variables, variable_values, is_active)
     SELECT t.id, g.id, g.name, g.description, g.assignee_type, g.agent_role, g.human_role, g.periodicity,
            g.trigger, g.cron_expression, g.prompt_template, g.variables, '{}'::jsonb,
            g.is_active AND NOT jsonb_path_exists(g.variables, '$[*] ? (@.required == true)')
     FROM tenants t JOIN recurring_task_templates g ON g.tenant_id IS NULL AND g.deleted_on IS NULL
     WHERE t.slug = $1
       AND NOT EXISTS (SELECT 1 FROM recurring_task_templates c WHERE c.tenant_id = t.id
                         AND c.source_template_id = g.id AND c.deleted_on IS NULL)",
    // The GBP task's values, filled in and switched on (once).
    "UPDATE recurring_task_templates c
     SET variable_values = jsonb_build_object('business_name', t.name, 'website', 'https://' || t.slug || '.test'),
         is_active = true, version = 2, updated_on = now()
     FROM tenants t
     WHERE t.slug = $1 AND c.tenant_id = t.id AND c.version = 1
       AND c.name = 'Update Google Business Profile listing' AND c.source_template_id IS NOT NULL",
    // The blog pipeline customized: renamed, a human brief step added (version 3, once).
    "UPDATE activity_templates c
     SET name = t.name || ' Blog Pipeline', version = 3, updated_on = now(),
         steps = '[{\"key\":\"brief\",\"name\":\"Agree the brief\",\"activityType\":\"review\",\"assigneeType\":\"human\",\"agentRole\":null,\"approvalGate\":true,\"dependsOn\":[]}]'::jsonb || c.steps
     FROM tenants t
     WHERE t.slug = $1 AND c.tenant_id = t.id AND c.version = 1 AND c.source_template_id IS NOT NULL
       AND c.name = 'Standard Blog Post Pipeline' AND t.slug = 'acme'",
    // Sessions: the strategist's for the first goal, the copywriter's outside any goal, and an
    // expired researcher's (hidden by the API).
    "INSERT INTO sessions (tenant_id, external_session_id, agent_role, goal_id, adapter_type, model_id,
                           token_count, expires_at)
     SELECT t.id, 'demo-' || t.slug || '-' || v.role, v.role,
            CASE WHEN v.with_goal THEN (SELECT g.id FROM goals g WHERE g.tenant_id = t.id AND g.deleted_on IS NULL
                                        ORDER BY g.ref_id LIMIT 1) END,
            'claude', 'claude-sonnet-4-6', v.tokens, now() + v.expires_in
     FROM tenants t
     CROSS JOIN (VALUES ('strategist', true, 18200, interval '7 days'),
                        ('copywriter', false, 5400, interval '1 day'),
                        ('researcher', true, 900, interval '-1 day')) AS v(role, with_goal, tokens, expires_in)
     WHERE t.slug = $1
       AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.tenant_id = t.id
                         AND s.external_session_id = 'demo-' || t.slug || '-' || v.role)",
    // The ads agent is switched off, the copywriter runs a named model with tools and limits.
    "UPDATE agent_configs a SET is_enabled = false, updated_on = now()
     FROM tenants t WHERE t.slug = $1 AND a.tenant_id = t.id AND a.agent_role = 'ads_specialist'
       AND a.updated_on IS NULL",
    "UPDATE agent_configs a
     SET model_id = 'claude-sonnet-4-6', tool_names = ARRAY['wordpress', 'google_search_console'],
         max_concurrent = 3, timeout_ms = 600000, max_cost_usd_per_activity = 2.5, updated_on = now()
     FROM tenants t WHERE t.slug = $1 AND a.tenant_id = t.id AND a.agent_role = 'copywriter'
       AND a.updated_on IS NULL",
];

/// Seeds tenant `slug`'s template copies, agent configs (one per agent role) and sessions (see
/// the module documentation); the global templates must exist ([`global_templates`]).
pub async fn templates_and_agents(db: &DatabaseConnection, slug: &str) -> Result<(), DbErr> {
    for role in AGENT_ROLES {
        run(
            db,
            "INSERT INTO agent_configs (tenant_id, agent_role, adapter_type)
             SELECT t.id, $2, 'claude' FROM tenants t WHERE t.slug = $1
             ON CONFLICT (tenant_id, agent_role) DO NOTHING",
            vec![slug.into(), (*role).into()],
        )
        .await?;
    }
    for statement in TENANT_STATEMENTS {
        run(db, statement, vec![slug.into()]).await?;
    }
    Ok(())
}
