// copy.js: the options a pre-rendered copy (`grade-widget render`) was rendered with, read from
// the stamps on its container (src/hydration/stamps.rs writes them), and taken up wherever the
// element's attributes or mount()'s options say nothing. Without this, a copy rendered with
// `--view summary` under `<grade-widget src=…>` would not match what the element asks for (the
// full view), and the widget would throw the copy away and draw afresh: the page jumps.
// Here rather than in the wasm because it is cheaper in bytes: the same in Rust cost about
// 1.4 KB brotli of the widget's budget (docs/PERFORMANCE.md). Values are only ever attribute
// text, never markup; one the option cannot take is ignored.

import { parseLang } from './lang.js';

/** mount()'s keys for the stamped options, and their attribute names. */
const KEYS = { view: 'view', area: 'area', href: 'href', headingLevel: 'heading-level', areaHref: 'area-href' };

/** Whether a value is one the option can take (else it counts as not given at all). */
const VALID = {
  view: (v) => /^\s*(full|summary|area|badge)\s*$/i.test(v),
  area: (v) => /^\s*\d+[a-z]\s*$/i.test(v),
  headingLevel: (v) => /^\s*[2-6]\s*$/.test(v),
  href: () => true,
  areaHref: (v) => v.trim() !== '',
};

/** An option's value as the widget reads it: views and areas in any case, heading levels as numbers. */
const norm = (key, v) => (key === 'headingLevel' ? Number(v) : key === 'view' || key === 'area' ? String(v).trim().toLowerCase() : v);

/**
 * The options a copy was rendered with, as mount()'s keys, from `attr(name)` (its container's
 * attributes); null for a copy without a view stamp (made before the stamps), from which nothing
 * is taken. The language is the container's own `lang`.
 */
export function readStamps(attr) {
  const copy = { lang: parseLang(attr('lang')), headingLevel: '2' };
  for (const [key, name] of Object.entries(KEYS)) {
    const value = attr(`data-gw-${name}`);
    if (value != null && VALID[key](value)) copy[key] = value;
  }
  return copy.view ? copy : null;
}

/**
 * The stamped options of the copy in `host`, if it holds one: in its declarative shadow root,
 * in an inert `<template>` (the same markup put in with innerHTML), or as its own child.
 */
export function copyOf(host) {
  for (const root of [host.shadowRoot, host.querySelector(':scope > template')?.content, host]) {
    for (const child of root?.children ?? []) {
      if (child.matches('.gw-container[data-gw-hydrate]')) return readStamps((name) => child.getAttribute(name));
    }
  }
  return null;
}

/**
 * `options` (mount()'s keys) with the copy's wherever they are silent (`ownLang`: whether the
 * language is the host's own rather than the page's, which the copy's wins over), and the
 * warning for the console where they say something else, naming both ('' when none). An area
 * over a copy without one is no disagreement: the widget adopts the copy and selects it after.
 */
export function adopt(options, copy, ownLang) {
  if (!copy) return [options, ''];
  const out = { ...options };
  const theirs = [];
  const ours = [];
  const said = (name, a, b) => {
    theirs.push(a == null ? `no ${name}` : `${name}="${a}"`);
    ours.push(b == null ? `no ${name}` : `${name}="${b}"`);
  };
  for (const [key, name] of Object.entries(KEYS)) {
    const mine = options[key];
    if (mine == null || !VALID[key](String(mine))) out[key] = copy[key];
    else if (norm(key, mine) !== norm(key, copy[key]) && (key !== 'area' || copy.area)) said(name, copy[key], mine);
  }
  if (!ownLang) out.lang = copy.lang;
  else if (parseLang(options.lang) !== copy.lang) said('lang', copy.lang, options.lang);
  if (!theirs.length) return [out, ''];
  const s = theirs.length > 1 ? 's' : '';
  return [out, `grade-widget: the pre-rendered copy was rendered with ${theirs.join(', ')} but the element says ${ours.join(', ')}; drawing ${ours.join(', ')}. Re-render the copy or remove the attribute${s}.`];
}
