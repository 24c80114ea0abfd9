//! Embed mode parameters and theming (`src/embed.rs`): each good value accepted, each bad one
//! rejected, contrast computed as WCAG 2 defines it, a theme that would break AA contrast falls
//! back to the guide's own colours, and the one message posted to the parent holds the height only.

use guide_content::{Content, Lang};
use recurrence_guide::embed::{
    contrast, height_message, parse, parse_number, parse_origin, percent_decode, Colours,
    EmbedConfig, Font, Rgb, Theme, COLOUR_PAIRS, DEFAULT_ACCENT, DEFAULT_BG, DEFAULT_TEXT,
    RADIUS_RANGE, SCALE_RANGE,
};

fn rgb(hex: &str) -> Rgb {
    Rgb::parse_hex6(hex).unwrap_or_else(|| panic!("{hex}"))
}

fn embed(query: &str) -> EmbedConfig {
    parse(&format!("?embed=1&{query}"))
}

// ---------------------------------------------------------------- embed and parent

#[test]
fn embed_mode_only_with_embed_1() {
    assert!(parse("?embed=1").embed);
    assert!(parse("embed=1").embed, "leading ? optional");
    assert!(parse("?embed=true").embed);
    assert!(parse("?lang=en&embed=1&x=y").embed);
    for q in [
        "",
        "?",
        "?embed",
        "?embed=",
        "?embed=0",
        "?embed=yes",
        "?embed=1 ",
        "?Embed=1",
        "?embed=1&embed=1",
    ] {
        assert!(!parse(q).embed, "{q:?}");
    }
}

#[test]
fn theme_and_parent_are_ignored_outside_embed_mode() {
    let c = parse("?accent=0a5c8c&parent=https%3A%2F%2Fpartner.org&scale=120&font=serif");
    assert_eq!(c, EmbedConfig::default());
    assert!(c.theme.css_properties().is_empty());
    assert_eq!(c.target_origin(), "*");
}

#[test]
fn good_parent_origins() {
    for (input, want) in [
        ("https://partner.org", "https://partner.org"),
        (
            "https://www.partner-a.org.uk",
            "https://www.partner-a.org.uk",
        ),
        ("https://Partner.ORG:8443", "https://partner.org:8443"),
        ("HTTPS://x.example", "https://x.example"),
        ("https://10.0.0.2", "https://10.0.0.2"),
        ("http://localhost", "http://localhost"),
        ("http://localhost:8080", "http://localhost:8080"),
        ("http://127.0.0.1:65535", "http://127.0.0.1:65535"),
        (
            "https://xn--bcher-kva.example",
            "https://xn--bcher-kva.example",
        ),
    ] {
        assert_eq!(parse_origin(input).as_deref(), Some(want), "{input}");
    }
    let c = embed("parent=https%3A%2F%2Fpartner.org%3A8443");
    assert_eq!(c.parent.as_deref(), Some("https://partner.org:8443"));
    assert_eq!(c.target_origin(), "https://partner.org:8443");
    assert!(c.ignored.is_empty(), "{:?}", c.ignored);
}

#[test]
fn bad_parent_origins_are_rejected() {
    for bad in [
        "",
        "*",
        "null",
        "partner.org",
        "//partner.org",
        "https://",
        "https://partner.org/",
        "https://partner.org/path",
        "https://partner.org?x=1",
        "https://partner.org#top",
        "https://user@partner.org",
        "https://user:pw@partner.org",
        "https://partner.org@evil.example",
        "https://partner.org:",
        "https://partner.org:0",
        "https://partner.org:080",
        "https://partner.org:65536",
        "https://partner.org:99999",
        "https://partner.org:+80",
        "https://partner.org:80:80",
        "https://partner..org",
        "https://.partner.org",
        "https://partner.org.",
        "https://-partner.org",
        "https://partner-.org",
        "https://part_ner.org",
        "https://part ner.org",
        "https://[::1]",
        "https://bücher.example",
        "http://partner.org",
        "http://localhost.evil.example",
        "http://127.0.0.2",
        "http://localhost/",
        "ftp://partner.org",
        "javascript://partner.org",
        "javascript:alert(1)",
        "data:text/html,hi",
        "file:///etc/passwd",
        "https://partner.org\n",
        " https://partner.org",
    ] {
        assert_eq!(parse_origin(bad), None, "{bad:?}");
    }
    let long = format!("https://{}.org", "a".repeat(64));
    assert_eq!(parse_origin(&long), None, "label over 63");
    let c = embed("parent=https%3A%2F%2Fpartner.org%2Fpath");
    assert_eq!(c.parent, None);
    assert_eq!(c.target_origin(), "*");
    assert_eq!(c.ignored.len(), 1, "{:?}", c.ignored);
    assert!(c.ignored[0].starts_with("parent"));
}

