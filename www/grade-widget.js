// grade-widget.js: the one file a host page loads. Defines the <grade-widget> custom element and
// exports `mount(element, options)` for pages that build widgets from JS. Both drive the wasm
// build (the wasm-bindgen glue and the wasm beside this file), which is imported, fetched and
// instantiated once, on first use, and shared by every widget on the page.
//
// No eval, no inline styles, no inline scripts: works under `script-src 'self' 'wasm-unsafe-eval'`.

const TAG = 'grade-widget';
/** Attributes that change what the widget shows (theme is pure CSS: `:host([theme=dark])`). */
const OBSERVED = ['src', 'view', 'area', 'lang', 'deep-link', 'timeout', 'loading', 'href',
  'heading-level', 'area-href', 'fallback-href'];
/** How far outside the viewport a `loading="lazy"` widget starts loading. */
const LAZY_MARGIN = '200px';

/**
 * The glue and the wasm this loader starts, relative to itself. In pkg/ and the demo they have
 * their plain names and no integrity. `make dist` builds its loader with esbuild
 * `--define:__GW_FILES__=…` (scripts/dist.mjs), naming the content-hashed copies and their SRI
 * hashes, so every file after the loader is checked against the hash the loader carries.
 */
// eslint-disable-next-line no-undef
const FILES = typeof __GW_FILES__ === 'undefined' ? null : __GW_FILES__;

let ready;
/** The glue's `mount`, once `boot()` has imported the glue and instantiated the wasm. */
let mountWasm;

/**
 * Imports the glue and instantiates the wasm, once for the whole page. Every failure on the way
 * (glue missing, blocked by CSP or CORS, changed since its hash was taken; wasm missing, refused,
 * not compilable) rejects with a message naming the file, which each widget shows (showBootFailure).
 */
function boot() {
  ready ??= (async () => {
    const glue = await importGlue();
    // `new URL('literal', import.meta.url)` is the form bundlers follow.
    const wasm = FILES ? new URL(FILES.wasm, import.meta.url) : new URL('grade_widget_bg.wasm', import.meta.url);
    try {
      // A Request, so the dist build's integrity covers the wasm too; the glue fetches it.
      await glue.default({ module_or_path: new Request(wasm, { integrity: FILES?.integrity.wasm ?? '' }) });
    } catch (error) {
      throw failure(wasm.href, error);
    }
    mountWasm = glue.mount;
  })();
  return ready;
}

/** An error that names the file that failed (once: the browser's own message may name it). */
function failure(url, error) {
  const reason = `${error?.message ?? error}`;
  return new Error(reason.includes(url) ? reason : `could not load ${url}: ${reason}`, { cause: error });
}

/**
 * The glue, by a dynamic import inside boot(): a static import that fails (missing file, no CORS
 * header, CSP) would fail this whole module, leaving the element undefined and no event fired.
 * import() takes no integrity, so the dist build first loads the glue through
 * `<link rel="modulepreload" integrity>`: a changed file is refused there, and import() then
 * takes the checked module from the page's module map instead of fetching it again.
 */
async function importGlue() {
  if (!FILES) {
    // A literal specifier, so bundlers that take pkg/ as a package still follow it.
    return import('./grade_widget.js').catch((error) => {
      throw failure(new URL('grade_widget.js', import.meta.url).href, error);
    });
  }
  const url = new URL(FILES.glue, import.meta.url).href;
  await new Promise((done, fail) => {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = 'anonymous';
    link.integrity = FILES.integrity.glue;
    link.href = url;
    link.onload = () => done(link.remove());
    link.onerror = () => {
      link.remove();
      fail(new Error(`could not load ${url}: it is missing, blocked (CORS or Content-Security-Policy) or does not match its integrity hash`));
    };
    (document.head ?? document.documentElement).append(link);
  });
  return import(url).catch((error) => {
    throw failure(url, error);
  });
}

/**
 * Starts the request for a report at `src` at once, so that the report comes over the network
 * while the glue and the wasm do, instead of after them. The wasm makes the same request
 * (CORS, no credentials) when it gets no prefetch, and reads this one's answer exactly as its
 * own: status, size limit, timeout (counted from `started`), CORS diagnosis. It cancels it when
 * the source turns out to be another (a new `src`, a `report` set meanwhile). Only http(s) URLs
 * are fetched; anything else is left for the wasm to refuse with its own message.
 */
