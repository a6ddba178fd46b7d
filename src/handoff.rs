//! Taking the results to a phone (issue 20): a QR code, made here in the
//! browser, of a link to the results under the guide's public address,
//! with the answers in its fragment (`#c=`, the digits form, which never
//! reaches a server). Plain Rust, tested natively; `ui::handoff` shows it.

use guide_core::profile::{share, Profile};
use qrcode::bits::Bits;
use qrcode::{Color, EcLevel, QrCode, Version};

/// The largest code a phone reads off a kiosk's screen or a receipt
/// without trouble; a household of six with every fact answered fits.
pub const MAX_VERSION: i16 = 10;

/// Blank modules around the code, as the QR standard asks.
const QUIET: usize = 4;

/// A code drawn as one SVG path of unit squares.
#[derive(Debug, PartialEq)]
pub struct Code {
    /// Modules across, quiet zone included (the SVG's view box).
    pub size: usize,
    pub path: String,
    pub version: i16,
}

/// The link the code carries: `base` is the guide's public address
/// (`https://…`, no trailing slash).
pub fn link(base: &str, answers: &Profile) -> String {
    format!("{base}/results#{}", share::encode_c(answers))
}

/// The code for [`link`]; `None` when it needs a code larger than
/// [`MAX_VERSION`] (a very large household: the resident prints instead).
pub fn code(link: &str) -> Option<Code> {
    // Two segments: the address as bytes, the answers (all digits after
    // `c=`) as digits, three to ten bits. The smallest version that holds
    // them, at medium error correction: a smudged screen or a creased
    // receipt still scans.
    let (address, digits) = link.split_at(link.find("#c=")? + 3);
    let qr = (1..=MAX_VERSION).find_map(|v| {
        let mut bits = Bits::new(Version::Normal(v));
        bits.push_byte_data(address.as_bytes()).ok()?;
        bits.push_numeric_data(digits.as_bytes()).ok()?;
        bits.push_terminator(EcLevel::M).ok()?;
        QrCode::with_bits(bits, EcLevel::M).ok().map(|qr| (qr, v))
    });
    let (qr, version) = qr?;
    let width = qr.width();
    let colors = qr.to_colors();
    let mut path = String::new();
    for y in 0..width {
        let row = &colors[y * width..(y + 1) * width];
        let mut x = 0;
        while x < width {
            let run = row[x..].iter().take_while(|&&c| c == Color::Dark).count();
            if run > 0 {
                path += &format!("M{} {}h{run}v1h-{run}z", x + QUIET, y + QUIET);
            }
            x += run.max(1);
        }
    }
    Some(Code { size: width + 2 * QUIET, path, version })
}

#[cfg(test)]
mod tests {
    use super::*;
    use guide_core::profile::facts::{Kind, Scope, FACTS};
    use guide_core::profile::{blank_row, Val};

    fn everything_answered(members: usize) -> Profile {
        let top = |kind| match kind {
            Kind::Bool => Val::Bool(true),
            Kind::Int { max, .. } => Val::Int(max),
            Kind::Enum { values, .. } => Val::Sym(values.len() as u8 - 1),
            Kind::Set { values, .. } => Val::Set((1 << values.len()) - 1),
        };
        let mut p = Profile::default();
        for (id, f) in FACTS.iter().enumerate() {
            if f.scope == Scope::Household {
                p.household[id] = top(f.kind);
            }
        }
        for _ in 0..members {
            let mut row = blank_row();
            for (id, f) in FACTS.iter().enumerate().filter(|(_, f)| f.scope == Scope::Member) {
                row[id] = top(f.kind);
            }
            p.members.push(row);
        }
        p
    }

    #[test]
    fn a_household_of_six_fits_a_code_a_phone_reads() {
        let link = link("https://ggfw.anyang.gov.cn/zhinan", &everything_answered(6));
        let code = code(&link).expect("fits");
        assert!(code.version <= MAX_VERSION, "version {}", code.version);
        assert_eq!(code.size, 17 + 4 * code.version as usize + 2 * QUIET);
    }

    #[test]
    fn a_very_large_household_gets_no_code() {
        assert_eq!(code(&link("https://ggfw.anyang.gov.cn/zhinan", &everything_answered(12))), None);
    }

    #[test]
    fn the_answers_ride_in_the_fragment() {
        let link = link("https://guide.example", &everything_answered(1));
        assert!(link.starts_with("https://guide.example/results#c=1"), "{link}");
        let back = share::decode_fragment(link.split_once('#').unwrap().1).unwrap().unwrap();
        assert_eq!(back.profile, everything_answered(1));
    }

    #[test]
    fn the_path_draws_the_finder_pattern() {
        // The top-left finder starts with a run of seven dark modules.
        let code = code("https://guide.example/results#c=1").unwrap();
        assert!(code.path.starts_with("M4 4h7v1h-7z"), "{}", &code.path[..40]);
    }
}
