//! The generated data set: any number of store-system connections, the same for the
//! same count every time, cheap enough to build 50,000 of them on each switch.

use serde_json::Value;

use super::{Connection, Field};
use crate::time::{DAY, MINUTE, UnixMillis};

const SYSTEMS: &[(&str, &str)] = &[
    ("Inventory", "inventory"),
    ("Orders", "orders"),
    ("Point of Sale", "pos"),
    ("Loyalty", "loyalty"),
    ("Pricing", "pricing"),
    ("Returns", "returns"),
    ("Staff Rota", "rota"),
    ("Click & Collect", "collect"),
];

const REGIONS: &[&str] = &[
    "eu-west",
    "eu-central",
    "eu-north",
    "us-east",
    "us-west",
    "ap-southeast",
];

/// SplitMix64: a tiny, well-mixed hash so that neighbouring records differ.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A version-4-looking UUID. The last group is a bijection of the index (odd
/// multiplier modulo 2^48), so ids are unique for any count below 2^48.
fn uuid(index: u64, hash: u64) -> String {
    let tail = (index.wrapping_mul(0x0005_DEEC_E66D) ^ 0x9A3C_51F0_2E7B) & 0xFFFF_FFFF_FFFF;
    format!(
        "{:08x}-{:04x}-4{:03x}-{:x}{:03x}-{tail:012x}",
        hash >> 32,
        (hash >> 16) & 0xFFFF,
        hash & 0xFFF,
        8 + ((hash >> 12) & 0x3),
        (hash >> 20) & 0xFFF,
    )
}

/// About 400 bytes of instructions in the style of the demo set.
fn instructions(system: &str, store: u64, region: &str) -> String {
    format!(
        "Use this server for the {system} system of store {store:04} ({region}).\n\
         - Answer in the customer's language; default to English.\n\
         - Read operations are safe; any write needs explicit confirmation from the user.\n\
         - Quantities and amounts are per store; never add up stores yourself, use the report tools.\n\
         - If a tool returns an error twice, stop and tell the user to contact the store manager.\n\
         - Never reveal staff names, phone numbers or internal notes."
    )
}

pub fn records(count: usize, now: UnixMillis) -> Vec<Value> {
    (0..count as u64)
        .map(|index| {
            let hash = mix(index);
            let (system, slug) = SYSTEMS[(hash % SYSTEMS.len() as u64) as usize];
            let region = REGIONS[((hash >> 8) % REGIONS.len() as u64) as usize];
            let store = index / 3 + 1;
            let bucket = (hash >> 16) % 100;
            // ~70% active, 15% error, 10% unknown (null check time), 5% unknown with
            // the field absent: both kinds of "never checked".
            let (status, last_check) = match bucket {
                0..70 => (
                    "active",
                    Field::Value(now - ((hash >> 24) % 1440 + 1) as i64 * MINUTE),
                ),
                70..85 => (
                    "error",
                    Field::Value(now - ((hash >> 24) % 4320 + 1) as i64 * MINUTE),
                ),
                85..95 => ("unknown", Field::Null),
                _ => ("unknown", Field::Absent),
            };
            let text = instructions(system, store, region);
            // Most have instructions; some null, a few absent.
            let instructions = match (hash >> 40) % 20 {
                0 | 1 => Field::Null,
                2 => Field::Absent,
                _ => Field::Value(text.as_str()),
            };
            let created_at = now - ((hash >> 32) % 365 + 1) as i64 * DAY;
            let span = (now - created_at).max(1) as u64;
            let updated_at = created_at + ((hash >> 20) % span) as i64;
            let name = format!("Store {store:04} — {system} ({region})");
            let server_url =
                format!("https://store-{store:04}.{region}.mcp.acme-retail.com/{slug}");
            let id = uuid(index, hash);
            Connection {
                id: &id,
                name: &name,
                server_url: &server_url,
                auth_type: if (hash >> 56).is_multiple_of(8) {
                    "none"
                } else {
                    "bearer"
                },
                status,
                instructions,
                last_health_check_at: last_check,
                created_at,
                updated_at,
            }
            .to_json()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    const NOW: UnixMillis = 1_774_440_000_000;

    fn count_status(records: &[Value], status: &str) -> usize {
        records.iter().filter(|r| r["status"] == status).count()
    }

    #[test]
    fn makes_exactly_count_records() {
        assert!(records(0, NOW).is_empty());
        assert_eq!(records(1, NOW).len(), 1);
        assert_eq!(records(1234, NOW).len(), 1234);
    }

    #[test]
    fn is_deterministic() {
        assert_eq!(records(500, NOW), records(500, NOW));
        // A bigger set starts with the smaller one.
        assert_eq!(records(600, NOW)[..500], records(500, NOW)[..]);
    }

    #[test]
    fn fifty_thousand_unique_ids_and_a_realistic_mix() {
        let records = records(50_000, NOW);
        assert_eq!(records.len(), 50_000);
        let ids: HashSet<_> = records.iter().filter_map(crate::data::id_of).collect();
        assert_eq!(ids.len(), 50_000);
        let share = |status| count_status(&records, status) * 100 / records.len();
        assert!((65..=75).contains(&share("active")), "{}", share("active"));
        assert!((12..=18).contains(&share("error")), "{}", share("error"));
        assert!(
            (12..=18).contains(&share("unknown")),
            "{}",
            share("unknown")
        );
        assert!(records.iter().any(|r| r.get("lastHealthCheckAt").is_none()));
        assert!(records.iter().any(|r| r.get("instructions").is_none()));
        assert!(records.iter().any(|r| r["instructions"].is_null()));
    }

    #[test]
    fn names_and_instructions_look_real() {
        let records = records(100, NOW);
        let name = records[41]["name"].as_str().unwrap_or_default();
        assert!(name.starts_with("Store 0014 — "), "{name}");
        assert!(name.ends_with(')'), "{name}");
        let lengths: Vec<_> = records
            .iter()
            .filter_map(|r| r["instructions"].as_str())
            .map(str::len)
            .collect();
        assert!(lengths.len() > 70);
        assert!(
            lengths.iter().all(|&n| (350..=500).contains(&n)),
            "{lengths:?}"
        );
    }

    #[test]
    fn ids_look_like_uuid_v4() {
        for record in records(50, NOW) {
            let id = crate::data::id_of(&record).unwrap_or_default();
            let groups: Vec<_> = id.split('-').map(str::len).collect();
            assert_eq!(groups, [8, 4, 4, 4, 12], "{id}");
            assert_eq!(id.as_bytes()[14], b'4', "{id}");
        }
    }
}
