// The report builder's embed code (www/builder-embed.js): the options the element reads, the
// attributes in order with defaults left out, escaping, the inline JSON that cannot end its
// script element early, and the JSON file's name. Run with `node --test tests/js/`.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { attributes, chosenOptions, embedCode, escapeAttr, escapeText, inlineCode, jsonName, loaderIntegrity, scriptJson } from '../../www/builder-embed.js';

const FORM = { view: 'full', area: '1A', lang: 'en', theme: 'auto', href: ' /met ', headingLevel: '2', areaHref: ' /g/{id} ' };
const SCRIPT = '/grade-widget/grade-widget.js';

test('chosenOptions: area, href and areaHref only for the view that reads them, trimmed', () => {
  const cases = [
    ['full', { area: '', href: '', areaHref: '' }],
    ['area', { area: '1A', href: '', areaHref: '' }],
    ['badge', { area: '', href: '/met', areaHref: '' }],
    ['summary', { area: '', href: '', areaHref: '/g/{id}' }],
  ];
  for (const [view, want] of cases) {
    const o = chosenOptions({ ...FORM, view });
    assert.deepEqual({ area: o.area, href: o.href, areaHref: o.areaHref }, want, view);
    assert.equal(o.view, view);
  }
  // The heading level is compared as text: a number from elsewhere is the same option.
  assert.equal(chosenOptions({ ...FORM, headingLevel: 3 }).headingLevel, '3');
});

test('attributes: defaults left out, lang always written, in the documented order', () => {
  const table = [
    [{}, [['lang', 'en']]],
    [{ lang: 'cy', theme: 'dark' }, [['lang', 'cy'], ['theme', 'dark']]],
    [{ view: 'area', headingLevel: '4' }, [['view', 'area'], ['area', '1A'], ['lang', 'en'], ['heading-level', '4']]],
    [{ view: 'badge', theme: 'light' }, [['view', 'badge'], ['lang', 'en'], ['theme', 'light'], ['href', '/met']]],
    [{ view: 'summary', headingLevel: '6' }, [['view', 'summary'], ['lang', 'en'], ['heading-level', '6'], ['area-href', '/g/{id}']]],
  ];
  for (const [change, want] of table) {
    assert.deepEqual(attributes(chosenOptions({ ...FORM, ...change })), want, JSON.stringify(change));
  }
});

test('escapeAttr: &, " and < as references; nothing else touched', () => {
  assert.equal(escapeAttr('a&b "c" <d> \'e\''), 'a&amp;b &quot;c&quot; &lt;d> \'e\'');
  assert.equal(escapeAttr('&amp;'), '&amp;amp;');
  assert.equal(escapeAttr('/grades/{id}?x=1'), '/grades/{id}?x=1');
});

test('embedCode: the script tag and the element with src and the chosen attributes', () => {
  const options = chosenOptions({ ...FORM, view: 'badge', href: 'https://police.example/r?a=1&b="2"' });
  assert.equal(
    embedCode({ scriptUrl: ` ${SCRIPT} `, jsonUrl: 'https://police.example/data/met "2006".json', options }),
    `<script type="module" src="${SCRIPT}" crossorigin="anonymous"></script>\n`
      + '<grade-widget src="https://police.example/data/met &quot;2006&quot;.json" view="badge" lang="en"'
      + ' href="https://police.example/r?a=1&amp;b=&quot;2&quot;"></grade-widget>\n',
  );
});

const HASH = 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC';

test('embedCode: snippet.html\'s shape: integrity and crossorigin, and the link for readers without the widget', () => {
  const fallback = { href: ' /reports/met <2006>.pdf ', text: 'Read the A & B <inspection> report' };
  const code = embedCode({ scriptUrl: SCRIPT, integrity: HASH, jsonUrl: '/reports/met.json', options: chosenOptions(FORM), fallback });
  // The very layout scripts/dist.mjs writes to snippet.html.
  assert.equal(code, `<script type="module" src="${SCRIPT}"\n`
    + `        integrity="${HASH}" crossorigin="anonymous"></script>\n`
    + '<grade-widget src="/reports/met.json" lang="en">\n'
    + '  <a href="/reports/met &lt;2006>.pdf">Read the A &amp; B &lt;inspection> report</a>\n'
    + '</grade-widget>\n');
  // Parsed as HTML (by a tiny reading of the attributes), the link keeps its text and address.
  assert.match(code, /<a href="[^"]*">[^<]*&lt;inspection> report<\/a>/);
  // No link address: no link (an empty href would link the page itself).
  const bare = embedCode({ scriptUrl: SCRIPT, jsonUrl: '/r.json', options: chosenOptions(FORM), fallback: { href: ' ', text: 'x' } });
  assert.ok(bare.endsWith('<grade-widget src="/r.json" lang="en"></grade-widget>\n'), bare);
});

