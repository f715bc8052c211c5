//! What waits for typing to pause: the URL of a search and its spoken count.

use std::time::Duration;

use leptos::prelude::*;

/// How long typing pauses before a search shows in the URL and its count is spoken.
pub const TYPING_PAUSE: Duration = Duration::from_millis(400);

/// An action run once typing pauses: each [`WhenTypingPauses::put_off`] starts the wait
/// again. Nothing runs after the owner is gone.
#[derive(Clone, Copy)]
pub struct WhenTypingPauses {
    pending: StoredValue<Option<TimeoutHandle>>,
    action: StoredValue<Box<dyn Fn() + Send + Sync>>,
}

impl WhenTypingPauses {
    pub fn new(action: impl Fn() + Send + Sync + 'static) -> Self {
        let this = Self {
            pending: StoredValue::new(None),
            action: StoredValue::new(Box::new(action)),
        };
        on_cleanup(move || {
            this.cancel();
        });
        this
    }

    /// Runs the action once typing has paused from now.
    pub fn put_off(self) {
        self.cancel();
        let run = move || {
            self.pending.set_value(None);
            self.action.with_value(|action| action());
        };
        self.pending
            .set_value(set_timeout_with_handle(run, TYPING_PAUSE).ok());
    }

    /// Runs a waiting action at once.
    pub fn run_now(self) {
        if self.cancel() {
            self.action.with_value(|action| action());
        }
    }

    /// Drops a waiting action; says whether one was waiting. Safe after the owner is
    /// gone: a field removed with its page may still report a blur.
    fn cancel(self) -> bool {
        match self.pending.try_update_value(Option::take).flatten() {
            Some(handle) => {
                handle.clear();
                true
            }
            None => false,
        }
    }
}

/// A search typed ahead of the URL. What the reader types is searched at once; the URL's
/// `q` follows once typing pauses, or at once when the field is left. A URL per
/// keystroke costs time on every keystroke, and Safari refuses more than 100 history
/// updates in 30 seconds.
#[derive(Clone, Copy)]
pub struct TypedSearch {
    text: RwSignal<Option<String>>,
    write_url: WhenTypingPauses,
}

impl TypedSearch {
    /// `watch_url` reads (and so tracks) the URL; a change there (back, a link) wins
    /// over what was typed. `write_url` puts a typed search into the URL.
    pub fn new(
        watch_url: impl Fn() + 'static,
        write_url: impl Fn(String) + Send + Sync + 'static,
    ) -> Self {
        let text = RwSignal::new(None::<String>);
        // Not on the first run: text typed before the app started is already here
        // (`SearchField`).
        Effect::new(move |first: Option<()>| {
            watch_url();
            if first.is_some() {
                text.set(None);
            }
        });
        Self {
            text,
            write_url: WhenTypingPauses::new(move || {
                if let Some(q) = text.get_untracked() {
                    write_url(q)
                }
            }),
        }
    }

    /// What was typed and the URL does not show yet (tracked).
    pub fn text(self) -> Option<String> {
        self.text.get()
    }

    /// Whether the search shown was typed rather than read from the URL (untracked).
    pub fn is_typed(self) -> bool {
        self.text.with_untracked(Option::is_some)
    }

    /// The reader typed `q`.
    pub fn typed(self, q: String) {
        self.text.set(Some(q));
        self.write_url.put_off();
    }

    /// The reader left the field (for a category link, say): the URL shows the search
    /// at once.
    pub fn left(self) {
        self.write_url.run_now();
    }
}
