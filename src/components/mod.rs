//! Components shared by several pages, one module each.

mod article_body;
mod article_card;
mod breadcrumbs;
mod collapsible;
mod column_header;
mod doctor_box;
mod highlighted;
mod japan_map;
mod load_failure;
mod page_content;
mod page_meta;
mod pagination;
mod search_field;
mod share_links;
mod site_footer;
mod site_header;
mod skeleton;

pub use article_body::ArticleBody;
pub use article_card::ArticleCard;
pub use breadcrumbs::Breadcrumbs;
pub use collapsible::{Collapsible, Collapsibles, ShowAllToggle};
pub use column_header::ColumnHeader;
pub use doctor_box::DoctorBox;
pub use highlighted::Highlighted;
pub use japan_map::JapanMap;
pub use load_failure::LoadFailure;
pub use page_content::PageContent;
pub use page_meta::{JsonLd, PageMeta};
pub use pagination::Pagination;
pub use search_field::SearchField;
pub use share_links::ShareLinks;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skeleton::Skeleton;
