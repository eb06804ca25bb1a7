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

/// Points as twips (1/20 pt), rounded: Word's unit of length.
pub const fn twips(points: f32) -> u32 {
    (points * 20.0).round() as u32
}

/// Points as half-points, rounded: Word's unit of type size.
pub const fn half_points(points: f32) -> u32 {
    (points * 2.0).round() as u32
}

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
