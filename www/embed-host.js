// embed-host.js: the optional script for a page that frames embed.html. It sizes every embed
// frame to its content, fires the widget's `load`, `select` and `error` events on the <iframe>
// element, tells each frame the page's language (a frame whose address sets none speaks it), and
// with `data-mirror-hash` on the iframe keeps the page's hash and the frame's selected area in
// step. Only messages from an embed frame's own window, on the origin of its `src`, are taken:
// any other frame or origin changes nothing.

const TYPE = 'grade-widget';

/**
 * The embed frame whose window sent `e`: an iframe whose `src` is an embed.html, if the message
 * came from that address's origin (not from a page the frame was later navigated to).
 */
function frameOf(e) {
  for (const f of document.querySelectorAll('iframe')) {
    if (e.source && f.contentWindow === e.source) {
      const url = new URL(f.src, location.href);
      return url.origin === e.origin && url.pathname.endsWith('/embed.html') ? f : null;
    }
  }
  return null;
}

/** Sends a frame a message, to the origin of its `src` only. */
function send(f, type, fields) {
  f.contentWindow?.postMessage({ widget: TYPE, type, ...fields }, new URL(f.src, location.href).origin);
}

/** Tells a frame with `data-mirror-hash` this page's hash, so a link here can open an area. */
function sendHash(f) {
  if (location.hash) send(f, 'hash', { hash: location.hash });
}

/** Tells a frame this page's language, as `<grade-widget>` follows its page's. */
function sendLang(f) {
  if (document.documentElement.lang) send(f, 'lang', { lang: document.documentElement.lang });
}

/** Frames told the page's language and hash on their first message, before their report shows. */
const greeted = new WeakSet();

const embeds = () => [...document.querySelectorAll('iframe')].filter((f) => new URL(f.src, location.href).pathname.endsWith('/embed.html'));

addEventListener('message', (e) => {
  const d = e.data;
  if (d?.widget !== TYPE) return;
  const f = frameOf(e);
  if (!f) return;
  const mirror = f.hasAttribute('data-mirror-hash');
  // Again on `load`: a frame loaded anew (a new `src`) is a new page to tell.
  if (!greeted.has(f) || d.type === 'load') {
    greeted.add(f);
    sendLang(f);
    if (mirror) sendHash(f);
  }
  if (d.type === 'height') {
    if (Number.isFinite(d.height) && d.height >= 0) f.style.height = `${Math.ceil(d.height)}px`;
  } else if (d.type === 'hash') {
    if (mirror && typeof d.hash === 'string' && d.hash !== location.hash) history.replaceState(history.state, '', d.hash || location.pathname + location.search);
  } else if (['load', 'select', 'error'].includes(d.type)) {
    // As on <grade-widget>: `error` does not bubble (it would reach window.onerror).
    f.dispatchEvent(new CustomEvent(d.type, { detail: d.detail, bubbles: d.type !== 'error' }));
  }
});

addEventListener('hashchange', () => {
  for (const f of embeds()) if (f.hasAttribute('data-mirror-hash')) sendHash(f);
});

// A language switcher that sets <html lang>: each frame follows.
new MutationObserver(() => embeds().forEach(sendLang)).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
