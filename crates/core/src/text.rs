//! Bilingual text. Chinese (zh-CN) is the primary language; every string
//! shown to a resident exists in both, so a missing translation is a
//! compile error (for static text) or a catalog-check error (for data).

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// One of two things said in each language: how the core words a
    /// sentence it builds (a reason, a person's name).
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// Text in both languages, the one way data carries bilingual text: the
/// facts' labels and questions (`Text`, static), the catalog's texts and
/// the messages about a profile (`Bi<String>`). The interface's own fixed
/// strings and sentences are typed per language in the app (`ui/i18n.rs`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Bi<S = String> {
    pub zh: S,
    pub en: S,
}

/// Static text in both languages.
pub type Text = Bi<&'static str>;

impl Text {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

impl Bi<String> {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// The text in `lang`, taken out.
    pub fn take(self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}
