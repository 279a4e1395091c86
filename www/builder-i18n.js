// builder-i18n.js: how the report builder page picks its language and words. A language tag is
// read as tests/fixtures/lang-tags.json says every parser reads one; a counted text picks its
// plural form by CLDR's rules (Intl.PluralRules, the browser's own copy of them), which
// tests/js/builder-i18n.test.mjs checks against Rust's `Lang::plural` (tests/fixtures/plurals.json).
// Pure functions over the tables in builder-strings.js: no DOM, so node's test runner runs them.

import { STRINGS } from './builder-strings.js';

/** The page's languages; English is the fallback for any other tag. */
export const LANGS = ['en', 'cy'];

/**
 * A language tag to 'en' or 'cy': Welsh when the primary subtag is `cy` (any case, `-` or `_`
 * before a region, spaces around it ignored), English for anything else, an empty tag included.
 */
export function parseLang(tag) {
  const primary = String(tag ?? '').trim().split(/[-_]/, 1)[0].toLowerCase();
  return primary === 'cy' ? 'cy' : 'en';
}

const rules = new Map();
/** The CLDR plural category of the whole number `n` in `lang`: zero, one, two, few, many, other. */
export function plural(lang, n) {
  if (!rules.has(lang)) rules.set(lang, new Intl.PluralRules(lang, { type: 'cardinal' }));
  return rules.get(lang).select(n);
}

/** Fills `{name}` placeholders; a name without a value stays as written. */
export function fill(template, values = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/**
 * The text of `key` in `lang` with `values` filled in. A counted text is an object of plural
 * forms, chosen by `values.n`; a key missing in Welsh falls back to English, then to the key.
 */
export function text(lang, key, values = {}) {
  let entry = STRINGS[lang]?.[key] ?? STRINGS.en[key] ?? key;
  if (typeof entry === 'object') entry = entry[plural(lang, values.n)] ?? entry.other;
  return fill(entry, values);
}
