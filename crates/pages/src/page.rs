//! The pages themselves: the app's header, footer and stylesheet around a
//! service, the list of services, and the sitemap.

use guide_core::catalog::{Catalog, Per, Service};
use guide_core::engine::explain::describe;
use guide_core::questionnaire::LifeEvent;
use guide_core::text::Lang;
use maud::{html, Markup, DOCTYPE};

pub struct Site<'c> {
    pub catalog: &'c Catalog,
    /// The app's hashed stylesheet (`/main-HASH.css`).
    pub stylesheet: String,
    /// Where the guide is public, for canonical links and the sitemap.
    pub base: String,
    /// The services' texts file's hash: what changes when the catalog does.
    pub catalog_version: String,
}

/// The address of a page in a language: Chinese at the root, English under `/en`.
fn at(path: &str, lang: Lang) -> String {
    lang.pick(path.to_string(), format!("/en{path}"))
}

impl Site<'_> {
    pub fn service_path(&self, id: &str, lang: Lang) -> String {
        at(&format!("/service/{id}/"), lang)
    }

    pub fn list_path(&self, lang: Lang) -> String {
        at("/services/", lang)
    }

    /// A page with the app's header and footer; `path` is its own address.
    fn frame(&self, lang: Lang, path: &str, other: &str, title: &str, description: &str, body: Markup) -> String {
        let app = lang.pick("安阳市公共服务指南", "Anyang Public Services Guide");
        let document = &self.catalog.documents[0];
        html! {
            (DOCTYPE)
            // id="elder": the 长辈模式 link (#elder) makes the root the
            // target, and the stylesheet's html:target rules enlarge the
            // page with no script.
            html lang=(lang.tag()) id="elder" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    meta name="referrer" content="no-referrer";
                    meta name="description" content=(description);
                    title { (title) " · " (app) }
                    link rel="canonical" href=(format!("{}{path}", self.base));
                    link rel="alternate" hreflang=(lang.pick("en", "zh-CN")) href=(format!("{}{other}", self.base));
                    link rel="icon" href="/favicon.svg" type="image/svg+xml";
                    link rel="stylesheet" href=(self.stylesheet);
                }
                body {
                    header class="site-header" {
                        a class="brand" href="/" { (app) }
                        div class="tools" {
                            a class="tool button secondary" href=(other) lang=(lang.pick("en", "zh-CN")) { (lang.pick("English", "中文")) }
                            a class="tool button secondary elder-on" href="#elder" { (lang.pick("长辈模式", "Larger text")) }
                            a class="tool button secondary elder-off" href="#" { (lang.pick("退出长辈模式", "Normal text")) }
                        }
                    }
                    main id="main" { (body) }
                    footer class="site-footer" {
                        p { a href=(self.about_path(lang)) { (lang.pick("关于本指南", "About this guide")) } " · " a href=(self.list_path(lang)) { (lang.pick("全部服务", "All services")) } }
                        p { (lang.pick(
                            format!("本页依据《{}》（{}，规划期 {} 年）整理，仅供参考，具体以主管部门最新政策为准。请到政务服务大厅或拨打 12345 咨询。", document.title.zh, document.number, document.period),
                            format!("This page follows {} ({}, covering {}). It is guidance only: the responsible department's current rules decide. Ask at a government service hall or call 12345.", document.title.en, document.number, document.period),
                        )) }
                    }
                }
            }
        }
        .into_string()
    }

    /// One service: who it is for (its rule in words), what it gives, what
    /// to do and bring, the office, and the plan's own sentence.
    pub fn service(&self, s: &Service, lang: Lang) -> String {
        let c = self.catalog;
        let dept = c.department(&s.department).map(|d| d.name.get(lang)).unwrap_or_default();
        let category = c.category(&s.category).map(|k| k.title.get(lang)).unwrap_or_default();
        let who = if s.per == Per::Household { lang.pick("以家庭为单位：", "For the household: ") } else { "" };
        let event = LifeEvent::ALL.iter().find(|e| e.covers(&s.category)).map_or(String::new(), |e| format!("?event={}", e.slug()));
        let other = self.service_path(&s.id, if lang == Lang::Zh { Lang::En } else { Lang::Zh });
        let body = html! {
            p class="breadcrumb" { a href=(self.list_path(lang)) { (lang.pick("全部服务", "All services")) } " · " (category) }
            h1 { (s.title.get(lang)) }
            p class="lead" { (s.summary.get(lang)) }
            @if s.free || s.planned {
                p {
                    @if s.free { span class="tag" { (lang.pick("免费", "Free")) } " " }
                    @if s.planned { span class="tag" { (lang.pick("规划到2025年", "Planned by 2025")) } }
                }
            }
            h2 { (lang.pick("适用于谁", "Who it is for")) }
            p { (who) (describe(&s.rule, lang)) }
            @if s.confirm {
                p { (lang.pick(format!("规划没有写明具体条件，是否符合由{dept}按现行政策认定。"), format!("The plan sets no exact conditions: {dept} decides under current rules."))) }
            }
            h2 { (lang.pick("可以得到", "What you get")) }
            p { (s.gets.get(lang)) }
            h2 { (lang.pick("怎么办", "What to do")) }
            p { (s.apply.get(lang)) }
            @if let Some(bring) = &s.bring {
                h2 { (lang.pick("带什么材料", "What to bring")) }
                p { (bring.get(lang)) }
            }
            h2 { (lang.pick("负责部门", "Responsible department")) }
            p { (dept) }
            h2 { (lang.pick("规划原文", "The plan's own words")) }
            blockquote class="source" lang="zh-CN" {
                p { "“" (s.source.quote) "”" }
                footer { (s.source.chapter) " · " (s.source.section) " " a href=(format!("/source/{}", s.id)) { (lang.pick("在规划全文中查看", "See it in the plan's text")) } }
            }
            p class="actions" { a class="button start" href=(format!("/household{event}")) { (lang.pick("看看我家是否符合", "Check whether my household qualifies")) } }
        };
        self.frame(lang, &self.service_path(&s.id, lang), &other, s.title.get(lang), s.summary.get(lang), body)
    }

    /// Every service, by category, each a link to its page.
    pub fn list(&self, lang: Lang) -> String {
        let c = self.catalog;
        let title = lang.pick("全部服务", "All services");
        let body = html! {
            h1 { (title) }
            p { (lang.pick(
                format!("规划里的 {} 项公共服务，按类别排列。想知道自己家能享受哪些，可以", c.services.len()),
                format!("The {} public services of the plan, by category. To see which your household can get, ", c.services.len()),
            )) a href="/household" { (lang.pick("回答几个问题", "answer a few questions")) } (lang.pick("。", ".")) }
            // Hidden until services-search.js shows it: with no script the
            // full list below is the page.
            form id="find" role="search" hidden {
                label for="find-q" { (lang.pick("搜索服务", "Search the services")) }
                p class="hint" id="find-hint" { (lang.pick("例如：低保、公租房、孕、养老", "For example: pension, rental housing, pregnancy")) }
                input id="find-q" type="search" autocomplete="off" aria-describedby="find-hint";
                p id="find-count" role="status" data-found=(lang.pick("找到 {n} 项服务", "{n} services found")) {}
                p id="find-none" hidden {
                    (lang.pick("没有找到与", "No service matches ")) q {} (lang.pick("有关的服务。", ". "))
                    a href=(self.list_path(lang)) { (lang.pick("看全部服务", "See all services")) }
                }
            }
            @for k in &c.categories {
                section class="group" {
                    h2 class="category" { span class="icon" aria-hidden="true" { (k.icon) } (k.title.get(lang)) }
                    ul class="titles" {
                        @for s in c.services.iter().filter(|s| s.category == k.id) {
                            li data-find=(self.searched(s)) { a href=(self.service_path(&s.id, lang)) { (s.title.get(lang)) } " — " (s.summary.get(lang)) }
                        }
                    }
                }
            }
            script src="/services-search.js" defer {}
        };
        let other = self.list_path(if lang == Lang::Zh { Lang::En } else { Lang::Zh });
        self.frame(lang, &self.list_path(lang), &other, title, title, body)
    }

    /// What the search on the list matches: the title, summary and who it
    /// is for, in both languages ("pension" finds 养老 on the Chinese list).
    fn searched(&self, s: &Service) -> String {
        [Lang::Zh, Lang::En].into_iter().flat_map(|l| [s.title.get(l).to_string(), s.summary.get(l).to_string(), describe(&s.rule, l)]).collect::<Vec<_>>().join(" ").to_lowercase()
    }

    pub fn about_path(&self, lang: Lang) -> String {
        at("/about/", lang)
    }

    /// What the guide is, what it rests on, how it decides, what it does
    /// not know, what it keeps, and where a decision is made.
    pub fn about(&self, lang: Lang) -> String {
        let c = self.catalog;
        let title = lang.pick("关于本指南", "About this guide");
        let z = |zh: &str, en: &str| lang.pick(zh, en).to_string();
        let body = html! {
            h1 { (title) }
            h2 { (z("依据的规划", "The plan it follows")) }
            @for d in &c.documents {
                p { "《" (d.title.get(lang)) "》" }
                ul {
                    li { (z("文号：", "Number: ")) (d.number) }
                    li { (z("印发日期：", "Issued: ")) (d.issued) " · " (z("公布日期：", "published: ")) (d.published) }
                    li { (z("规划期：", "Period: ")) (d.period) }
                }
            }
            p { (lang.pick(format!("服务目录版本 {}，收录规划里的 {} 项服务，每项都引用规划原文。", self.catalog_version, c.services.len()), format!("Catalog version {}: {} services of the plan, each citing the plan's own sentence.", self.catalog_version, c.services.len()))) " " a href=(self.list_path(lang)) { (z("看全部服务", "See all services")) } }
            h2 { (z("结果怎么判断", "How a result is decided")) }
            ul {
                li { strong { (z("可以享受：", "Eligible: ")) } (z("您的回答符合规划写明的条件。", "your answers meet the conditions the plan sets.")) }
                li { strong { (z("可能可以享受：", "May be eligible: ")) } (z("还缺您的某个回答，或者规划没有写明具体条件，由有关部门认定（页面会写明是哪个部门）。", "an answer is missing, or the plan sets no exact conditions and a department decides (the page names which).")) }
                li { strong { (z("暂不符合：", "Not eligible: ")) } (z("您的某个回答不符合规划写明的条件，页面会写明是哪一条。", "one of your answers does not meet a condition the plan sets; the page says which.")) }
            }
            h2 { (z("指南不知道的", "What the guide does not know")) }
            p { (z("规划没有写的金额、标准、收入和财产条件，指南一律不写；现行的具体政策以主管部门为准。结果仅供参考，不是审批决定。", "Amounts, thresholds, income and asset tests the plan does not give are never shown; the departments' current rules decide. Results are guidance, not decisions.")) }
            h2 { (z("您的回答", "Your answers")) }
            p { (z("回答只在您的设备上使用，不会上传到任何地方；没有统计和跟踪；除非您自己选择，不保存任何内容。", "Your answers are used on your device only and never uploaded; there is no analytics or tracking; nothing is kept unless you choose to.")) }
            h2 { (z("去哪里办", "Where to get a decision")) }
            p { (z("请到所在县（市、区）的政务服务大厅，或拨打 12345 政务服务便民热线咨询。", "Ask at your district's government service hall, or call the 12345 hotline.")) }
            p class="actions" { a class="button start" href="/household" { (z("开始查一查", "Start")) } }
        };
        let other = self.about_path(if lang == Lang::Zh { Lang::En } else { Lang::Zh });
        self.frame(lang, &self.about_path(lang), &other, title, title, body)
    }

    /// The pages for a search engine, in both languages.
    pub fn sitemap(&self) -> String {
        let paths = [Lang::Zh, Lang::En].into_iter().flat_map(|lang| [self.list_path(lang), self.about_path(lang)].into_iter().chain(self.catalog.services.iter().map(move |s| self.service_path(&s.id, lang))));
        let urls: String = paths.map(|p| format!("  <url><loc>{}{p}</loc></url>\n", self.base)).collect();
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n<url><loc>{}/</loc></url>\n{urls}</urlset>\n", self.base)
    }
}
