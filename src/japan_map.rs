//! The clinic map: Japan's coastline as inline SVG (generated from public-domain
//! Natural Earth data by `make map-outline`, never fetched), where a latitude and
//! longitude land on it, and where each clinic's label goes so that no label covers
//! another label or marker. Everything is in map units, and the map scales as one
//! piece, so a layout without collisions has none at any width.

#[path = "japan_map_outline.rs"]
mod generated;

pub use generated::{MADE_FOR as OUTLINE_BOUNDS, OUTLINE};

/// The map's west, east, north and south edges, in degrees.
pub const BOUNDS: [f64; 4] = [128.4, 146.0, 45.7, 30.9];
/// The SVG's coordinate space.
pub const WIDTH: f64 = 400.0;
pub const HEIGHT: f64 = 415.0;
/// Longitude degrees are shorter than latitude degrees this far north.
const LON_SCALE: f64 = 0.81; // cos(36°)

/// A marker's radius.
pub const DOT: f64 = 6.0;
/// A label's font size and height: 36 units stay 24 px tall on a 320 px phone.
pub const FONT: f64 = 17.0;
pub const LABEL_HEIGHT: f64 = 36.0;
const LABEL_PADDING: f64 = 9.0;
/// Free space kept around labels and markers.
const GAP: f64 = 3.0;

/// A map coordinate or percentage as text, to two decimals: in integers, because Rust's
/// float formatting adds several KB to the browser's module for nothing the map needs.
pub fn two_decimals(v: f64) -> String {
    let hundredths = (v * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let h = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}", h / 100, h % 100)
}

/// Where a latitude/longitude lands in the SVG.
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    let [west, east, north, south] = BOUNDS;
    let scale = (WIDTH / ((east - west) * LON_SCALE)).min(HEIGHT / (north - south));
    ((lon - west) * LON_SCALE * scale, (north - lat) * scale)
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    fn right(&self) -> f64 {
        self.x + self.width
    }
    fn bottom(&self) -> f64 {
        self.y + self.height
    }
    fn grown(&self, by: f64) -> Rect {
        Rect {
            x: self.x - by,
            y: self.y - by,
            width: self.width + 2.0 * by,
            height: self.height + 2.0 * by,
        }
    }
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
    fn inside_map(&self) -> bool {
        self.x >= 0.0 && self.y >= 0.0 && self.right() <= WIDTH && self.bottom() <= HEIGHT
    }
    fn contains(&self, (x, y): (f64, f64)) -> bool {
        (self.x..=self.right()).contains(&x) && (self.y..=self.bottom()).contains(&y)
    }
    /// Whether the segment from `a` to `b` passes through the rectangle.
    fn crossed_by(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        (0..=32).any(|i| {
            let t = f64::from(i) / 32.0;
            self.contains((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t))
        })
    }
}

/// A marker and its label, placed. Clinics closer than a marker's width share one
/// marker, with their labels stacked in one block.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub dot: (f64, f64),
    /// The block of labels.
    pub label: Rect,
    /// A line from the marker to a label set apart from it.
    pub leader: Option<((f64, f64), (f64, f64))>,
    /// The markers it stands for, as indexes into the input.
    pub members: Vec<usize>,
}

impl Placed {
    /// The label of the `nth` member, inside the block.
    pub fn member_label(&self, nth: usize) -> Rect {
        Rect {
            y: self.label.y + nth as f64 * LABEL_HEIGHT,
            height: LABEL_HEIGHT,
            ..self.label
        }
    }
}

/// Each input marker's label, and the markers to draw.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub groups: Vec<Placed>,
    /// Per input marker, its label.
    pub labels: Vec<Rect>,
}

/// A label's width for its text: full-width characters are one em, others narrower.
pub fn label_width(text: &str) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| if c.is_ascii() { 0.62 } else { 1.0 })
        .sum();
    ems * FONT + 2.0 * LABEL_PADDING
}

