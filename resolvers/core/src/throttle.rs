//! Abuse controls shared by every subgraph: keyed rate limits (GCRA, from `governor`) per client
//! address and per API key on every request, per address and per account on `login`, one `login`
//! per operation, and a bound on concurrent password hashing (argon2 takes ~19 MiB and tens of
//! milliseconds of a core per check; unbounded, a flood of logins would take the blocking pool's
//! 512 threads and ~10 GiB).
//!
//! A refused request gets `RATE_LIMITED` with `extensions.retryAfter` (seconds). IPv6 clients are
//! keyed by their /64, since anyone holding one address holds the whole /64.

use crate::error::ApiError;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use sha2::{Digest, Sha256};
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::sync::{Semaphore, SemaphorePermit};
use uuid::Uuid;

/// Limits as configured (`RATE_LIMIT_*`, `PASSWORD_HASH_CONCURRENCY`; see
/// `docs/configuration.md`). A rate of 0 turns that limit off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleSettings {
    /// Requests per minute from one client address (any operation).
    pub requests_per_minute_per_address: u32,
    /// Requests per minute made with one API key.
    pub requests_per_minute_per_api_key: u32,
    /// `login` attempts per minute from one client address.
    pub logins_per_minute_per_address: u32,
    /// `login` attempts per minute for one email address, from anywhere.
    pub logins_per_minute_per_account: u32,
    /// Registration wizard calls (each step and the `registration` query) per minute from one
    /// client address.
    pub registrations_per_minute_per_address: u32,
    /// Password checks running at once; further logins wait up to `password_hash_queue_wait`.
    pub password_hash_concurrency: usize,
    /// How long a login waits for a free password-checking slot before it is told to retry.
    pub password_hash_queue_wait: Duration,
}

impl Default for ThrottleSettings {
    fn default() -> Self {
        Self {
            requests_per_minute_per_address: 3000,
            requests_per_minute_per_api_key: 3000,
            logins_per_minute_per_address: 30,
            logins_per_minute_per_account: 10,
            registrations_per_minute_per_address: 20,
            password_hash_concurrency: std::thread::available_parallelism()
                .map(usize::from)
                .unwrap_or(2),
            password_hash_queue_wait: Duration::from_secs(5),
        }
    }
}

/// A keyed limiter, or none when its rate is 0.
struct Keyed<K: Hash + Eq + Clone>(Option<DefaultKeyedRateLimiter<K>>);

impl<K: Hash + Eq + Clone> Keyed<K> {
    fn per_minute(rate: u32) -> Self {
        Self(
            NonZeroU32::new(rate)
                .map(|rate| DefaultKeyedRateLimiter::keyed(Quota::per_minute(rate))),
        )
    }

    fn check(&self, key: &K) -> Result<(), ApiError> {
        let Some(limiter) = &self.0 else {
            return Ok(());
        };
        limiter.check_key(key).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            ApiError::RateLimited {
                retry_after_secs: wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
            }
        })
    }

    fn forget_idle(&self) {
        if let Some(limiter) = &self.0 {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }

    fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |limiter| limiter.len())
    }
}

/// The key of a client address: IPv4 as is (also written IPv4-mapped), IPv6 by its /64.
fn address_key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        v4 @ IpAddr::V4(_) => v4,
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(bits.into())
        }
    }
}

/// The process's limiters (one set shared by every subgraph the process serves).
pub struct Throttle {
    per_address: Keyed<IpAddr>,
    per_api_key: Keyed<Uuid>,
    logins_per_address: Keyed<IpAddr>,
    logins_per_account: Keyed<[u8; 32]>,
    registrations_per_address: Keyed<IpAddr>,
    password_hashing: Semaphore,
    password_hash_queue_wait: Duration,
}

impl Throttle {
    /// Limiters with `settings`.
    pub fn new(settings: ThrottleSettings) -> Self {
        Self {
            per_address: Keyed::per_minute(settings.requests_per_minute_per_address),
            per_api_key: Keyed::per_minute(settings.requests_per_minute_per_api_key),
            logins_per_address: Keyed::per_minute(settings.logins_per_minute_per_address),
            logins_per_account: Keyed::per_minute(settings.logins_per_minute_per_account),
            registrations_per_address: Keyed::per_minute(
                settings.registrations_per_minute_per_address,
            ),
            password_hashing: Semaphore::new(settings.password_hash_concurrency.max(1)),
            password_hash_queue_wait: settings.password_hash_queue_wait,
        }
    }

    /// Charges one request to the client's address.
    pub fn request_from(&self, client: IpAddr) -> Result<(), ApiError> {
        self.per_address.check(&address_key(client))
    }

    /// Charges one request to an API key.
    pub fn request_with_api_key(&self, key: Uuid) -> Result<(), ApiError> {
        self.per_api_key.check(&key)
    }

    /// Charges one `login` attempt to the client's address (when known) and then to the account
    /// (the email as typed, lowercased): a client spraying many accounts is stopped by the
    /// first, many clients guessing one account's password by the second. The account is kept
    /// as its SHA-256, so a client sending huge made-up emails cannot grow the map by their size.
    pub fn login_attempt(&self, client: Option<IpAddr>, email: &str) -> Result<(), ApiError> {
        if let Some(client) = client {
            self.logins_per_address.check(&address_key(client))?;
        }
        self.logins_per_account
            .check(&Sha256::digest(email.as_bytes()).into())
    }

