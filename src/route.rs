//! Which screen an address shows. Plain Rust, so every address the app
//! writes or a resident types is tested natively; `ui::nav` wires it to
//! the browser's history.

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

    pub fn name(self) -> &'static str {
        &self.path()[1..]
    }
}

impl Route {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_address_the_app_writes_reads_back() {
        let cases = [
            ("/", Route::Start),
            ("/household", Route::Household { back: None, event: None }),
            ("/household?event=baby", Route::Household { back: None, event: Some("baby".into()) }),
            ("/household?return=check", Route::Household { back: Some(Back::Check), event: None }),
            ("/q/age/0", Route::Question { key: "age".into(), who: "0".into(), back: None }),
            ("/q/area/h?return=results", Route::Question { key: "area".into(), who: "h".into(), back: Some(Back::Results) }),
            ("/check", Route::Check),
            ("/results", Route::Results),
            ("/results#p=eyJ2IjoxfQ", Route::Results),
            ("/source/vaccination", Route::Source("vaccination".into())),
        ];
        for (address, route) in cases {
            assert_eq!(Route::parse(address), route, "{address}");
        }
    }

    #[test]
    fn anything_else_is_not_found_or_ignored() {
        for address in ["/nope", "/q/age", "/q/age/0/1", "/q//0", "/source/", "/check/", "/results/x", "//"] {
            assert_eq!(Route::parse(address), Route::NotFound, "{address}");
        }
        // An unknown or empty return is no return; other parameters are ignored.
        assert_eq!(Route::parse("/q/age/0?return=elsewhere&x=1"), Route::Question { key: "age".into(), who: "0".into(), back: None });
        assert_eq!(Route::parse("/household?event=&returned=check"), Route::Household { back: None, event: None });
    }
}
