// prefetch.js: the report request a widget starts before the wasm is there, so that the report
// comes over the network while the glue and the wasm do, instead of after them.

/**
 * Starts the request for a report at `src` at once. The wasm makes the same request (CORS, no
 * credentials) when it gets no prefetch, and reads this one's answer exactly as its own: status,
 * size limit, timeout (counted from `started`), CORS diagnosis. It cancels it when the source
 * turns out to be another (a new `src`, a `report` set meanwhile). Only http(s) URLs are
 * fetched; anything else is left for the wasm to refuse with its own message.
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
  const abort = new AbortController();
  const response = fetch(url.href, { method: 'GET', mode: 'cors', credentials: 'omit', signal: abort.signal });
  // The wasm awaits it and reports a failure itself; this keeps a request that is cancelled
  // before the wasm reads it from showing as an unhandled rejection.
  response.catch(() => {});
  return { url: url.href, response, abort, started: Date.now() };
}
