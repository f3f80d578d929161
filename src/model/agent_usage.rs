//! Which agents use which connections: how many per connection, how many the
//! connections in Error affect, and the agents that name connections the list does
//! not have. Made once per list or agents answer (one pass over the agents, an id
//! lookup per connection they name), never per keystroke.

use super::agent::AgentList;
use super::connection::Status;
use super::list::ConnectionList;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AgentUsage {
    /// Agents using each connection, by its position in the list.
    counts: Vec<u32>,
    /// Agents with at least one connection in Error.
    affected_by_errors: usize,
    /// What admins know the agents by that name connections the list does not have.
    pointing_nowhere: Vec<String>,
}

impl AgentUsage {
    pub fn of(list: &ConnectionList, agents: &AgentList) -> Self {
        let (index, connections) = (list.index(), list.connections());
        let mut usage = AgentUsage {
            counts: vec![0; connections.len()],
            ..AgentUsage::default()
        };
        let mut positions = Vec::new();
        for agent in agents.agents() {
            positions.clear();
            let mut missing = false;
            for uses in &agent.connections {
                match index.position(&uses.connection_id) {
                    Some(position) => positions.push(position),
                    None => missing = true,
                }
            }
            // An agent naming a connection twice still counts once.
            positions.sort_unstable();
            positions.dedup();
            for &position in &positions {
                if let Some(count) = usage.counts.get_mut(position) {
                    *count += 1;
                }
            }
            if positions.iter().any(|&p| {
                connections
                    .get(p)
                    .is_some_and(|c| c.status == Status::Error)
            }) {
                usage.affected_by_errors += 1;
            }
            if missing {
                usage.pointing_nowhere.push(agent.label().to_owned());
            }
        }
        usage
    }

    /// How many agents use the connection at this position of the list.
    pub fn count(&self, position: usize) -> Option<u32> {
        self.counts.get(position).copied()
    }

    /// No agent uses the connection at this position.
    pub fn is_unused(&self, position: usize) -> bool {
        self.count(position) == Some(0)
    }

    pub fn affected_by_errors(&self) -> usize {
        self.affected_by_errors
    }

    pub fn pointing_nowhere(&self) -> &[String] {
        &self.pointing_nowhere
    }
}

/// What a card says of its connection's agents.
pub fn used_by(count: u32) -> String {
    match count {
        0 => "Not used by any agent".to_owned(),
        1 => "Used by 1 agent".to_owned(),
        n => format!("Used by {n} agents"),
    }
}

/// "N agents", for the summary and the announcement.
pub fn agents(count: usize) -> String {
    match count {
        1 => "1 agent".to_owned(),
        n => format!("{n} agents"),
    }
}

/// The summary's sentence on what the connections in Error break.
pub fn affected_summary(affected: usize) -> String {
    match affected {
        0 => "No agent uses a connection in Error.".to_owned(),
        n => format!("Connections in Error affect {}.", agents(n)),
    }
}

/// The notice's title for agents that name connections the list does not have.
pub fn pointing_nowhere_summary(count: usize) -> String {
    match count {
        1 => "1 agent refers to a connection that no longer exists".to_owned(),
        n => format!("{n} agents refer to connections that no longer exist"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::{agent, connection};

    fn list() -> ConnectionList {
        ConnectionList::new(
            vec![
                connection("ok", Status::Active),
                connection("down", Status::Error),
                connection("down-too", Status::Error),
                connection("idle", Status::Unknown),
            ],
            Vec::new(),
        )
    }

    fn count_of(usage: &AgentUsage, list: &ConnectionList, id: &str) -> Option<u32> {
        usage.count(list.index().position(id)?)
    }

    #[test]
    fn counts_agents_per_connection_once_each() {
        let list = list();
        let agents = AgentList::new(
            vec![
                agent("1", &["ok", "down", "ok"]),
                agent("2", &["ok"]),
                agent("system", &[]),
            ],
            Vec::new(),
        );
        let usage = AgentUsage::of(&list, &agents);
        assert_eq!(count_of(&usage, &list, "ok"), Some(2));
        assert_eq!(count_of(&usage, &list, "down"), Some(1));
        assert_eq!(count_of(&usage, &list, "idle"), Some(0));
        let idle = list.index().position("idle").unwrap_or_default();
        assert!(usage.is_unused(idle));
        assert!(!usage.is_unused(list.index().position("ok").unwrap_or_default()));
        assert_eq!(usage.count(99), None);
        assert!(!usage.is_unused(99), "beyond the list is not unused");
    }

    #[test]
    fn counts_each_agent_affected_by_errors_once() {
        let list = list();
        let agents = AgentList::new(
            vec![
                agent("both", &["down", "down-too"]),
                agent("one", &["down-too", "ok"]),
                agent("fine", &["ok", "idle"]),
            ],
            Vec::new(),
        );
        assert_eq!(AgentUsage::of(&list, &agents).affected_by_errors(), 2);
        assert_eq!(
            AgentUsage::of(&list, &AgentList::default()).affected_by_errors(),
            0
        );
    }

    #[test]
    fn names_agents_that_point_nowhere() {
        let list = list();
        let agents = AgentList::new(
            vec![
                agent("1", &["ok", "deleted"]),
                agent("2", &["gone", "also-gone"]),
                agent("3", &["ok"]),
            ],
            Vec::new(),
        );
        let usage = AgentUsage::of(&list, &agents);
        assert_eq!(usage.pointing_nowhere(), ["Agent 1", "Agent 2"]);
        assert_eq!(count_of(&usage, &list, "ok"), Some(2));
    }

    #[test]
    fn an_empty_list_counts_nothing() {
        let agents = AgentList::new(vec![agent("1", &["x"])], Vec::new());
        let usage = AgentUsage::of(&ConnectionList::default(), &agents);
        assert_eq!(usage.count(0), None);
        assert_eq!(usage.pointing_nowhere().len(), 1);
    }

    #[test]
    fn words() {
        assert_eq!(used_by(0), "Not used by any agent");
        assert_eq!(used_by(1), "Used by 1 agent");
        assert_eq!(used_by(7), "Used by 7 agents");
        assert_eq!(affected_summary(0), "No agent uses a connection in Error.");
        assert_eq!(affected_summary(1), "Connections in Error affect 1 agent.");
        assert_eq!(affected_summary(5), "Connections in Error affect 5 agents.");
        assert_eq!(
            pointing_nowhere_summary(2),
            "2 agents refer to connections that no longer exist"
        );
        assert_eq!(
            pointing_nowhere_summary(1),
            "1 agent refers to a connection that no longer exists"
        );
    }
}
