// embed-host.js: the optional script for a page that frames embed.html. It sizes every embed
// frame to its content, fires the widget's `load`, `select` and `error` events on the <iframe>
// element, and with `data-mirror-hash` on the iframe keeps the page's hash and the frame's
// selected area in step. Only messages from an embed frame's own window, on the origin of its
// `src`, are taken: any other frame or origin changes nothing.

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

/** Tells a frame with `data-mirror-hash` this page's hash, so a link here can open an area. */
function sendHash(f) {
  if (location.hash) f.contentWindow.postMessage({ widget: TYPE, type: 'hash', hash: location.hash }, new URL(f.src, location.href).origin);
}

addEventListener('message', (e) => {
  const d = e.data;
  if (d?.widget !== TYPE) return;
  const f = frameOf(e);
  if (!f) return;
  const mirror = f.hasAttribute('data-mirror-hash');
  if (d.type === 'height') {
    if (Number.isFinite(d.height) && d.height >= 0) f.style.height = `${Math.ceil(d.height)}px`;
  } else if (d.type === 'hash') {
    if (mirror && typeof d.hash === 'string' && d.hash !== location.hash) history.replaceState(history.state, '', d.hash || location.pathname + location.search);
  } else if (['load', 'select', 'error'].includes(d.type)) {
    // As on <grade-widget>: `error` does not bubble (it would reach window.onerror).
    f.dispatchEvent(new CustomEvent(d.type, { detail: d.detail, bubbles: d.type !== 'error' }));
    if (d.type === 'load' && mirror) sendHash(f);
  }
});

addEventListener('hashchange', () => {
  for (const f of document.querySelectorAll('iframe[data-mirror-hash]')) sendHash(f);
});
