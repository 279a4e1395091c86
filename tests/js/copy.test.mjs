// The pre-rendered copy's options (www/loader/copy.js): read from the stamps `grade-widget render`
// writes on its container (src/hydration/stamps.rs), bad ones ignored, taken up where the host is
// silent, and the one console warning where it says otherwise.
// Run: node --test tests/js/*.test.mjs

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { adopt, readStamps } from '../../www/loader/copy.js';

/** A container's attributes as readStamps sees them. */
const attrs = (map) => (name) => map[name] ?? null;

test('the stamps the real no-js example carries are read back', () => {
  // Rendered by `grade-widget render --view summary` (tests/render_cli.rs keeps it current).
  const html = readFileSync(new URL('../../www/examples/no-js.html', import.meta.url), 'utf8');
  const tag = html.match(/<div class="gw-container"[^>]*>/)[0];
  const map = Object.fromEntries([...tag.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  assert.deepEqual(readStamps(attrs(map)), { lang: 'en', headingLevel: '2', view: 'summary' });
});

test('every stamp is read; the language is the container\'s own', () => {
  const copy = readStamps(attrs({
    'data-gw-view': 'area', 'data-gw-area': '3A', 'data-gw-href': '/r?a=1&b=2', 'data-gw-heading-level': '3',
    'data-gw-area-href': '/grades/{id}', lang: 'cy-GB',
  }));
  assert.deepEqual(copy, { lang: 'cy', view: 'area', area: '3A', href: '/r?a=1&b=2', headingLevel: '3', areaHref: '/grades/{id}' });
});

test('bad or missing stamps are ignored', () => {
  // No view, or one no widget draws: a copy from before the stamps, and nothing is taken from it.
  assert.equal(readStamps(attrs({ lang: 'cy' })), null);
  assert.equal(readStamps(attrs({ 'data-gw-view': '<b>summary</b>', lang: 'cy' })), null);
  // Any other value its option cannot take reads as absent.
  const copy = readStamps(attrs({
    'data-gw-view': ' Summary ', 'data-gw-area': 'nowhere', 'data-gw-heading-level': '9', 'data-gw-area-href': ' ', lang: 'xx',
  }));
  assert.deepEqual(copy, { lang: 'en', headingLevel: '2', view: ' Summary ' });
});

const COPY = { lang: 'cy', view: 'summary', headingLevel: '3', areaHref: '/grades/{id}' };

test('a silent host takes every option of the copy, and is not warned', () => {
  const options = { src: 'r.json', view: undefined, area: undefined, lang: 'en', deepLink: true, fallbackHref: '/r' };
  const [out, warning] = adopt(options, COPY, false);
  assert.equal(warning, '');
  assert.deepEqual(out, { ...options, lang: 'cy', view: 'summary', headingLevel: '3', areaHref: '/grades/{id}', href: undefined });
  // A value the option cannot take is no more said than a missing one.
  assert.equal(adopt({ view: 'ful', headingLevel: '9', lang: 'en' }, COPY, false)[0].view, 'summary');
  // Saying what the copy has, in any case or type: no warning.
  assert.deepEqual(adopt({ view: 'SUMMARY', headingLevel: 3, areaHref: '/grades/{id}', lang: 'cy-GB' }, COPY, true)[1], '');
  // No copy: the options as they are.
  const plain = { view: 'full' };
  assert.equal(adopt(plain, null, true)[0], plain);
});

test('a host that says otherwise wins, and the warning names both', () => {
  const [out, warning] = adopt({ view: 'full', lang: 'en' }, COPY, false);
  assert.equal(out.view, 'full');
  assert.equal(warning, 'grade-widget: the pre-rendered copy was rendered with view="summary" but the element says view="full"; drawing view="full". Re-render the copy or remove the attribute.');
  const [more, both] = adopt({ href: '/r', headingLevel: '2', lang: 'en' }, COPY, true);
  assert.deepEqual([more.view, more.headingLevel, more.lang], ['summary', '2', 'en']);
  assert.equal(both, 'grade-widget: the pre-rendered copy was rendered with no href, heading-level="3", lang="cy" but the element says href="/r", heading-level="2", lang="en"; drawing href="/r", heading-level="2", lang="en". Re-render the copy or remove the attributes.');
});

test('areas: one selected over a copy without one is no disagreement; another than the copy\'s is', () => {
  assert.deepEqual(adopt({ area: '3A', lang: 'en' }, COPY, false), [{ area: '3A', lang: 'cy', view: 'summary', href: undefined, headingLevel: '3', areaHref: '/grades/{id}' }, '']);
  const areaCopy = { lang: 'en', view: 'area', area: '2B', headingLevel: '2' };
  assert.equal(adopt({ view: 'area', area: '2b', lang: 'en' }, areaCopy, true)[1], '');
  assert.match(adopt({ area: '3A', lang: 'en' }, areaCopy, true)[1], /rendered with area="2B" but the element says area="3A"/);
});