test('inlineCode: the link goes after the JSON, inside the element', () => {
  const code = inlineCode({
    scriptUrl: SCRIPT, integrity: HASH, json: '{"a":1}\n', options: chosenOptions(FORM), fallback: { href: '/r.pdf', text: 'Read it' },
  });
  assert.ok(code.startsWith(`<script type="module" src="${SCRIPT}"\n        integrity="${HASH}" crossorigin="anonymous"></script>\n`), code);
  assert.ok(code.endsWith('<script type="application/json">\n{"a":1}\n</script>\n  <a href="/r.pdf">Read it</a>\n</grade-widget>\n'), code);
});

test('loaderIntegrity: the loader\'s hash from a release\'s integrity.json, or null', () => {
  const manifest = (integrity) => ({ name: 'grade-widget', version: '0.1.0', files: { 'grade-widget.js': { integrity, bytes: 1 } } });
  assert.equal(loaderIntegrity(manifest(HASH)), HASH);
  assert.equal(loaderIntegrity(manifest('sha256-abc+/=')), 'sha256-abc+/=');
  for (const bad of [undefined, null, 42, '', 'md5-abc', `${HASH}" onload="x`, `${HASH} sha384-other`]) {
    assert.equal(loaderIntegrity(manifest(bad)), null, String(bad));
  }
  for (const bad of [null, undefined, 'text', [], {}, { files: {} }, { files: { 'other.js': { integrity: HASH } } }]) {
    assert.equal(loaderIntegrity(bad), null, JSON.stringify(bad));
  }
});

test('escapeText: & and < as references', () => {
  assert.equal(escapeText('a & b < c > "d"'), 'a &amp; b &lt; c > "d"');
});

test('inlineCode: the JSON inside the element, "</" and "<!--" escaped, the same value read back', () => {
  const report = { force: 'A </script><script>alert(1)</script> <!-- force', notes: ['</SCRIPT>', '<\\/ ok'] };
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const code = inlineCode({ scriptUrl: SCRIPT, json, options: chosenOptions({ ...FORM, lang: 'cy' }) });
  const open = '<grade-widget lang="cy">\n<script type="application/json">\n';
  assert.ok(code.startsWith(`<script type="module" src="${SCRIPT}" crossorigin="anonymous"></script>\n${open}`), code);
  assert.ok(code.endsWith('\n</script>\n</grade-widget>\n'));
  const inside = code.slice(code.indexOf(open) + open.length, code.lastIndexOf('\n</script>'));
  assert.equal(inside.includes('</'), false, 'no "</" can close the script element');
  assert.equal(inside.includes('<!--'), false, 'no "<!--" can change how the script text is read');
  assert.deepEqual(JSON.parse(inside), report);
  // Upper case "</SCRIPT" closes a script element too; it is escaped as "</" is.
  assert.equal(scriptJson('"</SCRIPT>"'), '"<\\/SCRIPT>"');
});

test('inlineCode: the seed report round-trips', () => {
  const json = readFileSync(new URL('../../www/data/metropolitan-2006.json', import.meta.url), 'utf8');
  const code = inlineCode({ scriptUrl: SCRIPT, json, options: chosenOptions(FORM) });
  const inside = code.slice(code.indexOf('<script type="application/json">\n') + 33, code.lastIndexOf('\n</script>'));
  assert.deepEqual(JSON.parse(inside), JSON.parse(json));
});

test('jsonName: force and publication date as a file name', () => {
  const table = [
    [{ force: 'Metropolitan Police Service', published: '2006-10' }, 'metropolitan-police-service-2006-10.json'],
    [{ force: 'Dyfed-Powys Police' }, 'dyfed-powys-police.json'],
    [{ force: 'Heddlu Gogledd Cymru / North Wales Police', published: '2006' }, 'heddlu-gogledd-cymru-north-wales-police-2006.json'],
    // Accents dropped, not turned into hyphens.
    [{ force: 'Police de Sûreté Côtière' }, 'police-de-surete-cotiere.json'],
    [{ force: '  ***  ' }, 'report.json'],
    [{}, 'report.json'],
  ];
  for (const [report, want] of table) assert.equal(jsonName(report), want, JSON.stringify(report));
});