// ---------------------------------------------------------------- value formats

#[test]
fn hex_colours_are_exactly_six_digits() {
    assert_eq!(Rgb::parse_hex6("0a5c8c"), Some(Rgb(0x0a, 0x5c, 0x8c)));
    assert_eq!(Rgb::parse_hex6("0A5C8C"), Some(Rgb(0x0a, 0x5c, 0x8c)));
    assert_eq!(Rgb(0x0a, 0x5c, 0x8c).css(), "#0a5c8c");
    for bad in [
        "",
        "#0a5c8c",
        "0a5c8",
        "fff",
        "0a5c8c0",
        "0a5c8cff",
        "0a5c8g",
        " 0a5c8",
        "0a5c8 ",
        "+a5c8c",
        "-a5c8c",
        "red",
        "blue00",
        "url(x)",
        "0a5c8c;",
        "٠a5c8c",
        "0a5c8c\u{0}",
        "rgb(0,0,0)",
        "var(--x)",
    ] {
        assert_eq!(Rgb::parse_hex6(bad), None, "{bad:?}");
    }
}

#[test]
fn fonts_come_from_an_allowlist_of_system_stacks() {
    assert_eq!(Font::parse("system"), Some(Font::System));
    assert_eq!(Font::parse("serif"), Some(Font::Serif));
    assert_eq!(Font::parse("sans"), Some(Font::Sans));
    assert_eq!(Font::parse("rounded"), Some(Font::Rounded));
    for bad in [
        "",
        "Serif",
        "SERIF",
        "serif ",
        "monospace",
        "Comic Sans MS",
        "Georgia",
        "url(https://fonts.example/f.woff2)",
        "serif;color:red",
        "inherit",
    ] {
        assert_eq!(Font::parse(bad), None, "{bad:?}");
    }
    for f in [Font::System, Font::Serif, Font::Sans, Font::Rounded] {
        let s = f.stack();
        assert!(
            !s.contains("url") && !s.contains(';') && !s.contains(':'),
            "{s}"
        );
        assert!(s.ends_with("serif"), "ends in a generic family: {s}");
    }
}

#[test]
fn radius_and_scale_are_whole_numbers_in_range() {
    assert_eq!(parse_number("0", RADIUS_RANGE), Some(0));
    assert_eq!(parse_number("24", RADIUS_RANGE), Some(24));
    assert_eq!(parse_number("90", SCALE_RANGE), Some(90));
    assert_eq!(parse_number("150", SCALE_RANGE), Some(150));
    for bad in [
        "", "25", "100", "-1", "+8", "8px", "8.0", "8 ", " 8", "1e1", "0x8", "1000", "٨",
    ] {
        assert_eq!(parse_number(bad, RADIUS_RANGE), None, "radius {bad:?}");
    }
    for bad in ["", "89", "151", "0", "120%", "1.2", "1200", "-100"] {
        assert_eq!(parse_number(bad, SCALE_RANGE), None, "scale {bad:?}");
    }
}

#[test]
fn percent_decoding() {
    assert_eq!(
        percent_decode("https%3A%2F%2Fa.org").as_deref(),
        Some("https://a.org")
    );
    assert_eq!(percent_decode("a+b").as_deref(), Some("a b"));
    assert_eq!(percent_decode("100%").as_deref(), Some("100%"));
    assert_eq!(percent_decode("%zz").as_deref(), Some("%zz"));
    assert_eq!(percent_decode("%c3%a9").as_deref(), Some("é"));
    assert_eq!(percent_decode("%ff"), None, "not UTF-8");
}

