//! What a check-in asks: the pack's items and red flags.

/// A symptom rated 0 (none) to 10 (the worst): always higher is worse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub name: String,
    pub question: String,
    /// What 0 means.
    pub low: String,
    /// What 10 means.
    pub high: String,
}

/// Who to call for a red flag answered yes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Who {
    /// The local emergency number: the most urgent.
    EmergencyNumber,
    /// The care team's 24-hour line.
    CareTeam24h,
}

impl Who {
    pub const ALL: [(&'static str, Who); 2] =
        [("emergency-number", Who::EmergencyNumber), ("care-team-24h", Who::CareTeam24h)];

    pub fn from_key(key: &str) -> Option<Who> {
        Self::ALL.iter().find(|(k, _)| *k == key).map(|(_, w)| *w)
    }
}

/// The words for each [`Who`], from the pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub emergency_number: String,
    pub care_team_24h: String,
}

impl Call {
    pub fn words(&self, who: Who) -> &str {
        match who {
            Who::EmergencyNumber => &self.emergency_number,
            Who::CareTeam24h => &self.care_team_24h,
        }
    }
}

/// A yes/no question about signs that need help now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedFlag {
    pub id: String,
    pub question: String,
    /// The sign lines it asks about, as the body map and the lesson word them.
    pub signs: Vec<String>,
    pub who: Who,
    /// `when-to-get-help#section`.
    pub see: String,
    /// One more line to show with it, if any.
    pub also: Option<String>,
}

/// The whole check-in of a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub items: Vec<Item>,
    pub red_flags: Vec<RedFlag>,
    pub call: Call,
    pub sources: Vec<String>,
}

impl Form {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn red_flag(&self, id: &str) -> Option<&RedFlag> {
        self.red_flags.iter().find(|f| f.id == id)
    }

    /// The item's name, or its id if the pack no longer has it (a check-in kept from
    /// another pack).
    pub fn item_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.item(id).map_or(id, |i| i.name.as_str())
    }

    /// How many questions a check-in asks: items, red flags and the note.
    pub fn steps(&self) -> usize {
        self.items.len() + self.red_flags.len() + 1
    }
}

#[cfg(test)]
pub(crate) fn sample() -> Form {
    let item = |id: &str, name: &str| Item {
        id: id.into(),
        name: name.into(),
        question: format!("How is your {id}?"),
        low: "none".into(),
        high: "worst".into(),
    };
    let flag = |id: &str, who: Who| RedFlag {
        id: id.into(),
        question: format!("Any {id}?"),
        signs: vec![format!("A sign of {id}")],
        who,
        see: "when-to-get-help#who-to-call".into(),
        also: None,
    };
    Form {
        items: vec![item("pain", "Pain"), item("tiredness", "Tiredness")],
        red_flags: vec![flag("fever", Who::CareTeam24h), flag("bleeding", Who::EmergencyNumber)],
        call: Call { emergency_number: "Call 999.".into(), care_team_24h: "Call the team.".into() },
        sources: vec![],
    }
}
