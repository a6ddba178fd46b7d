//! Life-event entry points on the start page. An event narrows which
//! services matter, and so which questions are asked.

use crate::text::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LifeEvent {
    Baby,
    School,
    Work,
    Elder,
    Disability,
    Housing,
    Hardship,
    Veteran,
}

impl LifeEvent {
    pub const ALL: [LifeEvent; 8] = [
        LifeEvent::Baby,
        LifeEvent::School,
        LifeEvent::Work,
        LifeEvent::Elder,
        LifeEvent::Disability,
        LifeEvent::Housing,
        LifeEvent::Hardship,
        LifeEvent::Veteran,
    ];

    pub fn label(self) -> Text {
        let (zh, en) = match self {
            LifeEvent::Baby => ("我要生孩子 / 家有婴幼儿", "Having a baby / young children"),
            LifeEvent::School => ("孩子上学", "Children at school"),
            LifeEvent::Work => ("找工作 / 创业", "Finding work / starting a business"),
            LifeEvent::Elder => ("年纪大了 / 照顾老人", "Getting older / caring for an elder"),
            LifeEvent::Disability => ("残疾或重病", "Disability or serious illness"),
            LifeEvent::Housing => ("住房困难", "Housing difficulty"),
            LifeEvent::Hardship => ("生活遇到困难或受灾", "Hardship or disaster"),
            LifeEvent::Veteran => ("退役军人和军属", "Veterans and military families"),
        };
        Text { zh, en }
    }

    /// URL slug, e.g. `/household?event=baby`.
    pub fn slug(self) -> &'static str {
        match self {
            LifeEvent::Baby => "baby",
            LifeEvent::School => "school",
            LifeEvent::Work => "work",
            LifeEvent::Elder => "elder",
            LifeEvent::Disability => "disability",
            LifeEvent::Housing => "housing",
            LifeEvent::Hardship => "hardship",
            LifeEvent::Veteran => "veteran",
        }
    }

    pub fn from_slug(slug: &str) -> Option<LifeEvent> {
        LifeEvent::ALL.into_iter().find(|e| e.slug() == slug)
    }

    /// The catalog categories this event is about.
    pub fn categories(self) -> &'static [&'static str] {
        match self {
            LifeEvent::Baby => &["childcare", "health", "children"],
            LifeEvent::School => &["education", "children"],
            LifeEvent::Work => &["employment", "insurance"],
            LifeEvent::Elder => &["eldercare", "health", "insurance"],
            LifeEvent::Disability => &["disability", "health", "assistance", "insurance"],
            LifeEvent::Housing => &["housing"],
            LifeEvent::Hardship => &["assistance", "children", "housing"],
            LifeEvent::Veteran => &["veterans"],
        }
    }

    pub fn covers(self, category: &str) -> bool {
        self.categories().contains(&category)
    }
}
