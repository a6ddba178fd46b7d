//! The facts of household profile v1 (`shared/design/profile-v1.md`), as one
//! table. Everything else reads it: JSON validation, the rule parser (a rule
//! can only name a fact listed here), the questionnaire (one question per
//! fact) and the plain-language reasons.

use crate::text::{Lang, Text};

/// Index of a fact in [`FACTS`].
pub type FactId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Household,
    Member,
}

#[derive(Clone, Copy, Debug)]
pub enum Kind {
    Bool,
    /// Whole number in `min..=max`, shown with `unit`.
    Int { min: i64, max: i64, unit: Text },
    /// One of `values` (the JSON names), shown with `labels`.
    Enum { values: &'static [&'static str], labels: &'static [Text] },
    /// A list drawn from `values` (JSON array).
    Set { values: &'static [&'static str], labels: &'static [Text] },
}

/// A fact asked only of some people: where `rule` is false the fact takes
/// `value` without asking (nobody asks a 5-year-old about pregnancy).
#[derive(Clone, Copy, Debug)]
pub struct AskWhen {
    pub rule: &'static str,
    pub otherwise: &'static str,
}

#[derive(Clone, Copy, Debug)]
pub struct Fact {
    /// JSON name; a sub-fact of an object-valued field is `parent.child`.
    pub key: &'static str,
    pub scope: Scope,
    pub kind: Kind,
    /// `disability.grade` only exists when `disability` is true.
    pub parent: Option<&'static str>,
    pub ask_when: Option<AskWhen>,
    /// Short name, used in reasons and on the check-answers page.
    pub label: Text,
    /// The question about whom `{who}` names.
    pub question: Question,
    /// "为什么问这个？", where the reason is not obvious.
    pub why: Option<Text>,
}

const fn t(zh: &'static str, en: &'static str) -> Text {
    Text { zh, en }
}

/// A question about someone: `{who}` stands for them. Chinese needs one
/// form ("{who}多大了？" reads right with 您); English asks "you" in its own
/// words ("How old are you?", not "How old is you?").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    pub zh: &'static str,
    pub en: &'static str,
    pub en_you: &'static str,
}

const fn q(zh: &'static str, en: &'static str, en_you: &'static str) -> Question {
    Question { zh, en, en_you }
}

impl Question {
    /// The question about `who` (the person's name in `lang`), or about the
    /// person answering, in their own language's grammar.
    pub fn ask(&self, who: &str, is_you: bool, lang: Lang) -> String {
        let template = match lang {
            Lang::Zh => self.zh,
            Lang::En if is_you => self.en_you,
            Lang::En => self.en,
        };
        template.replace("{who}", who)
    }
}

const YEARS: Text = t("岁", " years");
const ADULT: Option<AskWhen> = Some(AskWhen { rule: "age >= 16", otherwise: "false" });
const MINOR: Option<AskWhen> = Some(AskWhen { rule: "age < 18", otherwise: "false" });

/// A household question names nobody: one form in each language.
const fn household(key: &'static str, kind: Kind, label: Text, question: Text, why: Option<Text>) -> Fact {
    let question = Question { zh: question.zh, en: question.en, en_you: question.en };
    Fact { key, scope: Scope::Household, kind, parent: None, ask_when: None, label, question, why }
}

const fn member(key: &'static str, kind: Kind, ask_when: Option<AskWhen>, label: Text, question: Question, why: Option<Text>) -> Fact {
    Fact { key, scope: Scope::Member, kind, parent: None, ask_when, label, question, why }
}

const fn sub(key: &'static str, parent: &'static str, kind: Kind, label: Text, question: Question) -> Fact {
    Fact { key, scope: Scope::Member, kind, parent: Some(parent), ask_when: None, label, question, why: None }
}

const fn flag(key: &'static str, ask_when: Option<AskWhen>, label: Text, question: Question, why: Option<Text>) -> Fact {
    member(key, Kind::Bool, ask_when, label, question, why)
}

