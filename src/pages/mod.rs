//! One module per page.

mod article;
mod clinics;
mod column_list;
mod embed;
mod embed_code;
mod faq;
mod not_found;

pub use article::ArticlePage;
pub use clinics::ClinicsPage;
pub use column_list::ColumnList;
pub use embed::{EmbedArticle, EmbedClinics, EmbedColumns, EmbedFaq};
pub use embed_code::EmbedCodePage;
pub use faq::FaqPage;
pub use not_found::{NotFound, NotFoundView};
