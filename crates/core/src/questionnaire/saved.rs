//! The session as the guide keeps it on the device when the resident
//! switches 在本机保存我的回答 on (issue 22): plain text of a versioned
//! format, the answers in the profile contract's `#p=` share form, so a
//! saved session is read back exactly as a link's answers are (each field
//! the current profile no longer has is dropped and reported).
//!
//! ```text
//! anyang-guide-answers/1
//! catalog=<the services' texts hash when saved>
//! event=<life event slug, or empty>
//! unsure=<fact@member,fact@h,...>
//! answers=p=<base64url profile>
//! ```

use super::{LifeEvent, Session};
use crate::profile::facts::{find, FACTS};

const FORMAT: &str = "anyang-guide-answers/";
const VERSION: u32 = 1;

/// Why saved text is not taken: it is kept aside, never silently lost.
#[derive(Debug, PartialEq, Eq)]
pub enum SetAside {
    /// Not something this guide wrote (or damaged).
    Unreadable,
    /// Written by a newer version of the guide.
    Newer,
}

/// A session read back, and the catalog it was saved with.
#[derive(Debug)]
pub struct Restored {
    pub session: Session,
    pub catalog: String,
}

impl Session {
    /// The text to keep; `catalog` names the catalog the answers were given under.
    pub fn to_saved(&self, catalog: &str) -> String {
        let mut unsure = String::new();
        for (fact, member) in &self.unsure {
            let sep = if unsure.is_empty() { "" } else { "," };
            unsure += &format!("{sep}{}@{}", FACTS[*fact].key, member.map_or("h".to_string(), |m| m.to_string()));
        }
        format!("{FORMAT}{VERSION}\ncatalog={catalog}\nevent={}\nunsure={unsure}\nanswers={}\n", self.event.map_or("", LifeEvent::slug), self.share_fragment())
    }

    /// Reads what [`Session::to_saved`] wrote, by this or an older version.
    pub fn from_saved(text: &str) -> Result<Restored, SetAside> {
        let mut lines = text.lines();
        let version = lines.next().and_then(|l| l.strip_prefix(FORMAT)).and_then(|v| v.parse::<u32>().ok()).ok_or(SetAside::Unreadable)?;
        if version > VERSION {
            return Err(SetAside::Newer);
        }
        let field = |name: &str| text.lines().skip(1).find_map(|l| l.strip_prefix(name)?.strip_prefix('='));
        let (Some(catalog), Some(answers)) = (field("catalog"), field("answers")) else {
            return Err(SetAside::Unreadable);
        };
        let mut session = Session::new();
        if session.prefill(answers) != Some(true) {
            return Err(SetAside::Unreadable);
        }
        session.event = field("event").and_then(LifeEvent::from_slug);
        // A "不确定" about a fact the profile no longer has is dropped: it
        // held no answer.
        for item in field("unsure").unwrap_or_default().split(',').filter(|i| !i.is_empty()) {
            let Some((key, who)) = item.split_once('@') else { continue };
            let member = match who {
                "h" => Some(None),
                m => m.parse::<usize>().ok().filter(|m| *m < session.answers.members.len()).map(Some),
            };
            if let (Some(fact), Some(member)) = (find(key), member) {
                session.unsure.push((fact, member));
            }
        }
        Ok(Restored { session, catalog: catalog.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{Profile, Val};
    use crate::questionnaire::Answer;

    fn answered() -> Session {
        let mut s = Session::new();
        s.prefill(&crate::profile::share::encode_p(&Profile::from_json(r#"{"v":1,"household":{"area":"urban"},"members":[{"age":40},{"role":"child","age":3}]}"#).unwrap().profile));
        s.answer(find("pregnant").unwrap(), Some(0), Answer::Unsure);
        s.answer(find("housing").unwrap(), None, Answer::Unsure);
        s.event = Some(LifeEvent::Baby);
        s
    }

    #[test]
    fn a_saved_session_comes_back_as_it_was() {
        let s = answered();
        let text = s.to_saved("abc123");
        assert!(text.starts_with("anyang-guide-answers/1\ncatalog=abc123\nevent=baby\n"), "{text}");
        let back = Session::from_saved(&text).unwrap();
        assert_eq!(back.catalog, "abc123");
        assert_eq!(back.session.answers, s.answers);
        assert_eq!(back.session.unsure, s.unsure);
        assert_eq!(back.session.event, Some(LifeEvent::Baby));
        assert!(back.session.notices.is_empty());
        assert_eq!(Session::from_saved(&Session::new().to_saved("x")).unwrap().session.answers, Session::new().answers);
    }

    #[test]
    fn what_cannot_be_read_is_set_aside() {
        for (text, why) in [
            ("", SetAside::Unreadable),
            ("hello", SetAside::Unreadable),
            ("{\"v\":1}", SetAside::Unreadable),
            ("anyang-guide-answers/x\ncatalog=a\nanswers=p=e30", SetAside::Unreadable),
            ("anyang-guide-answers/1\ncatalog=a", SetAside::Unreadable),
            ("anyang-guide-answers/1\ncatalog=a\nanswers=p=!!!", SetAside::Unreadable),
            ("anyang-guide-answers/2\ncatalog=a\nanswers=p=e30", SetAside::Newer),
        ] {
            assert_eq!(Session::from_saved(text).unwrap_err(), why, "{text:?}");
        }
    }

    #[test]
    fn a_field_the_profile_no_longer_has_is_dropped_and_reported() {
        // {"v":1,"members":[{"age":50,"shoe_size":42}]}, and 不确定 about a
        // fact that is gone and about a person who is not there.
        let raw = "eyJ2IjoxLCJtZW1iZXJzIjpbeyJhZ2UiOjUwLCJzaG9lX3NpemUiOjQyfV19";
        let text = format!("anyang-guide-answers/1\ncatalog=old\nevent=\nunsure=shoe_size@0,age@7\nanswers=p={raw}\n");
        let back = Session::from_saved(&text).unwrap();
        assert_eq!(back.session.answers.get(find("age").unwrap(), Some(0)), Val::Int(50));
        assert_eq!(back.session.notices.len(), 1, "{:?}", back.session.notices);
        assert!(back.session.unsure.is_empty());
        assert_eq!(back.catalog, "old");
    }
}
