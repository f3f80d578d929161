//! The tenant's agents (`GET /api/agent-definitions`) for each data set, naming
//! connections of that set: the demo's eight (a system agent that uses none, one
//! that names a deleted connection), about one per 20 generated connections, and
//! hostile names and records for the hostile set.

use serde_json::{Value, json};

use super::{TENANT_ID, id_of};
use crate::scenario::Dataset;
use crate::time::{DAY, UnixMillis, format_iso};

/// A connection the demo's migration agent still names; no data set has it.
pub const DELETED_CONNECTION: &str = "0d5e1c8a-9e4f-4bee-8c0f-5a1e7d3c9b21";

/// The agents of a data set whose connection records are `records`.
pub fn agents(dataset: Dataset, records: &[Value], now: UnixMillis) -> Vec<Value> {
    match dataset {
        Dataset::Demo => demo(now),
        Dataset::Empty => Vec::new(),
        Dataset::Hostile => hostile(records, now),
        Dataset::Generated => generated(records, now),
    }
}

/// A well-formed agent.
fn agent(
    id: &str,
    name: &str,
    display_name: &str,
    role: &str,
    connections: &[(&str, &[&str])],
    now: UnixMillis,
) -> Value {
    let connections: Vec<Value> = connections
        .iter()
        .map(|(id, tools)| json!({ "connectionId": id, "allowedTools": tools }))
        .collect();
    json!({
        "id": id,
        "tenantId": TENANT_ID,
        "name": name,
        "displayName": display_name,
        "description": null,
        "agentRole": role,
        "model": "gpt-4o",
        "customInstructions": null,
        "mcpConnections": connections,
        "createdAt": format_iso(now - 90 * DAY),
        "updatedAt": format_iso(now - 3 * DAY),
    })
}

const OMS: &str = "3f6c1a2e-5b7d-4c8e-9f01-23456789abcd";
const SALESFORCE: &str = "8ca1c6fe-b853-4852-ae4d-a1916abc9fd4";
const SAP: &str = "522509c4-fd85-470f-ae5f-81f00a57f4de";
const ZENDESK: &str = "7e142f69-bb2f-45ac-a1a3-81dc6f8177d7";
const SHOPIFY: &str = "6516e629-f799-4d26-b147-062083bfc092";
const NETSUITE: &str = "67ee6689-0449-4b62-8ae2-4a50e4d57a30";
const STRIPE: &str = "debce06d-c8eb-4be0-a09e-b06245c58702";
const WORKDAY: &str = "ade257a7-b078-48d5-8eec-68ca2176302b";
const SNOWFLAKE: &str = "0f124177-a3e8-4aad-be34-2120ee4fe7c3";
const QUOTES: &str = "f7a08645-793b-417d-9f4c-4cdd4aadebf7";
const WMS: &str = "ac4d3d8e-89db-4419-bb94-7ed123931974";
const SERVICENOW: &str = "a4a76365-ab54-437a-aa48-7fd113249ca6";
const DRIVE: &str = "a7237306-4258-48aa-a79d-9efecf20b598";
const SLACK: &str = "398d91a9-d63f-471c-9912-ca6b211cbb11";
const LEGACY_ERP: &str = "daab1b8c-ea36-4106-9332-67bf223c07d9";
const PIM: &str = "11b329e1-6747-4227-b83f-d5e7f304283f";
const PRICING: &str = "8abb4cea-4b43-4cc2-baa5-01941d758c4b";
const RETURNS: &str = "dae2fbfb-5518-44cc-9465-68bd0a219fac";
const SHIPPING: &str = "e58312bb-9529-437c-bcd6-e420d7372b17";
const FRAUD: &str = "76b8ee05-73fc-494b-95b6-0bcffb83254c";
const SUPPLIERS: &str = "8597c992-75e9-4203-b9d1-b74b9dd8c09c";
const CONFLUENCE: &str = "27f03c95-3e4b-4094-8e59-e1983fc081b3";