test('iframeSnippet: embed.html with the options as URL parameters, no href, a title and a height', async () => {
  const { iframeSnippet, iframeTitle } = await import('../../www/builder-embed.js');
  const title = iframeTitle({ force: 'Metropolitan Police Service', title: 'Baseline Assessment', published: '2006-10' });
  assert.equal(title, 'Inspection grades: Metropolitan Police Service, Baseline Assessment 2006');
  assert.equal(iframeTitle({}), 'Inspection grades: police force');
  const options = chosenOptions({ ...FORM, view: 'summary', lang: 'cy' });
  const code = iframeSnippet({ embedUrl: ' /grade-widget/embed.html ', jsonUrl: '/r/met & co.json', options, title: 'A "B" <C>', height: 1234.2 });
  // Slashes stay as they are, so the report's address reads as typed; `&`, spaces and braces do not.
  assert.equal(code, '<iframe src="/grade-widget/embed.html?src=/r/met%20%26%20co.json&amp;view=summary&amp;lang=cy&amp;area-href=/g/%7Bid%7D"\n'
    + '        title="A &quot;B&quot; &lt;C>" width="100%" height="1235" frameborder="0" loading="lazy"></iframe>\n');
  // What embed.html reads back from that address is what the element would have had.
  const src = /src="([^"]+)"/.exec(code)[1].replace(/&amp;/g, '&');
  const read = new URL(src, 'https://www.example.org').searchParams;
  assert.deepEqual([...read], [['src', '/r/met & co.json'], ['view', 'summary'], ['lang', 'cy'], ['area-href', '/g/{id}']]);
  // A badge's href is left out: its link would open inside the frame.
  const badge = iframeSnippet({ embedUrl: 'embed.html', jsonUrl: 'r.json', options: chosenOptions({ ...FORM, view: 'badge' }), title: 't' });
  assert.ok(!badge.includes('href') && badge.includes('height="900"'), badge);
});

test('releaseFolder and besideLoader: one folder per version under the base, files beside the loader', async () => {
  const { RELEASE_BASE, besideLoader, releaseFolder } = await import('../../www/builder-embed.js');
  assert.equal(RELEASE_BASE, '/assets/grade-widget/');
  assert.equal(releaseFolder(RELEASE_BASE, '0.1.0'), '/assets/grade-widget/0.1.0/');
  assert.equal(releaseFolder(' https://cdn.example.org/gw ', '2.0.0'), 'https://cdn.example.org/gw/2.0.0/');
  assert.equal(besideLoader(' /assets/grade-widget/0.1.0/grade-widget.js ', 'embed.html'), '/assets/grade-widget/0.1.0/embed.html');
  assert.equal(besideLoader('grade-widget.js', 'embed.html'), 'embed.html');
});

test('snippetHtml: the script snippet, the iframe embed and the host script, naming the release folder', async () => {
  const { hostScriptTag, releaseSnippets, snippetHtml } = await import('../../www/builder-embed.js');
  const args = { version: '1.2.3', folder: '/assets/grade-widget/1.2.3/', integrity: HASH, host: { name: 'embed-host.0123abcd.js', integrity: HASH } };
  const s = releaseSnippets(args);
  assert.equal(s.script, '<script type="module" src="/assets/grade-widget/1.2.3/grade-widget.js"\n'
    + `        integrity="${HASH}" crossorigin="anonymous"></script>\n`
    + '<grade-widget src="/reports/report.json" lang="en">\n'
    + '  <a href="/reports/report.pdf">Read the inspection report</a>\n'
    + '</grade-widget>\n');
  assert.ok(s.iframe.startsWith('<iframe src="/assets/grade-widget/1.2.3/embed.html?src=/reports/report.json&amp;lang=en"\n'), s.iframe);
  assert.equal(s.host, hostScriptTag('/assets/grade-widget/1.2.3/embed-host.0123abcd.js', HASH));
  const html = snippetHtml(args);
  // Every snippet in the file is the module's, whole, in this order.
  let at = 0;
  for (const part of [s.script, s.iframe, s.host]) {
    const found = html.indexOf(part, at);
    assert.ok(found >= at, `snippet.html holds ${part}`);
    at = found + part.length;
  }
  assert.ok(html.includes('grade-widget 1.2.3') && html.includes('/assets/grade-widget/1.2.3/'), html);
});

test('the README\'s snippets are the ones the module writes for this version\'s release folder', async () => {
  const { RELEASE_BASE, releaseFolder, releaseSnippets } = await import('../../www/builder-embed.js');
  const { version } = await import('../../scripts/dist.mjs');
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Put it on your own site'), readme.indexOf('## Documentation'));
  // The fenced HTML blocks, their list indentation taken off.
  const blocks = [...section.matchAll(/^( *)```html\n([\s\S]*?)^ *```$/gm)]
    .map(([, indent, body]) => body.split('\n').map((l) => l.slice(indent.length)).join('\n'));
  // The README cannot know a build's hash: it shows the placeholder snippet.html replaces.
  const s = releaseSnippets({ folder: releaseFolder(RELEASE_BASE, version()), integrity: 'sha384-…', host: { name: 'x', integrity: 'y' } });
  assert.deepEqual(blocks, [s.script, s.iframe],
    `README.md's "Put it on your own site" must show the module's snippets for release ${version()} (www/builder-embed.js, releaseSnippets)`);
  assert.ok(section.includes(`/assets/grade-widget/${version()}/builder/`), 'the README names the builder in the release folder');
});
