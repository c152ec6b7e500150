//! The demo's channels: each demo tenant's LinkedIn page, X account, WordPress blog, Google
//! Business Profile and Google Ads account — those of its platforms the blog and social seeds
//! have not already connected (one channel per platform) — and three months of scores for each
//! scored channel. Their OAuth
//! tokens are encrypted with the key ring, which plain SQL does not have: `seed --demo` sets
//! them afterwards ([`super::documents::channel_tokens`]). Idempotent.

use super::run;
use sea_orm::{DatabaseConnection, DbErr};

/// `(platform, channel type, name suffix, external id suffix, score)` of each demo channel.
const CHANNELS: &[(&str, &str, &str, &str, i16)] = &[
    ("linkedin", "social", "LinkedIn Page", "linkedin-page", 72),
    ("x_twitter", "social", "X", "x-account", 58),
    ("wordpress", "cms", "Blog", "wordpress-blog", 81),
    (
        "google_business_profile",
        "local",
        "Google Business Profile",
        "gbp",
        64,
    ),
    ("google_ads", "ads", "Google Ads", "google-ads", 47),
];

/// The demo channels of the tenant with `slug`, with a score for each of the last three months.
pub(super) async fn channels(db: &DatabaseConnection, slug: &str) -> Result<(), DbErr> {
    for (platform, channel_type, name, external, score) in CHANNELS {
        run(
            db,
            "INSERT INTO channels (tenant_id, platform, channel_type, name, external_id, external_url,
                                   scopes, metadata, status, last_verified_at, score, score_breakdown,
                                   score_calculated_at, score_previous)
             SELECT t.id, $2::channel_platform, $3::channel_type, t.name || ' ' || $4, t.slug || '-' || $5,
                    'https://example.com/' || t.slug || '/' || $5, ARRAY['read', 'publish'],
                    jsonb_build_object('followersCount', 1200), 'connected', now(), $6::smallint,
                    jsonb_build_object('completeness', $6::int, 'activity', $6::int - 10),
                    now(), $6::smallint - 5
             FROM tenants t WHERE t.slug = $1
               AND NOT EXISTS (SELECT 1 FROM channels c WHERE c.tenant_id = t.id AND c.platform = $2::channel_platform)
             ON CONFLICT (tenant_id, platform, external_id) DO NOTHING",
            vec![
                slug.into(),
                (*platform).into(),
                (*channel_type).into(),
                (*name).into(),
                (*external).into(),
                (*score).into(),
            ],
        )
        .await?;
    }
    run(
        db,
        "INSERT INTO channel_scores (tenant_id, channel_id, score, score_breakdown, period, scored_on)
         SELECT c.tenant_id, c.id, greatest(c.score - 5 * m, 0), c.score_breakdown,
                to_char(date_trunc('month', now()) - m * interval '1 month', 'YYYY-MM'),
                date_trunc('month', now()) - m * interval '1 month' + interval '1 day'
         FROM channels c JOIN tenants t ON t.id = c.tenant_id
         CROSS JOIN generate_series(0, 2) AS m
         WHERE t.slug = $1 AND c.score IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM channel_scores s WHERE s.channel_id = c.id)",
        vec![slug.into()],
    )
    .await?;
    Ok(())
}