/// Groups markers that would touch: each group is drawn as one marker.
fn groups(dots: &[(f64, f64)]) -> Vec<Vec<usize>> {
    let mut group: Vec<usize> = (0..dots.len()).collect();
    let near = 2.0 * DOT + GAP;
    for i in 0..dots.len() {
        for j in 0..i {
            if (dots[i].0 - dots[j].0).hypot(dots[i].1 - dots[j].1) < near {
                let (from, to) = (group[i], group[j]);
                group
                    .iter_mut()
                    .filter(|g| **g == from)
                    .for_each(|g| *g = to);
            }
        }
    }
    let mut out: Vec<Vec<usize>> = Vec::new();
    for (i, &g) in group.iter().enumerate() {
        match out.iter_mut().find(|members| group[members[0]] == g) {
            Some(members) => members.push(i),
            None => out.push(vec![i]),
        }
    }
    out
}

/// Places a label block for each group of markers (name, latitude, longitude): beside
/// its marker when there is room, else further out with a leader line, never over
/// another label, marker or leader, and inside the map. Crowded markers go first.
pub fn layout(markers: &[(&str, f64, f64)]) -> Layout {
    let projected: Vec<(f64, f64)> = markers
        .iter()
        .map(|&(_, lat, lon)| project(lat, lon))
        .collect();
    let groups = groups(&projected);
    let dots: Vec<(f64, f64)> = groups
        .iter()
        .map(|g| {
            let n = g.len() as f64;
            let sum = g.iter().fold((0.0, 0.0), |s, &i| {
                (s.0 + projected[i].0, s.1 + projected[i].1)
            });
            (sum.0 / n, sum.1 / n)
        })
        .collect();
    let crowd = |i: usize| {
        dots.iter()
            .filter(|d| (d.0 - dots[i].0).hypot(d.1 - dots[i].1) < 90.0)
            .count()
            + groups[i].len()
    };
    // Most crowded first (counted out rather than sorted: a sort is kilobytes of wasm).
    let crowds: Vec<usize> = (0..groups.len()).map(crowd).collect();
    let most = crowds.iter().copied().max().unwrap_or(0);
    let crowds = &crowds;
    let order: Vec<usize> = (0..=most)
        .rev()
        .flat_map(|c| (0..groups.len()).filter(move |&i| crowds[i] == c))
        .collect();
    let mut placed: Vec<Option<Placed>> = vec![None; groups.len()];
    for i in order {
        let taken: Vec<&Placed> = placed.iter().flatten().collect();
        let width = groups[i]
            .iter()
            .map(|&m| label_width(markers[m].0))
            .fold(0.0, f64::max);
        let height = LABEL_HEIGHT * groups[i].len() as f64;
        let fits = |p: &Placed| {
            let label = p.label.grown(GAP);
            let leader_clear = |a, b| {
                !taken.iter().any(|t| t.label.crossed_by(a, b))
                    && !dots
                        .iter()
                        .enumerate()
                        .any(|(j, &d)| j != i && dot_box(d).crossed_by(a, b))
            };
            label.inside_map()
                && !taken.iter().any(|t| t.label.overlaps(&label))
                && !dots.iter().any(|&d| dot_box(d).overlaps(&label))
                && !taken
                    .iter()
                    .filter_map(|t| t.leader)
                    .any(|(a, b)| label.crossed_by(a, b))
                && p.leader.is_none_or(|(a, b)| leader_clear(a, b))
        };
        let candidates = candidates(dots[i], width, height);
        let mut choice = candidates
            .iter()
            .find(|p| fits(p))
            .or(candidates.first())
            .cloned()
            .expect("there are candidates");
        choice.members = groups[i].clone();
        placed[i] = Some(choice);
    }
    let groups: Vec<Placed> = placed.into_iter().flatten().collect();
    let mut labels = vec![
        Rect {
            x: 0.0,
            y: 0.0,
            width: 0.0,
            height: 0.0
        };
        markers.len()
    ];
    for g in &groups {
        for (nth, &m) in g.members.iter().enumerate() {
            labels[m] = g.member_label(nth);
        }
    }
    Layout { groups, labels }
}

fn dot_box((x, y): (f64, f64)) -> Rect {
    Rect {
        x: x - DOT,
        y: y - DOT,
        width: 2.0 * DOT,
        height: 2.0 * DOT,
    }
}

