// embed.js: the script of embed.html, the page a host frames with an <iframe> when it cannot run
// scripts of its own. It reads the widget's settings from the page's URL, refuses a report from
// any origin the page's own Content-Security-Policy does not let it fetch (so nobody can show
// made-up grades under a force's domain), builds one <grade-widget>, and tells the host page its
// height and the widget's events by postMessage (the shape is in docs/hosting.md).
//
// No inline script or style, nothing parsed as HTML: it runs under embed.html's strict policy.

/** The URL parameters that become the widget's attributes (`deep-link` is a boolean). */
const SETTINGS = ['src', 'view', 'area', 'lang', 'theme', 'heading-level', 'area-href', 'deep-link'];

/** The page's own words, in English and Welsh (the widget's are in its wasm). */
const TEXT = {
  en: {
    title: 'Inspection grades',
    titled: '{force}: inspection grades',
    refused: 'This report cannot be shown here',
    why: 'This page shows reports only from its own website and from the addresses its settings allow.',
    address: 'The report asked for was {src}',
  },
  cy: {
    title: 'Graddau arolygu',
    titled: '{force}: graddau arolygu',
    refused: "Nid oes modd dangos yr adroddiad hwn yma",
    why: "Mae'r dudalen hon yn dangos adroddiadau o'i gwefan ei hun yn unig, ac o'r cyfeiriadau y mae ei gosodiadau yn eu caniatáu.",
    address: "Yr adroddiad y gofynnwyd amdano oedd {src}",
  },
};

/** The few rules the page needs, as a constructable stylesheet (no <style>: strict CSP safe). */
const CSS = `html{font-family:Arial,Helvetica,sans-serif;line-height:1.5}
body{margin:0;display:flow-root;overflow-wrap:anywhere}
#embed>grade-widget{display:block;width:100%}
.refused{margin:0;padding:16px;border:5px solid #d4351c;color:#0b0c0c;background:#fff}
.refused>*{margin:0}.refused>*+*{margin-top:12px}
.refused__title{font-size:1.25em;line-height:1.3}`;

const params = new URLSearchParams(location.search);
/** English or Welsh: the URL's `lang`, else the host page's as its host script tells (see listen). */
const langOf = (tag) => (/^cy\b/i.test(tag ?? '') ? 'cy' : 'en');
let lang = langOf(params.get('lang'));
let text = TEXT[lang];
/** The force's name once the report is shown, for the page's title in either language. */
let force = null;
const framed = window.parent !== window;
const deepLink = params.has('deep-link') && params.get('deep-link') !== 'false';

/** Posts one message to the host page: { widget, frame, type, …fields }. */
function post(type, fields = {}) {
  // '*': the host may be any site that frames this page (frame-ancestors decides which may);
  // nothing sent is private: the height, the area, and what the widget shows anyway.
  if (framed) window.parent.postMessage({ widget: 'grade-widget', frame: window.name, type, ...fields }, '*');
}

/** The page's content height in CSS pixels, rounded up so the frame never needs a scrollbar. */
function height() {
  return Math.ceil(document.documentElement.getBoundingClientRect().height);
}

let lastHeight = -1;
/** Posts the height; `always` also when it has not changed (after a load, a selection…). */
function postHeight(always = false) {
  const h = height();
  if (!always && h === lastHeight) return;
  lastHeight = h;
  post('height', { height: h });
}

/**
 * The origins this page's policy lets it fetch from (connect-src): 'self' and exact origins
 * (https://data.example.org), or a path prefix. Wildcards and bare schemes are not taken:
 * the setting names each report origin. Reading the policy keeps the setting in one place, and
 * the browser enforces the same list if this check were ever wrong.
 */
function allowed(url) {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.origin === location.origin) return true;
  const policy = document.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.content ?? '';
  const directive = policy.split(';').map((d) => d.trim().split(/\s+/))
    .find(([name]) => name.toLowerCase() === 'connect-src') ?? [];
  return directive.slice(1).some((source) => {
    if (source.includes('*')) return false;
    let listed;
    try {
      listed = new URL(source);
    } catch {
      return false;
    }
    if (listed.origin !== url.origin) return false;
    const path = listed.pathname;
    return path.endsWith('/') ? url.pathname.startsWith(path) : url.pathname === path;
  });
}

