//! Embed mode and theming: the query parameters a partner's iframe may pass, read once at start.
//!
//! `?embed=1&parent=https%3A%2F%2Fpartner.org&accent=0a5c8c&bg=fffdf8&text=1b1b1b&font=serif&radius=12&scale=110`
//!
//! Pure Rust with no browser calls, tested natively (`tests/embed.rs`); `embed_web.rs` applies
//! the result in the browser. Every value is validated without regex against an allowlist or a
//! strict format, and turned into CSS by this module only (never copied through): no raw CSS, no
//! URLs, so no theme can make a request leave the guide's origin. Colours are kept only when
//! every pair of colours the stylesheets draw together still meets WCAG AA contrast
//! ([`COLOUR_PAIRS`]). Outside embed mode the theme and `parent` parameters are ignored, so a link
//! to the guide's own site cannot restyle it.
//!
//! The only thing ever posted to the parent page is [`height_message`].

/// Longest query value looked at; anything longer is ignored.
const MAX_VALUE_LEN: usize = 300;

/// The `type` of the one message posted to the parent page.
pub const HEIGHT_MESSAGE_TYPE: &str = "guide:height";

/// Largest height posted (CSS pixels); a partner's snippet clamps again.
pub const MAX_HEIGHT: u32 = 100_000;

// ------------------------------------------------------------------------------- colours

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Exactly six hex digits (`0a5c8c`, either case), nothing else: no `#`, no short form, no
    /// alpha, no names, no spaces.
    pub fn parse_hex6(s: &str) -> Option<Rgb> {
        let b = s.as_bytes();
        if b.len() != 6 || !b.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&s[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// `#rrggbb` (lower case).
    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2 relative luminance (0 = black, 1 = white).
    pub fn luminance(self) -> f64 {
        fn channel(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                pow_2_4((c + 0.055) / 1.055)
            }
        }
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// Each channel scaled by `factor` (0..1): a darker shade of the same hue.
    pub fn darker(self, factor: f64) -> Rgb {
        let f = |c: u8| (f64::from(c) * factor.clamp(0.0, 1.0)).round() as u8;
        Rgb(f(self.0), f(self.1), f(self.2))
    }
}

/// `x` to the power 2.4 for `x` in 0..=1, without a general power routine (which would add about
/// 2 KB to the wasm): x² times x^0.4, the fifth root of x², found by Newton's method. Equal to
/// `powf(2.4)` to 12 digits on the inputs a colour channel gives (`tests/embed.rs`).
pub fn pow_2_4(x: f64) -> f64 {
    let a = x * x;
    if a <= 0.0 {
        return 0.0;
    }
    let mut y = 1.0f64;
    for _ in 0..40 {
        let y4 = y * y * y * y;
        y = (4.0 * y + a / y4) / 5.0;
    }
    a * y
}

/// WCAG 2 contrast ratio of two colours, 1.0 to 21.0 (order does not matter).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la >= lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The guide's own colours (`style/main.css` `:root`). Keep in step with the stylesheet.
pub const DEFAULT_TEXT: Rgb = Rgb(0x1b, 0x1b, 0x1b);
pub const DEFAULT_BG: Rgb = Rgb(0xff, 0xff, 0xff);
pub const DEFAULT_ACCENT: Rgb = Rgb(0x0b, 0x53, 0x94);

/// Colours the stylesheets use that a theme does not change, drawn with or under the themed ones.
const WHITE: Rgb = Rgb(0xff, 0xff, 0xff); // choices, secondary buttons, dialog; labels on accent buttons
const PANEL: Rgb = Rgb(0xf3, 0xf4, 0xf6); // --panel: help boxes, privacy box, cards
const CHOICE_CHECKED: Rgb = Rgb(0xee, 0xf4, 0xfa); // a ticked choice
const NOTICE_BG: Rgb = Rgb(0xff, 0xf7, 0xd6); // --notice-bg
const DANGER_BG: Rgb = Rgb(0xfd, 0xec, 0xec); // --danger-bg: the urgent banner
const GLOSS_BG: Rgb = Rgb(0xea, 0xf2, 0xfb); // glossary meanings (results.css)
const MUTED: Rgb = Rgb(0x4a, 0x4a, 0x4a); // --muted text
const BORDER: Rgb = Rgb(0x6b, 0x6b, 0x6b); // --border: control borders
const DANGER: Rgb = Rgb(0xa4, 0x16, 0x1a); // --danger text

/// A themable colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Text,
    Bg,
    Accent,
}

/// One side of a colour pair: a themable colour or a fixed one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Theme(Role),
    Fixed(Rgb, &'static str),
}