function prefetch(src) {
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

/** The widget's language: its own `lang`, else the nearest ancestor's, else English. */
function langOf(el) {
  return el.closest('[lang]')?.getAttribute('lang') || 'en';
}

// --- Following the page's language -------------------------------------------------------
// A widget without its own `lang` speaks its nearest ancestor's. One MutationObserver per such
// widget watches `lang` attributes anywhere in the document (they change rarely, so the
// callback runs rarely) and calls back when the widget's resolved language differs.

/** Calls `onchange(lang)` when an ancestor's `lang` changes `el`'s language; returns a stop function. */
function followLang(el, onchange) {
  let lang = langOf(el);
  const observer = new MutationObserver(() => {
    const next = langOf(el);
    if (next !== lang) onchange((lang = next));
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  return () => observer.disconnect();
}

// --- JS API misuse -----------------------------------------------------------------------
// Mistakes in the calling page are TypeErrors that say which call was wrong and why, instead
// of whatever the wasm glue would throw ("null pointer passed to rust").

/** What `mount()` was given, for its error message. */
function describe(value) {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string "${value}" (pass the element itself, e.g. document.querySelector(…))`;
  if (typeof value !== 'object') return `${typeof value} ${String(value)}`;
  if (value.nodeType === 1) return `an <${value.localName}> element, which cannot hold a shadow root`;
  return `${Object.prototype.toString.call(value).slice(8, -1)} (not an element)`;
}

/** Throws unless `el` is an HTML element that can carry an open shadow root. */
function checkMountTarget(el) {
  const html = el?.nodeType === 1 && el.namespaceURI === 'http://www.w3.org/1999/xhtml';
  // The elements attachShadow accepts: custom elements (with a hyphen) and these.
  const can = html && (el.localName.includes('-') || /^(article|aside|blockquote|body|div|footer|h[1-6]|header|main|nav|p|section|span)$/.test(el.localName));
  if (!can || el.shadowRoot?.mode === 'closed') {
    throw new TypeError(`grade-widget: mount() needs an element to show the widget in (a <div>, <section>, …), but was given ${describe(el)}`);
  }
}

function afterDestroy(method) {
  return new TypeError(`grade-widget: ${method}() was called after destroy()`);
}

/**
 * The boot failure's own stylesheet: the wasm's stylesheet is out of reach when the wasm is what
 * failed, so the few rules the error box needs live here, with the same classes and custom
 * properties as the widget's (a constructable stylesheet: no <style> element, strict CSP safe).
 */
const BOOT_CSS = `:host{display:block}
.gw{box-sizing:border-box;padding:var(--gw-space,16px);font-family:var(--gw-font,inherit);font-size:var(--gw-font-size,inherit);
line-height:1.5;color:var(--gw-text,light-dark(#0b0c0c,#f3f2f1));background:var(--gw-background,light-dark(#fff,#1b1d1e))}
.gw-error{border:5px solid var(--gw-error,light-dark(#d4351c,#f47c6a));padding:var(--gw-space,16px)}
.gw-error>*{margin:0}.gw-error>*+*{margin-top:12px}
.gw-error__title{font-size:1.25em;line-height:1.3;font-weight:700}
.gw-error__fallback{color:var(--gw-accent,light-dark(#1d70b8,#6fa8dc));font-weight:700}
.gw-error__details>*{margin:0}.gw-error__details>*+*{margin-top:8px}
.gw-error__toggle{cursor:pointer}
:focus-visible{outline:3px solid var(--gw-focus,light-dark(#0b0c0c,#fd0));outline-offset:2px}
@media (forced-colors:active){:focus-visible{outline-color:Highlight}}`;
let bootSheet;

/** The boot failure's words, in English and Welsh (the wasm's string tables failed with it). */
const BOOT_TEXT = {
  en: {
    title: 'The inspection report could not be shown',
    summary: 'The grade widget could not start in this browser.',
    details: 'Technical details (for the site owner)',
    fallback: 'Read the report',
  },
  cy: {
    title: 'Nid oedd modd dangos yr adroddiad arolygu',
    summary: "Nid oedd modd i'r teclyn graddau ddechrau yn y porwr hwn.",
    details: 'Manylion technegol (i berchennog y wefan, yn Saesneg)',
    fallback: 'Darllen yr adroddiad',
  },
};

/** An element with a class and text (text only: nothing here is parsed as HTML). */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The host's `fallback-href`, unless it is a script URL (the widget's own rule for links). */
function safeHref(href) {
  const h = (href ?? '').trim();
  const scheme = /^([^/?#:]*):/.exec(h)?.[1]?.toLowerCase();
  return h && (scheme === undefined || ['http', 'https', 'mailto'].includes(scheme)) ? h : null;
}

/**
 * Shown when the wasm itself cannot load (blocked by CSP, missing file, very old browser): the
 * same box as the widget's other errors (heading, plain sentence, "Read the report" when the host
 * gave a fallback-href, the technical reason in a collapsed <details>), and the same `error` event.
 */
function showBootFailure(host, error, options = {}) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  try {
    bootSheet ??= new CSSStyleSheet();
    bootSheet.replaceSync(BOOT_CSS);
    root.adoptedStyleSheets = [bootSheet];
  } catch {
    // No constructable stylesheets (Safari before 16.4): the box shows unstyled.
  }
  const welsh = /^cy\b/i.test(options.lang ?? langOf(host));
  const t = BOOT_TEXT[welsh ? 'cy' : 'en'];
  const reason = `the grade widget could not start: ${error?.message ?? error}`;
  const level = Number(options.headingLevel ?? host.getAttribute?.('heading-level'));
  const box = el('div', 'gw-error');
  box.setAttribute('role', 'alert');
  box.setAttribute('part', 'error');
  box.setAttribute('data-testid', 'error');
  box.setAttribute('data-kind', 'wasm');
  const title = el(`h${Number.isInteger(level) && level >= 2 && level <= 6 ? level : 2}`, 'gw-h2 gw-error__title', t.title);
  box.append(title, el('p', 'gw-error__summary', t.summary));
  const fallback = safeHref(options.fallbackHref ?? host.getAttribute?.('fallback-href'));
  if (fallback) {
    const link = el('a', 'gw-error__fallback', t.fallback);
    link.href = fallback;
    link.setAttribute('data-testid', 'fallback');
    box.append(el('p', 'gw-error__actions'));
    box.lastChild.append(link);
  }
  const details = el('details', 'gw-error__details');
  details.setAttribute('data-testid', 'error-details');
  const message = el('p', 'gw-error__message');
  message.setAttribute('data-testid', 'error-message');
  // The technical reason stays as the code and the browser wrote it: English.
  const span = el('span', '', reason);
  if (welsh) span.lang = 'en';
  message.append(span);
  details.append(el('summary', 'gw-error__toggle', t.details), message);
  box.append(details);
  const wrap = el('div', 'gw');
  wrap.lang = welsh ? 'cy' : 'en';
  wrap.setAttribute('part', 'root');
  wrap.append(box);
  // The slot keeps any pre-rendered static markup (grade-widget render) visible below the note:
  // without the wasm, that table is all the reader has.
  root.replaceChildren(wrap, document.createElement('slot'));
  host.dispatchEvent(new CustomEvent('error', {
    composed: true,
    detail: { type: 'wasm', message: reason, problems: [], retryable: false },
  }));
}

/**
 * Mounts a widget into any element that can hold a shadow root (div, section, article, …).
 * `options`: { report | src, view, area, lang, deepLink, timeout, href, headingLevel, areaHref,
 * fallbackHref }.
 * Resolves to a handle with update(options), retry() and destroy().
 */
export async function mount(element, options = {}) {
  if (element?.localName === TAG) {
    throw new TypeError('grade-widget: mount() is for plain elements; set attributes or the report property on <grade-widget> instead');
  }
  checkMountTarget(element);
  const early = options?.report == null ? prefetch(options?.src) : undefined;
  await boot().catch((error) => {
    early?.abort.abort();
    showBootFailure(element, error, options);
    throw error;
  });
  let current = { ...options, lang: options?.lang ?? langOf(element) };
  let widget = mountWasm(element, current, early);
  // Without a `lang` option the widget follows the page's (see followLang).
  let ownLang = options?.lang !== undefined;
  const stopLang = followLang(element, (lang) => {
    if (!ownLang && widget) widget.update((current = { ...current, lang }));
  });
  return {
    update(next) {
      if (!widget) throw afterDestroy('update');
      if (next?.lang !== undefined) ownLang = true;
      current = { ...current, ...next };
      widget.update(current);
    },
    retry() {
      if (!widget) throw afterDestroy('retry');
      widget.retry();
    },
    /** Frees the widget; calling it again does nothing. */
    destroy() {
      stopLang();
      widget?.destroy();
      widget = null;
    },
  };
}

export class GradeWidget extends HTMLElement {
  static observedAttributes = OBSERVED;

  #widget = null;
  #report = undefined;
  #observer = null;
  #starting = false;
  /** Stops following the ancestors' `lang`; set while the element has no `lang` of its own. */
  #stopLang = null;

  connectedCallback() {
    this.#syncLang();
    // Moved within the page: the new place may have another language.
    if (this.#widget) this.#call((w) => w.update(this.#config()));
    if (this.#widget || this.#starting) return;
    if (this.getAttribute('loading') === 'lazy' && 'IntersectionObserver' in window) {
      this.#observer ??= new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.#unobserve();
          this.#start();
        }
      }, { rootMargin: LAZY_MARGIN });
      this.#observer.observe(this);
    } else {
      this.#start();
    }
  }

  disconnectedCallback() {
    this.#syncLang();
    this.#unobserve();
    // A move within the page disconnects and reconnects in one task: keep the widget then.
    queueMicrotask(() => {
      if (!this.isConnected) this.#destroy();
    });
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name === 'loading' && after !== 'lazy' && this.isConnected && !this.#widget) {
      this.#unobserve();
      this.#start();
      return;
    }
    if (name === 'lang') this.#syncLang();
    this.#call((w) => w.update(this.#config()));
  }

  /** The report as a plain JS object; setting it shows that report instead of `src`. */
  get report() {
    return this.#report;
  }

  set report(value) {
    this.#report = value;
    this.#call((w) => w.update(this.#config()));
  }

  /** Loads the current source again (as the widget's own "Try again" button does). */
  retry() {
    this.#call((w) => w.retry());
  }

  #config() {
    const timeout = Number.parseFloat(this.getAttribute('timeout') ?? '');
    return {
      report: this.#report,
      src: this.getAttribute('src') ?? undefined,
      view: this.getAttribute('view') ?? undefined,
      area: this.getAttribute('area') ?? undefined,
      lang: langOf(this),
      deepLink: this.hasAttribute('deep-link'),
      href: this.getAttribute('href') ?? undefined,
      headingLevel: this.getAttribute('heading-level') ?? undefined,
      areaHref: this.getAttribute('area-href') ?? undefined,
      fallbackHref: this.getAttribute('fallback-href') ?? undefined,
      timeout: Number.isFinite(timeout) ? timeout : undefined,
    };
  }

  async #start() {
    this.#starting = true;
    // Handed to the wasm, which uses it if the source is still this `src` (see prefetch).
    let early = this.#report == null ? prefetch(this.getAttribute('src')) : undefined;
    try {
      await boot();
      // Inline JSON in a <script> child may still be arriving while the parser runs.
      if (document.readyState === 'loading') {
        await new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }));
      }
      if (this.isConnected && !this.#widget) {
        this.#widget = mountWasm(this, this.#config(), early);
        early = undefined;
      }
    } catch (error) {
      showBootFailure(this, error);
    } finally {
      this.#starting = false;
      // Not handed over (removed meanwhile, or the wasm failed): nobody will read it.
      early?.abort.abort();
    }
  }

  #destroy() {
    const widget = this.#widget;
    this.#widget = null;
    if (widget) this.#call(() => widget.destroy(), widget);
  }

  /** Follows the ancestors' `lang` while connected without an own `lang` attribute. */
  #syncLang() {
    const follow = this.isConnected && !this.hasAttribute('lang');
    if (follow && !this.#stopLang) {
      this.#stopLang = followLang(this, () => this.#call((w) => w.update(this.#config())));
    } else if (!follow && this.#stopLang) {
      this.#stopLang();
      this.#stopLang = null;
    }
  }

  #unobserve() {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  /** Calls into the wasm; after an internal error (already shown in the widget) it stays quiet. */
  #call(fn, widget = this.#widget) {
    if (!widget) return;
    try {
      fn(widget);
    } catch (error) {
      console.error('grade-widget:', error);
    }
  }
}

if (!customElements.get(TAG)) {
  customElements.define(TAG, GradeWidget);
} else if (customElements.get(TAG) !== GradeWidget) {
  // Another copy of the loader (another URL, another version) defined the element first: this
  // one stays unused. Say so, or an upgrade that left an old script tag looks like it did nothing.
  console.warn(`grade-widget: <${TAG}> is already defined by another script; ${import.meta.url} is not used`);
}
