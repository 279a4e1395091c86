// copy.js: the options a pre-rendered copy (`grade-widget render`) was rendered with, read from
// the stamps on its container (src/hydration/stamps.rs writes them), and taken up wherever the
// element's attributes or mount()'s options say nothing. Without this, a copy rendered with
// `--view summary` under `<grade-widget src=…>` would not match what the element asks for (the
// full view), and the widget would throw the copy away and draw afresh: the page jumps.
// Here rather than in the wasm because it is cheaper in bytes: the same in Rust cost about
// 1.4 KB brotli of the widget's budget (docs/cli.md, "The copy says what it was rendered
// with"). Values are only ever attribute text, never markup; one the option cannot take is
// ignored.

import { parseLang } from './lang.js';

/**
 * Each stamp (`data-gw-` and the attribute's name), mount()'s key for it, and the values the
 * option can take: any other counts as not given at all, on the copy and on the element alike.
 */
const STAMPS = [
  ['view', 'view', /^\s*(full|summary|area|badge)\s*$/i],
  ['area', 'area', /^\s*\d+[a-z]\s*$/i],
  ['href', 'href', /./],
  ['heading-level', 'headingLevel', /^\s*[2-6]\s*$/],
  ['area-href', 'areaHref', /\S/],
];

/**
 * The options a copy was rendered with, as mount()'s keys, from `attr(name)` (its container's
 * attributes); null for a copy without a view stamp (made before the stamps), from which nothing
 * is taken. The language is the container's own `lang`.
 */
export function readStamps(attr) {
  const copy = { lang: parseLang(attr('lang')), headingLevel: '2' };
  for (const [name, key, ok] of STAMPS) {
    const value = attr(`data-gw-${name}`);
    if (ok.test(value ?? '')) copy[key] = value;
  }
  return copy.view ? copy : null;
}

/**
 * The stamped options of the copy in `host`, if it holds one: in its declarative shadow root,
 * in an inert `<template>` (the same markup put in with innerHTML), or as its own child. The
 * stamps are removed once read: from now on the widget owns the container, and they would no
 * longer say what it shows.
 */
export function copyOf(host) {
  for (const root of [host.shadowRoot, host.querySelector(':scope > template')?.content, host]) {
    for (const child of root?.children ?? []) {
      if (!child.matches('.gw-container[data-gw-hydrate]')) continue;
      const copy = readStamps((name) => child.getAttribute(name));
      for (const [name] of STAMPS) child.removeAttribute(`data-gw-${name}`);
      return copy;
    }
  }
  return null;
}

/** `view="summary"`, or `no href` for an option not given. */
const say = (name, value) => (value == null ? `no ${name}` : `${name}="${value}"`);

/**
 * `options` (mount()'s keys) with the copy's wherever they are silent (`ownLang`: whether the
 * language is the host's own rather than the page's, which the copy's wins over), and the
 * warning for the console where they say something else, naming both ('' when none). Values
 * are compared as the widget reads them: without regard to case or spaces (a link differing only
 * in case is drawn afresh without a word). An area over a copy without one is no disagreement:
 * the widget adopts the copy and selects the area after.
 */
export function adopt(options, copy, ownLang) {
  if (!copy) return [options, ''];
  const out = { ...options, lang: ownLang ? options.lang : copy.lang };
  const was = [];
  const is = [];
  for (const [name, key, ok] of STAMPS) {
    const mine = options[key];
    const theirs = copy[key];
    if (!ok.test(mine ?? '')) out[key] = theirs;
    else if (String(mine).trim().toLowerCase() !== String(theirs).trim().toLowerCase() && (key !== 'area' || theirs)) {
      was.push(say(name, theirs));
      is.push(say(name, mine));
    }
  }
  if (ownLang && parseLang(options.lang) !== copy.lang) {
    was.push(say('lang', copy.lang));
    is.push(say('lang', options.lang));
  }
  if (!was.length) return [out, ''];
  const now = is.join(', ');
  return [out, `grade-widget: the pre-rendered copy was rendered with ${was.join(', ')} but the element says ${now}; drawing ${now}. Re-render the copy or remove the attribute${is.length > 1 ? 's' : ''}.`];
}

/**
 * The elements and comments under `root` in document order, as the widget's shape check hashes
 * them (src/hydration/shape.rs): `<name` for an element, `!text` for a comment, each ended by a
 * NUL. The wasm calls it as it is about to hydrate a copy: one call, where the same walk in the
 * wasm crossed into JavaScript four times a node.
 */
export function walk(root) {
  let out = '';
  // SHOW_ELEMENT | SHOW_COMMENT
  const nodes = document.createTreeWalker(root, 0x81);
  for (let n; (n = nodes.nextNode()); ) out += n.nodeType === 1 ? `<${n.localName.toLowerCase()}\0` : `!${n.data}\0`;
  return out;
}
