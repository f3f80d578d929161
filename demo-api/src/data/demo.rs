//! The demo data set: about 25 connections of a retailer's business systems, with
//! every status, every documented auth type (plus `api_key`), null and absent
//! instructions, and one long instructions text.

use serde_json::Value;

use super::{Connection, Field};
use crate::time::{DAY, HOUR, MINUTE, UnixMillis};

const OMS_INSTRUCTIONS: &str = "\
Use this server to look up order status, shipment tracking and order history.
- Always ask for the order number (format ORD-XXXXXXXX) before calling get_order.
- Never cancel an order without explicit confirmation from the customer.
- Refunds above 500 EUR must be escalated to a human agent.";

const SALESFORCE_INSTRUCTIONS: &str = "\
Tools for accounts, contacts and opportunities in Salesforce.
Prefer search_accounts over list_accounts; the list is large.
Do not change an opportunity's stage to Closed Won; only sales reps may.";

const SAP_INSTRUCTIONS: &str = "\
Stock levels per plant and storage location (SAP S/4HANA, MM module).
Plants: 1000 = Hamburg, 1100 = Berlin, 2000 = Vienna.
Quantities are in base units of measure; convert before quoting to customers.";

const ZENDESK_INSTRUCTIONS: &str = "\
Create and update support tickets. Set priority to urgent only for outages.
Always add the internal tag `ai-agent` to tickets you create.";

const NETSUITE_INSTRUCTIONS: &str = "Read-only access to invoices, payments and the general ledger. Amounts are in the subsidiary's currency.";

const HUBSPOT_INSTRUCTIONS: &str = "\
Marketing contacts, lists and campaign statistics.
Respect the contact's email subscription status: never add unsubscribed contacts to a list.";

const JIRA_INSTRUCTIONS: &str = "\
Open and search service requests in the IT help desk project (key: ITSD).
Link duplicates instead of closing them.";

const STRIPE_INSTRUCTIONS: &str = "\
Billing tools: customers, subscriptions, invoices.
1. Look up the customer by email first.
2. Never issue a refund; create a refund request for the finance team instead.
3. Amounts are in the smallest currency unit (cents).";

const WORKDAY_INSTRUCTIONS: &str = "\
Employee directory and time-off balances. Do not reveal salary or home address fields.";

const SNOWFLAKE_INSTRUCTIONS: &str = "\
# Snowflake Analytics: rules for agents

This server runs read-only SQL against the ACME_RETAIL analytics warehouse.
Follow every rule below; queries that break them are rejected by the server.

## Access

1. Use only the role `ANALYST_RO`. Never try to switch roles or warehouses.
2. Query only the schemas `SALES`, `INVENTORY` and `MARKETING`. The schemas `HR` and
   `FINANCE_RESTRICTED` are off limits, even if a user asks for them.
3. Every query must have a `LIMIT` of at most 10,000 rows.
4. Never run `SELECT *` on tables wider than 20 columns; name the columns you need.
5. Do not create, alter or drop anything: no DDL, no DML, no temporary tables.

## Cost

6. The warehouse is billed per second. Prefer one aggregated query to many small ones.
7. Always filter fact tables on a date range; the default range is the last 90 days.
8. For trends longer than a year, use the monthly rollup tables (`*_MONTHLY`).
9. If a query would scan more than 50 GB (see `explain_query`), ask the user first.

## Data meaning

10. `SALES.ORDERS.NET_AMOUNT` is after discounts and before tax; `GROSS_AMOUNT` is
    before discounts. Revenue in reports means net amount unless the user says otherwise.
11. Store ids are four digits (`0042`); online orders use store id `9999`.
12. `INVENTORY.STOCK_DAILY` is a snapshot taken at 02:00 UTC; it does not show
    intraday movements.
13. Currency: every amount is stored in EUR. Convert with `MARKETING.FX_RATES` only
    when the user asks for another currency, and say which date's rate you used.
14. Customer ids are pseudonymous. Never try to join them with the CRM to find out who
    a customer is.

## Answers

15. Show numbers with thousands separators and at most two decimals.
16. Always state the date range and filters you applied, in one short sentence.
17. When a result has more than 20 rows, summarise it and offer the full table as CSV.
18. If the data looks wrong (negative stock, revenue spikes above 10x the average),
    say so instead of explaining it away.