pub static FACTS: &[Fact] = &[
    // ---- household ----
    household("region", Kind::Enum {
        values: &["wenfeng", "beiguan", "yindu", "longan", "anyang_county", "tangyin", "huaxian", "neihuang", "linzhou", "other"],
        labels: &[t("文峰区", "Wenfeng District"), t("北关区", "Beiguan District"), t("殷都区", "Yindu District"), t("龙安区", "Long'an District"), t("安阳县", "Anyang County"), t("汤阴县", "Tangyin County"), t("滑县", "Hua County"), t("内黄县", "Neihuang County"), t("林州市", "Linzhou City"), t("安阳市以外", "Outside Anyang")],
    }, t("居住地", "Where you live"), t("您家住在安阳哪个县（市、区）？", "Which district or county of Anyang do you live in?"), None),
    household("area", Kind::Enum { values: &["urban", "rural"], labels: &[t("城镇", "Town or city"), t("农村", "Countryside")] },
        t("城镇或农村", "Town or countryside"), t("您家住在城镇还是农村？", "Do you live in a town or city, or in the countryside?"),
        Some(t("有些服务只面向城镇或农村居民。", "Some services are only for town or only for rural residents."))),
    household("support_status", Kind::Enum {
        values: &["tekun", "dibao", "dibao_edge", "low_income", "none"],
        labels: &[t("特困人员", "Extreme-poverty support (tekun)"), t("低保家庭", "Minimum living allowance (dibao)"), t("低保边缘家庭", "Just above the dibao line"), t("低收入家庭", "Low-income household"), t("都不是", "None of these")],
    }, t("家庭救助身份", "Recognised hardship status"), t("您家是否已被认定为以下哪一类？", "Has your household been recognised as one of these?"),
        Some(t("低保、特困等身份由民政部门认定，很多救助服务看这一项。", "The civil affairs office recognises these; many kinds of help depend on it."))),
    household("formerly_poor", Kind::Bool, t("原建档立卡贫困家庭", "Formerly registered poor household"),
        t("您家是原建档立卡贫困家庭（脱贫户）吗？", "Was your household registered as poor (now lifted out of poverty)?"), None),
    household("housing", Kind::Enum {
        values: &["adequate", "difficulty", "unsafe_rural", "shanty"],
        labels: &[t("住房没有困难", "Housing is adequate"), t("住房困难", "Housing difficulty"), t("农村危房", "Unsafe rural house"), t("住在待改造的棚户区或城中村", "Shanty area or urban village due for renovation")],
    }, t("住房情况", "Housing"), t("您家的住房情况是？", "How is your housing?"), None),
    household("tenure", Kind::Enum {
        values: &["own", "rent", "public_rental", "other"],
        labels: &[t("自有住房", "Own home"), t("租房", "Rent privately"), t("住公租房", "Public rental housing"), t("其他", "Other")],
    }, t("住房来源", "Home"), t("您现在住的房子是？", "The home you live in is:"), None),
    household("old_compound", Kind::Bool, t("住在城镇老旧小区", "Lives in an old town compound"),
        t("您家住在城镇老旧小区吗？", "Do you live in an old residential compound in town?"),
        Some(t("一般指建成年代较早、设施老化的小区，社区居委会可以告诉您。", "Usually an older compound with worn-out facilities; your neighbourhood committee knows."))),
    household("family_planning", Kind::Enum {
        values: &["none", "one_child", "rural_two_daughters", "special"],
        labels: &[t("都不是", "None of these"), t("独生子女家庭", "One-child family"), t("农村计划生育双女家庭", "Rural family with two daughters"), t("计划生育特殊家庭（独生子女伤残或去世）", "Family whose only child died or is disabled")],
    }, t("计划生育家庭类别", "Family-planning household"), t("您家属于以下哪一类计划生育家庭？", "Is your household one of these family-planning households?"),
        Some(t("这些家庭可以享受计划生育奖励扶助。", "These households can get family-planning awards and support."))),
    household("zero_employment", Kind::Bool, t("零就业家庭", "No one in work"),
        t("您家里有劳动能力的人是不是都没有工作？", "Is everyone in your household who could work out of work?"), None),
    household("disaster_affected", Kind::Bool, t("受自然灾害影响", "Hit by a natural disaster"),
        t("您家的基本生活是否因自然灾害受到严重影响？", "Has a natural disaster seriously affected your daily life?"), None),
    household("sudden_hardship", Kind::Bool, t("突发困难", "Sudden hardship"),
        t("您家最近是否遇到突发困难（意外、火灾、突发重病等）？", "Has your household recently met sudden hardship (accident, fire, sudden illness)?"), None),
    // ---- each member ----
    member("role", Kind::Enum {
        values: &["self", "spouse", "child", "parent", "grandparent", "grandchild", "other"],
        labels: &[t("本人", "You"), t("配偶", "Spouse"), t("子女", "Child"), t("父母", "Parent"), t("祖父母、外祖父母", "Grandparent"), t("孙子女、外孙子女", "Grandchild"), t("其他家人", "Other")],
    }, None, t("与您的关系", "Relation to you"), q("{who}是您的什么人？", "How is {who} related to you?", "Who are you in this household?"), None),
    member("age", Kind::Int { min: 0, max: 120, unit: YEARS }, None, t("年龄", "Age"),
        q("{who}多大了？", "How old is {who}?", "How old are you?"), None),
    member("sex", Kind::Enum { values: &["female", "male"], labels: &[t("女", "Female"), t("男", "Male")] }, None,
        t("性别", "Sex"), q("{who}的性别是？", "What is {who}'s sex?", "What is your sex?"), None),
    member("hukou", Kind::Enum {
        values: &["local_urban", "local_rural", "elsewhere"],
        labels: &[t("安阳城镇户口", "Anyang town hukou"), t("安阳农村户口", "Anyang rural hukou"), t("外地户口", "Hukou outside Anyang")],
    }, None, t("户口", "Hukou"), q("{who}的户口在哪里？", "Where is {who}'s hukou registered?", "Where is your hukou registered?"),
        Some(t("有些服务看户口所在地，外地户口的新市民也有可以享受的服务。", "Some services depend on it; newcomers with hukou elsewhere can get some too."))),
    flag("pregnant", Some(AskWhen { rule: "sex == female and age >= 15 and age <= 55", otherwise: "false" }),
        t("正在怀孕", "Pregnant"), q("{who}现在怀孕了吗？", "Is {who} pregnant now?", "Are you pregnant now?"), None),
    member("education", Kind::Enum {
        values: &["none", "kindergarten", "primary", "junior_secondary", "senior_high", "secondary_vocational", "higher_vocational", "university"],
        labels: &[t("没有上学", "Not in school"), t("幼儿园", "Kindergarten"), t("小学", "Primary school"), t("初中", "Junior secondary"), t("普通高中", "Senior high school"), t("中等职业学校", "Secondary vocational school"), t("高职", "Higher vocational college"), t("大学本科及以上", "University")],
    }, Some(AskWhen { rule: "age >= 3 and age <= 30", otherwise: "none" }),
        t("在读学校", "School"), q("{who}现在在哪类学校上学？", "Which kind of school is {who} in now?", "Which kind of school are you in now?"), None),
    member("work", Kind::Enum {
        values: &["employed", "self_employed", "flexible", "unemployed", "retired", "not_working"],
        labels: &[t("在单位上班", "Employed"), t("个体经营", "Self-employed"), t("灵活就业（打零工、平台工作等）", "Flexible work (odd jobs, platform work)"), t("失业，在找工作", "Unemployed, looking for work"), t("已退休", "Retired"), t("不工作（上学、料理家务等）", "Not working (studying, at home)")],
    }, Some(AskWhen { rule: "age >= 16", otherwise: "not_working" }),
        t("工作情况", "Work"), q("{who}现在的工作情况是？", "What is {who}'s work situation?", "What is your work situation?"), None),
    flag("recent_graduate", Some(AskWhen { rule: "age >= 18 and age <= 35", otherwise: "false" }), t("两年内高校毕业", "Graduated in the last two years"),
        q("{who}是近两年毕业的大中专院校学生吗？", "Did {who} graduate from college or university in the last two years?", "Did you graduate from college or university in the last two years?"), None),
    flag("returnee", ADULT, t("返乡入乡人员", "Returned home from work elsewhere"),
        q("{who}是从外地打工回到安阳的吗？", "Has {who} come back to Anyang after working elsewhere?", "Have you come back to Anyang after working elsewhere?"), None),
    flag("starting_business", ADULT, t("正在创业", "Starting a business"),
        q("{who}正在创业或经营小生意吗？", "Is {who} starting or running a small business?", "Are you starting or running a small business?"), None),
    flag("hard_to_employ", ADULT, t("就业困难人员", "Recognised as hard to employ"),
        q("{who}是人社部门认定的就业困难人员吗？", "Has the human resources office recognised {who} as hard to employ?", "Has the human resources office recognised you as hard to employ?"), None),
    flag("migrant_worker", ADULT, t("农民工", "Migrant worker"),
        q("{who}是进城务工的农民工吗？", "Is {who} a rural migrant worker in town?", "Are you a rural migrant worker in town?"), None),
    member("pension_insurance", Kind::Enum {
        values: &["employee", "public_sector", "resident", "none"],
        labels: &[t("职工养老保险", "Employee pension insurance"), t("机关事业单位养老保险", "Public-sector pension insurance"), t("城乡居民养老保险", "Resident pension insurance"), t("没有参加", "None")],
    }, ADULT_ENUM_NONE, t("养老保险", "Pension insurance"), q("{who}参加的是哪种养老保险？", "Which pension insurance is {who} in?", "Which pension insurance are you in?"), None),
    member("medical_insurance", Kind::Enum {
        values: &["employee", "resident", "none"],
        labels: &[t("职工医疗保险", "Employee medical insurance"), t("城乡居民医疗保险", "Resident medical insurance"), t("没有参加", "None")],
    }, None, t("医疗保险", "Medical insurance"), q("{who}参加的是哪种医疗保险？", "Which medical insurance is {who} in?", "Which medical insurance are you in?"), None),
    flag("unemployment_insurance", ADULT, t("参加失业保险", "Paid into unemployment insurance"),
        q("{who}交过失业保险吗？", "Has {who} paid into unemployment insurance?", "Have you paid into unemployment insurance?"),
        Some(t("在单位上班的人一般都由单位代缴，可以看工资条或社保卡记录。", "Employers usually pay it; check a payslip or the social security card record."))),
    flag("work_injury", ADULT, t("工伤或职业病", "Work injury or occupational disease"),
        q("{who}受过工伤或得了职业病吗？", "Has {who} been injured at work or got an occupational disease?", "Have you been injured at work or got an occupational disease?"), None),
    flag("hazardous_job", ADULT, t("接触职业危害", "Exposed to job hazards"),
        q("{who}的工作要接触粉尘、噪声、化学品等职业危害吗？", "Does {who}'s job expose them to dust, noise or chemicals?", "Does your job expose you to dust, noise or chemicals?"), None),
    flag("labour_dispute", ADULT, t("劳动争议", "Dispute with an employer"),
        q("{who}和单位有没有解决不了的劳动纠纷（如欠薪）？", "Does {who} have an unresolved dispute with an employer (for example unpaid wages)?", "Do you have an unresolved dispute with an employer (for example unpaid wages)?"), None),
    flag("disability", None, t("持有残疾人证", "Holds a disability certificate"),
        q("{who}有残疾人证吗？", "Does {who} hold a disability certificate?", "Do you hold a disability certificate?"), None),
    sub("disability.grade", "disability", Kind::Int { min: 1, max: 4, unit: t("级", "") },
        t("残疾等级", "Disability grade"), q("{who}的残疾人证上是几级？（一级最重）", "Which grade is on {who}'s certificate? (grade 1 is the most severe)", "Which grade is on your certificate? (grade 1 is the most severe)")),
    sub("disability.kind", "disability", Kind::Enum {
        values: &["physical", "visual", "hearing", "speech", "intellectual", "mental", "multiple"],
        labels: &[t("肢体残疾", "Physical"), t("视力残疾", "Visual"), t("听力残疾", "Hearing"), t("言语残疾", "Speech"), t("智力残疾", "Intellectual"), t("精神残疾", "Mental"), t("多重残疾", "Multiple")],
    }, t("残疾类别", "Kind of disability"), q("{who}的残疾类别是？", "What kind of disability is on {who}'s certificate?", "What kind of disability is on your certificate?")),
    member("self_care", Kind::Enum {
        values: &["independent", "partial", "unable"],
        labels: &[t("能自理", "Looks after themself"), t("部分能自理", "Partly"), t("不能自理", "Cannot look after themself")],
    }, None, t("生活自理", "Self-care"), q("{who}生活能自理吗？", "Can {who} look after themself day to day?", "Can you look after yourself day to day?"), None),
    member("chronic", Kind::Set {
        values: &["hypertension", "diabetes", "other"],
        labels: &[t("高血压", "High blood pressure"), t("糖尿病", "Diabetes"), t("其他慢性病", "Other long-term illness")],
    }, None, t("慢性病", "Long-term illness"), q("{who}有以下哪些慢性病？", "Which long-term illnesses does {who} have?", "Which long-term illnesses do you have?"), None),
    flag("serious_illness", None, t("患重病", "Serious illness"), q("{who}患有重病吗？", "Does {who} have a serious illness?", "Do you have a serious illness?"), None),
    flag("mental_disorder", None, t("严重精神障碍", "Severe mental disorder"),
        q("{who}患有严重精神障碍吗？", "Does {who} have a severe mental disorder?", "Do you have a severe mental disorder?"), None),
    flag("orphan", MINOR, t("孤儿", "Orphan"), q("{who}是孤儿吗？", "Is {who} an orphan?", "Are you an orphan?"), None),
    flag("unsupported_child", MINOR, t("事实无人抚养儿童", "Child with no one to support them"),
        q("{who}是事实无人抚养儿童吗（父母重残、服刑、失联等）？", "Is {who} a child whose parents cannot support them (severe disability, prison, missing)?", "Are you a child whose parents cannot support you (severe disability, prison, missing)?"), None),
    flag("hiv_affected_child", MINOR, t("艾滋病病毒感染儿童", "Child living with HIV"),
        q("{who}是艾滋病病毒感染儿童吗？", "Is {who} a child living with HIV?", "Are you a child living with HIV?"), None),
    flag("left_behind_child", MINOR, t("农村留守儿童", "Rural child left behind"),
        q("{who}是父母外出打工、留在农村的孩子吗？", "Is {who} a rural child whose parents work away?", "Are you a rural child whose parents work away?"), None),
    flag("veteran", Some(AskWhen { rule: "age >= 18", otherwise: "false" }), t("退役军人", "Veteran"),
        q("{who}是退役军人吗？", "Is {who} a veteran?", "Are you a veteran?"), None),
    sub("veteran.recently_discharged", "veteran", Kind::Bool, t("刚退役、等待安置", "Recently discharged, awaiting placement"),
        q("{who}是刚退役、正在等待安置吗？", "Was {who} recently discharged and is awaiting placement?", "Were you recently discharged, and are you awaiting placement?")),
    sub("veteran.disabled", "veteran", Kind::Bool, t("伤残退役军人", "Disabled in service"),
        q("{who}是在服役期间致残的吗？", "Was {who} disabled in service?", "Were you disabled in service?")),
    sub("veteran.entitled", "veteran", Kind::Bool, t("享受定期抚恤补助", "Receives regular military benefits"),
        q("{who}享受国家定期抚恤补助吗？", "Does {who} receive regular state benefits for veterans?", "Do you receive regular state benefits for veterans?")),
    sub("veteran.needs_care", "veteran", Kind::Bool, t("孤老或生活不能自理", "Old and alone, or cannot look after themself"),
        q("{who}是孤老或生活不能自理吗？", "Is {who} old and alone, or unable to look after themself?", "Are you old and alone, or unable to look after yourself?")),
    flag("military_family", None, t("现役军人家属", "Family of a serving soldier"),
        q("{who}是现役军人的家属吗？", "Is {who} family of a serving soldier?", "Are you family of a serving soldier?"), None),
    flag("martyr_family", None, t("烈士家属", "Family of a martyr"), q("{who}是烈士家属吗？", "Is {who} family of a martyr?", "Are you family of a martyr?"), None),
];

