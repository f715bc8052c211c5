//! Share images (`og:image`): a 1200×630 PNG per article with its title, category and
//! the column's name, and one for the other pages, drawn at build time from the
//! content alone (no photo, no claim beyond the title). The font is Noto Sans CJK JP
//! from Debian's `fonts-noto-cjk`, which the setup installs.

use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};

use crate::share::{SHARE_IMAGE_HEIGHT as H, SHARE_IMAGE_WIDTH as W};

/// Where Debian's package puts the fonts; index 0 of each collection is the JP face.
const FONT_DIRS: &[&str] = &["/usr/share/fonts/opentype/noto"];
const REGULAR: &str = "NotoSansCJK-Regular.ttc";
const BOLD: &str = "NotoSansCJK-Bold.ttc";

type Rgb = [u8; 3];
const PAPER: Rgb = [0xf6, 0xf3, 0xf1];
const INK: Rgb = [0x22, 0x22, 0x22];
const ACCENT: Rgb = [0x8a, 0x4b, 0x5c];
const ON_ACCENT: Rgb = [0xff, 0xff, 0xff];
const MUTED: Rgb = [0x59, 0x59, 0x59];

const MARGIN: f32 = 80.0;

/// The two faces the images use, read once per build.
pub struct Fonts {
    regular: Vec<u8>,
    bold: Vec<u8>,
}

impl Fonts {
    pub fn load() -> Result<Self, String> {
        let read = |name: &str| {
            FONT_DIRS
                .iter()
                .find_map(|d| std::fs::read(format!("{d}/{name}")).ok())
                .ok_or_else(|| {
                    format!(
                        "share images need {name} from Debian's fonts-noto-cjk \
                         (tools/setup.sh installs it)"
                    )
                })
        };
        let fonts = Fonts {
            regular: read(REGULAR)?,
            bold: read(BOLD)?,
        };
        fonts.faces()?;
        Ok(fonts)
    }

    fn faces(&self) -> Result<(FontRef<'_>, FontRef<'_>), String> {
        let face = |data| FontRef::try_from_slice_and_index(data, 0).map_err(|e| e.to_string());
        Ok((face(&self.regular)?, face(&self.bold)?))
    }
}

/// An RGB canvas of the share image's size.
struct Canvas {
    pixels: Vec<Rgb>,
}

impl Canvas {
    fn new(background: Rgb) -> Self {
        Canvas {
            pixels: vec![background; (W * H) as usize],
        }
    }

    fn blend(&mut self, x: i32, y: i32, color: Rgb, coverage: f32) {
        if x < 0 || y < 0 || x >= W as i32 || y >= H as i32 || coverage <= 0.0 {
            return;
        }
        let p = &mut self.pixels[(y as u32 * W + x as u32) as usize];
        let a = coverage.min(1.0);
        for i in 0..3 {
            p[i] = (p[i] as f32 * (1.0 - a) + color[i] as f32 * a).round() as u8;
        }
    }

    fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        for yy in y as i32..(y + h) as i32 {
            for xx in x as i32..(x + w) as i32 {
                self.blend(xx, yy, color, 1.0);
            }
        }
    }

    /// Draws one line of text with its baseline at `y`; returns its width.
    fn text(&mut self, font: &FontRef, px: f32, x: f32, y: f32, text: &str, color: Rgb) -> f32 {
        let scaled = font.as_scaled(PxScale::from(px));
        let mut pen = x;
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            let glyph = id.with_scale_and_position(px, point(pen, y));
            if let Some(outlined) = font.outline_glyph(glyph) {
                let b = outlined.px_bounds();
                outlined.draw(|gx, gy, cov| {
                    self.blend(
                        b.min.x as i32 + gx as i32,
                        b.min.y as i32 + gy as i32,
                        color,
                        cov,
                    )
                });
            }
            pen += scaled.h_advance(id);
        }
        pen - x
    }

    fn png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut out, W, H);
            encoder.set_color(png::ColorType::Rgb);
            encoder.set_depth(png::BitDepth::Eight);
            // Fast: ten thousand articles means ten thousand images per build.
            encoder.set_compression(png::Compression::Fast);
            let mut writer = encoder.write_header().expect("a PNG header");
            let bytes: Vec<u8> = self.pixels.iter().flatten().copied().collect();
            writer.write_image_data(&bytes).expect("PNG data");
        }
        out
    }
}

fn width(font: &FontRef, px: f32, text: &str) -> f32 {
    let scaled = font.as_scaled(PxScale::from(px));
    text.chars()
        .map(|c| scaled.h_advance(scaled.glyph_id(c)))
        .sum()
}

/// Characters a Japanese line must not start with (closing brackets, small kana,
/// punctuation): they stay at the end of the line before.
fn no_line_start(c: char) -> bool {
    "、。，．・：；？！?!）」』】〕〉》”’ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥)]}"
        .contains(c)
}