/// Sixteen directions (cosine, sine), clockwise from east with y pointing down.
const DIRECTIONS: [(f64, f64); 16] = [
    (1.0, 0.0),
    (0.924, 0.383),
    (0.707, 0.707),
    (0.383, 0.924),
    (0.0, 1.0),
    (-0.383, 0.924),
    (-0.707, 0.707),
    (-0.924, 0.383),
    (-1.0, 0.0),
    (-0.924, -0.383),
    (-0.707, -0.707),
    (-0.383, -0.924),
    (0.0, -1.0),
    (0.383, -0.924),
    (0.707, -0.707),
    (0.924, -0.383),
];

/// Label positions around a marker, nearest first: right, left, above, below, then
/// on rings further out in sixteen directions, with a leader line.
fn candidates(dot: (f64, f64), width: f64, height: f64) -> Vec<Placed> {
    let mut out = Vec::new();
    let near = DOT + GAP + 2.0;
    for distance in [near, 34.0, 58.0, 84.0, 112.0, 144.0] {
        for step in [0, 8, 12, 4, 2, 14, 6, 10, 1, 15, 7, 9, 3, 13, 5, 11] {
            let (cos, sin) = DIRECTIONS[step];
            let anchor = (dot.0 + distance * cos, dot.1 + distance * sin);
            let x = if cos > 0.3 {
                anchor.0
            } else if cos < -0.3 {
                anchor.0 - width
            } else {
                anchor.0 - width / 2.0
            };
            let y = if sin > 0.3 {
                anchor.1
            } else if sin < -0.3 {
                anchor.1 - height
            } else {
                anchor.1 - height / 2.0
            };
            let label = Rect {
                x,
                y,
                width,
                height,
            };
            let leader = (distance > near).then_some((dot, anchor));
            out.push(Placed {
                dot,
                label,
                leader,
                members: Vec::new(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_written_to_two_decimals_as_float_formatting_would() {
        for v in [0.0, 4.25, 12.3, 399.996, -3.456, 1234.5678, 96.875] {
            assert_eq!(
                two_decimals(v),
                format!("{:.2}", (v * 100.0).round() / 100.0),
                "{v}"
            );
        }
        // Unlike `{:.2}`, no "-0.00".
        assert_eq!(two_decimals(-0.004), "0.00");
        assert_eq!(two_decimals(-3.456), "-3.46");
    }

    fn bundled() -> Vec<(String, f64, f64)> {
        let path = format!("{}/public/content/clinics.json", env!("CARGO_MANIFEST_DIR"));
        let clinics: crate::content::Clinics =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        clinics
            .clinics
            .iter()
            .map(|c| {
                let at = c
                    .location
                    .as_ref()
                    .expect("every bundled clinic has a position");
                (c.name.clone(), at.lat, at.lon)
            })
            .collect()
    }

    /// The outline's islands as polygons, read back from the SVG path.
    fn islands() -> Vec<Vec<(f64, f64)>> {
        OUTLINE
            .split('M')
            .filter(|s| !s.is_empty())
            .map(|sub| {
                let sub = sub
                    .trim_end_matches('z')
                    .replace('-', " -")
                    .replace('l', " ");
                let numbers: Vec<f64> =
                    sub.split_whitespace().map(|n| n.parse().unwrap()).collect();
                let mut at = (numbers[0], numbers[1]);
                let mut ring = vec![at];
                for step in numbers[2..].chunks(2) {
                    at = (at.0 + step[0], at.1 + step[1]);
                    ring.push(at);
                }
                ring
            })
            .collect()
    }

    fn on_land((x, y): (f64, f64)) -> bool {
        islands().iter().any(|ring| {
            let mut inside = false;
            let mut j = ring.len() - 1;
            for i in 0..ring.len() {
                let ((xi, yi), (xj, yj)) = (ring[i], ring[j]);
                if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                    inside = !inside;
                }
                j = i;
            }
            inside
        })
    }

    #[test]
    fn the_outline_was_made_for_these_bounds_and_fits_the_map() {
        assert_eq!(OUTLINE_BOUNDS, BOUNDS, "run make map-outline");
        let islands = islands();
        assert!(islands.len() >= 4, "{} islands", islands.len());
        for ring in &islands {
            for &(x, y) in ring {
                assert!((-0.5..=WIDTH + 0.5).contains(&x) && (-0.5..=HEIGHT + 0.5).contains(&y));
            }
        }
    }

    #[test]
    fn the_bundled_clinics_and_known_cities_are_on_land_and_the_seas_are_not() {
        for (name, lat, lon) in bundled() {
            assert!(on_land(project(lat, lon)), "{name}");
        }
        for (name, lat, lon) in [
            ("札幌", 43.06, 141.35),
            ("高知", 33.56, 133.53),
            ("鹿児島", 31.6, 130.56),
        ] {
            assert!(on_land(project(lat, lon)), "{name}");
        }
        for (sea, lat, lon) in [
            ("津軽海峡", 41.6, 140.6),
            ("瀬戸内海", 34.2, 133.2),
            ("太平洋", 33.0, 140.0),
        ] {
            assert!(!on_land(project(lat, lon)), "{sea}");
        }
    }

    fn assert_clear(layout: &Layout) {
        let placed = &layout.groups;
        for (i, a) in placed.iter().enumerate() {
            assert!(a.label.inside_map(), "{a:?}");
            for (j, b) in placed.iter().enumerate() {
                assert!(
                    !dot_box(b.dot).overlaps(&a.label),
                    "label {i} covers marker {j}"
                );
                if i != j {
                    assert!(!a.label.overlaps(&b.label), "labels {i} and {j}");
                    if let Some((p, q)) = b.leader {
                        assert!(!a.label.crossed_by(p, q), "leader {j} crosses label {i}");
                    }
                }
            }
        }
    }

    #[test]
    fn no_label_covers_another_label_or_marker() {
        let bundled = bundled();
        let markers: Vec<(&str, f64, f64)> = bundled
            .iter()
            .map(|(n, lat, lon)| (n.as_str(), *lat, *lon))
            .collect();
        let placed = layout(&markers);
        assert_eq!(placed.groups.len(), markers.len());
        assert_clear(&placed);
        // A crowded map: clinics a few streets apart share a marker and get a label
        // each, stacked; neighbouring cities keep theirs apart.
        let tokyo = [
            ("新宿", 35.6896, 139.7006),
            ("渋谷", 35.658, 139.7016),
            ("銀座", 35.6717, 139.765),
            ("池袋", 35.7295, 139.7109),
            ("横浜", 35.4437, 139.638),
            ("名古屋", 35.1709, 136.8815),
            ("京都", 35.0116, 135.7681),
            ("大阪", 34.7025, 135.4959),
            ("神戸", 34.6901, 135.1955),
            ("福岡", 33.5902, 130.4017),
            ("札幌", 43.0618, 141.3545),
            ("仙台", 38.2682, 140.8694),
        ];
        let placed = layout(&tokyo);
        assert_clear(&placed);
        let tokyo_group = placed
            .groups
            .iter()
            .find(|g| g.members.contains(&0))
            .unwrap();
        assert_eq!(tokyo_group.members, [0, 1, 2, 3, 4], "Tokyo and Yokohama");
        for (i, a) in placed.labels.iter().enumerate() {
            assert!(a.width > 0.0, "{}", tokyo[i].0);
            for b in &placed.labels[..i] {
                assert!(!a.overlaps(b), "{}", tokyo[i].0);
            }
        }
    }

    #[test]
    fn the_directions_go_round_the_compass() {
        for (step, (cos, sin)) in DIRECTIONS.iter().enumerate() {
            let angle = step as f64 * std::f64::consts::PI / 8.0;
            assert!((angle.cos() - cos).abs() < 1e-3 && (angle.sin() - sin).abs() < 1e-3);
        }
    }

    #[test]
    fn labels_fit_their_text() {
        assert_eq!(label_width("新宿"), 2.0 * FONT + 18.0);
        assert!(label_width("GINZA") < label_width("銀座銀座銀"));
    }
}