    /// Charges one call of the registration wizard to the client's address (when known): the
    /// wizard needs no credentials, starts sessions, hashes passwords and may notify the owner
    /// of an address, so one client may only do it so often.
    pub fn registration_attempt(&self, client: Option<IpAddr>) -> Result<(), ApiError> {
        match client {
            Some(client) => self.registrations_per_address.check(&address_key(client)),
            None => Ok(()),
        }
    }

    /// A slot to check a password in, waiting up to the configured queue wait; `RATE_LIMITED`
    /// when the server is busy hashing.
    pub async fn password_hashing_slot(&self) -> Result<SemaphorePermit<'_>, ApiError> {
        let wait = self.password_hash_queue_wait;
        match tokio::time::timeout(wait, self.password_hashing.acquire()).await {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(_)) | Err(_) => Err(ApiError::RateLimited {
                retry_after_secs: 1,
            }),
        }
    }

    /// Forgets keys whose state is back to fresh, so the maps hold only recently active
    /// clients; [`spawn_cleanup`] calls it every minute.
    pub fn forget_idle(&self) {
        self.per_address.forget_idle();
        self.per_api_key.forget_idle();
        self.logins_per_address.forget_idle();
        self.logins_per_account.forget_idle();
        self.registrations_per_address.forget_idle();
    }

    /// Keys held across the limiters (for tests and metrics).
    pub fn tracked_keys(&self) -> usize {
        self.per_address.len()
            + self.per_api_key.len()
            + self.logins_per_address.len()
            + self.logins_per_account.len()
            + self.registrations_per_address.len()
    }
}

/// Runs [`Throttle::forget_idle`] every minute for as long as the throttle is in use.
pub fn spawn_cleanup(throttle: &Arc<Throttle>) {
    let weak = Arc::downgrade(throttle);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        tick.tick().await;
        loop {
            tick.tick().await;
            match weak.upgrade() {
                Some(throttle) => throttle.forget_idle(),
                None => break,
            }
        }
    });
}

/// Put in each operation's data by the HTTP layer: `login` takes it, so an operation runs at most
/// one password check however many aliased `login` fields it has.
#[derive(Debug, Default)]
pub struct OneLoginPerOperation(AtomicBool);

impl OneLoginPerOperation {
    /// Takes the operation's one login; `BAD_USER_INPUT` for every later one.
    pub fn take(&self) -> Result<(), ApiError> {
        if self.0.swap(true, Ordering::AcqRel) {
            return Err(ApiError::BadUserInput {
                message: "an operation may sign in at most once: send one `login` field".to_owned(),
                field: None,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_client_is_limited_by_its_slash_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(address_key(a), address_key(b));
        assert_ne!(address_key(a), address_key(other));
    }

    #[test]
    fn ipv4_mapped_addresses_are_their_ipv4_clients_not_one_shared_slash_64() {
        let mapped: IpAddr = "::ffff:192.0.2.1".parse().unwrap();
        let other: IpAddr = "::ffff:192.0.2.2".parse().unwrap();
        assert_eq!(address_key(mapped), "192.0.2.1".parse::<IpAddr>().unwrap());
        assert_ne!(address_key(mapped), address_key(other));
    }

    #[test]
    fn a_client_over_its_rate_is_told_when_to_retry_and_others_are_not_affected() {
        let throttle = Throttle::new(ThrottleSettings {
            requests_per_minute_per_address: 2,
            ..ThrottleSettings::default()
        });
        let client: IpAddr = "192.0.2.1".parse().unwrap();
        assert!(throttle.request_from(client).is_ok());
        assert!(throttle.request_from(client).is_ok());
        match throttle.request_from(client) {
            Err(ApiError::RateLimited { retry_after_secs }) => {
                assert!((1..=30).contains(&retry_after_secs), "{retry_after_secs}");
            }
            other => panic!("expected RATE_LIMITED, got {other:?}"),
        }
        assert!(throttle.request_from("192.0.2.2".parse().unwrap()).is_ok());
    }

    #[test]
    fn a_rate_of_zero_turns_a_limit_off() {
        let throttle = Throttle::new(ThrottleSettings {
            logins_per_minute_per_account: 0,
            logins_per_minute_per_address: 0,
            ..ThrottleSettings::default()
        });
        for _ in 0..1000 {
            assert!(throttle.login_attempt(None, "a@b.test").is_ok());
        }
        assert_eq!(throttle.tracked_keys(), 0);
    }

    #[tokio::test]
    async fn password_checks_beyond_the_bound_wait_and_then_are_told_to_retry() {
        let throttle = Throttle::new(ThrottleSettings {
            password_hash_concurrency: 1,
            password_hash_queue_wait: Duration::from_millis(50),
            ..ThrottleSettings::default()
        });
        let held = throttle.password_hashing_slot().await.unwrap();
        assert!(matches!(
            throttle.password_hashing_slot().await,
            Err(ApiError::RateLimited {
                retry_after_secs: 1
            })
        ));
        drop(held);
        assert!(throttle.password_hashing_slot().await.is_ok());
    }

    #[test]
    fn only_the_first_login_of_an_operation_runs() {
        let once = OneLoginPerOperation::default();
        assert!(once.take().is_ok());
        assert!(matches!(once.take(), Err(ApiError::BadUserInput { .. })));
    }
}