/// Every foreground/background pair drawn by the stylesheets that involves a themable colour,
/// with the WCAG AA minimum: 4.5:1 for text, 3:1 for borders and other non-text parts. The
/// accent is drawn as link text, so it needs 4.5:1 on the background (stricter than the 3:1 a
/// purely decorative accent would need), and white button labels are drawn on it.
pub const COLOUR_PAIRS: &[(Side, Side, f64)] = &[
    (Side::Theme(Role::Text), Side::Theme(Role::Bg), 4.5),
    (
        Side::Theme(Role::Text),
        Side::Fixed(WHITE, "white boxes"),
        4.5,
    ),
    (
        Side::Theme(Role::Text),
        Side::Fixed(PANEL, "grey panels"),
        4.5,
    ),
    (
        Side::Theme(Role::Text),
        Side::Fixed(CHOICE_CHECKED, "ticked choices"),
        4.5,
    ),
    (
        Side::Theme(Role::Text),
        Side::Fixed(NOTICE_BG, "notices"),
        4.5,
    ),
    (
        Side::Theme(Role::Text),
        Side::Fixed(DANGER_BG, "the urgent banner"),
        4.5,
    ),
    (
        Side::Theme(Role::Text),
        Side::Fixed(GLOSS_BG, "word meanings"),
        4.5,
    ),
    (Side::Fixed(MUTED, "grey text"), Side::Theme(Role::Bg), 4.5),
    (Side::Fixed(DANGER, "red text"), Side::Theme(Role::Bg), 4.5),
    (Side::Fixed(BORDER, "borders"), Side::Theme(Role::Bg), 3.0),
    (Side::Theme(Role::Accent), Side::Theme(Role::Bg), 4.5),
    (
        Side::Theme(Role::Accent),
        Side::Fixed(WHITE, "white boxes"),
        4.5,
    ),
    (
        Side::Theme(Role::Accent),
        Side::Fixed(PANEL, "grey panels"),
        4.5,
    ),
    (
        Side::Theme(Role::Accent),
        Side::Fixed(GLOSS_BG, "word meanings"),
        4.5,
    ),
    (
        Side::Fixed(WHITE, "button labels"),
        Side::Theme(Role::Accent),
        4.5,
    ),
];

/// The three themable colours in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colours {
    pub text: Rgb,
    pub bg: Rgb,
    pub accent: Rgb,
}

impl Default for Colours {
    fn default() -> Self {
        Colours {
            text: DEFAULT_TEXT,
            bg: DEFAULT_BG,
            accent: DEFAULT_ACCENT,
        }
    }
}

impl Colours {
    fn get(&self, side: Side) -> (Rgb, &'static str) {
        match side {
            Side::Theme(Role::Text) => (self.text, "text"),
            Side::Theme(Role::Bg) => (self.bg, "bg"),
            Side::Theme(Role::Accent) => (self.accent, "accent"),
            Side::Fixed(c, name) => (c, name),
        }
    }

    /// The first pair below its minimum, described for developers, or `Ok`.
    pub fn check(&self) -> Result<(), String> {
        for &(fg, bg, min) in COLOUR_PAIRS {
            let (a, an) = self.get(fg);
            let (b, bn) = self.get(bg);
            let ratio = contrast(a, b);
            if ratio < min {
                return Err(format!(
                    "{an} {} on {bn} {} is {}:1, needs {}:1",
                    a.css(),
                    b.css(),
                    hundredths(ratio),
                    hundredths(min)
                ));
            }
        }
        Ok(())
    }
}

// ------------------------------------------------------------------------------- theme

/// System font stacks a partner may pick (local fonts only: never a download).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Font {
    System,
    Serif,
    Sans,
    Rounded,
}

impl Font {
    /// `system`, `serif`, `sans`, `rounded` exactly (lower case).
    pub fn parse(s: &str) -> Option<Font> {
        match s {
            "system" => Some(Font::System),
            "serif" => Some(Font::Serif),
            "sans" => Some(Font::Sans),
            "rounded" => Some(Font::Rounded),
            _ => None,
        }
    }

    /// The CSS `font-family` value.
    pub fn stack(self) -> &'static str {
        match self {
            Font::System => {
                r#"system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif"#
            }
            Font::Serif => r#"Georgia, Cambria, "Times New Roman", Times, serif"#,
            Font::Sans => r#""Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif"#,
            Font::Rounded => {
                r#"ui-rounded, "SF Pro Rounded", "Hiragino Maru Gothic ProN", "Arial Rounded MT", Calibri, system-ui, sans-serif"#
            }
        }
    }
}

/// Corner radius limits (CSS px).
pub const RADIUS_RANGE: std::ops::RangeInclusive<u32> = 0..=24;
/// Text size limits (percent of the guide's own size).
pub const SCALE_RANGE: std::ops::RangeInclusive<u32> = 90..=150;