const ADULT_ENUM_NONE: Option<AskWhen> = Some(AskWhen { rule: "age >= 16", otherwise: "none" });

/// Yes/no facts asked together on one page as "which of these apply?"
/// checkboxes, so a household is not walked through a dozen pages of "no".
pub struct Group {
    pub question: Question,
    pub facts: &'static [&'static str],
}

pub static GROUPS: &[Group] = &[
    Group {
        question: q("以下哪些情况符合您家？（可多选）", "Which of these apply to your household? (choose all that apply)", "Which of these apply to your household? (choose all that apply)"),
        facts: &["formerly_poor", "zero_employment", "old_compound", "disaster_affected", "sudden_hardship"],
    },
    Group {
        question: q("以下哪些情况符合{who}？（可多选）", "Which of these apply to {who}? (choose all that apply)", "Which of these apply to you? (choose all that apply)"),
        facts: &["recent_graduate", "returnee", "starting_business", "hard_to_employ", "migrant_worker", "unemployment_insurance", "work_injury", "hazardous_job", "labour_dispute"],
    },
    Group {
        question: q("{who}有以下哪些情况？（可多选）", "Which of these does {who} have? (choose all that apply)", "Which of these do you have? (choose all that apply)"),
        facts: &["disability", "serious_illness", "mental_disorder"],
    },
    Group {
        question: q("以下哪些情况符合{who}？（可多选）", "Which of these apply to {who}? (choose all that apply)", "Which of these apply to you? (choose all that apply)"),
        facts: &["orphan", "unsupported_child", "hiv_affected_child", "left_behind_child"],
    },
    Group {
        question: q("{who}是否属于以下人员？（可多选）", "Is {who} any of these? (choose all that apply)", "Are you any of these? (choose all that apply)"),
        facts: &["veteran", "military_family", "martyr_family"],
    },
    Group {
        question: q("以下哪些情况符合{who}？（可多选）", "Which of these apply to {who}? (choose all that apply)", "Which of these apply to you? (choose all that apply)"),
        facts: &["veteran.recently_discharged", "veteran.disabled", "veteran.entitled", "veteran.needs_care"],
    },
];

