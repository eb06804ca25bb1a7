//! The bundled fonts (all SIL OFL 1.1; licences beside them in `assets/fonts/`).
//! Embedded in the binary so the editor and the PDF export render the same glyphs on every
//! machine, whatever fonts it has installed.

/// One bundled font face.
#[derive(Clone, Copy, Debug)]
pub struct BundledFont {
    /// Family name as shown to the user.
    pub family: &'static str,
    /// The TrueType (glyf) file.
    pub bytes: &'static [u8],
}

/// Noto Sans SC Regular: 黑体-style. The editor's UI font and the PDF's 一、 headings.
pub static SANS: BundledFont = BundledFont {
    family: "Noto Sans SC",
    bytes: include_bytes!("../assets/fonts/NotoSansSC_400Regular.ttf"),
};

/// Noto Serif SC Regular: 宋体-style. The PDF's body text and tables.
pub static SERIF: BundledFont = BundledFont {
    family: "Noto Serif SC",
    bytes: include_bytes!("../assets/fonts/NotoSerifSC_400Regular.ttf"),
};

/// Noto Serif SC Bold: stands in for 小标宋 in the PDF's title.
pub static SERIF_BOLD: BundledFont = BundledFont {
    family: "Noto Serif SC Bold",
    bytes: include_bytes!("../assets/fonts/NotoSerifSC_700Bold.ttf"),
};

/// LXGW WenKai Regular: 楷体-style. The PDF's （一） headings.
pub static KAI: BundledFont = BundledFont {
    family: "LXGW WenKai",
    bytes: include_bytes!("../assets/fonts/LXGWWenKai-Regular.ttf"),
};

/// Every bundled face, with its licence (for 帮助 → 关于 and the package).
pub static ALL: [(&BundledFont, &str); 4] = [
    (&SANS, "SIL Open Font License 1.1"),
    (&SERIF, "SIL Open Font License 1.1"),
    (&SERIF_BOLD, "SIL Open Font License 1.1"),
    (&KAI, "SIL Open Font License 1.1"),
];
