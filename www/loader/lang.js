// lang.js: the language of a widget as the loader sees it: the tag it resolves to (its own
// `lang`, else its nearest ancestor's), a watch on that tag, and the one rule that reads a tag
// as Welsh or English (tested against tests/fixtures/lang-tags.json, as Rust's Lang::parse is).

/**
 * 'cy' when the tag's primary subtag is `cy` (any case, then the end or a '-' or '_'
 * separator), else 'en'. Surrounding spaces are ignored, as in an attribute typed by hand.
 */
export function parseLang(tag) {
  return /^cy(?:[-_]|$)/i.test(String(tag ?? '').trim()) ? 'cy' : 'en';
}

/** The widget's language tag: its own `lang`, else the nearest ancestor's, else English. */
export function langOf(el) {
  return el.closest('[lang]')?.getAttribute('lang') || 'en';
}

/**
 * Calls `onchange(lang)` when an ancestor's `lang` changes `el`'s language; returns a stop
 * function. One MutationObserver per widget that follows the page: `lang` attributes change
 * rarely, so the callback runs rarely.
 */
export function followLang(el, onchange) {
  let lang = langOf(el);
  const observer = new MutationObserver(() => {
    const next = langOf(el);
    if (next !== lang) onchange((lang = next));
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  return () => observer.disconnect();
}
