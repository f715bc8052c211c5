//! A simple map of Japan drawn as inline SVG: a coarse outline of the four main
//! islands from public coastline coordinates, and a projection for clinic markers.
//! No tiles and no requests: the whole map is a few hundred bytes of paths.

/// The SVG's coordinate space.
pub const WIDTH: f64 = 400.0;
pub const HEIGHT: f64 = 420.0;

const WEST: f64 = 128.8;
const EAST: f64 = 146.2;
const NORTH: f64 = 45.8;
const SOUTH: f64 = 30.8;
/// Longitude degrees are shorter than latitude degrees this far north.
const LON_SCALE: f64 = 0.81; // cos(36°)

/// An island as (latitude, longitude) points, clockwise.
pub struct Island {
    pub name: &'static str,
    pub points: &'static [(f64, f64)],
}

pub const ISLANDS: [Island; 4] = [
    Island {
        name: "北海道",
        points: &[
            (41.4, 140.1),
            (41.8, 140.1),
            (42.6, 139.8),
            (43.2, 140.4),
            (43.3, 141.4),
            (44.0, 141.6),
            (44.6, 141.8),
            (45.5, 141.9),
            (45.3, 142.6),
            (44.3, 143.6),
            (44.0, 144.8),
            (44.2, 145.3),
            (43.3, 145.8),
            (43.0, 144.5),
            (42.6, 143.4),
            (41.9, 143.2),
            (42.4, 141.8),
            (42.3, 140.9),
            (41.8, 141.1),
        ],
    },
    Island {
        name: "本州",
        points: &[
            (41.5, 140.9),
            (41.4, 141.5),
            (40.5, 141.6),
            (39.6, 142.0),
            (38.3, 141.6),
            (37.8, 141.0),
            (36.9, 140.9),
            (35.7, 140.9),
            (35.1, 140.3),
            (35.3, 139.7),
            (34.6, 138.9),
            (35.0, 138.5),
            (34.6, 137.8),
            (34.6, 136.9),
            (34.3, 136.9),
            (33.5, 135.8),
            (34.2, 135.1),
            (34.7, 135.2),
            (34.6, 134.0),
            (34.4, 133.0),
            (34.1, 132.2),
            (33.95, 131.0),
            (34.4, 131.4),
            (35.0, 132.4),
            (35.5, 133.1),
            (35.5, 134.2),
            (35.7, 135.2),
            (35.7, 136.0),
            (36.3, 136.2),
            (37.0, 136.7),
            (37.5, 137.3),
            (36.8, 137.0),
            (36.9, 137.6),
            (37.4, 138.5),
            (37.9, 139.2),
            (38.6, 139.5),
            (39.4, 140.0),
            (39.9, 139.8),
            (40.6, 139.9),
            (41.2, 140.3),
        ],
    },
    Island {
        name: "四国",
        points: &[
            (34.2, 134.6),
            (33.8, 134.7),
            (33.3, 134.2),
            (33.5, 133.4),
            (32.7, 133.0),
            (33.0, 132.5),
            (33.5, 132.4),
            (33.9, 132.7),
            (34.05, 133.3),
            (34.35, 134.1),
        ],
    },
    Island {
        name: "九州",
        points: &[
            (33.9, 130.9),
            (33.6, 131.7),
            (33.0, 131.9),
            (32.2, 131.5),
            (31.4, 131.3),
            (31.0, 130.7),
            (31.2, 130.6),
            (31.4, 130.2),
            (31.8, 130.2),
            (32.2, 130.2),
            (32.6, 130.2),
            (32.8, 129.8),
            (33.2, 129.6),
            (33.5, 129.9),
            (33.7, 130.4),
        ],
    },
];

/// Where a latitude/longitude lands in the SVG.
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    let span_x = (EAST - WEST) * LON_SCALE;
    let span_y = NORTH - SOUTH;
    let scale = (WIDTH / span_x).min(HEIGHT / span_y);
    ((lon - WEST) * LON_SCALE * scale, (NORTH - lat) * scale)
}

/// An island's outline as an SVG path.
pub fn outline_path(island: &Island) -> String {
    let mut d = String::new();
    for (i, &(lat, lon)) in island.points.iter().enumerate() {
        let (x, y) = project(lat, lon);
        d.push_str(&format!("{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" }));
    }
    d.push('Z');
    d
}

/// Whether a point lies inside an island's outline (even-odd rule).
pub fn on_island(island: &Island, lat: f64, lon: f64) -> bool {
    let pts = island.points;
    let mut inside = false;
    let mut j = pts.len() - 1;
    for i in 0..pts.len() {
        let (yi, xi) = pts[i];
        let (yj, xj) = pts[j];
        if (yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// Whether a marker's label goes on its left: when another marker lies close to its
/// east, a label on the right would cover it. `all` is (id, lat, lon) per marker.
pub fn label_on_left(id: &str, all: &[(String, f64, f64)]) -> bool {
    let Some((_, lat, lon)) = all.iter().find(|(i, _, _)| i == id) else {
        return false;
    };
    let (x, y) = project(*lat, *lon);
    all.iter().any(|(other, olat, olon)| {
        let (ox, oy) = project(*olat, *olon);
        other != id && ox > x && ox - x < WIDTH * 0.15 && (oy - y).abs() < HEIGHT * 0.06
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_clinics_land_on_their_islands_inside_the_map() {
        let path = format!("{}/public/content/clinics.json", env!("CARGO_MANIFEST_DIR"));
        let clinics: crate::content::Clinics =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let island_of = |id: &str| match id {
            "fukuoka" => "九州",
            _ => "本州",
        };
        for c in &clinics.clinics {
            let at = c
                .location
                .as_ref()
                .expect("every bundled clinic has a city position");
            let island = ISLANDS.iter().find(|i| i.name == island_of(&c.id)).unwrap();
            assert!(
                on_island(island, at.lat, at.lon),
                "{} is off {}",
                c.id,
                island.name
            );
            let (x, y) = project(at.lat, at.lon);
            assert!(
                (0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&y),
                "{}",
                c.id
            );
        }
    }

    #[test]
    fn close_neighbours_keep_their_labels_apart() {
        let at = |id: &str, lat, lon| (id.to_string(), lat, lon);
        let all = [
            at("kyoto", 35.0116, 135.7681),
            at("nagoya", 35.1709, 136.8815),
            at("fukuoka", 33.5902, 130.4017),
        ];
        assert!(
            label_on_left("kyoto", &all),
            "Nagoya lies just east of Kyoto"
        );
        assert!(!label_on_left("nagoya", &all));
        assert!(!label_on_left("fukuoka", &all));
        assert!(!label_on_left("nowhere", &all));
    }

    #[test]
    fn every_outline_fits_the_map() {
        for island in &ISLANDS {
            for &(lat, lon) in island.points {
                let (x, y) = project(lat, lon);
                assert!(
                    (0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&y),
                    "{}",
                    island.name
                );
            }
            assert!(outline_path(island).starts_with('M') && outline_path(island).ends_with('Z'));
        }
        // The sea between Honshu and Hokkaido is not land.
        assert!(!ISLANDS.iter().any(|i| on_island(i, 41.6, 141.8)));
    }
}