/** An element with text (text only: nothing here is parsed as HTML). */
function el(tag, className, words) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (words !== undefined) node.textContent = words;
  return node;
}

/** Shown instead of the report when `src` is on an origin the page does not allow. */
function refuse(place, src) {
  const level = Number(params.get('heading-level'));
  const box = el('div', 'refused');
  box.setAttribute('role', 'alert');
  box.setAttribute('data-testid', 'refused');
  box.append(
    el(`h${Number.isInteger(level) && level >= 2 && level <= 6 ? level : 2}`, 'refused__title', text.refused),
    el('p', '', text.why),
  );
  const address = el('p', '', text.address.replace('{src}', src));
  box.append(address);
  place.replaceChildren(box);
  const message = `the embed page refused the report ${src}: its origin is not in the page's connect-src`;
  post('error', { detail: { type: 'src', message, problems: [], retryable: false } });
}

/** The widget, with the URL's settings as its attributes. */
function widget(place) {
  const gw = document.createElement('grade-widget');
  // A stable hook for the page's own tests and for readers' tools; the URL cannot set it.
  gw.id = 'widget';
  for (const name of SETTINGS) {
    if (name === 'deep-link') {
      if (deepLink) gw.setAttribute(name, '');
    } else if (params.has(name)) {
      gw.setAttribute(name, params.get(name));
    }
  }
  if (params.has('lang')) gw.setAttribute('lang', lang);
  gw.addEventListener('load', (e) => {
    if (!(e instanceof CustomEvent)) return;
    force = e.detail.force;
    document.title = text.titled.replace('{force}', force);
    post('load', { detail: e.detail });
    postHeight(true);
  });
  gw.addEventListener('select', (e) => {
    post('select', { detail: e.detail });
    // With deep-link the widget has already put the area in this page's hash.
    if (deepLink) post('hash', { hash: location.hash });
    postHeight(true);
  });
  gw.addEventListener('error', (e) => {
    if (!(e instanceof CustomEvent)) return;
    post('error', { detail: e.detail });
    postHeight(true);
  });
  place.replaceChildren(gw);
}

/** The page's language; the widget follows it (it has no `lang` of its own then). */
function setLang(next) {
  lang = next;
  text = TEXT[lang];
  document.documentElement.lang = lang;
  document.title = force === null ? text.title : text.titled.replace('{force}', force);
}

/**
 * Messages from the host page, only from the frame's own parent: a hash to select an area, and
 * the host page's language (when the URL gives none), as its host script sends them.
 */
function listen() {
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (e.source !== window.parent || d?.widget !== 'grade-widget') return;
    // A hash that names an area selects it (the widget follows hashchange); others do nothing.
    if (d.type === 'hash' && deepLink && typeof d.hash === 'string' && /^#[\w.-]{1,32}$/.test(d.hash) && d.hash !== location.hash) {
      location.replace(d.hash);
    }
    if (d.type === 'lang' && !params.has('lang') && typeof d.lang === 'string' && langOf(d.lang) !== lang) {
      setLang(langOf(d.lang));
    }
  });
  if (deepLink) {
    // Back and Forward inside the frame, and fragment links: the host mirrors the new hash.
    for (const type of ['hashchange', 'popstate']) window.addEventListener(type, () => post('hash', { hash: location.hash }));
  }
}

function start() {
  setLang(lang);
  try {
    const sheet = new CSSStyleSheet();
    // A forced theme colours the page around the widget too (the frame's canvas), so a frame
    // taller than its report has no white band under a dark widget.
    const theme = params.get('theme');
    sheet.replaceSync(theme === 'dark' || theme === 'light' ? `${CSS}\nhtml{color-scheme:${theme}}` : CSS);
    document.adoptedStyleSheets = [sheet];
  } catch {
    // No constructable stylesheets (Safari before 16.4): the page shows with the browser's styles.
  }
  const place = document.getElementById('embed');
  const src = params.get('src')?.trim();
  let url = null;
  try {
    url = src ? new URL(src, location.href) : null;
  } catch {
    // Not a URL: the widget refuses it with its own `src` error.
  }
  if (url && !allowed(url)) refuse(place, url.href);
  else widget(place);
  listen();
  // Every change of the page's height: the report arriving, a filter, a selection, a language,
  // a new frame width. ResizeObserver reports after layout, before paint.
  new ResizeObserver(() => postHeight()).observe(document.documentElement);
}

start();