#[test]
fn every_bad_parameter_is_ignored_with_a_reason() {
    let c = embed(
        "accent=%230a5c8c&bg=fff&text=black&font=Comic+Sans&radius=30&scale=200&parent=http%3A%2F%2Fevil.example",
    );
    assert!(c.embed);
    assert_eq!(c.theme, Theme::default());
    assert_eq!(c.parent, None);
    assert_eq!(c.ignored.len(), 7, "{:#?}", c.ignored);
    for name in ["accent", "bg", "text", "font", "radius", "scale", "parent"] {
        assert!(
            c.ignored.iter().any(|l| l.starts_with(name)),
            "{name}: {:?}",
            c.ignored
        );
    }
    // Given twice: neither is used.
    let c = embed("accent=0a5c8c&accent=7a1f5c");
    assert_eq!(c.theme.accent, None);
    assert!(c.ignored[0].contains("more than once"));
    // Very long values are not looked at.
    let c = embed(&format!("font={}", "a".repeat(1000)));
    assert_eq!(c.theme.font, None);
    assert_eq!(c.ignored.len(), 1);
}

#[test]
fn good_theme_parameters_become_css_custom_properties() {
    let c = embed("accent=7A1F5C&bg=fffdf8&text=202020&font=serif&radius=12&scale=120&lang=de");
    assert!(c.ignored.is_empty(), "{:?}", c.ignored);
    assert_eq!(c.theme.accent, Some(rgb("7a1f5c")));
    let props = c.theme.css_properties();
    let get = |name: &str| {
        props
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(get("--accent"), Some("#7a1f5c"));
    assert_eq!(get("--bg"), Some("#fffdf8"));
    assert_eq!(get("--text"), Some("#202020"));
    assert_eq!(get("--font"), Some(Font::Serif.stack()));
    assert_eq!(get("--radius"), Some("12px"));
    assert_eq!(get("--font-scale"), Some("1.20"));
    let dark = get("--accent-dark").unwrap();
    assert!(
        contrast(rgb(&dark[1..]), Rgb(255, 255, 255))
            >= contrast(rgb("7a1f5c"), Rgb(255, 255, 255)),
        "hover colour keeps white labels readable"
    );
    // Nothing asked, nothing set.
    assert!(embed("").theme.css_properties().is_empty());
    // Every value is one of ours: no url(, no ;, no braces.
    for (name, value) in &props {
        assert!(name.starts_with("--"));
        for bad in ["url(", ";", "{", "}", "\\", "/*"] {
            assert!(!value.contains(bad), "{name}: {value}");
        }
    }
}

// ---------------------------------------------------------------- contrast

#[test]
fn relative_luminance_and_contrast_follow_wcag() {
    let black = Rgb(0, 0, 0);
    let white = Rgb(255, 255, 255);
    assert_eq!(black.luminance(), 0.0);
    assert!((white.luminance() - 1.0).abs() < 1e-12);
    assert!((contrast(black, white) - 21.0).abs() < 1e-9);
    assert!(
        (contrast(white, black) - 21.0).abs() < 1e-9,
        "order does not matter"
    );
    assert!((contrast(white, white) - 1.0).abs() < 1e-12);
    // Known values (WebAIM contrast checker).
    let near = |a: &str, b: &str, want: f64| {
        let got = contrast(rgb(a), rgb(b));
        assert!(
            (got - want).abs() < 0.01,
            "{a} on {b}: {got:.3}, want {want}"
        );
    };
    near("767676", "ffffff", 4.54);
    near("777777", "ffffff", 4.48);
    near("0b5394", "ffffff", 7.84);
    near("ff0000", "ffffff", 4.0);
    near("ffff00", "ffffff", 1.07);
    near("1b1b1b", "ffffff", 17.22);
    // The low-channel branch of the sRGB curve (c <= 0.04045).
    assert!((Rgb(10, 0, 0).luminance() - 0.2126 * (10.0 / 255.0) / 12.92).abs() < 1e-12);
}

#[test]
fn the_guide_s_own_colours_pass_every_pair() {
    assert_eq!(
        Colours::default(),
        Colours {
            text: DEFAULT_TEXT,
            bg: DEFAULT_BG,
            accent: DEFAULT_ACCENT
        }
    );
    Colours::default().check().unwrap();
    assert!(COLOUR_PAIRS.len() >= 10);
    // And they match the stylesheet.
    let css = include_str!("../style/main.css");
    for (name, c) in [
        ("--text", DEFAULT_TEXT),
        ("--bg", DEFAULT_BG),
        ("--accent", DEFAULT_ACCENT),
    ] {
        let line = format!("{name}: {};", c.css());
        assert!(css.contains(&line), "style/main.css should have {line}");
    }
}

#[test]
fn colours_that_break_contrast_fall_back_to_the_defaults() {
    // Yellow accent on white: 1.07:1.
    let c = embed("accent=ffff00");
    assert_eq!(c.theme.accent, None);
    assert!(c.theme.css_properties().is_empty());
    assert!(
        c.ignored[0].starts_with("accent ignored"),
        "{:?}",
        c.ignored
    );
    assert!(
        c.ignored[0].contains("accent #ffff00 on bg #ffffff is 1.07:1, needs 4.50:1"),
        "{:?}",
        c.ignored
    );
    // An accent of 3.5:1 is enough for a border but not for link text.
    let c = embed("accent=e0533d");
    let r = contrast(rgb("e0533d"), DEFAULT_BG);
    assert!((3.0..4.5).contains(&r), "{r}");
    assert_eq!(c.theme.accent, None);
    // Light grey text on white.
    let c = embed("text=999999");
    assert_eq!(c.theme.text, None);
    assert!(
        c.ignored[0].starts_with("text/bg ignored"),
        "{:?}",
        c.ignored
    );
    // A dark background with light text: fine together, but the guide's white boxes and grey
    // panels would then hold light text, so both fall back.
    let c = embed("bg=101820&text=f5f5f5");
    assert_eq!((c.theme.bg, c.theme.text), (None, None));
    // A mid-grey background: grey text and borders would fade.
    let c = embed("bg=b0b0b0");
    assert_eq!(c.theme.bg, None);
    // Text and background that pass, with an accent that fails on that background: the accent
    // alone is dropped.
    let c = embed("bg=fff8e7&text=222222&accent=ffcc00");
    assert_eq!(c.theme.bg, Some(rgb("fff8e7")));
    assert_eq!(c.theme.text, Some(rgb("222222")));
    assert_eq!(c.theme.accent, None);
    assert_eq!(c.ignored.len(), 1);
    // A background that fails with an accent that passes on the default: the accent is kept.
    let c = embed("bg=404040&accent=0a5c8c");
    assert_eq!(c.theme.bg, None);
    assert_eq!(c.theme.accent, Some(rgb("0a5c8c")));
    // Font, radius and scale do not depend on colours.
    let c = embed("accent=ffff00&font=rounded&radius=0&scale=90");
    assert_eq!(c.theme.font, Some(Font::Rounded));
    assert_eq!(c.theme.radius, Some(0));
    assert_eq!(c.theme.scale, Some(90));
}

#[test]
fn every_accepted_theme_meets_every_pair() {
    // A sweep of accents and backgrounds: whatever resolve() keeps passes check().
    let steps = [0x00u8, 0x33, 0x55, 0x77, 0x99, 0xbb, 0xdd, 0xff];
    let mut kept = 0;
    for &r in &steps {
        for &g in &steps {
            for &b in &steps {
                let asked = Theme {
                    accent: Some(Rgb(r, g, b)),
                    bg: Some(Rgb(255 - r / 8, 255 - g / 8, 255 - b / 8)),
                    text: Some(Rgb(r / 4, g / 4, b / 4)),
                    ..Theme::default()
                };
                let (theme, _) = asked.resolve();
                let d = Colours::default();
                let used = Colours {
                    text: theme.text.unwrap_or(d.text),
                    bg: theme.bg.unwrap_or(d.bg),
                    accent: theme.accent.unwrap_or(d.accent),
                };
                used.check().unwrap_or_else(|e| panic!("{asked:?}: {e}"));
                kept += usize::from(theme.accent.is_some());
            }
        }
    }
    assert!(kept > 20, "some accents are kept ({kept})");
}

// ---------------------------------------------------------------- the message to the parent

#[test]
fn the_message_to_the_parent_holds_the_height_only() {
    assert_eq!(
        height_message(812.0),
        r#"{"type":"guide:height","height":812}"#
    );
    assert_eq!(
        height_message(812.2),
        r#"{"type":"guide:height","height":813}"#
    );
    assert_eq!(
        height_message(-5.0),
        r#"{"type":"guide:height","height":0}"#
    );
    assert_eq!(
        height_message(f64::NAN),
        r#"{"type":"guide:height","height":0}"#
    );
    assert_eq!(
        height_message(1e12),
        r#"{"type":"guide:height","height":100000}"#
    );
    let v: serde_json::Value = serde_json::from_str(&height_message(640.0)).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["height", "type"]);
}

