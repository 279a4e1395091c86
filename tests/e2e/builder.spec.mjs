// The report builder (www/builder.html): the report's text in (pasted, chosen as a file, dropped),
// the JSON, embed code and pre-rendered markup out, each compared with what the real CLI writes
// for the same input (`cargo run --bin grade-widget`, built if needed); bad input gives problems
// with lines, each leading to its line in the box; axe-clean and keyboard-complete in English and
// Welsh, under the strict CSP (scripts/serve.mjs serves the page with it).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { focusIndicator } from './focus.mjs';
import { axe, paste, ROOT } from './lib.mjs';
import { STRINGS } from '../../www/builder-strings.js';
import { chosenOptions, iframeSnippet, iframeTitle } from '../../www/builder-embed.js';
import { version } from '../../scripts/dist.mjs';

/** The version a build from source says it is (pkg/package.json): the code's folder names it. */
const VERSION = version();

const PAGE = 'www/builder.html';
const FIXTURE = 'tests/fixtures/metropolitan-2006.txt';
const SEED = readFileSync(`${ROOT}${FIXTURE}`, 'utf8');
const OUT = `${ROOT}test-results`;
mkdirSync(OUT, { recursive: true });

/** The CLI, as a person with a toolchain runs it: { status, stdout, stderr }. */
function cli(...args) {
  const r = spawnSync('cargo', ['run', '--quiet', '--bin', 'grade-widget', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

/** `grade-widget extract FILE` on this text (written to test-results/), standard output. */
function cliExtract(name, text) {
  const path = `${OUT}/${name}`;
  writeFileSync(path, text);
  const r = cli('extract', path);
  return { path, ...r };
}

let seedJson;
/** The CLI's JSON for the seed, made once, when a test first needs it (not at import: the runner
 * imports every spec, also when a filter leaves this one out). */
function seed() {
  if (!existsSync(`${ROOT}pkg/builder/grade_widget_builder_bg.wasm`)) {
    throw new Error('pkg/builder/ has no build: run scripts/build.sh (or make build) first');
  }
  if (seedJson === undefined) {
    const r = cli('extract', FIXTURE);
    assert.equal(r.status, 0, r.stderr);
    seedJson = r.stdout;
  }
  return seedJson;
}

/** The fixture as another PDF tool gives it (as tests/extract_variants.rs `noisy` makes it). */
function noisy(text) {
  let out = '\u{feff}Page 1 Metropolitan Police Service - Baseline Assessment\r\n\r\n';
  let page = 1;
  let open = true;
  for (const line of text.split('\n')) {
    let l = line.replaceAll('ffi', '\u{fb03}').replaceAll('ff', '\u{fb00}').replaceAll('fi', '\u{fb01}')
      .replaceAll('fl', '\u{fb02}').replaceAll("'", '\u{2019}').replaceAll(' the ', ' the\u{a0}');
    l = l.replace(/"/g, () => { const q = open ? '\u{201c}' : '\u{201d}'; open = !open; return q; });
    if (l.startsWith('- ')) l = `\u{2013} ${l.slice(2)}`;
    out += `${l}\r\n`;
    if (line === 'October 2006') {
      page++;
      out += `\u{0c}Page ${page} Metropolitan Police Service - Baseline Assessment\r\n`;
    }
  }
  return out;
}

/** The fixture with the body's tables laid out with spaces, as tests/extract_layout.rs makes it. */
function layout(text) {
  const body = text.indexOf('Summary of Judgements\tGrade');
  const glossary = text.indexOf('\nAppendix 1: Glossary');
  const rows = text.slice(body, glossary).split('\n').map((row) => {
    if (!row.includes('\t')) return row;
    const cells = row.split('\t');
    const widths = cells.length === 3 ? [58, 13] : [13, 13, 13];
    return ` ${cells.map((c, i) => (i + 1 < cells.length ? c.padEnd(Math.max(widths[i] ?? 12, c.length + 2)) : c)).join('')}`.trimEnd();
  });
  return text.slice(0, body) + rows.join('\n') + text.slice(glossary);
}

async function workerReady(page) {
  await page.waitForFunction(() => document.getElementById('status-text').textContent === '', null, { timeout: 30000 });
}

/** Waits for the preview's `load` and the pre-rendered markup; returns the page's status line. */
async function built(page) {
  await page.waitForFunction(() => window.__gw.events.some((e) => e.id === 'preview' && e.type === 'load'), null, { timeout: 30000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="static-markup"]').getAttribute('aria-busy') === 'false', null, { timeout: 30000 });
  return page.locator('#status-text').textContent();
}

/** The file behind the download link, read as a download (what a person's click gives). */
async function downloaded(page, testid = 'download-json') {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="${testid}"]`).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

async function previewAreas(page) {
  return page.locator('#preview [data-testid="area-row"]').evaluateAll((rows) => rows.map((r) => r.dataset.area));
}

/** The seed's area ids, in order, from the CLI's JSON. */
const areaIds = () => JSON.parse(seed()).domains.flatMap((d) => d.areas.map((a) => a.id));

/** The problem list as the CLI writes it: "message (line N)" per problem. */
async function listed(page) {
  return page.locator('[data-testid="problems"] li').evaluateAll((items) => items.map((li) => {
    const where = li.querySelector('a.line .where, strong')?.textContent ?? '';
    const line = where.match(/(\d+)\)?\s*$/)?.[1];
    const message = li.querySelector('.message').textContent;
    return line ? `${message} (line ${line})` : message;
  }));
}

/** The CLI's problems from `error: FILE: …` on standard error, one per line. */
function cliProblems(stderr) {
  const body = stderr.replace(/^error: [^:]+: /, '').trim();
  const many = body.match(/^\d+ problems:\n/);
  return many ? body.slice(many[0].length).split('\n').map((l) => l.replace(/^ {2}- /, '')) : [body];
}

async function cspClean(page) {
  assert.deepEqual(await page.evaluate(() => window.__gw.csp), [], 'CSP violations');
}

export const tests = [
  {
    name: 'the seed text pasted: all 23 areas in the preview, the JSON the CLI writes, the embed code',
    page: PAGE,
    async run({ page, context, base }) {
      await workerReady(page);
      await paste(page, context, base, SEED);
      await page.locator('[data-testid="read"]').click();
      assert.match(await built(page), /^Read 23 areas of the Metropolitan Police Service report in \d+ ms\.$/);
      assert.deepEqual(await previewAreas(page), areaIds());
      assert.equal(areaIds().length, 23);

      const json = await downloaded(page);
      assert.equal(json.name, 'metropolitan-police-service-2006-10.json');
      assert.equal(json.text, seed(), 'the downloaded JSON is byte for byte the CLI\'s');
      assert.match(await page.locator('[data-testid="download-json"]').getAttribute('href'), /^blob:/);

      // The embed code: the script and the element, src where the JSON will be uploaded.
      await page.locator('[data-testid="json-url"]').fill('https://police.example/data/met "2006".json');
      const embed = await page.locator('[data-testid="embed-code"]').textContent();
      // As snippet.html writes it: crossorigin (no integrity: a build from source is no release),
      // and inside the element the link readers see when the widget cannot run.
      assert.equal(embed, `<script type="module" src="/assets/grade-widget/${VERSION}/grade-widget.js" crossorigin="anonymous"></script>\n`
        + '<grade-widget src="https://police.example/data/met &quot;2006&quot;.json" lang="en">\n'
        + '  <a href="/reports/metropolitan-police-service-2006-10.pdf">Read the Metropolitan Police Service inspection report</a>\n'
        + '</grade-widget>\n');
      // The inline alternative: its JSON, read back the way the widget reads it, is the report.
      const inline = await page.locator('[data-testid="embed-inline"]').textContent();
      const data = inline.slice(inline.indexOf('<script type="application/json">\n') + 33, inline.lastIndexOf('\n</script>'));
      assert.equal(data.includes('</'), false, 'no "</" left inside the script element');
      assert.deepEqual(JSON.parse(data), JSON.parse(seed()));
      // And it works: the page parses it as one script element holding that JSON.
      const parsed = await page.evaluate((html) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const el = doc.querySelector('grade-widget');
        return { scripts: el.querySelectorAll('script').length, json: el.querySelector('script').textContent };
      }, inline);
      assert.equal(parsed.scripts, 1);
      assert.deepEqual(JSON.parse(parsed.json), JSON.parse(seed()));
      assert.equal(await page.locator('[data-testid="problems"] li').count(), 0);
      await cspClean(page);
    },
  },
  {
    name: 'the seed as a chosen file and as a dropped file: the same JSON as the CLI',
    page: PAGE,
    async run({ page }) {
      await workerReady(page);
      await page.locator('[data-testid="file"]').setInputFiles(`${ROOT}${FIXTURE}`);
      await built(page);
      assert.deepEqual(await previewAreas(page), areaIds());
      assert.equal((await downloaded(page)).text, seed());
      // The file's text is now in the box, so problems could point into it and a reload keeps it.
      assert.equal(await page.locator('[data-testid="source"]').inputValue(), SEED);
      await page.reload();
      assert.equal(await page.locator('[data-testid="source"]').inputValue(), SEED, 'a reload keeps the text');

      // Dropped on the box: a File in a DataTransfer, as the browser gives a drop.
      await page.locator('[data-testid="clear"]').click();
      assert.equal(await page.locator('[data-testid="source"]').inputValue(), '');
      await page.evaluate(() => { window.__gw.events.length = 0; });
      await workerReady(page);
      const drop = await page.evaluateHandle((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'metropolitan-2006.txt', { type: 'text/plain' }));
        return dt;
      }, SEED);
      await page.locator('[data-testid="drop-zone"]').dispatchEvent('dragover', { dataTransfer: drop });
      await page.locator('[data-testid="drop-zone"]').dispatchEvent('drop', { dataTransfer: drop });
      await built(page);
      assert.deepEqual(await previewAreas(page), areaIds());
      assert.equal((await downloaded(page)).text, seed());
      await cspClean(page);
    },
  },
  {
    name: 'a noisy variant (BOM, CRLF, page headers, curly quotes, ligatures) as a file: the CLI\'s JSON',
    page: PAGE,
    async run({ page }) {
      const text = noisy(SEED);
      assert.ok(text.includes('\r\n\u{0c}Page 12 Metropolitan Police Service - Baseline Assessment\r\n'));
      assert.ok(text.includes('o\u{fb03}cers') && text.includes('\u{2019}') && text.includes('\u{201c}'));
      const want = cliExtract('builder-noisy.txt', text);
      assert.equal(want.status, 0, want.stderr);
      assert.equal(want.stdout, seed(), 'the CLI reads the noise away');
      await workerReady(page);
      await page.locator('[data-testid="file"]').setInputFiles(want.path);
      await built(page);
      assert.deepEqual(await previewAreas(page), areaIds());
      assert.equal((await downloaded(page)).text, want.stdout);
    },
  },
  {
    name: 'a pdftotext -layout style variant (tables lined up by spaces) as a file: the CLI\'s JSON',
    page: PAGE,
    async run({ page }) {
      const text = layout(SEED);
      assert.ok(text.includes('\n Grade        Direction of Travel\n Fair         Improved\n'));
      const want = cliExtract('builder-layout.txt', text);
      assert.equal(want.status, 0, want.stderr);
      assert.equal(want.stdout, seed());
      await workerReady(page);
      await page.locator('[data-testid="file"]').setInputFiles(want.path);
      await built(page);
      assert.deepEqual(await previewAreas(page), areaIds());
      assert.equal((await downloaded(page)).text, want.stdout);
    },
  },
  {
    name: 'a truncated report: the CLI\'s problems, each with its line; choosing one shows that line',
    page: PAGE,
    async run({ page, context, base }) {
      const cut = SEED.slice(0, SEED.indexOf('\n4 Promoting Safety (Domain 3)'));
      assert.ok(cut.length > SEED.length / 3);
      const want = cliExtract('builder-truncated.txt', cut);
      assert.equal(want.status, 1);
      await workerReady(page);
      await paste(page, context, base, cut);
      await page.locator('[data-testid="read"]').click();
      await page.locator('[data-testid="problems"] li').first().waitFor();
      const problems = await listed(page);
      assert.deepEqual(problems, cliProblems(want.stderr));
      assert.ok(problems.every((p) => / \(line \d+\)$/.test(p)), `every problem has a line: ${problems.join(' / ')}`);
      assert.match(await page.locator('#status-text').textContent(), /problems? found/);
      assert.equal(await page.locator('#problems-heading').evaluate((h) => h === document.activeElement), true, 'focus goes to the problems');
      // GOV.UK's error summary: each problem is a link named by its message and its line, and
      // the box is marked invalid, with a message beside it that it is described by.
      for (const name of problems) {
        assert.equal(await page.getByRole('link', { name, exact: true }).count(), 1, `a link named "${name}"`);
      }
      const source = page.locator('[data-testid="source"]');
      assert.equal(await source.getAttribute('aria-invalid'), 'true');
      const description = await source.evaluate((t) => t.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent));
      const error = STRINGS.en.sourceError[problems.length === 1 ? 'one' : 'other'].replace('{n}', problems.length);
      assert.ok(description.includes(error), `the box is described by "${error}": ${description.join(' / ')}`);
      assert.equal(await page.locator('[data-testid="source-error"]').isVisible(), true);

      // Choosing the first problem selects its line in the box and shows it with its neighbours.
      const button = page.locator('[data-testid="problems"] a.line').first();
      const line = Number((await button.locator('.where').textContent()).match(/\d+/)[0]);
      await button.click();
      const lines = cut.split('\n');
      const box = await page.locator('[data-testid="source"]').evaluate((t) => ({
        focused: t === document.activeElement, selected: t.value.slice(t.selectionStart, t.selectionEnd), top: t.scrollTop,
      }));
      assert.equal(box.focused, true);
      assert.equal(box.selected, lines[line - 1]);
      assert.ok(box.top > 0, 'the box scrolled to the line');
      const context_ = page.locator('[data-testid="problem-context"]');
      assert.equal(await context_.isVisible(), true);
      assert.equal(await context_.locator('mark').textContent(), `${String(line).padStart(5)}  ${lines[line - 1]}\n`);
      assert.match(await context_.locator('figcaption').textContent(), new RegExp(`^Line ${line} of your text`));
      // Nothing pasted is lost.
      assert.equal(await page.locator('[data-testid="source"]').inputValue(), cut);
      assert.equal(await page.locator('#result').isHidden(), true);
      await page.screenshot({ path: `${OUT}/builder-problems-en-1280.png`, fullPage: true });
      await page.setViewportSize({ width: 320, height: 800 });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 320, `the page scrolls sideways at 320 px (${wide} px)`);
      await page.screenshot({ path: `${OUT}/builder-problems-en-320.png`, fullPage: true });
      await page.locator('.lang-switch[data-lang="cy"]').click();
      assert.match(await page.locator('[data-testid="problems"] a.line .where').first().textContent(), /^\(llinell \d+\)$/);
      assert.equal(await page.locator('[data-testid="problems"] .message').first().getAttribute('lang'), 'en');
      await page.screenshot({ path: `${OUT}/builder-problems-cy-320.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: `${OUT}/builder-problems-cy-1280.png`, fullPage: true });
      await cspClean(page);
    },
  },
  {
    name: 'empty and binary input: problems with lines, the box keeps its text, no console errors',
    page: PAGE,
    async run({ page, context, base }) {
      await workerReady(page);
      await page.locator('[data-testid="read"]').click();
      assert.deepEqual(await listed(page), [`${STRINGS.en.empty} (line 1)`]);
      // Whitespace only, as a file: the extractor's own message, on line 1.
      await page.locator('[data-testid="file"]').setInputFiles({ name: 'blank.txt', mimeType: 'text/plain', buffer: Buffer.from(' \n\n  \n') });
      await page.waitForFunction(() => document.querySelector('[data-testid="problems"] .message')?.lang === 'en');
      assert.deepEqual(await listed(page), ['the report text is empty (line 1)']);

      // A binary file: the problem names its line, and the text in the box stays as it was.
      await paste(page, context, base, 'my notes\nsecond line');
      const binary = Buffer.concat([Buffer.from('Metropolitan Police Service\n\nBaseline'), Buffer.from([0, 1, 2, 0xff]), Buffer.from('\nmore')]);
      const want = cliExtract('builder-binary.bin', binary);
      assert.equal(want.status, 1);
      await page.locator('[data-testid="file"]').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: binary });
      await page.waitForFunction(() => document.querySelector('[data-testid="problems"] strong')?.textContent.startsWith('report.pdf'));
      const problems = await listed(page);
      assert.deepEqual(problems, [`${cliProblems(want.stderr)[0]} (line 3)`]);
      assert.match(problems[0], /^the input looks binary, not report text: control byte 0x00 at byte offset 37 \(line 3\)$/);
      assert.equal(await page.locator('[data-testid="source"]').inputValue(), 'my notes\nsecond line');
      // A file too large is refused before it is read, in the page's words.
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(9 * 1024 * 1024)], 'huge.txt'));
        const input = document.querySelector('[data-testid="file"]');
        input.files = dt.files;
        input.dispatchEvent(new Event('change'));
      });
      await page.waitForFunction(() => document.querySelector('[data-testid="problems"] .message')?.textContent.includes('MiB'));
      assert.deepEqual(await listed(page), ['huge.txt is 9.0 MiB; the builder reads up to 8 MiB.']);
    },
  },
  {
    name: 'the pre-rendered markup and its stylesheet equal what grade-widget render writes',
    page: PAGE,
    async run({ page }) {
      const json = `${OUT}/builder-seed.json`;
      writeFileSync(json, seed());
      await workerReady(page);
      await page.locator('[data-testid="file"]').setInputFiles(`${ROOT}${FIXTURE}`);
      await built(page);
      const markup = () => page.locator('[data-testid="static-markup"]').textContent();
      const settledMarkup = async () => {
        await page.waitForFunction(() => document.querySelector('[data-testid="static-markup"]').getAttribute('aria-busy') === 'false');
        return markup();
      };
      const full = cli('render', json);
      assert.equal(full.status, 0, full.stderr);
      assert.equal(await settledMarkup(), full.stdout, 'full, English');
      // The preview's headings fit this page's: under the h3 "Preview", its top heading is an h4.
      const previewHeading = await page.locator('.preview-frame').evaluate((f) => f.previousElementSibling.localName);
      assert.equal(previewHeading, 'h3');
      await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').shadowRoot?.querySelector('h2, h3, h4, h5'));
      assert.equal(await page.locator('[data-testid="preview"]').evaluate((el) => el.shadowRoot.querySelector('h2, h3, h4, h5').localName), 'h4');

      await page.locator('input[name="view"][value="area"]').check();
      await page.locator('[data-testid="area"]').selectOption('3A');
      await page.locator('input[name="lang"][value="cy"]').check();
      await page.locator('input[name="theme"][value="dark"]').check();
      assert.equal(await settledMarkup(), cli('render', json, '--view', 'area', '--area', '3A', '--lang', 'cy').stdout, 'area 3A, Welsh');
      const preview = page.locator('[data-testid="preview"]');
      assert.deepEqual(await preview.evaluate((el) => ['view', 'area', 'lang', 'theme'].map((a) => el.getAttribute(a))), ['area', '3A', 'cy', 'dark']);
      assert.match(await page.locator('[data-testid="embed-code"]').textContent(), /<grade-widget src="[^"]+" view="area" area="3A" lang="cy" theme="dark">\n {2}<a href="[^"]+">Darllen adroddiad arolygu Metropolitan Police Service<\/a>\n<\/grade-widget>/);

      await page.locator('input[name="view"][value="badge"]').check();
      await page.locator('#href').fill('https://police.example/met-2006');
      await page.locator('input[name="lang"][value="en"]').check();
      assert.equal(await settledMarkup(), cli('render', json, '--view', 'badge', '--href', 'https://police.example/met-2006').stdout, 'badge with a link');

      await page.locator('input[name="view"][value="summary"]').check();
      assert.equal(await settledMarkup(), cli('render', json, '--view', 'summary').stdout, 'summary');

      // A page whose own headings go to h2 puts the widget's at h3; the summary links each area.
      await page.locator('[data-testid="heading-level"]').selectOption('3');
      await page.locator('[data-testid="area-href"]').fill('/grades/{id}');
      assert.equal(
        await settledMarkup(),
        cli('render', json, '--view', 'summary', '--heading-level', '3', '--area-href', '/grades/{id}').stdout,
        'summary at h3 with area links',
      );
      assert.match(await page.locator('[data-testid="embed-code"]').textContent(), /<grade-widget src="[^"]+" view="summary" lang="en" theme="dark" heading-level="3" area-href="\/grades\/\{id\}">\n/);
      // The code and the markup carry h3 for the reader's page; the preview, under this page's
      // h3 "Preview", stays an h4.
      await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').shadowRoot?.querySelector('h4'));
      assert.equal(await preview.evaluate((el) => el.shadowRoot.querySelector('h2, h3, h4, h5').localName), 'h4', 'the preview\'s top heading is an h4');
      assert.equal(await preview.evaluate((el) => el.shadowRoot.querySelector('a[href="/grades/1A"]') !== null), true, 'the preview links area 1A');
      // The link template belongs to the summary: another view neither writes nor renders it.
      await page.locator('input[name="view"][value="full"]').check();
      assert.equal(await settledMarkup(), cli('render', json, '--heading-level', '3').stdout, 'full at h3');
      assert.doesNotMatch(await page.locator('[data-testid="embed-code"]').textContent(), /area-href/);

      const css = `${OUT}/builder-static.css`;
      const r = cli('render', json, '--stylesheet', css);
      assert.equal(r.status, 0, r.stderr);
      assert.equal((await downloaded(page, 'download-css')).text, readFileSync(css, 'utf8'));
      await cspClean(page);
    },
  },
  {
    name: 'the markup in a declarative shadow root equals render --shadow-root URL, with its stylesheet',
    page: PAGE,
    async run({ page }) {
      const json = `${OUT}/builder-seed.json`;
      writeFileSync(json, seed());
      await workerReady(page);
      await page.locator('[data-testid="file"]').setInputFiles(`${ROOT}${FIXTURE}`);
      await built(page);
      const settledMarkup = async () => {
        await page.waitForFunction(() => document.querySelector('[data-testid="static-markup"]').getAttribute('aria-busy') === 'false');
        return page.locator('[data-testid="static-markup"]').textContent();
      };
      assert.equal(await page.locator('[data-testid="shadow-url"]').isVisible(), false, 'no URL to ask for plain markup');
      assert.equal(await page.getByText(STRINGS.en.markupKindRule, { exact: true }).isVisible(), true, 'the rule for choosing is shown');
      await page.getByRole('radio', { name: STRINGS.en.markupShadow }).check();
      const url = '/css/gw "shadow".css?v=1&x';
      await page.locator('[data-testid="shadow-url"]').fill(url);
      await page.locator('input[name="view"][value="summary"]').check();
      const css = `${OUT}/builder-shadow.css`;
      const want = cli('render', json, '--view', 'summary', '--shadow-root', url, '--stylesheet', css);
      assert.equal(want.status, 0, want.stderr);
      assert.ok(want.stdout.startsWith('<template shadowrootmode="open"><link rel="stylesheet" href="/css/gw &quot;shadow&quot;.css?v=1&amp;x">'));
      assert.equal(await settledMarkup(), want.stdout, 'the CLI\'s --shadow-root markup');
      assert.equal(await page.locator('#css-intro').textContent(), STRINGS.en.cssIntroShadow);
      await page.waitForFunction(() => document.querySelector('[data-testid="download-css"]').getAttribute('download') === 'grade-widget-shadow.css'
        && document.querySelector('[data-testid="download-css"]').hasAttribute('href'));
      const sheet = await downloaded(page, 'download-css');
      assert.equal(sheet.name, 'grade-widget-shadow.css');
      assert.equal(sheet.text, readFileSync(css, 'utf8'), 'the shadow root\'s sheet, as render --stylesheet writes it');

      // Back to plain: the plain markup and the plain sheet.
      await page.getByRole('radio', { name: STRINGS.en.markupPlain }).check();
      assert.equal(await settledMarkup(), cli('render', json, '--view', 'summary').stdout);
      const plainCss = `${OUT}/builder-plain.css`;
      cli('render', json, '--stylesheet', plainCss);
      await page.waitForFunction(() => document.querySelector('[data-testid="download-css"]').getAttribute('download') === 'grade-widget-static.css'
        && document.querySelector('[data-testid="download-css"]').hasAttribute('href'));
      assert.equal((await downloaded(page, 'download-css')).text, readFileSync(plainCss, 'utf8'));
      await cspClean(page);
    },
  },
  {
    name: 'the embed code carries the release\'s integrity hash when the page knows it, and says what to add when not',
    page: PAGE,
    async run({ page }) {
      const integrity = `sha384-${createHash('sha384').update(readFileSync(`${ROOT}pkg/grade-widget.js`)).digest('base64')}`;
      const embed = () => page.locator('[data-testid="embed-code"]').textContent();
      // A build from source has no integrity.json beside its loader: no hash, and the page says
      // where to find it.
      await workerReady(page);
      await page.locator('[data-testid="file"]').setInputFiles(`${ROOT}${FIXTURE}`);
      await built(page);
      assert.ok((await embed()).startsWith(`<script type="module" src="/assets/grade-widget/${VERSION}/grade-widget.js" crossorigin="anonymous"></script>\n`));
      assert.equal(await page.locator('[data-testid="integrity-note"]').textContent(), STRINGS.en.integrityUnknown);

      // As in the release folder: integrity.json beside the loader (scripts/dist.mjs's shape).
      await page.route('**/pkg/integrity.json', (route) => route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ name: 'grade-widget', version: '9.8.7', files: { 'grade-widget.js': { integrity, bytes: 1 } } }),
      }));
      await page.reload();
      await workerReady(page);
      await page.locator('[data-testid="file"]').setInputFiles(`${ROOT}${FIXTURE}`);
      await built(page);
      await page.waitForFunction(() => document.querySelector('[data-testid="embed-code"]').textContent.includes('integrity='));
      assert.equal(await embed(), '<script type="module" src="/assets/grade-widget/9.8.7/grade-widget.js"\n'
        + `        integrity="${integrity}" crossorigin="anonymous"></script>\n`
        + '<grade-widget src="/reports/metropolitan-police-service-2006-10.json" lang="en">\n'
        + '  <a href="/reports/metropolitan-police-service-2006-10.pdf">Read the Metropolitan Police Service inspection report</a>\n'
        + '</grade-widget>\n');
      assert.match(await page.locator('[data-testid="embed-inline"]').textContent(), new RegExp(`^<script type="module" src="[^"]+"\n {8}integrity="${integrity.replace(/[+/]/g, '\\$&')}" crossorigin="anonymous"></script>\n`));
      assert.equal(await page.locator('[data-testid="integrity-note"]').textContent(), STRINGS.en.integrityKnown.replace('{version}', '9.8.7'));
      // The browser itself accepts the loader under that hash, and refuses it under another.
      const fetched = (hash) => page.evaluate(async (i) => fetch('../pkg/grade-widget.js', { integrity: i }).then(() => true, () => false), hash);
      assert.equal(await fetched(integrity), true);
      assert.equal(await fetched(`sha384-${createHash('sha384').update('x').digest('base64')}`), false);
      // The link's address follows its field; emptied, no link at all.
      await page.locator('[data-testid="fallback-url"]').fill('');
      assert.match(await embed(), /lang="en"><\/grade-widget>\n$/);
    },
    allowConsoleErrors: true,
  },
  {
    name: 'the focus indicator of buttons, links and text boxes reaches 3:1 against the page and what it covers',
    page: PAGE,
    async run({ page }) {
      await workerReady(page);
      await page.locator('[data-testid="read"]').click(); // an empty text: a problem, which is a link
      await page.locator('[data-testid="problems"] a.line').waitFor();
      const targets = {
        'the primary button': page.locator('[data-testid="read"]'),
        'a secondary button': page.locator('[data-testid="clear"]'),
        'a button on the dark header': page.locator('.lang-switch[data-lang="cy"]'),
        'a link on the dark header': page.locator('.site-header a'),
        'a link on the page': page.locator('[data-testid="problems"] a.line'),
        'the text box': page.locator('[data-testid="source"]'),
        'the file input': page.locator('[data-testid="file"]'),
      };
      for (const [what, locator] of Object.entries(targets)) {
        const m = await focusIndicator(page, locator);
        assert.ok(m.strong >= m.perimeter, `${what}: ${m.strong} px of the indicator reach 3:1 against the page (${m.page}) and what they cover; `
          + `at least ${m.perimeter} needed (focused colours ${m.colours.join(' / ') || 'none'})`);
      }
      await focusIndicator(page, page.locator('[data-testid="read"]'));
      await page.screenshot({ path: `${OUT}/builder-focus-light.png` });
      await page.emulateMedia({ colorScheme: 'dark' });
      await focusIndicator(page, page.locator('.lang-switch[data-lang="cy"]'));
      await page.screenshot({ path: `${OUT}/builder-focus-dark.png` });
    },
  },
  {
    name: 'Copy under the markup copies the finished markup, never the placeholder, also right after typing',
    page: PAGE,
    async run({ page, context, base }) {
      const json = `${OUT}/builder-seed.json`;
      writeFileSync(json, seed());
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base.replace(/\/$/, '') });
      await workerReady(page);
      await page.locator('[data-testid="file"]').setInputFiles(`${ROOT}${FIXTURE}`);
      await built(page);
      await page.locator('input[name="view"][value="summary"]').check();
      // Typing, then pressing Copy at once: the click blurs the field (a `change`), and the
      // markup is being made again as the button is pressed.
      await page.locator('[data-testid="area-href"]').pressSequentially('/grades/{id}');
      await page.locator('button.copy[data-copy="static-markup"]').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="copied-static-markup"]').textContent !== '');
      assert.equal(await page.locator('[data-testid="copied-static-markup"]').textContent(), 'Copied the markup.');
      const want = cli('render', json, '--view', 'summary', '--area-href', '/grades/{id}');
      assert.equal(want.status, 0, want.stderr);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.notEqual(copied, STRINGS.en.rendering, 'the placeholder was copied');
      assert.equal(copied, want.stdout, 'the markup for the options as typed');
      assert.equal(await page.locator('[data-testid="static-markup"]').textContent(), copied, 'what was copied is what is shown');
      await cspClean(page);
    },
  },
  {
    name: 'the iframe embed: the height the preview measures, as builder-embed.js writes it, copied by its own button',
    page: PAGE,
    async run({ page, context, base }) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base.replace(/\/$/, '') });
      await workerReady(page);
      await page.locator('[data-testid="file"]').setInputFiles(`${ROOT}${FIXTURE}`);
      await built(page);
      const report = JSON.parse(seed());
      for (const [view, lang] of [['full', 'en'], ['summary', 'cy']]) {
        await page.locator(`input[name="view"][value="${view}"]`).check();
        await page.locator(`input[name="lang"][value="${lang}"]`).check();
        await built(page);
        // The frame's height follows the preview once the preview has settled at its new height.
        const measured = await page.waitForFunction(() => {
          const h = Math.ceil(document.getElementById('preview').getBoundingClientRect().height);
          const code = document.querySelector('[data-testid="embed-iframe"]').textContent;
          return code.includes(`height="${h}"`) && h;
        }, null, { timeout: 10_000 }).then((h) => h.jsonValue())
          .catch(async () => assert.fail(`the iframe's height is not the preview's: ${await page.locator('[data-testid="embed-iframe"]').textContent()}`));
        const code = await page.locator('[data-testid="embed-iframe"]').textContent();
        const height = Number(/height="(\d+)"/.exec(code)[1]);
        assert.ok(Math.abs(height - measured) <= 3, `${view}: the frame's ${height} px against the preview's ${measured}`);
        assert.ok(height > 500, `${view}: a real height (${height} px)`);
        const options = chosenOptions({ view, lang, theme: 'auto', headingLevel: '2' });
        assert.equal(code, iframeSnippet({
          embedUrl: `/assets/grade-widget/${VERSION}/embed.html`, jsonUrl: '/reports/metropolitan-police-service-2006-10.json',
          options, title: iframeTitle(report), height,
        }), `${view}: the module's snippet`);
        assert.match(code, /title="Inspection grades: Metropolitan Police Service, Baseline Assessment 2006"/);
      }
      await page.getByRole('button', { name: STRINGS.en.copyIframe, exact: true }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="copied-embed-iframe"]').textContent !== '');
      assert.equal(await page.locator('[data-testid="copied-embed-iframe"]').textContent(), 'Copied the iframe embed.');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.locator('[data-testid="embed-iframe"]').textContent());
      await page.locator('[data-testid="embed-iframe"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT}/builder-iframe.png` });
      await cspClean(page);
    },
  },
  {
    name: 'axe-clean and fully translated in English and Welsh, before input and with problems',
    page: PAGE,
    fullPage: true,
    // axe-core is injected as an inline script, which the page's own CSP rightly blocks; every
    // other test here runs under that CSP and checks it saw no violation.
    options: { bypassCSP: true },
    async run({ page, context, base }) {
      await workerReady(page);
      const strings = (lang) => page.locator('[data-i18n]').evaluateAll((els) => els.map((e) => [e.dataset.i18n, e.textContent]));
      assert.deepEqual(Object.keys(STRINGS.cy).sort(), Object.keys(STRINGS.en).sort(), 'every string has a Welsh text');
      for (const [key, text] of await strings()) assert.equal(text, STRINGS.en[key], `en ${key}`);
      assert.deepEqual(await axe(page, null), [], 'English, before any input');

      await page.locator('[data-testid="read"]').click();
      await page.locator('[data-testid="problems"] li').first().waitFor();
      await page.locator('.lang-switch[data-lang="cy"]').click();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
      assert.equal(await page.title(), STRINGS.cy.title);
      for (const [key, text] of await strings()) assert.equal(text, STRINGS.cy[key], `cy ${key}`);
      assert.deepEqual(await listed(page), [`${STRINGS.cy.empty} (line 1)`]);
      assert.equal(await page.locator('[data-testid="problems"] a.line').textContent(), `${STRINGS.cy.empty} (llinell 1)`);
      assert.deepEqual(await axe(page, null), [], 'Welsh, problems');
    },
  },
  {
    name: 'axe-clean in Welsh with the preview, the code and the markup shown',
    page: PAGE,
    fullPage: true,
    options: { bypassCSP: true },
    async run({ page, context, base }) {
      await workerReady(page);
      await page.locator('.lang-switch[data-lang="cy"]').click();
      await paste(page, context, base, SEED);
      await page.locator('[data-testid="read"]').click();
      assert.match(await built(page), /^Darllenwyd 23 maes o adroddiad Metropolitan Police Service mewn \d+ ms\.$/);
      assert.deepEqual(await axe(page, null), [], 'Welsh, success (page and preview)');
      await page.screenshot({ path: `${OUT}/builder-success-cy-1280.png`, fullPage: true });
    },
  },
  {
    name: 'the success page in Welsh at 320 px: no sideways scrolling',
    page: PAGE,
    options: { viewport: { width: 320, height: 800 } },
    async run({ page, context, base }) {
      await workerReady(page);
      await page.locator('.lang-switch[data-lang="cy"]').click();
      await paste(page, context, base, SEED);
      await page.locator('[data-testid="read"]').click();
      await built(page);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 320, `the page scrolls sideways at 320 px (${wide} px)`);
      await page.screenshot({ path: `${OUT}/builder-success-cy-320.png`, fullPage: true });
      await cspClean(page);
    },
  },
  {
    name: 'axe-clean in English at 320 px with the preview, the code and the markup shown',
    page: PAGE,
    options: { bypassCSP: true, viewport: { width: 320, height: 800 } },
    async run({ page, context, base }) {
      await workerReady(page);
      await paste(page, context, base, SEED);
      await page.locator('[data-testid="read"]').click();
      await built(page);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 320, `the page scrolls sideways at 320 px (${wide} px)`);
      assert.deepEqual(await axe(page, null), [], 'English, success, 320 px');
      await page.screenshot({ path: `${OUT}/builder-success-en-320.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: `${OUT}/builder-success-en-1280.png`, fullPage: true });
    },
  },
  {
    name: 'the worker renders no invalid JSON: it lists every problem, as grade-widget validate does',
    page: PAGE,
    async run({ page }) {
      const report = JSON.parse(seed());
      report.colour = 'blue';
      report.domains[0].areas[0].grade = 'brilliant';
      report.domains[1].areas[0].direction = 'sideways';
      report.domains[2].areas[0].national.good = 99;
      const json = `${JSON.stringify(report, null, 2)}\n`;
      const path = `${OUT}/builder-invalid.json`;
      writeFileSync(path, json);
      const want = cli('validate', path);
      assert.equal(want.status, 1, want.stderr);
      const lines = want.stdout.trimEnd().split('\n');
      const problems = lines.slice(0, -1);
      assert.match(lines.at(-1), /^\d+ problems in /);
      assert.ok(problems.length >= 4, `several problems: ${problems.join(' / ')}`);

      await workerReady(page);
      // The page only ever renders JSON it extracted itself, so the worker is asked directly.
      const error = await page.evaluate(async (text) => {
        const worker = new Worker(new URL('builder-worker.js', location.href), { type: 'module' });
        const answer = (want) => new Promise((resolve) => {
          worker.addEventListener('message', function on({ data }) {
            if (!want(data)) return;
            worker.removeEventListener('message', on);
            resolve(data);
          });
        });
        await answer((d) => d.type === 'ready');
        const done = answer((d) => d.id === 1);
        worker.postMessage({ id: 1, type: 'render', json: text, view: 'full', lang: 'en', headingLevel: 2 });
        const reply = await done;
        worker.terminate();
        return reply.ok ? null : reply.error;
      }, json);
      assert.deepEqual(error?.split('\n'), [`${problems.length} problems in the report JSON:`, ...problems]);
      await cspClean(page);
    },
  },
  {
    name: 'each copy button is named for what it copies; code blocks are named regions; report lines are lang="en"',
    page: PAGE,
    async run({ page, context, base }) {
      await workerReady(page);
      await page.locator('.lang-switch[data-lang="cy"]').click();
      const cut = SEED.slice(0, SEED.indexOf('\n4 Promoting Safety (Domain 3)'));
      await paste(page, context, base, cut);
      await page.locator('[data-testid="read"]').click();
      await page.locator('[data-testid="problems"] a.line').first().click();
      const lines = page.getByRole('region', { name: /^Llinell \d+ o'ch testun/ });
      assert.equal(await lines.count(), 1, 'the lines shown are a region named by their caption');
      assert.equal(await lines.getAttribute('lang'), 'en', 'the report\'s lines are English on the Welsh page');
      assert.equal(await page.locator('[data-testid="problem-context"] figcaption').getAttribute('lang'), null);

      await page.locator('.lang-switch[data-lang="en"]').click();
      await paste(page, context, base, SEED);
      await page.locator('[data-testid="read"]').click();
      await built(page);
      const names = await page.locator('button.copy').evaluateAll((buttons) => buttons.map((b) => b.textContent));
      assert.deepEqual(names, [STRINGS.en.copyEmbed, STRINGS.en.copyInline, STRINGS.en.copyIframe, STRINGS.en.copyMarkup]);
      assert.equal(new Set(names).size, 4, 'no two copy buttons share a name');
      for (const [testid, key] of [['embed-code', 'embedHeading'], ['embed-inline', 'inlineLabel'], ['embed-iframe', 'iframeLabel'], ['static-markup', 'markupHeading']]) {
        const block = page.getByRole('region', { name: STRINGS.en[key], exact: true });
        assert.equal(await block.getAttribute('data-testid'), testid, `${testid} is the region "${STRINGS.en[key]}"`);
        assert.equal(await block.getAttribute('tabindex'), '0', `${testid} can be scrolled by keyboard`);
      }
      await page.locator('.lang-switch[data-lang="cy"]').click();
      assert.equal(await page.getByRole('button', { name: STRINGS.cy.copyMarkup, exact: true }).count(), 1);
      await cspClean(page);
    },
  },
  {
    name: 'complete by keyboard alone: read, choose a view, copy the code with an announced confirmation',
    page: PAGE,
    async run({ page, context, base }) {
      await workerReady(page);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base.replace(/\/$/, '') });
      await page.evaluate((t) => navigator.clipboard.writeText(t), SEED);
      /** Presses Tab until the focused element matches, at most `limit` times. */
      const tabTo = async (selector, limit = 40) => {
        for (let i = 0; i < limit; i++) {
          await page.keyboard.press('Tab');
          if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
        }
        throw new Error(`Tab never reached ${selector}`);
      };
      await tabTo('[data-testid="source"]');
      await page.keyboard.press('Control+V');
      await tabTo('[data-testid="read"]');
      // The focus ring is visible on the button.
      assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
      await page.keyboard.press('Enter');
      await built(page);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'result-heading', 'focus goes to the result');
      await tabTo('input[name="view"]');
      await page.keyboard.press('ArrowRight'); // summary
      await page.keyboard.press('ArrowRight'); // area
      assert.equal(await page.locator('[data-testid="area"]').isVisible(), true);
      await tabTo('[data-testid="area"]');
      await page.keyboard.press('ArrowDown'); // 1B
      await page.waitForFunction(() => document.querySelector('[data-testid="preview"]').getAttribute('area') === '1B');
      await tabTo('button.copy[data-copy="embed-code"]');
      await page.keyboard.press('Enter');
      const note = page.locator('[data-testid="copied-embed-code"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="copied-embed-code"]').textContent !== '');
      assert.equal(await note.textContent(), 'Copied the code for your page.');
      assert.equal(await note.getAttribute('role'), 'status');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.locator('[data-testid="embed-code"]').textContent());
      assert.match(await page.evaluate(() => navigator.clipboard.readText()), /view="area" area="1B"/);
      await cspClean(page);
    },
  },
];