19. Do not guess: if a metric is not in the warehouse, say that it is not available.
20. Never paste raw SQL errors to business users; explain the problem in plain words.

## Examples

- \"What were last week's sales in Berlin?\" -> `SALES.ORDERS`, stores 0100-0199,
  last seven full days, grouped by day.
- \"Which products are out of stock?\" -> `INVENTORY.STOCK_DAILY`, latest snapshot,
  `QUANTITY_ON_HAND = 0`, top 50 by last month's units sold.
- \"How did the spring campaign do?\" -> `MARKETING.CAMPAIGN_RESULTS`, campaign code
  `SPRING-2026`, compare with the same weeks of the previous year.

## Known data issues

- Orders from the old web shop (before 2025-06-01) have no `CHANNEL` value; treat
  them as `online`.
- Store 0117 (Leipzig) was closed from 2025-11-03 to 2025-11-20 for renovation;
  zero sales in that range are expected, not a data error.
- Returns are booked on the day the parcel arrives, not on the order date, so daily
  net revenue can be negative after big sale weekends.

## Escalation

If a user insists on data outside these rules, reply that access must be requested
through the data team's service desk (Jira project DATA) and stop there.
Report any suspected data leak to security@acme-retail.example immediately.";

const CPQ_INSTRUCTIONS: &str = "\
Build quotes from the product catalog. Discounts above 15% need a manager's approval:
create the quote as a draft and tell the user who must approve it.";

const WMS_INSTRUCTIONS: &str = "\
Warehouse Berlin (BER-1): pick lists, bin locations, inbound deliveries.
Times are local (Europe/Berlin).";

const SERVICENOW_INSTRUCTIONS: &str =
    "Incidents and change requests. Never approve a change request.";

const DRIVE_INSTRUCTIONS: &str = "\
Search and read documents in the shared drive \"Retail Ops\".
Do not share documents outside the acme-retail.com domain.";

const LEGACY_ERP_INSTRUCTIONS: &str = "\
Legacy ERP (AS/400 bridge). Slow: expect answers to take up to 30 seconds.
Only the tools get_article and get_supplier are supported.";

const PIM_INSTRUCTIONS: &str = "\
Product information: titles, descriptions, attributes and images per locale.
Use locale de-DE unless the user writes in another language.";

const SHIPPING_INSTRUCTIONS: &str = "\
Shipping rates and delivery estimates for DHL and UPS.
Quote the cheapest option first, then the fastest.";

const FRAUD_INSTRUCTIONS: &str = "\
Risk score for an order (0-100). Never tell the customer their score or the reasons.";

const CONFLUENCE_INSTRUCTIONS: &str = "\
Search the company knowledge base. Cite the page title and link in every answer.";