#[test]
fn embed_words_exist_and_say_answers_are_not_kept() {
    let c = Content::parse(Lang::En).expect("content parses");
    let blocked = c.ui("storage.unavailable_embed");
    assert!(blocked.contains("will not be kept"), "{blocked}");
    assert!(blocked.contains("still works"), "{blocked}");
    let kept = c.ui("embed.kept_here");
    assert!(kept.contains("this website only"), "{kept}");
}

// ---------------------------------------------------------------- the snippet and the docs agree

fn repo_file(path: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn the_snippet_the_partner_doc_and_the_host_examples_agree() {
    let js = repo_file("embed/embed.js");
    let doc = repo_file("docs/embedding.md");
    // The sandbox the snippet sets is the one documented, and keeps what the guide needs.
    let start = js.find("var SANDBOX =").expect("SANDBOX in embed.js");
    let sandbox = js[start..].split('"').nth(1).expect("SANDBOX string");
    for flag in ["allow-scripts", "allow-same-origin", "allow-forms"] {
        assert!(sandbox.split(' ').any(|f| f == flag), "{flag}: {sandbox}");
    }
    assert!(doc.contains(&format!("sandbox=\"{sandbox}\"")), "{sandbox}");
    // The snippet checks both the sender window and its origin, and sends only allowlisted params.
    assert!(js.contains("event.source !== f.iframe.contentWindow"));
    assert!(js.contains("event.origin !== f.origin"));
    assert!(js.contains(r#"var THEME = ["accent", "bg", "text", "font", "radius", "scale"];"#));
    // Every parameter and option is documented.
    for name in [
        "embed", "parent", "accent", "bg", "text", "font", "radius", "scale",
    ] {
        assert!(doc.contains(&format!("`{name}`")), "docs: parameter {name}");
    }
    for name in ["accent", "bg", "text", "font", "radius", "scale"] {
        assert!(
            doc.contains(&format!("`data-theme-{name}`")),
            "docs: data-theme-{name}"
        );
    }
    for font in ["system", "serif", "sans", "rounded"] {
        assert!(Font::parse(font).is_some());
        assert!(doc.contains(&format!("`{font}`")), "docs: font {font}");
    }
    // The words the guide shows are quoted as they are.
    let c = Content::parse(Lang::En).expect("content parses");
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat(&doc).contains(&flat(c.ui("storage.unavailable_embed"))),
        "docs quote storage.unavailable_embed"
    );
    assert!(flat(&doc).contains("This guide is shown inside another website. Your answers are kept in this browser for this website only."));
    assert!(c.ui("embed.kept_here").starts_with("This guide is shown inside another website. Your answers are kept in this browser for this website only."));
    // Host examples set frame-ancestors as a header.
    for file in ["deploy/nginx.conf", "deploy/_headers"] {
        let text = repo_file(file);
        assert!(text.contains("frame-ancestors 'self'"), "{file}");
        assert!(doc.contains(file), "docs link {file}");
    }
}

#[test]
fn no_component_uses_autofocus() {
    // Browsers refuse `autofocus` in a frame of another site (the embed) and log a console
    // error; focus a dialog's safe button by script after `show_modal()` instead.
    let mut found = Vec::new();
    let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                if text.contains("autofocus=") || text.contains("set_autofocus") {
                    found.push(path.display().to_string());
                }
            }
        }
    }
    assert!(found.is_empty(), "autofocus in {found:?}");
}

#[test]
fn the_small_power_routine_equals_powf_on_every_colour_channel() {
    for c in 0..=255u8 {
        let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
        let (ours, std) = (recurrence_guide::embed::pow_2_4(x), x.powf(2.4));
        assert!((ours - std).abs() < 1e-12, "{c}: {ours} vs {std}");
    }
}
