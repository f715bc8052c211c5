//! A calendar date as content files write it (`YYYY-MM-DD`), checked to be a real day.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A real calendar date. Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a string is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    Form,
    /// Of the right form, but no such day (e.g. `2023-02-30`).
    NoSuchDay,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Form => f.write_str("a date must be written YYYY-MM-DD"),
            DateError::NoSuchDay => f.write_str("there is no such day in the calendar"),
        }
    }
}

impl Date {
    /// Builds a date, refusing days that do not exist.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, DateError> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay);
        }
        Ok(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` exactly: four, two and two ASCII digits.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) {
            return Err(DateError::Form);
        }
        if !digits(5..7) || !digits(8..10) {
            return Err(DateError::Form);
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u16>().map_err(|_| DateError::Form);
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if year == 0 {
            return Err(DateError::NoSuchDay);
        }
        Date::new(year, month as u8, day as u8)
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// The dotted form the column prints, e.g. `2023.06.12`.
    pub fn dotted(self) -> String {
        format!("{:04}.{:02}.{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(|e| serde::de::Error::custom(format!("\"{s}\": {e}")))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_and_orders_them() {
        let a = Date::parse("2023-06-12").unwrap();
        let b = Date::parse("2024-02-29").unwrap();
        assert_eq!((a.year(), a.month(), a.day()), (2023, 6, 12));
        assert!(a < b);
        assert_eq!(a.to_string(), "2023-06-12");
        assert_eq!(a.dotted(), "2023.06.12");
    }

    #[test]
    fn refuses_days_that_do_not_exist() {
        for s in [
            "2023-02-29",
            "2023-02-30",
            "2023-04-31",
            "2023-13-01",
            "2023-00-10",
            "0000-01-01",
            "1900-02-29",
        ] {
            assert_eq!(Date::parse(s), Err(DateError::NoSuchDay), "{s}");
        }
    }

    #[test]
    fn refuses_other_forms() {
        for s in [
            "2023.06.12",
            "2023-6-12",
            "23-06-12",
            "",
            "2023-06-12T00:00",
            "２０２３-06-12",
            "+023-06-12",
        ] {
            assert_eq!(Date::parse(s), Err(DateError::Form), "{s}");
        }
    }

    #[test]
    fn round_trips_through_json() {
        let d: Date = serde_json::from_str("\"2000-02-29\"").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2000-02-29\"");
        assert!(serde_json::from_str::<Date>("\"2001-02-29\"").is_err());
    }
}
