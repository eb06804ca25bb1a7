//! The page of an official document after GB/T 9704-2012, in points, defined once: the PDF
//! draws with these numbers and the Word export converts them to its units, so the two
//! cannot drift apart.

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;
/// A4.
pub const PAGE_WIDTH: f32 = 210.0 * MM;
pub const PAGE_HEIGHT: f32 = 297.0 * MM;
/// Margins: 天头 37 mm, 订口 28 mm, right 26 mm, bottom 35 mm.
pub const MARGIN_TOP: f32 = 37.0 * MM;
pub const MARGIN_LEFT: f32 = 28.0 * MM;
pub const MARGIN_RIGHT: f32 = 26.0 * MM;
pub const MARGIN_BOTTOM: f32 = 35.0 * MM;
/// The text block.
pub const TEXT_WIDTH: f32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
pub const TEXT_HEIGHT: f32 = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;

/// 二号 title on a 36 pt line.
pub const TITLE_SIZE: f32 = 22.0;
pub const TITLE_LINE: f32 = 36.0;
/// 三号 body on a fixed 28 pt line (about 22 lines per page).
pub const BODY_SIZE: f32 = 16.0;
pub const BODY_LINE: f32 = 28.0;
/// 四号 page numbers.
pub const PAGE_NUMBER_SIZE: f32 = 14.0;
/// 五号 in the tables.
pub const TABLE_SIZE: f32 = 10.5;

/// A typographic role of the report (GB/T 9704-2012 conventions), with its official
/// fonts: the PDF looks for them on the machine, the Word file names the first, the web
/// page lists them all before the faces other systems have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// 标题: 小标宋 style.
    Title,
    /// 正文 and tables: 仿宋 style.
    Body,
    /// 一、 headings: 黑体 style.
    Heading,
    /// （一） headings: 楷体 style.
    Subheading,
}

impl Role {
    /// All roles in a stable order.
    pub const ALL: [Role; 4] = [Role::Title, Role::Body, Role::Heading, Role::Subheading];

    /// Chinese name of the role, for the "fonts used" note.
    pub fn label(self) -> &'static str {
        match self {
            Role::Title => "标题",
            Role::Body => "正文与表格",
            Role::Heading => "一级标题",
            Role::Subheading => "二级标题",
        }
    }

    /// Family names of the official fonts for this role, in order of preference.
    pub const fn official_families(self) -> &'static [&'static str] {
        match self {
            Role::Title => &[
                "方正小标宋简体",
                "FZXiaoBiaoSong-B05S",
                "方正小标宋_GBK",
                "FZXiaoBiaoSong-B05",
            ],
            Role::Body => &["仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong"],
            Role::Heading => &["黑体", "SimHei"],
            Role::Subheading => &["楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi"],
        }
    }

    /// The official font a Word file names for this role (Word substitutes when the
    /// machine lacks it).
    pub const fn official_font(self) -> &'static str {
        self.official_families()[0]
    }

    /// A CSS `font-family` for this role: the official fonts, then faces of the same
    /// style on other systems, then the generic family.
    pub fn css_families(self) -> String {
        let others: &[&str] = match self {
            Role::Title => &["SimSun", "serif"],
            Role::Body => &["STFangsong", "serif"],
            Role::Heading => &["\"Noto Sans SC\"", "sans-serif"],
            Role::Subheading => &["STKaiti", "serif"],
        };
        let mut all: Vec<&str> = self.official_families().to_vec();
        all.extend(others);
        all.join(", ")
    }
}

/// Points as twips (1/20 pt), rounded: Word's unit of length.
pub const fn twips(points: f32) -> u32 {
    (points * 20.0).round() as u32
}

/// Points as half-points, rounded: Word's unit of type size.
pub const fn half_points(points: f32) -> u32 {
    (points * 2.0).round() as u32
}

/// The mark of a report that is no final version yet: the PDF's watermark, the Word file's
/// header.
pub const DRAFT_MARK: &str = "草稿";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_units_of_the_page() {
        assert_eq!(twips(PAGE_WIDTH), 11906);
        assert_eq!(twips(PAGE_HEIGHT), 16838);
        assert_eq!(twips(MARGIN_TOP), 2098);
        assert_eq!(twips(MARGIN_RIGHT), 1474);
        assert_eq!(half_points(TITLE_SIZE), 44);
        assert_eq!(half_points(TABLE_SIZE), 21);
        assert_eq!(twips(BODY_LINE), 560);
    }
}
