//! Browser embedding: custom element, JS API, events. (Owned by the embedding work.)
