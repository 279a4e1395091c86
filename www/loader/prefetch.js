// prefetch.js: the report request a widget starts before the wasm is there, so that the report
// comes over the network while the glue and the wasm do, instead of after them.

// Requests by URL that no load in the wasm has taken yet: widgets with the same `src` share one.
const pending = new Map();

/**
 * Starts the request for a report at `src` at once, or gives the one already started for the
 * same URL. The wasm makes the same request (CORS, no credentials) when it gets no prefetch,
 * and reads this one's answer exactly as its own: status, size limit, timeout (counted from
 * `started`), CORS diagnosis. The first load of its URL in the wasm marks it `taken` and shares
 * it with every widget of that URL; one no load takes is cancelled by `release`. Only http(s)
 * URLs are fetched; anything else is left for the wasm to refuse with its own message.
 */
export function prefetch(src) {
  const text = typeof src === 'string' ? src.trim() : '';
  if (!text) return undefined;
  let url;
  try {
    url = new URL(text, document.baseURI);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // Before the wasm runs (the only time the loader asks), no load has taken any of them.
  let early = pending.get(url.href);
  if (!early) {
    const abort = new AbortController();
    const response = fetch(url.href, { method: 'GET', mode: 'cors', credentials: 'omit', signal: abort.signal });
    // The wasm awaits it and reports a failure itself; this keeps a request that is cancelled
    // before the wasm reads it from showing as an unhandled rejection.
    response.catch(() => {});
    early = { url: url.href, response, abort, started: Date.now(), users: 0 };
    pending.set(url.href, early);
  }
  early.users++;
  return early;
}

/**
 * A widget is done with `early` (handed to the wasm, or not: removed, the wasm failed, the
 * source changed). The last one out cancels it, unless a load in the wasm took it: the wasm then
 * owns it, and cancels it when no widget waits for it any more.
 */
export function release(early) {
  if (!early || --early.users > 0) return;
  // The one entry for its URL: a new one is made only once this one is gone.
  pending.delete(early.url);
  if (!early.taken) early.abort.abort();
}