/// Breaks text into lines no wider than `max`, by character (Japanese has no spaces),
/// keeping punctuation off the start of a line. At most `max_lines`; the last one
/// ends with "…" when the text does not fit.
pub fn wrap(text: &str, max: f32, max_lines: usize, advance: impl Fn(&str) -> f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for c in text.chars() {
        let mut candidate = line.clone();
        candidate.push(c);
        if advance(&candidate) > max && !line.is_empty() && !no_line_start(c) {
            lines.push(std::mem::take(&mut line));
        }
        line.push(c);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = lines.last_mut().expect("at least one line");
        while !last.is_empty() && advance(&format!("{last}…")) > max {
            last.pop();
        }
        last.push('…');
    }
    lines
}

/// The frame every image shares: paper, an accent band, the column's name and brand.
fn frame(fonts: &Fonts, column: &str, brand: &str) -> Result<Canvas, String> {
    let (regular, bold) = fonts.faces()?;
    let mut canvas = Canvas::new(PAPER);
    canvas.fill(0.0, 0.0, W as f32, 16.0, ACCENT);
    canvas.text(&bold, 40.0, MARGIN, 110.0, column, ACCENT);
    let brand_w = width(&regular, 30.0, brand);
    canvas.text(
        &regular,
        30.0,
        W as f32 - MARGIN - brand_w,
        H as f32 - 64.0,
        brand,
        MUTED,
    );
    canvas.fill(
        MARGIN,
        H as f32 - 120.0,
        W as f32 - 2.0 * MARGIN,
        2.0,
        [0xd9, 0xd2, 0xce],
    );
    Ok(canvas)
}

/// An article's image: its category and title.
pub fn article_image(
    fonts: &Fonts,
    column: &str,
    brand: &str,
    category: &str,
    title: &str,
) -> Result<Vec<u8>, String> {
    let (_, bold) = fonts.faces()?;
    let mut canvas = frame(fonts, column, brand)?;
    let mut top = 160.0;
    if !category.is_empty() {
        let w = width(&bold, 28.0, category);
        canvas.fill(MARGIN, top, w + 40.0, 52.0, ACCENT);
        canvas.text(&bold, 28.0, MARGIN + 20.0, top + 37.0, category, ON_ACCENT);
        top += 80.0;
    }
    let size = 60.0;
    let lines = wrap(title, W as f32 - 2.0 * MARGIN, 4, |s| width(&bold, size, s));
    let line_height = size * 1.4;
    for (i, line) in lines.iter().enumerate() {
        let baseline = top + size + i as f32 * line_height;
        canvas.text(&bold, size, MARGIN, baseline, line, INK);
    }
    Ok(canvas.png())
}

/// The image of the pages that are not articles: the column's name and description.
pub fn column_image(
    fonts: &Fonts,
    column: &str,
    brand: &str,
    description: &str,
) -> Result<Vec<u8>, String> {
    let (regular, bold) = fonts.faces()?;
    let mut canvas = frame(fonts, column, brand)?;
    canvas.text(&bold, 96.0, MARGIN, 300.0, column, INK);
    let lines = wrap(description, W as f32 - 2.0 * MARGIN, 3, |s| {
        width(&regular, 34.0, s)
    });
    for (i, line) in lines.iter().enumerate() {
        canvas.text(&regular, 34.0, MARGIN, 380.0 + i as f32 * 52.0, line, MUTED);
    }
    Ok(canvas.png())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character one unit wide.
    fn units(s: &str) -> f32 {
        s.chars().count() as f32
    }

    #[test]
    fn lines_break_by_width_and_keep_punctuation_off_the_start() {
        assert_eq!(
            wrap("あいうえおかき", 3.0, 9, units),
            ["あいう", "えおか", "き"]
        );
        // "。" would start the second line: it stays with the first.
        assert_eq!(wrap("あいう。えお", 3.0, 9, units), ["あいう。", "えお"]);
        assert_eq!(wrap("", 3.0, 9, units), Vec::<String>::new());
    }

    #[test]
    fn too_long_a_text_ends_with_an_ellipsis() {
        let lines = wrap("あいうえおかきくけこ", 3.0, 2, units);
        assert_eq!(lines, ["あいう", "えお…"]);
    }

    #[test]
    fn images_are_1200_by_630_pngs_with_the_title_drawn() {
        let fonts = Fonts::load().expect("fonts-noto-cjk");
        let png = article_image(
            &fonts,
            "美脱毛コラム",
            "リアラクリニック",
            "エクソソーム",
            "副作用はある?",
        )
        .unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(&png));
        let mut reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert_eq!((info.width, info.height), (1200, 630));
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        reader.next_frame(&mut buf).unwrap();
        // The title's band holds dark ink; an empty canvas would be all paper.
        let dark = buf
            .chunks(3)
            .skip(1200 * 250)
            .take(1200 * 80)
            .filter(|p| p[0] < 0x60 && p[1] < 0x60 && p[2] < 0x60)
            .count();
        assert!(dark > 500, "{dark} dark pixels where the title goes");
        let other = column_image(&fonts, "美脱毛コラム", "リアラクリニック", "説明").unwrap();
        assert_ne!(other, png);
    }
}