/// A theme as asked for (each part already well-formed) or as accepted after the contrast checks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Theme {
    pub accent: Option<Rgb>,
    pub bg: Option<Rgb>,
    pub text: Option<Rgb>,
    pub font: Option<Font>,
    pub radius: Option<u32>,
    pub scale: Option<u32>,
}

impl Theme {
    fn colours(&self, text_bg: bool, accent: bool) -> Colours {
        let d = Colours::default();
        Colours {
            text: self.text.filter(|_| text_bg).unwrap_or(d.text),
            bg: self.bg.filter(|_| text_bg).unwrap_or(d.bg),
            accent: self.accent.filter(|_| accent).unwrap_or(d.accent),
        }
    }

    /// Keeps the colours that meet every contrast pair; the rest fall back to the guide's own.
    /// All asked-for colours together first; failing that, text and background together (they
    /// only make sense as a pair), then the accent on whatever was kept. Returns the accepted
    /// theme and a developer-facing line per colour dropped.
    pub fn resolve(&self) -> (Theme, Vec<String>) {
        let mut out = self.clone();
        let mut dropped = Vec::new();
        let asks_text_bg = self.text.is_some() || self.bg.is_some();
        if self.colours(true, true).check().is_ok() {
            return (out, dropped);
        }
        let keep_text_bg = asks_text_bg
            && match self.colours(true, false).check() {
                Ok(()) => true,
                Err(why) => {
                    dropped.push(format!("text/bg ignored: {why}"));
                    false
                }
            };
        if !keep_text_bg {
            out.text = None;
            out.bg = None;
        }
        if self.accent.is_some() {
            if let Err(why) = self.colours(keep_text_bg, true).check() {
                dropped.push(format!("accent ignored: {why}"));
                out.accent = None;
            }
        }
        (out, dropped)
    }

    /// The CSS custom properties to set on `:root` (name, value). Values are built here from
    /// validated numbers and fixed strings only.
    pub fn css_properties(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(c) = self.text {
            out.push(("--text", c.css()));
        }
        if let Some(c) = self.bg {
            out.push(("--bg", c.css()));
        }
        if let Some(c) = self.accent {
            out.push(("--accent", c.css()));
            // Hover colour of primary buttons: darker, so white labels keep their contrast.
            out.push(("--accent-dark", c.darker(0.7).css()));
        }
        if let Some(f) = self.font {
            out.push(("--font", f.stack().to_owned()));
        }
        if let Some(r) = self.radius {
            out.push(("--radius", format!("{r}px")));
        }
        if let Some(s) = self.scale {
            out.push(("--font-scale", hundredths(f64::from(s) / 100.0)));
        }
        out
    }
}

// ------------------------------------------------------------------------------- parameters

/// What the page's query string asks for, validated.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmbedConfig {
    /// `embed=1`: shown inside a partner's iframe (compact frame, auto-height, theme).
    pub embed: bool,
    /// The partner page's origin (`targetOrigin` of the height messages); `None` = `"*"`.
    pub parent: Option<String>,
    /// The theme as accepted (after the contrast checks).
    pub theme: Theme,
    /// One developer-facing line per parameter ignored and why (logged as console warnings).
    pub ignored: Vec<String>,
    /// `review=1`: review mode for clinicians (issue 11): every card shows the rules, sources,
    /// facts, caps and deviations behind it. Read from the address each time, never remembered.
    /// Inside a partner's frame only when the partner's snippet asks for it (`data-review`).
    pub review: bool,
}

impl EmbedConfig {
    /// The `targetOrigin` for `postMessage`.
    pub fn target_origin(&self) -> &str {
        self.parent.as_deref().unwrap_or("*")
    }
}

