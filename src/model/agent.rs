//! The tenant's agents (`GET /api/agent-definitions`), as far as the console needs
//! them: who they are and which connections, and which of their tools, they may call.

use super::list::RejectedRecord;

/// What an agent is for; custom agents are specialists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgentRole {
    System,
    Planner,
    Specialist,
    /// A role the API added later, shown as it came.
    Other(String),
}

impl AgentRole {
    /// Maps the API's string; the documented values match case-insensitively.
    pub fn parse(raw: &str) -> Self {
        match raw.trim().to_ascii_lowercase().as_str() {
            "system" => AgentRole::System,
            "planner" => AgentRole::Planner,
            "specialist" => AgentRole::Specialist,
            _ => AgentRole::Other(raw.to_owned()),
        }
    }

    pub fn label(&self) -> &str {
        match self {
            AgentRole::System => "System",
            AgentRole::Planner => "Planner",
            AgentRole::Specialist => "Specialist",
            AgentRole::Other(raw) => raw,
        }
    }
}

/// One connection an agent may call, and which of its tools.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentConnection {
    pub connection_id: String,
    pub allowed_tools: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    pub id: String,
    /// The internal name (`shipping_tracker`); may be absent.
    pub name: Option<String>,
    /// The name an admin knows (`Shipping Tracker`); may be absent.
    pub display_name: Option<String>,
    /// `None` when the record has no role.
    pub role: Option<AgentRole>,
    /// Absent in the record means none.
    pub connections: Vec<AgentConnection>,
}

impl Agent {
    /// The display name, else the internal name, else the id: what an admin knows it by.
    pub fn label(&self) -> &str {
        [&self.display_name, &self.name]
            .into_iter()
            .flatten()
            .find(|name| !name.trim().is_empty())
            .unwrap_or(&self.id)
    }

    /// Whether the agent may call the connection with this id.
    pub fn uses(&self, connection_id: &str) -> bool {
        self.connections
            .iter()
            .any(|c| c.connection_id == connection_id)
    }
}

/// The agents that could be read, in the API's order, and the records that could not.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AgentList {
    agents: Vec<Agent>,
    rejected: Vec<RejectedRecord>,
}

impl AgentList {
    /// `agents` must have unique ids (decoding rejects repeats).
    pub fn new(agents: Vec<Agent>, rejected: Vec<RejectedRecord>) -> Self {
        AgentList { agents, rejected }
    }

    pub fn agents(&self) -> &[Agent] {
        &self.agents
    }

    pub fn rejected(&self) -> &[RejectedRecord] {
        &self.rejected
    }

    /// The agents that may call the connection with this id, each with what it may
    /// call of it, in the API's order.
    pub fn using<'a>(
        &'a self,
        connection_id: &'a str,
    ) -> impl Iterator<Item = (&'a Agent, &'a AgentConnection)> {
        self.agents.iter().filter_map(move |agent| {
            let uses = agent
                .connections
                .iter()
                .find(|c| c.connection_id == connection_id)?;
            Some((agent, uses))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agent(display_name: Option<&str>, name: Option<&str>) -> Agent {
        Agent {
            id: "a-1".to_owned(),
            name: name.map(str::to_owned),
            display_name: display_name.map(str::to_owned),
            role: None,
            connections: Vec::new(),
        }
    }

    #[test]
    fn roles_keep_unknown_values() {
        assert_eq!(AgentRole::parse("System"), AgentRole::System);
        assert_eq!(AgentRole::parse(" planner "), AgentRole::Planner);
        assert_eq!(AgentRole::parse("specialist"), AgentRole::Specialist);
        let other = AgentRole::parse("auditor");
        assert_eq!(other, AgentRole::Other("auditor".to_owned()));
        assert_eq!(other.label(), "auditor");
    }

    #[test]
    fn label_falls_back_to_the_name_then_the_id() {
        assert_eq!(
            agent(Some("Shipping Tracker"), Some("shipping_tracker")).label(),
            "Shipping Tracker"
        );
        assert_eq!(
            agent(None, Some("shipping_tracker")).label(),
            "shipping_tracker"
        );
        assert_eq!(
            agent(Some("  "), Some("shipping_tracker")).label(),
            "shipping_tracker"
        );
        assert_eq!(agent(None, None).label(), "a-1");
    }

    #[test]
    fn using_finds_the_agents_of_a_connection() {
        let mut a = agent(Some("A"), None);
        a.connections = vec![AgentConnection {
            connection_id: "c1".to_owned(),
            allowed_tools: vec!["track".to_owned()],
        }];
        let mut b = agent(Some("B"), None);
        b.id = "a-2".to_owned();
        let list = AgentList::new(vec![a, b], Vec::new());
        let found: Vec<_> = list
            .using("c1")
            .map(|(agent, uses)| (agent.label(), uses.allowed_tools.clone()))
            .collect();
        assert_eq!(found, [("A", vec!["track".to_owned()])]);
        assert_eq!(list.using("c2").count(), 0);
        assert!(list.agents()[0].uses("c1"));
    }
}
