//! Components shared by several pages, one module each.

mod column_header;
mod load_failure;

pub use column_header::ColumnHeader;
pub use load_failure::LoadFailure;
