//! What a portal sets when it embeds or links to the guide
//! (`?embed=1&elder=1&lang=en&brand=b4232a`, docs/embed.md), and the
//! messages the guide and the portal page exchange through `postMessage`.
//! Plain Rust, tested natively; `ui::embed` wires it to the browser.
//!
//! A bad setting is ignored with a warning (for the webmaster's console),
//! never a broken page; an unknown one (a portal's own tracking parameter)
//! is ignored silently.

use guide_core::text::Lang;

/// The version of the message schema, in every message's `"anyang-guide"` key.
pub const MESSAGE_VERSION: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    /// Inside a portal's page: a slim header, the height told to the parent.
    pub embed: bool,
    pub elder: Option<bool>,
    pub lang: Option<Lang>,
    /// The portal's colour, `#rrggbb`, checked by [`brand`].
    pub brand: Option<String>,
    /// A service hall's terminal (`?mode=kiosk`, docs/kiosk.md).
    pub kiosk: Option<Kiosk>,
    /// The guide's public address for the QR code that takes the results
    /// to a phone (`base=https://…`), when the kiosk's own address is one
    /// phones cannot reach.
    pub base: Option<String>,
}

/// How a kiosk forgets: after `idle` seconds without a touch it asks
/// whether the resident is still there, for `countdown` seconds, then
/// clears everything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kiosk {
    pub idle: u32,
    pub countdown: u32,
    pub paper: Paper,
}

/// What the kiosk's printer takes (`paper=a4|80mm`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    A4,
    /// An 80 mm receipt roll.
    Receipt,
}

impl Paper {
    fn code(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Receipt => "80mm",
        }
    }
}

impl Default for Kiosk {
    fn default() -> Kiosk {
        Kiosk { idle: 90, countdown: 30, paper: Paper::A4 }
    }
}

impl Settings {
    /// Reads the query of the address the guide was opened at (with or
    /// without its `?`); returns the warnings for the settings it ignored.
    pub fn from_query(query: &str) -> (Settings, Vec<String>) {
        let mut settings = Settings::default();
        let mut warnings = Vec::new();
        let mut kiosk = Kiosk::default();
        for (name, value) in query.trim_start_matches('?').split('&').filter_map(|pair| pair.split_once('=')) {
            let mut bad = || warnings.push(format!("anyang-guide: ignored {name}={value}"));
            match name {
                "embed" => match switch(value) {
                    Some(on) => settings.embed = on,
                    None => bad(),
                },
                "elder" => match switch(value) {
                    Some(on) => settings.elder = Some(on),
                    None => bad(),
                },
                "lang" => match language(value) {
                    Some(lang) => settings.lang = Some(lang),
                    None => bad(),
                },
                "mode" if value == "kiosk" => settings.kiosk = Some(kiosk),
                // Long enough to read a page and answer; short enough that
                // the next resident does not find the last one's answers.
                "idle" => match value.parse().ok().filter(|s| (30..=600).contains(s)) {
                    Some(seconds) => kiosk.idle = seconds,
                    None => bad(),
                },
                "countdown" => match value.parse().ok().filter(|s| (30..=120).contains(s)) {
                    Some(seconds) => kiosk.countdown = seconds,
                    None => bad(),
                },
                "paper" => match value {
                    "a4" | "A4" => kiosk.paper = Paper::A4,
                    "80mm" => kiosk.paper = Paper::Receipt,
                    _ => bad(),
                },
                "base" => match base(value) {
                    Ok(address) => settings.base = Some(address),
                    Err(why) => warnings.push(format!("anyang-guide: ignored base={value}: {why}")),
                },
                "brand" => match brand(value) {
                    Ok(colour) => settings.brand = Some(colour),
                    Err(why) => warnings.push(format!("anyang-guide: ignored brand={value}: {why}")),
                },
                "mode" => bad(),
                _ => {}
            }
        }
        // The timings may come before or after mode=kiosk.
        settings.kiosk = settings.kiosk.map(|_| kiosk);
        (settings, warnings)
    }

    /// The part of the query every address of the guide keeps, so a reload
    /// inside the portal's frame stays embedded and in the portal's colour,
    /// and a kiosk stays a kiosk.
    /// Language and 长辈模式 are not kept: the resident may switch them.
    pub fn kept(&self) -> String {
        let mut kept = Vec::new();
        if self.embed {
            kept.push("embed=1".to_string());
        }
        if let Some(colour) = &self.brand {
            kept.push(format!("brand={}", &colour[1..]));
        }
        if let Some(k) = self.kiosk {
            kept.push(format!("mode=kiosk&idle={}&countdown={}&paper={}", k.idle, k.countdown, k.paper.code()));
        }
        if let Some(address) = &self.base {
            kept.push(format!("base={address}"));
        }
        kept.join("&")
    }
}

/// `address` with `extra` added to its query.
pub fn with_query(address: &str, extra: &str) -> String {
    match (extra.is_empty(), address.contains('?')) {
        (true, _) => address.to_string(),
        (false, true) => format!("{address}&{extra}"),
        (false, false) => format!("{address}?{extra}"),
    }
}

