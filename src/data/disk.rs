//! Content read from the content folder, for the prerenderer and native tools. Files
//! are parsed once per run: a build renders many pages from the same `site.json`.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use super::{Decode, LoadError};

type Loaded = Arc<dyn Any + Send + Sync>;

fn cache() -> &'static Mutex<HashMap<String, Loaded>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Loaded>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

pub async fn load<T>(path: String, decode: Decode<T>) -> Result<Arc<T>, LoadError>
where
    T: Send + Sync + 'static,
{
    let hit = cache().lock().ok().and_then(|c| c.get(&path).cloned());
    if let Some(value) = hit.and_then(|v| v.downcast::<T>().ok()) {
        return Ok(value);
    }
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(LoadError::not_found(&path))
        }
        Err(e) => {
            return Err(LoadError::Network {
                url: path,
                message: e.to_string(),
            })
        }
    };
    let value = Arc::new(decode(&path, bytes)?);
    if let Ok(mut c) = cache().lock() {
        c.insert(path, value.clone());
    }
    Ok(value)
}