fn demo(now: UnixMillis) -> Vec<Value> {
    vec![
        agent(
            "5a0c1e2f-0001-4a7b-9c3d-1e2f3a4b5c01",
            "platform_orchestrator",
            "Platform Orchestrator",
            "system",
            &[],
            now,
        ),
        agent(
            "5a0c1e2f-0002-4a7b-9c3d-1e2f3a4b5c02",
            "order_assistant",
            "Order Assistant",
            "planner",
            &[
                (OMS, &["get_order", "list_orders", "cancel_order"]),
                (SHOPIFY, &["get_cart"]),
                (SHIPPING, &["quote_rate", "track_parcel"]),
                (STRIPE, &["get_payment"]),
                (RETURNS, &["open_rma"]),
            ],
            now,
        ),
        agent(
            "5a0c1e2f-0003-4a7b-9c3d-1e2f3a4b5c03",
            "customer_service",
            "Customer Service Agent",
            "specialist",
            &[
                (ZENDESK, &["get_ticket", "reply_to_ticket"]),
                (SALESFORCE, &["find_contact"]),
                (OMS, &["get_order"]),
                (CONFLUENCE, &["search_pages"]),
                (SLACK, &["post_message"]),
            ],
            now,
        ),
        agent(
            "5a0c1e2f-0004-4a7b-9c3d-1e2f3a4b5c04",
            "inventory_planner",
            "Inventory Planner",
            "specialist",
            &[
                (SAP, &["get_stock", "reserve_stock"]),
                (WMS, &["list_bins"]),
                (PIM, &["get_product"]),
                (SUPPLIERS, &["place_order"]),
            ],
            now,
        ),
        agent(
            "5a0c1e2f-0005-4a7b-9c3d-1e2f3a4b5c05",
            "finance_reconciler",
            "Finance Reconciler",
            "specialist",
            &[
                (NETSUITE, &["post_journal"]),
                (STRIPE, &["list_payouts"]),
                (SNOWFLAKE, &["run_report"]),
                (FRAUD, &["score_order"]),
            ],
            now,
        ),
        agent(
            "5a0c1e2f-0006-4a7b-9c3d-1e2f3a4b5c06",
            "quote_assistant",
            "Sales Quote Assistant",
            "specialist",
            &[
                (QUOTES, &["create_quote"]),
                (PRICING, &["price_list"]),
                (SALESFORCE, &["find_account", "log_activity"]),
                (PIM, &["get_product"]),
            ],
            now,
        ),
        agent(
            "5a0c1e2f-0007-4a7b-9c3d-1e2f3a4b5c07",
            "hr_helpdesk",
            "HR Helpdesk",
            "specialist",
            &[
                (WORKDAY, &["get_leave_balance"]),
                (SERVICENOW, &["open_incident"]),
                (DRIVE, &["search_files"]),
            ],
            now,
        ),
        agent(
            "5a0c1e2f-0008-4a7b-9c3d-1e2f3a4b5c08",
            "legacy_migration",
            "Legacy Migration Bot",
            "specialist",
            &[
                (LEGACY_ERP, &["export_customers"]),
                (DELETED_CONNECTION, &["import_customers"]),
            ],
            now,
        ),
    ]
}

/// One agent per 20 connections (rounded up); agent 0 is a system agent using
/// none. Agent k uses six connections from its own window of the list and one of
/// seven everybody shares, so most connections are unused and a few are used by
/// many.
fn generated(records: &[Value], now: UnixMillis) -> Vec<Value> {
    let ids: Vec<&str> = records.iter().filter_map(id_of).collect();
    if ids.is_empty() {
        return Vec::new();
    }
    (0..ids.len().div_ceil(20))
        .map(|k| {
            let id = format!("00000000-0000-4000-8000-{k:012x}");
            if k == 0 {
                return agent(
                    &id,
                    "store_orchestrator",
                    "Store Orchestrator",
                    "system",
                    &[],
                    now,
                );
            }
            let base = k * 20;
            let mut uses: Vec<(&str, &[&str])> = (0..6)
                .map(|j| (ids[(base + j * 3) % ids.len()], &["read", "search"][..]))
                .collect();
            uses.push((ids[k % 7 % ids.len()], &["report"][..]));
            let display_name = format!("Store Agent {k:04}");
            agent(
                &id,
                &format!("store_agent_{k:04}"),
                &display_name,
                "specialist",
                &uses,
                now,
            )
        })
        .collect()
}

