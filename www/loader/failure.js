// failure.js: the note a widget shows when the wasm cannot start (blocked, missing or changed on
// the server, or a browser without what it needs). Built apart from the loader as
// grade-widget-failure.js (scripts/loader.mjs) and imported only then (boot.js, bootFailed),
// so a page where the widget starts never loads it. It is bundled with what it imports (the tag
// rule is also in the loader's bundle: a copy of a few bytes, rather than a shared chunk that
// every page would have to fetch).

import { blame } from './blame.js';
import CSS from './failure.css';
import { parseLang } from './lang.js';

/** The note's words, in English and Welsh (the wasm's string tables failed with it). */
const TEXT = {
  en: {
    title: 'The inspection report could not be shown',
    server: 'A file the grade widget needs is missing, blocked or has changed on this website.',
    browser: 'The grade widget could not start in this browser.',
    details: 'Technical details (for the site owner)',
    fallback: 'Read the report',
  },
  cy: {
    title: 'Nid oedd modd dangos yr adroddiad arolygu',
    server: "Mae ffeil sydd ei hangen ar y teclyn graddau ar goll, wedi'i rhwystro neu wedi newid ar y wefan hon.",
    browser: "Nid oedd modd i'r teclyn graddau ddechrau yn y porwr hwn.",
    details: 'Manylion technegol (i berchennog y wefan, yn Saesneg)',
    fallback: 'Darllen yr adroddiad',
  },
};

let sheet;

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

/** The box: heading, whose fault, "Read the report" when there is a fallback-href, the reason collapsed. */
function box(host, error, message, options, t) {
  const level = Number(options.headingLevel ?? host.getAttribute?.('heading-level'));
  const box = el('div', 'gw-error');
  box.setAttribute('role', 'alert');
  box.setAttribute('part', 'error');
  box.setAttribute('data-testid', 'error');
  box.setAttribute('data-kind', 'wasm');
  const fault = blame(error);
  box.setAttribute('data-fault', fault);
  const title = el(`h${Number.isInteger(level) && level >= 2 && level <= 6 ? level : 2}`, 'gw-h2 gw-error__title', t.title);
  title.setAttribute('data-testid', 'error-title');
  const summary = el('p', 'gw-error__summary', t[fault]);
  summary.setAttribute('data-testid', 'error-summary');
  box.append(title, summary);
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
  const reason = el('p', 'gw-error__message');
  reason.setAttribute('data-testid', 'error-message');
  // The technical reason stays as the code and the browser wrote it: English.
  const span = el('span', '', message);
  if (t === TEXT.cy) span.lang = 'en';
  reason.append(span);
  details.append(el('summary', 'gw-error__toggle', t.details), reason);
  box.append(details);
  return box;
}

/**
 * Shows the note in `host`'s shadow root, as the same box as the widget's other errors. What the
 * root already shows stays: a pre-rendered copy in a declarative shadow root (or in an inert
 * <template> put in by script, unpacked here as the wasm's src/embed/shadow.rs would) is all
 * the reader has without the wasm, so the note goes above it. A root with nothing else in it
 * gets a <slot> below the note, so the element's own content (a link to the report, a copy in
 * the light DOM) stays visible too.
 * `options`: { lang, headingLevel, fallbackHref }, else the host's attributes.
 */
export function showFailure(host, error, message, options) {
  let root = host.shadowRoot;
  if (!root) {
    root = host.attachShadow({ mode: 'open' });
    const copy = host.querySelector(':scope > template');
    if ([...(copy?.content.children ?? [])].some((c) => c.matches('.gw-container[data-gw-hydrate]'))) {
      root.append(copy.content);
      copy.remove();
    }
  }
  try {
    sheet ??= new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets.filter((s) => s !== sheet), sheet];
  } catch {
    // No constructable stylesheets (Safari before 16.4): the box shows unstyled.
  }
  const lang = parseLang(options.lang);
  const wrap = el('div', 'gw gw-boot');
  wrap.lang = lang;
  wrap.setAttribute('part', 'root');
  wrap.append(box(host, error, message, options, TEXT[lang]));
  // A second failed mount() on the same element replaces its note.
  root.querySelector(':scope > .gw-boot')?.remove();
  root.prepend(wrap);
  if (root.childElementCount === 1) root.append(document.createElement('slot'));
}
