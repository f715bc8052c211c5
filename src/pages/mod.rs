//! One module per page.

mod article;
mod column_list;
mod not_found;

pub use article::ArticlePage;
pub use column_list::ColumnList;
pub use not_found::NotFound;
