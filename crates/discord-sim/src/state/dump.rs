//! A text dump of the state for timeouts and failures: gateway, commands, the last requests,
//! messages, interactions, problems.

use super::State;

impl State {
    /// Text dump for timeouts and failures.
    pub fn dump(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!(
            "--- sim state (t={:?})\ngateway: connections={} identifies={} resumes={} ready={} seq={} intents={:#x}\n",
            self.started.elapsed(),
            self.gateway.connections,
            self.gateway.identifies,
            self.gateway.resumes,
            self.gateway.ready(),
            self.gateway.stats().seq,
            self.gateway.intents
        ));
        s.push_str(&format!(
            "registered commands: guild={:?} global={:?}\n",
            self.guild_commands
                .iter()
                .map(|c| c["name"].clone())
                .collect::<Vec<_>>(),
            self.global_commands
                .iter()
                .map(|c| c["name"].clone())
                .collect::<Vec<_>>()
        ));
        s.push_str("last requests:\n");
        for r in self.requests.iter().rev().take(25).rev() {
            let body = r.body.to_string();
            let body = if body.chars().count() > 300 {
                format!("{}…", body.chars().take(300).collect::<String>())
            } else {
                body
            };
            s.push_str(&format!(
                "  {:>8.3}s {} {} -> {} {}{}\n",
                r.at.as_secs_f64(),
                r.method,
                r.path,
                r.status,
                body,
                if r.files.is_empty() {
                    String::new()
                } else {
                    format!(" + files {:?}", r.files)
                }
            ));
        }
        s.push_str("messages:\n");
        for (ch, ids) in &self.channel_order {
            let name = self
                .channels
                .get(ch)
                .map(|c| format!("#{}", c.name))
                .or_else(|| self.threads.get(ch).map(|t| format!("thread {:?}", t.name)))
                .or_else(|| {
                    self.is_dm(*ch)
                        .map(|u| format!("DM {}", self.fx.name_of(u)))
                })
                .unwrap_or(ch.to_string());
            for id in ids {
                let rec = &self.messages[id];
                let m = &rec.json;
                s.push_str(&format!(
                    "  {name} [{}] {}: {:?} embeds={}{}\n",
                    id,
                    m["author"]["username"].as_str().unwrap_or("?"),
                    m["content"].as_str().unwrap_or(""),
                    m["embeds"].as_array().map(|a| a.len()).unwrap_or(0),
                    if rec.files.is_empty() {
                        String::new()
                    } else {
                        format!(
                            " files={:?}",
                            rec.files.iter().map(|f| &f.filename).collect::<Vec<_>>()
                        )
                    }
                ));
            }
        }
        for i in self.interactions.values() {
            s.push_str(&format!("  {}\n", self.interaction_summary(i.id)));
        }
        if !self.unknown_routes.is_empty() {
            s.push_str(&format!("UNKNOWN ROUTES: {:?}\n", self.unknown_routes));
        }
        if !self.problems.is_empty() {
            s.push_str(&format!("PROBLEMS: {:#?}\n", self.problems));
        }
        s
    }
}