fn switch(value: &str) -> Option<bool> {
    match value {
        "1" | "true" | "on" => Some(true),
        "0" | "false" | "off" => Some(false),
        _ => None,
    }
}

fn language(value: &str) -> Option<Lang> {
    match value {
        "zh" | "zh-CN" | "zh-cn" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// A public address for the hand-off QR code: `https://` and a host (a
/// path may follow), nothing a link could be tricked with; given back
/// without a trailing slash. A phone must reach it safely, so `http` is
/// refused.
pub fn base(value: &str) -> Result<String, String> {
    let value = value.replace("%3A", ":").replace("%3a", ":").replace("%2F", "/").replace("%2f", "/");
    let Some(rest) = value.strip_prefix("https://") else {
        return Err("not an https:// address".into());
    };
    let host = rest.split('/').next().unwrap_or_default();
    let safe = |c: char| c.is_ascii_alphanumeric() || "-._~/:".contains(c);
    if host.is_empty() || !rest.chars().all(safe) {
        return Err("not a plain address (host and path only)".into());
    }
    Ok(value.trim_end_matches('/').to_string())
}

/// The white text the brand colour carries (header, buttons) must stay
/// readable: WCAG's 4.5:1 for normal text.
pub const MIN_CONTRAST: f64 = 4.5;

/// A portal's colour (`b4232a`, `#b4232a`, `%23b4232a` or `#b23`) as
/// `#rrggbb`, if it is one and white text on it is readable.
pub fn brand(value: &str) -> Result<String, String> {
    let hex = value.trim_start_matches("%23").trim_start_matches('#');
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) || !(hex.len() == 3 || hex.len() == 6) {
        return Err("not a colour: give it as #rrggbb".into());
    }
    let hex: String = if hex.len() == 3 { hex.chars().flat_map(|c| [c, c]).collect() } else { hex.to_string() };
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
    let ratio = contrast([channel(0), channel(2), channel(4)], [255, 255, 255]);
    if ratio < MIN_CONTRAST {
        // No figure in the message: formatting a float costs the wasm 6 KB.
        return Err("too light: white text on it has contrast below 4.5:1".into());
    }
    Ok(format!("#{}", hex.to_ascii_lowercase()))
}

/// WCAG 2 contrast ratio of two sRGB colours.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let luminance = |c: [u8; 3]| {
        let linear = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2])
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// What the guide tells the portal page.
pub enum Outgoing {
    /// The guide's content height in CSS pixels: the parent sizes the frame.
    Height(u32),
    /// A new screen: the parent scrolls the guide's top into view.
    Screen,
    /// The resident switched language or 长辈模式 inside the guide.
    Settings { lang: Lang, elder: bool },
}

