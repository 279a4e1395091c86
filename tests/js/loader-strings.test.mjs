// The loader's own words must be the widget's: the failure note is shown when the wasm (and its
// string tables) could not start, and the trap message stands in for the panic hook's under
// immediate abort. This test ties each to its source, so neither can drift:
// - the note's title, details and link texts equal the widget's (tests/fixtures/strings.json,
//   written from src/i18n/*.rs by tests/i18n.rs), in both languages;
// - the trap message equals the panic hook's message in src/embed/panic.rs.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const ROOT = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, ROOT), 'utf8');
const strings = JSON.parse(read('tests/fixtures/strings.json'));

/** The note's TEXT table, read from failure.js's source (the module imports CSS, which node cannot). */
function noteText() {
  const source = read('www/loader/failure.js');
  const table = /const TEXT = (\{[\s\S]*?\n\});/.exec(source);
  assert.ok(table, 'www/loader/failure.js has a `const TEXT = {…};` table');
  return Function(`"use strict"; return (${table[1]});`)();
}

test('the failure note says what the widget says, in English and Welsh', () => {
  const text = noteText();
  for (const lang of ['en', 'cy']) {
    assert.equal(text[lang].title, strings[lang].error_title, `${lang}: title`);
    assert.equal(text[lang].details, strings[lang].error_detail, `${lang}: details`);
    assert.equal(text[lang].fallback, strings[lang].error_fallback, `${lang}: fallback link`);
  }
});

test("the trap message is the panic hook's", async () => {
  const { MESSAGE } = await import(new URL('www/loader/trap.js', ROOT));
  const hook = /ErrorKind::Panic,\s*"([^"]+)"/.exec(read('src/embed/panic.rs'));
  assert.ok(hook, 'src/embed/panic.rs makes its error with ErrorKind::Panic, "…"');
  assert.equal(MESSAGE, hook[1]);
});