/// Hostile names, tools and roles on well-formed agents, and records that cannot
/// be read, among them.
fn hostile(records: &[Value], now: UnixMillis) -> Vec<Value> {
    let ids: Vec<&str> = records.iter().filter_map(id_of).take(4).collect();
    let first = ids.first().copied().unwrap_or(DELETED_CONNECTION);
    let second = ids.get(1).copied().unwrap_or(DELETED_CONNECTION);
    let mut agents = vec![
        agent(
            "6b1d2f30-0001-4b8c-8d4e-2f3a4b5c6d01",
            "script",
            "<img src=x onerror=alert('agent')>",
            "specialist",
            &[(first, &["<script>alert('tool')</script>", "drop table;--"])],
            now,
        ),
        agent(
            "6b1d2f30-0002-4b8c-8d4e-2f3a4b5c6d02",
            "bidi",
            "Invoice \u{202E}fdp.exe\u{202C} Agent",
            "planner",
            &[(second, &["pay\u{200B}ment"])],
            now,
        ),
        agent(
            "6b1d2f30-0003-4b8c-8d4e-2f3a4b5c6d03",
            "zero_width",
            "Pay\u{200B}Pal Refunds 💸",
            "auditor",
            &[(first, &[]), ("../../admin", &["x"])],
            now,
        ),
        agent(
            "6b1d2f30-0004-4b8c-8d4e-2f3a4b5c6d04",
            "long",
            &"Extremely long agent name ".repeat(20),
            "specialist",
            &[(second, &["read"])],
            now,
        ),
    ];
    agents.extend([
        // No display name: the internal name shows; no connections at all.
        json!({ "id": "6b1d2f30-0005-4b8c-8d4e-2f3a4b5c6d05", "name": "nameless_helper",
                "agentRole": "system", "unknownField": { "deep": [1, 2, 3] } }),
        json!(42),
        json!({ "name": "no id", "mcpConnections": [] }),
        json!({ "id": "6b1d2f30-0006-4b8c-8d4e-2f3a4b5c6d06", "mcpConnections": "all" }),
        json!({ "id": "6b1d2f30-0007-4b8c-8d4e-2f3a4b5c6d07",
                "mcpConnections": [{ "connectionId": 7 }] }),
    ]);
    agents
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::data::records;

    const NOW: UnixMillis = 1_774_440_000_000;

    fn used_ids(agents: &[Value]) -> HashSet<String> {
        agents
            .iter()
            .filter_map(|a| a["mcpConnections"].as_array())
            .flatten()
            .filter_map(|c| c["connectionId"].as_str().map(str::to_owned))
            .collect()
    }

    #[test]
    fn demo_agents_name_demo_connections_but_one() {
        let records = records(Dataset::Demo, 0, NOW);
        let agents = agents(Dataset::Demo, &records, NOW);
        assert_eq!(agents.len(), 8);
        let known: HashSet<_> = records
            .iter()
            .filter_map(id_of)
            .map(str::to_owned)
            .collect();
        let missing: Vec<_> = used_ids(&agents).difference(&known).cloned().collect();
        assert_eq!(missing, [DELETED_CONNECTION]);
        assert!(agents.iter().any(|a| a["agentRole"] == "system"
            && a["mcpConnections"].as_array().is_some_and(Vec::is_empty)));
        assert!(
            known.len() > used_ids(&agents).len(),
            "some connections are unused"
        );
    }

    #[test]
    fn generated_has_an_agent_per_20_connections() {
        let records = records(Dataset::Generated, 1000, NOW);
        let agents = agents(Dataset::Generated, &records, NOW);
        assert_eq!(agents.len(), 50);
        let known: HashSet<_> = records.iter().filter_map(id_of).collect();
        assert!(
            used_ids(&agents)
                .iter()
                .all(|id| known.contains(id.as_str()))
        );
        let ids: HashSet<_> = agents.iter().filter_map(id_of).collect();
        assert_eq!(ids.len(), agents.len());
        assert!(super::agents(Dataset::Generated, &[], NOW).is_empty());
        assert!(super::agents(Dataset::Empty, &records, NOW).is_empty());
    }

    #[test]
    fn hostile_holds_bad_records_among_good_ones() {
        let records = records(Dataset::Hostile, 0, NOW);
        let agents = agents(Dataset::Hostile, &records, NOW);
        assert!(agents.iter().any(|a| a.is_number()));
        assert!(
            agents
                .iter()
                .any(|a| a.get("displayName").is_none() && a.get("id").is_some())
        );
        assert!(agents.iter().any(|a| {
            a["displayName"]
                .as_str()
                .is_some_and(|name| name.contains('\u{202E}'))
        }));
    }
}