impl Outgoing {
    /// The message as JSON (written by hand: the fields are numbers,
    /// booleans and fixed words, and serde_json's `Value` would cost the
    /// wasm bytes it cannot spare).
    pub fn to_json(&self) -> String {
        let body = match self {
            Outgoing::Height(px) => format!(r#""type":"height","height":{px}"#),
            Outgoing::Screen => r#""type":"screen""#.to_string(),
            Outgoing::Settings { lang, elder } => format!(r#""type":"settings","lang":"{}","elder":{elder}"#, lang_code(*lang)),
        };
        format!(r#"{{"anyang-guide":{MESSAGE_VERSION},{body}}}"#)
    }
}

fn lang_code(lang: Lang) -> &'static str {
    lang.pick("zh", "en")
}

/// What a portal page may ask of the guide: its own 关怀模式 or language
/// switch changed.
#[derive(Debug, PartialEq)]
pub struct Incoming {
    pub lang: Option<Lang>,
    pub elder: Option<bool>,
}

/// A message's fields as the browser gives them (`ui::embed` reads them off
/// the message object): each `None` when absent, `Some(None)` when present
/// but of another type.
#[derive(Default)]
pub struct Fields {
    pub version: Option<f64>,
    pub kind: Option<String>,
    pub lang: Option<Option<String>>,
    pub elder: Option<Option<bool>>,
}

impl Incoming {
    /// `None` for anything but a settings message of this version with
    /// good values.
    pub fn from_fields(m: Fields) -> Option<Incoming> {
        if m.version != Some(f64::from(MESSAGE_VERSION)) || m.kind.as_deref() != Some("settings") {
            return None;
        }
        let lang = match m.lang {
            None => None,
            Some(v) => Some(language(&v?)?),
        };
        let elder = match m.elder {
            None => None,
            Some(v) => Some(v?),
        };
        (lang.is_some() || elder.is_some()).then_some(Incoming { lang, elder })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_portal_link_sets_embed_elder_language_and_colour() {
        let (s, warnings) = Settings::from_query("?embed=1&elder=1&lang=en&brand=%23B4232A&utm_source=portal");
        assert_eq!(s, Settings { embed: true, elder: Some(true), lang: Some(Lang::En), brand: Some("#b4232a".into()), ..Settings::default() });
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(s.kept(), "embed=1&brand=b4232a");
        assert_eq!(Settings::from_query("").0, Settings::default());
        assert_eq!(Settings::default().kept(), "");
    }

    #[test]
    fn a_kiosk_with_its_timings_stays_one_in_every_address() {
        let (s, warnings) = Settings::from_query("idle=120&mode=kiosk");
        assert!(warnings.is_empty());
        assert_eq!(s.kiosk, Some(Kiosk { idle: 120, ..Kiosk::default() }));
        assert_eq!(s.kept(), "mode=kiosk&idle=120&countdown=30&paper=a4");
        let (s, warnings) = Settings::from_query("mode=kiosk&paper=80mm&base=https%3A%2F%2Fggfw.anyang.gov.cn%2Fzhinan%2F");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!((s.kiosk.unwrap().paper, s.base.as_deref()), (Paper::Receipt, Some("https://ggfw.anyang.gov.cn/zhinan")));
        assert_eq!(s.kept(), "mode=kiosk&idle=90&countdown=30&paper=80mm&base=https://ggfw.anyang.gov.cn/zhinan");
        let (s, warnings) = Settings::from_query("mode=kiosk&idle=5&countdown=abc&mode=kiosk2&paper=letter&base=http://10.0.0.5");
        assert_eq!((s.kiosk, s.base), (Some(Kiosk::default()), None), "bad settings fall back to the defaults");
        assert_eq!(warnings.len(), 5, "{warnings:?}");
        assert!(warnings[4].contains("https"), "{}", warnings[4]);
        assert_eq!(Settings::from_query("idle=120").0.kiosk, None, "timings alone make no kiosk");
    }

    #[test]
    fn bad_settings_are_ignored_with_a_warning_each() {
        let (s, warnings) = Settings::from_query("embed=maybe&elder=2&lang=fr&brand=red");
        assert_eq!(s, Settings::default());
        assert_eq!(warnings.len(), 4, "{warnings:?}");
        assert!(warnings[3].contains("not a colour"));
    }

    #[test]
    fn a_public_address_is_https_and_nothing_else() {
        assert_eq!(base("https://guide.example/").as_deref(), Ok("https://guide.example"));
        for bad in ["http://guide.example", "https://", "https:///x", "https://a.example/?x=1", "https://a.example/#p=", "javascript:x", "https://a b", "https://a.example/\"x"] {
            assert!(base(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_brand_colour_must_carry_white_text_readably() {
        for (value, expected) in [
            ("b4232a", Ok("#b4232a")),
            ("#0b5394", Ok("#0b5394")),
            ("#000", Ok("#000000")),
            ("ffff00", Err("contrast")),
            ("#777777", Err("contrast")),
            ("#12345", Err("not a colour")),
            ("javascript:alert(1)", Err("not a colour")),
            ("", Err("not a colour")),
        ] {
            match (brand(value), expected) {
                (Ok(got), Ok(want)) => assert_eq!(got, want, "{value}"),
                (Err(why), Err(want)) => assert!(why.contains(want), "{value}: {why}"),
                (got, want) => panic!("{value}: {got:?}, expected {want:?}"),
            }
        }
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
    }

    #[test]
    fn addresses_keep_the_embedding() {
        assert_eq!(with_query("/q/age/all", "embed=1"), "/q/age/all?embed=1");
        assert_eq!(with_query("/household?event=baby", "embed=1"), "/household?event=baby&embed=1");
        assert_eq!(with_query("/check", ""), "/check");
    }

    #[test]
    fn messages_in_and_out() {
        assert_eq!(Outgoing::Height(812).to_json(), r#"{"anyang-guide":1,"type":"height","height":812}"#);
        assert_eq!(Outgoing::Screen.to_json(), r#"{"anyang-guide":1,"type":"screen"}"#);
        assert_eq!(Outgoing::Settings { lang: Lang::En, elder: true }.to_json(), r#"{"anyang-guide":1,"type":"settings","lang":"en","elder":true}"#);
        let settings = |lang: Option<Option<&str>>, elder: Option<Option<bool>>| Fields { version: Some(1.0), kind: Some("settings".into()), lang: lang.map(|l| l.map(str::to_string)), elder };
        assert_eq!(Incoming::from_fields(settings(None, Some(Some(true)))), Some(Incoming { lang: None, elder: Some(true) }));
        assert_eq!(Incoming::from_fields(settings(Some(Some("en")), None)), Some(Incoming { lang: Some(Lang::En), elder: None }));
        for (why, wrong) in [
            ("another version", Fields { version: Some(2.0), ..settings(None, Some(Some(true))) }),
            ("no version", Fields { version: None, ..settings(None, Some(Some(true))) }),
            ("another type", Fields { kind: Some("height".into()), ..settings(None, Some(Some(true))) }),
            ("elder not a boolean", settings(None, Some(None))),
            ("an unknown language", settings(Some(Some("fr")), None)),
            ("language not a string", settings(Some(None), Some(Some(true)))),
            ("nothing to set", settings(None, None)),
            ("nothing at all", Fields::default()),
        ] {
            assert_eq!(Incoming::from_fields(wrong), None, "{why}");
        }
    }
}