/// The group a fact is asked in, if any.
pub fn group_of(fact: FactId) -> Option<&'static Group> {
    GROUPS.iter().find(|g| g.facts.contains(&FACTS[fact].key))
}

/// The fact named `key`, if the profile has one.
pub fn find(key: &str) -> Option<FactId> {
    FACTS.iter().position(|f| f.key == key)
}

/// The fact named `key`, looked up when the program is built: a name not
/// in the table stops the build.
const fn id(key: &str) -> FactId {
    let mut i = 0;
    'facts: while i < FACTS.len() {
        let (a, b) = (FACTS[i].key.as_bytes(), key.as_bytes());
        i += 1;
        if a.len() != b.len() {
            continue;
        }
        let mut j = 0;
        while j < a.len() {
            if a[j] != b[j] {
                continue 'facts;
            }
            j += 1;
        }
        return i - 1;
    }
    panic!("not a fact")
}

/// Facts the app names people by (on every results update too).
pub const ROLE: FactId = id("role");
pub const AGE: FactId = id("age");

/// Facts that hang off `parent` (`disability.grade` under `disability`).
pub fn children(parent: FactId) -> impl Iterator<Item = FactId> {
    let key = FACTS[parent].key;
    FACTS.iter().enumerate().filter(move |(_, f)| f.parent == Some(key)).map(|(i, _)| i)
}

pub fn parent_of(id: FactId) -> Option<FactId> {
    FACTS[id].parent.and_then(find)
}