pub fn records(now: UnixMillis) -> Vec<Value> {
    let days = |n: i64| now - n * DAY;
    let hours = |n: i64| now - n * HOUR;
    let minutes = |n: i64| now - n * MINUTE;
    let text = Field::Value;
    let checked = |at: UnixMillis| Field::Value(at);
    let connections = [
        Connection {
            id: "3f6c1a2e-5b7d-4c8e-9f01-23456789abcd",
            name: "Order Management System",
            server_url: "https://mcp.acme-retail.com/oms",
            auth_type: "bearer",
            status: "active",
            instructions: text(OMS_INSTRUCTIONS),
            last_health_check_at: checked(minutes(12)),
            created_at: days(164) + 5 * HOUR,
            updated_at: days(3) + 2 * HOUR,
        },
        Connection {
            id: "8ca1c6fe-b853-4852-ae4d-a1916abc9fd4",
            name: "Salesforce CRM",
            server_url: "https://acme-retail.my.salesforce.com/services/mcp/v1",
            auth_type: "bearer",
            status: "active",
            instructions: text(SALESFORCE_INSTRUCTIONS),
            last_health_check_at: checked(minutes(7)),
            created_at: days(151),
            updated_at: days(20),
        },
        Connection {
            id: "522509c4-fd85-470f-ae5f-81f00a57f4de",
            name: "SAP S/4HANA Inventory",
            server_url: "https://sap-gw.acme-retail.com/sap/mcp/inventory",
            auth_type: "bearer",
            status: "error",
            instructions: text(SAP_INSTRUCTIONS),
            last_health_check_at: checked(minutes(4)),
            created_at: days(140),
            updated_at: days(1) + 3 * HOUR,
        },
        Connection {
            id: "7e142f69-bb2f-45ac-a1a3-81dc6f8177d7",
            name: "Zendesk Support",
            server_url: "https://acme-retail.zendesk.com/api/mcp",
            auth_type: "bearer",
            status: "active",
            instructions: text(ZENDESK_INSTRUCTIONS),
            last_health_check_at: checked(minutes(31)),
            created_at: days(133),
            updated_at: days(45),
        },
        Connection {
            id: "6516e629-f799-4d26-b147-062083bfc092",
            name: "Shopify Storefront",
            server_url: "https://acme-retail.myshopify.com/api/mcp",
            auth_type: "bearer",
            status: "active",
            instructions: Field::Null,
            last_health_check_at: checked(hours(2)),
            created_at: days(128),
            updated_at: days(60),
        },
        Connection {
            id: "67ee6689-0449-4b62-8ae2-4a50e4d57a30",
            name: "NetSuite Finance",
            server_url: "https://4711815.suitetalk.api.netsuite.com/services/mcp",
            auth_type: "bearer",
            status: "error",
            instructions: text(NETSUITE_INSTRUCTIONS),
            last_health_check_at: checked(hours(3)),
            created_at: days(120),
            updated_at: days(8),
        },
        Connection {
            id: "351e70f5-ed7d-4985-8489-ea53d7e41621",
            name: "HubSpot Marketing",
            server_url: "https://mcp.hubapi.com/v3/acme-retail",
            auth_type: "api_key",
            status: "active",
            instructions: text(HUBSPOT_INSTRUCTIONS),
            last_health_check_at: checked(minutes(55)),
            created_at: days(112),
            updated_at: days(30),
        },
        Connection {
            id: "4cf09e70-b0a0-48e9-819c-51074c3fc462",
            name: "Jira Service Management",
            server_url: "https://acme-retail.atlassian.net/gateway/mcp/jsm",
            auth_type: "bearer",
            status: "unknown",
            instructions: text(JIRA_INSTRUCTIONS),
            last_health_check_at: Field::Null,
            created_at: days(2) + 4 * HOUR,
            updated_at: days(2) + 4 * HOUR,
        },
        Connection {
            id: "debce06d-c8eb-4be0-a09e-b06245c58702",
            name: "Stripe Billing",
            server_url: "https://mcp.stripe.com/v1",
            auth_type: "bearer",
            status: "active",
            instructions: text(STRIPE_INSTRUCTIONS),
            last_health_check_at: checked(minutes(18)),
            created_at: days(101),
            updated_at: days(14),
        },
        Connection {
            id: "ade257a7-b078-48d5-8eec-68ca2176302b",
            name: "Workday HR",
            server_url: "https://wd3-services1.myworkday.com/ccx/mcp/acme_retail",
            auth_type: "bearer",
            status: "error",
            instructions: text(WORKDAY_INSTRUCTIONS),
            last_health_check_at: checked(days(2)),
            created_at: days(96),
            updated_at: days(40),
        },
        Connection {
            id: "0f124177-a3e8-4aad-be34-2120ee4fe7c3",
            name: "Snowflake Analytics",
            server_url: "https://acme-retail.eu-central-1.snowflakecomputing.com/api/mcp",
            auth_type: "bearer",
            status: "active",
            instructions: text(SNOWFLAKE_INSTRUCTIONS),
            last_health_check_at: checked(hours(1)),
            created_at: days(90),
            updated_at: days(5),
        },
        Connection {
            id: "f7a08645-793b-417d-9f4c-4cdd4aadebf7",
            name: "Quote Builder (CPQ)",
            server_url: "https://cpq.acme-retail.com/mcp",
            auth_type: "bearer",
            status: "active",
            instructions: text(CPQ_INSTRUCTIONS),
            last_health_check_at: checked(minutes(25)),
            created_at: days(84),
            updated_at: days(84),
        },
        Connection {
            id: "ac4d3d8e-89db-4419-bb94-7ed123931974",
            name: "Warehouse WMS (Berlin)",
            server_url: "https://wms-ber.acme-retail.de/mcp",
            auth_type: "none",
            status: "error",
            instructions: text(WMS_INSTRUCTIONS),
            last_health_check_at: checked(minutes(9)),
            created_at: days(77),
            updated_at: days(10),
        },
        Connection {
            id: "a4a76365-ab54-437a-aa48-7fd113249ca6",
            name: "ServiceNow ITSM",
            server_url: "https://acmeretail.service-now.com/api/sn_mcp",
            auth_type: "bearer",
            status: "unknown",
            instructions: text(SERVICENOW_INSTRUCTIONS),
            last_health_check_at: Field::Null,
            created_at: hours(5),
            updated_at: hours(5),
        },
        Connection {
            id: "a7237306-4258-48aa-a79d-9efecf20b598",
            name: "Google Drive Docs",
            server_url: "https://mcp.acme-retail.com/google-drive",
            auth_type: "bearer",
            status: "active",
            instructions: text(DRIVE_INSTRUCTIONS),
            last_health_check_at: checked(hours(6)),
            created_at: days(70),
            updated_at: days(22),
        },
        Connection {
            id: "398d91a9-d63f-471c-9912-ca6b211cbb11",
            name: "Slack Notifications",
            server_url: "https://slack-mcp.acme-retail.com/",
            auth_type: "bearer",
            status: "active",
            instructions: Field::Absent,
            last_health_check_at: checked(minutes(3)),
            created_at: days(66),
            updated_at: days(66),
        },
        Connection {
            id: "daab1b8c-ea36-4106-9332-67bf223c07d9",
            name: "Legacy ERP (on-prem)",
            server_url: "http://erp01.corp.acme-retail.local:8080/mcp",
            auth_type: "none",
            status: "error",
            instructions: text(LEGACY_ERP_INSTRUCTIONS),
            last_health_check_at: checked(days(6)),
            created_at: days(180),
            updated_at: days(150),
        },
        Connection {
            id: "11b329e1-6747-4227-b83f-d5e7f304283f",
            name: "Product Catalog (PIM)",
            server_url: "https://pim.acme-retail.com/mcp",
            auth_type: "bearer",
            status: "active",
            instructions: text(PIM_INSTRUCTIONS),
            last_health_check_at: checked(minutes(41)),
            created_at: days(59),
            updated_at: days(12),
        },
        Connection {
            id: "8abb4cea-4b43-4cc2-baa5-01941d758c4b",
            name: "Pricing Engine (Zürich)",
            server_url: "https://pricing.internal.acme-retail.com/mcp",
            auth_type: "none",
            status: "active",
            instructions: Field::Null,
            last_health_check_at: checked(minutes(2)),
            created_at: days(52),
            updated_at: days(52),
        },
        Connection {
            id: "dae2fbfb-5518-44cc-9465-68bd0a219fac",
            name: "Returns & RMA",
            server_url: "https://returns.acme-retail.com/mcp",
            auth_type: "bearer",
            status: "unknown",
            instructions: Field::Null,
            last_health_check_at: Field::Null,
            created_at: days(1),
            updated_at: days(1),
        },
        Connection {
            id: "c70a5924-f96d-4de8-919c-742fa85a3877",
            name: "Loyalty Program",
            server_url: "https://loyalty.acme-retail.com/mcp/v2",
            auth_type: "bearer",
            status: "active",
            instructions: Field::Null,
            last_health_check_at: checked(hours(4)),
            created_at: days(45),
            updated_at: days(18),
        },
        Connection {
            id: "e58312bb-9529-437c-bcd6-e420d7372b17",
            name: "Shipping Rates (DHL/UPS)",
            server_url: "https://shipping.acme-retail.com/mcp",
            auth_type: "bearer",
            status: "active",
            instructions: text(SHIPPING_INSTRUCTIONS),
            last_health_check_at: checked(minutes(16)),
            created_at: days(38),
            updated_at: days(9),
        },
        Connection {
            id: "76b8ee05-73fc-494b-95b6-0bcffb83254c",
            name: "Fraud Screening",
            server_url: "https://fraud.acme-retail.com/mcp",
            auth_type: "bearer",
            status: "error",
            instructions: text(FRAUD_INSTRUCTIONS),
            last_health_check_at: checked(minutes(1)),
            created_at: days(31),
            updated_at: hours(20),
        },
        Connection {
            id: "8597c992-75e9-4203-b9d1-b74b9dd8c09c",
            name: "Supplier Portal (EDI)",
            server_url: "https://edi.acme-retail.com/mcp",
            auth_type: "none",
            status: "unknown",
            instructions: Field::Null,
            last_health_check_at: Field::Null,
            created_at: days(24),
            updated_at: days(24),
        },
        Connection {
            id: "27f03c95-3e4b-4094-8e59-e1983fc081b3",
            name: "Knowledge Base (Confluence)",
            server_url: "https://acme-retail.atlassian.net/wiki/mcp",
            auth_type: "bearer",
            status: "active",
            instructions: text(CONFLUENCE_INSTRUCTIONS),
            last_health_check_at: checked(hours(9)),
            created_at: days(17),
            updated_at: days(4),
        },
    ];
    connections.iter().map(Connection::to_json).collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::data::TENANT_ID;

    const NOW: UnixMillis = 1_774_440_000_000;

    fn field<'a>(record: &'a Value, name: &str) -> Option<&'a str> {
        record.get(name).and_then(Value::as_str)
    }

    #[test]
    fn has_about_25_records_with_unique_ids() {
        let records = records(NOW);
        assert!((20..=30).contains(&records.len()), "{}", records.len());
        let ids: HashSet<_> = records.iter().filter_map(|r| field(r, "id")).collect();
        assert_eq!(ids.len(), records.len());
    }

    #[test]
    fn every_record_has_the_required_fields() {
        for record in records(NOW) {
            for name in [
                "id",
                "tenantId",
                "name",
                "serverUrl",
                "authType",
                "status",
                "createdAt",
                "updatedAt",
            ] {
                assert!(field(&record, name).is_some(), "{name} in {record}");
            }
            assert_eq!(field(&record, "tenantId"), Some(TENANT_ID));
            assert!(
                field(&record, "createdAt") <= field(&record, "updatedAt"),
                "{record}"
            );
        }
    }

    #[test]
    fn covers_every_status_and_auth_type() {
        let records = records(NOW);
        let count = |name: &str, value: &str| {
            records
                .iter()
                .filter(|r| field(r, name) == Some(value))
                .count()
        };
        assert!(count("status", "active") >= 3);
        assert!(count("status", "error") >= 3);
        assert!(count("status", "unknown") >= 2);
        assert!(count("authType", "bearer") >= 1);
        assert!(count("authType", "none") >= 1);
        assert_eq!(count("authType", "api_key"), 1);
        assert!(
            records
                .iter()
                .any(|r| field(r, "serverUrl").is_some_and(|u| u.starts_with("http://")))
        );
    }

    #[test]
    fn instructions_are_null_absent_multiline_and_long() {
        let records = records(NOW);
        assert!(
            records
                .iter()
                .any(|r| r.get("instructions") == Some(&Value::Null))
        );
        assert!(records.iter().any(|r| r.get("instructions").is_none()));
        let texts: Vec<_> = records
            .iter()
            .filter_map(|r| field(r, "instructions"))
            .collect();
        assert!(texts.iter().filter(|t| t.contains('\n')).count() >= 3);
        assert!(texts.iter().any(|t| t.len() >= 3 * 1024));
    }

    #[test]
    fn never_checked_means_unknown() {
        for record in records(NOW) {
            let never_checked = record.get("lastHealthCheckAt") == Some(&Value::Null);
            assert_eq!(
                never_checked,
                field(&record, "status") == Some("unknown"),
                "{record}"
            );
        }
    }

    #[test]
    fn times_are_in_the_past_months() {
        for record in records(NOW) {
            assert!(
                field(&record, "createdAt")
                    .is_some_and(|t| t.starts_with("2025-") || t.starts_with("2026-"))
            );
        }
    }
}
