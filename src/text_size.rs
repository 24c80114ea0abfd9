//! The text-size control's model (pure, tested natively in `tests/text_size.rs`): three sizes,
//! their saved form and the CSS scale they set.
//!
//! The size is a display preference, not an answer: it is kept under its own key
//! ([`crate::storage::TEXT_SIZE_KEY`]), so "Start over" keeps it and "Delete my answers" (every
//! key of the guide) removes it. It multiplies a partner's `scale` in an embed: the person's
//! choice always makes the text bigger than what the site chose.

/// How big the guide's text is, on top of the browser's own setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextSize {
    #[default]
    Standard,
    Larger,
    Largest,
}

impl TextSize {
    /// In the order the control shows them.
    pub const ALL: [TextSize; 3] = [TextSize::Standard, TextSize::Larger, TextSize::Largest];

    /// The percentage shown on the button and saved on the device.
    pub fn percent(self) -> u32 {
        match self {
            TextSize::Standard => 100,
            TextSize::Larger => 125,
            TextSize::Largest => 150,
        }
    }

    /// The value of the `--text-scale` custom property (`style/main.css` multiplies the root
    /// font size by it; every size in the stylesheet is in rem or em).
    pub fn css_scale(self) -> &'static str {
        match self {
            TextSize::Standard => "1",
            TextSize::Larger => "1.25",
            TextSize::Largest => "1.5",
        }
    }

    /// What is saved: the percentage as text.
    pub fn saved_form(self) -> String {
        self.percent().to_string()
    }

    /// Reads what was saved; anything else (nothing, damaged, from another version) is the
    /// standard size, never an error: a display preference is not worth a message.
    pub fn from_saved(raw: Option<&str>) -> TextSize {
        let raw = raw.map(str::trim).unwrap_or_default();
        TextSize::ALL
            .into_iter()
            .find(|s| s.saved_form() == raw)
            .unwrap_or_default()
    }
}

/// Sets the size on `<html>` (a CSSOM property, allowed by the page's CSP without inline styles);
/// the standard size sets nothing, so the page is as if the control were not there.
pub fn apply(size: TextSize) {
    use web_sys::wasm_bindgen::JsCast;
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(html) = root
        .as_ref()
        .and_then(|r| r.dyn_ref::<web_sys::HtmlElement>())
    {
        let style = html.style();
        let _ = if size == TextSize::Standard {
            style.remove_property("--text-scale").map(drop)
        } else {
            style.set_property("--text-scale", size.css_scale())
        };
    }
}
