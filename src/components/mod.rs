//! Components shared by several pages, one module each.

mod app_link;
mod article_body;
mod article_card;
mod breadcrumbs;
mod collapsible;
mod column_header;
mod copy_button;
mod doctor_box;
mod highlighted;
mod japan_map;
mod live_count;
mod load_failure;
mod page_content;
mod page_meta;
mod pagination;
mod raw_element;
mod search_field;
mod share_links;
mod site_footer;
mod site_header;
mod skeleton;
mod treatment_disclosure;
mod typing;

pub use app_link::{
    destination_link, embedded, external_link, link_to, rel_for, AppLink, Embedded, ExternalLink,
    InPageLink,
};
pub use article_body::{ArticleBody, BodyLinks};
pub use article_card::{card_inside, card_item, card_view};
pub use breadcrumbs::Breadcrumbs;
pub use collapsible::{Collapsible, Collapsibles, OpenAllButton, ShowAllToggle};
pub use column_header::ColumnHeader;
pub use copy_button::CopyButton;
pub use doctor_box::doctor_box;
pub use highlighted::{Highlighted, Phrased};
pub use japan_map::JapanMap;
pub use live_count::LiveCount;
pub use load_failure::LoadFailure;
pub use page_content::PageContent;
pub use page_meta::{JsonLd, PageMeta};
pub use pagination::Pagination;
pub use raw_element::RawElement;
pub use search_field::SearchField;
pub use share_links::ShareLinks;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skeleton::Skeleton;
pub use treatment_disclosure::TreatmentDisclosure;
pub use typing::{TypedSearch, WhenTypingPauses, TYPING_PAUSE};