/// Reads `location.search` (with or without the leading `?`). Unknown parameters are left
/// alone (other parts of the app may read them); a known one given twice is ignored.
pub fn parse(search: &str) -> EmbedConfig {
    let search = search.strip_prefix('?').unwrap_or(search);
    let mut pairs: Vec<(String, Option<String>)> = Vec::new();
    for part in search.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let (Some(k), v) = (percent_decode(k), percent_decode(v)) else {
            continue;
        };
        pairs.push((k, v));
    }
    let mut ignored = Vec::new();
    let get = |name: &str, ignored: &mut Vec<String>| -> Option<String> {
        let mut found = pairs.iter().filter(|(k, _)| k == name);
        let first = found.next()?;
        if found.next().is_some() {
            ignored.push(format!("{name} ignored: given more than once"));
            return None;
        }
        match &first.1 {
            Some(v) if v.len() <= MAX_VALUE_LEN => Some(v.clone()),
            _ => {
                ignored.push(format!("{name} ignored: not readable"));
                None
            }
        }
    };
    let embed = matches!(get("embed", &mut ignored).as_deref(), Some("1" | "true"));
    let review = matches!(get("review", &mut ignored).as_deref(), Some("1" | "true"));
    if !embed {
        // Theme and parent only mean something inside a partner's frame.
        return EmbedConfig {
            review,
            ..EmbedConfig::default()
        };
    }
    let check = |name: &str, ok: &dyn Fn(&str) -> bool, ignored: &mut Vec<String>| {
        let v = get(name, ignored)?;
        if ok(&v) {
            Some(v)
        } else {
            ignored.push(format!("{name} ignored: {:?} is not allowed", short(&v)));
            None
        }
    };
    let parent = check("parent", &|v: &str| parse_origin(v).is_some(), &mut ignored)
        .and_then(|v| parse_origin(&v));
    let colour = |name: &str, ignored: &mut Vec<String>| {
        check(name, &|v: &str| Rgb::parse_hex6(v).is_some(), ignored)
            .and_then(|v| Rgb::parse_hex6(&v))
    };
    let accent = colour("accent", &mut ignored);
    let bg = colour("bg", &mut ignored);
    let text = colour("text", &mut ignored);
    let font = check("font", &|v: &str| Font::parse(v).is_some(), &mut ignored)
        .and_then(|v| Font::parse(&v));
    let radius = check(
        "radius",
        &|v: &str| parse_number(v, RADIUS_RANGE).is_some(),
        &mut ignored,
    )
    .and_then(|v| parse_number(&v, RADIUS_RANGE));
    let scale = check(
        "scale",
        &|v: &str| parse_number(v, SCALE_RANGE).is_some(),
        &mut ignored,
    )
    .and_then(|v| parse_number(&v, SCALE_RANGE));
    let asked = Theme {
        accent,
        bg,
        text,
        font,
        radius,
        scale,
    };
    let (theme, dropped) = asked.resolve();
    ignored.extend(dropped);
    EmbedConfig {
        embed,
        parent,
        theme,
        ignored,
        review,
    }
}

/// A whole number written with 1 to 3 ASCII digits, within `range`.
pub fn parse_number(s: &str, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = s.parse().ok()?;
    range.contains(&n).then_some(n)
}

/// A web origin the guide may post its height to: `https://host[:port]`, or for local testing
/// `http://localhost[:port]` / `http://127.0.0.1[:port]`. Returned in lower case. Anything
/// else (a path, a query, user info, a trailing slash, another scheme, non-ASCII, a bad host
/// or port) is `None`.
pub fn parse_origin(s: &str) -> Option<String> {
    if !s.is_ascii() || s.len() > 300 {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://")?;
    let (host, port) = match rest.split_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (rest, None),
    };
    if let Some(p) = port {
        if p.is_empty()
            || p.len() > 5
            || p.starts_with('0')
            || !p.bytes().all(|b| b.is_ascii_digit())
            || p.parse::<u32>().ok().filter(|n| *n <= 65_535).is_none()
        {
            return None;
        }
    }
    let host_ok = match scheme {
        "https" => is_dns_name(host),
        "http" => host == "localhost" || host == "127.0.0.1",
        _ => false,
    };
    host_ok.then_some(lower)
}

/// Dot-separated labels of ASCII letters, digits and inner hyphens (1-63 each, 253 in all).
fn is_dns_name(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

/// `application/x-www-form-urlencoded` decoding (`+` is a space). `None` when the bytes are
/// not UTF-8; a `%` not followed by two hex digits is kept as it is.
pub fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len()
                && b[i + 1].is_ascii_hexdigit()
                && b[i + 2].is_ascii_hexdigit() =>
            {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// `4.5` -> `"4.50"`, without float formatting (which costs the WebAssembly build kilobytes).
fn hundredths(x: f64) -> String {
    let n = (x * 100.0).round().max(0.0) as u32;
    format!("{}.{:02}", n / 100, n % 100)
}

fn short(v: &str) -> String {
    v.chars().take(40).collect()
}

// ------------------------------------------------------------------------------- messages

/// The one message the guide posts to its parent page: its height in CSS pixels, rounded up
/// and clamped to `0..=MAX_HEIGHT`. Nothing else (no answers, no screen, no text) is ever sent.
pub fn height_message(height: f64) -> String {
    let h = if height.is_finite() {
        height.ceil().clamp(0.0, f64::from(MAX_HEIGHT)) as u32
    } else {
        0
    };
    format!(r#"{{"type":"{HEIGHT_MESSAGE_TYPE}","height":{h}}}"#)
}
