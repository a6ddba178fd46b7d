//! Which screen an address shows, and the address of a screen. Plain Rust,
//! so every address the app writes or a resident types is tested natively;
//! `ui::nav` wires it to the browser's history.

/// A screen and what its address says about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Start,
    /// `event`: a life-event link (`?event=baby`) narrows the questions.
    Household { back: Option<Back>, event: Option<String> },
    /// `/q/<fact>/<who>`: `who` is a member's index or `h` for the household.
    Question { key: String, who: String, back: Option<Back> },
    Check,
    Results,
    Source(String),
    NotFound,
}

/// Where a 修改 link came from (`?return=check|results`), to go back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Back {
    Check,
    Results,
}

impl Back {
    pub fn path(self) -> &'static str {
        match self {
            Back::Check => "/check",
            Back::Results => "/results",
        }
    }

    fn name(self) -> &'static str {
        &self.path()[1..]
    }
}

impl Route {
    /// A question about the household (`member` None) or a member.
    pub fn question(key: &str, member: Option<usize>, back: Option<Back>) -> Route {
        Route::Question { key: key.to_string(), who: member.map_or("h".to_string(), |m| m.to_string()), back }
    }

    /// The address that shows this screen: what `parse` reads back.
    pub fn address(&self) -> String {
        let back = |b: &Option<Back>| b.map(|b| format!("return={}", b.name()));
        let (path, query) = match self {
            Route::Start => ("/".to_string(), vec![]),
            Route::Household { back: b, event } => ("/household".to_string(), [back(b), event.as_ref().map(|e| format!("event={e}"))].into_iter().flatten().collect()),
            Route::Question { key, who, back: b } => (format!("/q/{key}/{who}"), back(b).into_iter().collect()),
            Route::Check => ("/check".to_string(), vec![]),
            Route::Results => ("/results".to_string(), vec![]),
            Route::Source(id) => (format!("/source/{id}"), vec![]),
            Route::NotFound => ("/not-found".to_string(), vec![]),
        };
        if query.is_empty() { path } else { format!("{path}?{}", query.join("&")) }
    }

    /// Reads a path with its query (`/q/age/0?return=check`); a fragment
    /// is ignored, an unknown path is `NotFound`.
    pub fn parse(address: &str) -> Route {
        let address = address.split('#').next().unwrap_or_default();
        let (path, query) = address.split_once('?').unwrap_or((address, ""));
        let param = |name: &str| query.split('&').find_map(|pair| pair.strip_prefix(name)?.strip_prefix('=')).filter(|v| !v.is_empty());
        let back = match param("return") {
            Some("check") => Some(Back::Check),
            Some("results") => Some(Back::Results),
            _ => None,
        };
        let parts: Vec<&str> = path.strip_prefix('/').unwrap_or(path).split('/').collect();
        match parts.as_slice() {
            [""] => Route::Start,
            ["household"] => Route::Household { back, event: param("event").map(str::to_string) },
            ["q", key, who] if !key.is_empty() && !who.is_empty() => Route::Question { key: key.to_string(), who: who.to_string(), back },
            ["check"] => Route::Check,
            ["results"] => Route::Results,
            ["source", id] if !id.is_empty() => Route::Source(id.to_string()),
            _ => Route::NotFound,
        }
    }
}
