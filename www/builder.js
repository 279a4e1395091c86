// builder.js: the report builder page (builder.html). The text goes to a module worker
// (builder-worker.js, the builder's own wasm) and the page shows what comes back: a live
// <grade-widget> preview, the JSON to download, the embed code and the pre-rendered markup, or
// the problems, each leading to its line. Report text is only ever set as text (textContent,
// value), never parsed as HTML. No inline script or style: runs under the widget's strict CSP.

import { STRINGS, fill } from './builder-strings.js';

const $ = (id) => document.getElementById(id);
const els = {
  source: $('source'), file: $('file'), read: $('read'), clear: $('clear'), drop: document.querySelector('.drop'),
  status: $('status-text'), progress: $('progress'), problemsSection: $('problems-section'),
  problems: $('problems'), problemsHeading: $('problems-heading'), context: $('context'),
  contextCaption: $('context-caption'), contextLines: $('context-lines'), result: $('result'),
  resultHeading: $('result-heading'), controls: $('controls'), area: $('area'), areaRow: $('area-row'),
  href: $('href'), hrefRow: $('href-row'), areaHref: $('area-href'), areaHrefRow: $('area-href-row'),
  headingLevel: $('heading-level'), preview: $('preview'), download: $('download-json'),
  jsonSize: $('json-size'), jsonUrl: $('json-url'), scriptUrl: $('script-url'), embed: $('embed-code'),
  inline: $('embed-inline'), markup: $('static-markup'), downloadCss: $('download-css'),
  storageNote: $('storage-note'),
};

/** The text box survives a reload in this tab only (sessionStorage), as the page says. */
const STORE = 'grade-widget-builder:text';
const LANG_STORE = 'grade-widget-builder:lang';
/** Until the worker says otherwise: the wasm's own limit (MAX_REPORT_BYTES, 8 MiB). */
let maxBytes = 8 * 1024 * 1024;
const MIB = 1024 * 1024;

// ---- Language ------------------------------------------------------------------------------

const params = new URLSearchParams(location.search);
let lang = pickLang(params.get('lang') ?? sessionStorage.getItem(LANG_STORE) ?? 'en');
function pickLang(tag) {
  return /^cy\b/i.test(tag) ? 'cy' : 'en';
}
const t = (key, values) => fill(STRINGS[lang][key] ?? STRINGS.en[key] ?? key, values);

function applyLanguage() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  for (const el of document.querySelectorAll('[data-i18n-limit]')) el.textContent = t('limit', { mib: maxBytes / MIB });
  for (const b of document.querySelectorAll('.lang-switch')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  showStatus();
  showProblems();
  if (state.phase === 'ready') showJsonSize();
}

for (const button of document.querySelectorAll('.lang-switch')) {
  button.addEventListener('click', () => {
    lang = button.dataset.lang;
    sessionStorage.setItem(LANG_STORE, lang);
    applyLanguage();
  });
}

// ---- The worker -------------------------------------------------------------------------------

const worker = new Worker(new URL('builder-worker.js', import.meta.url), { type: 'module' });
const pending = new Map();
let nextId = 1;
let workerReady;
const started = new Promise((resolve, reject) => { workerReady = { resolve, reject }; });
// A worker that fails to start is reported through the status line; each request also rejects.
started.catch(() => {});

worker.addEventListener('message', ({ data }) => {
  if (data.type === 'ready') {
    maxBytes = data.maxBytes;
    workerReady.resolve();
    if (state.phase === 'starting') setState({ phase: 'idle' });
    return;
  }
  if (data.type === 'failed') {
    workerReady.reject(new Error(data.error));
    setState({ phase: 'failed', error: t('startFailed', { reason: data.error }) });
    return;
  }
  const wait = pending.get(data.id);
  pending.delete(data.id);
  if (!wait) return;
  if (data.ok) wait.resolve(data);
  else wait.reject(new Error(data.error));
});
// A worker that cannot be loaded at all (missing file, blocked) or that dies.
worker.addEventListener('error', (e) => {
  e.preventDefault();
  const reason = e.message || 'the worker could not be loaded';
  workerReady.reject(new Error(reason));
  for (const wait of pending.values()) wait.reject(new Error(reason));
  pending.clear();
  setState({ phase: 'failed', error: t(state.phase === 'working' ? 'crashed' : 'startFailed', { reason }) });
});

async function ask(message, transfer = []) {
  await started;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ ...message, id }, transfer);
  });
}

// ---- State ------------------------------------------------------------------------------------

/**
 * phase: starting | idle | working | ready | problems | failed. `ready` carries the extraction
 * (json, force, areas, report, ms); `problems` the list and whether its lines are in the box.
 */
let state = { phase: 'starting' };
let run = 0;

function setState(next) {
  state = next;
  const busy = state.phase === 'working';
  els.progress.hidden = !busy && state.phase !== 'starting';
  for (const region of [els.result, els.problemsSection]) region.setAttribute('aria-busy', String(busy));
  els.problemsSection.hidden = state.phase !== 'problems';
  els.result.hidden = state.phase !== 'ready';
  showStatus();
  showProblems();
}

function showStatus() {
  const s = state;
  const text = {
    starting: () => t('starting'),
    idle: () => '',
    working: () => t('working'),
    ready: () => t('readyStatus', { areas: s.areas.length, force: s.force, ms: Math.round(s.ms) }),
    problems: () => (s.problems.length === 1 ? t('problemsOne') : t('problemsMany', { count: s.problems.length })),
    failed: () => s.error,
  }[s.phase]();
  els.status.textContent = text;
}

// ---- Input ------------------------------------------------------------------------------------

els.source.value = sessionStorage.getItem(STORE) ?? '';
let saveTimer;
els.source.addEventListener('input', () => {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(keepText, 400);
});
function keepText() {
  try {
    sessionStorage.setItem(STORE, els.source.value);
    els.storageNote.textContent = t('storage');
    els.storageNote.dataset.i18n = 'storage';
  } catch {
    // Over the tab's storage quota: say so rather than pretend the text is kept.
    sessionStorage.removeItem(STORE);
    els.storageNote.dataset.i18n = 'storageFull';
    els.storageNote.textContent = t('storageFull');
  }
}

els.read.addEventListener('click', () => readText());
els.clear.addEventListener('click', () => {
  els.source.value = '';
  els.file.value = '';
  sessionStorage.removeItem(STORE);
  keepText();
  run++;
  setState({ phase: 'idle' });
  els.source.focus();
});
els.file.addEventListener('change', () => {
  const [file] = els.file.files;
  if (file) readFile(file);
});
els.drop.addEventListener('dragover', (e) => {
  if (![...e.dataTransfer.types].includes('Files')) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = 'copy';
  els.drop.classList.add('dragging');
});
els.drop.addEventListener('dragleave', () => els.drop.classList.remove('dragging'));
els.drop.addEventListener('drop', (e) => {
  els.drop.classList.remove('dragging');
  const [file] = e.dataTransfer.files;
  if (!file) return;
  e.preventDefault();
  readFile(file);
});

/** The text box's text: what the person pasted or typed. */
function readText() {
  const text = els.source.value;
  if (text.trim() === '') {
    // The builder's own check, so the message is in the page's language.
    setState({ phase: 'problems', inBox: true, problems: [{ line: 1, own: 'empty' }] });
    els.problemsHeading.focus();
    return;
  }
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > maxBytes) {
    setState({ phase: 'problems', inBox: true, problems: [{ line: null, own: 'tooLargeText', values: { size: (bytes / MIB).toFixed(1), mib: maxBytes / MIB } }] });
    els.problemsHeading.focus();
    return;
  }
  extract({ type: 'extract', text }, [], true);
}

/** A chosen or dropped file: its own bytes go to the extractor, as the CLI reads a file. */
async function readFile(file) {
  if (file.size > maxBytes) {
    setState({ phase: 'problems', inBox: false, problems: [{ line: null, own: 'tooLarge', values: { name: file.name, size: (file.size / MIB).toFixed(1), mib: maxBytes / MIB } }] });
    els.problemsHeading.focus();
    return;
  }
  let buffer;
  try {
    buffer = await file.arrayBuffer();
  } catch (error) {
    setState({ phase: 'problems', inBox: false, problems: [{ line: null, own: 'fileUnreadable', values: { name: file.name, reason: error.message } }] });
    els.problemsHeading.focus();
    return;
  }
  // Text goes in the box (so problems can point into it, and a reload keeps it); anything that
  // is not UTF-8 text stays out, and the box keeps what it had.
  const text = asText(buffer);
  if (text !== null) {
    els.source.value = text;
    keepText();
  }
  extract({ type: 'extract', bytes: buffer }, [buffer], text !== null, file.name);
}

function asText(buffer) {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return /[\0-\x08\x0e-\x1f\x7f]/.test(text) ? null : text;
  } catch {
    return null;
  }
}

// ---- Extraction -------------------------------------------------------------------------------

async function extract(message, transfer, inBox, fileName) {
  const mine = ++run;
  performance.mark('builder:read');
  setState({ phase: 'working' });
  let answer;
  try {
    answer = await ask(message, transfer);
  } catch (error) {
    if (mine === run) setState({ phase: 'failed', error: t('crashed', { reason: error.message }) });
    return;
  }
  if (mine !== run) return;
  const { result, ms } = answer;
  performance.mark('builder:extracted', { detail: { ms } });
  if (result.status !== 'ready') {
    setState({ phase: 'problems', inBox, fileName, problems: result.problems });
    els.problemsHeading.focus();
    return;
  }
  const report = JSON.parse(result.json);
  setState({ phase: 'ready', ...result, report, ms, fileName: jsonName(report) });
  showResult();
  els.resultHeading.focus();
}

// ---- Problems ---------------------------------------------------------------------------------

function showProblems() {
  els.problems.replaceChildren();
  els.context.hidden = true;
  if (state.phase !== 'problems') return;
  for (const p of state.problems) {
    const item = document.createElement('li');
    const where = p.line
      ? t('lineButton', { line: p.line })
      : p.path ? t('jsonPath', { path: p.path }) : t('wholeText');
    if (p.line && state.inBox) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'line';
      button.textContent = where;
      button.addEventListener('click', () => showLine(p.line));
      item.append(button);
    } else {
      const label = document.createElement('strong');
      label.textContent = state.fileName ? `${state.fileName}, ${where}` : where;
      item.append(label);
    }
    const message = document.createElement('span');
    message.className = 'message';
    if (p.own) {
      message.textContent = t(p.own, p.values);
    } else {
      // The extractor's and validator's words are English; say so for screen readers.
      message.lang = 'en';
      message.textContent = p.message;
    }
    item.append(' ', message);
    els.problems.append(item);
  }
}

/** Selects line `n` in the text box, scrolls it into view, and shows it with its neighbours. */
function showLine(n) {
  const lines = els.source.value.split('\n');
  const index = Math.min(Math.max(n, 1), lines.length) - 1;
  const start = lines.slice(0, index).reduce((sum, l) => sum + l.length + 1, 0);
  els.source.focus();
  els.source.setSelectionRange(start, start + lines[index].length);
  // wrap="off": one text line per box line, so the line's place is its number times the height.
  const height = parseFloat(getComputedStyle(els.source).lineHeight) || 20;
  els.source.scrollTop = Math.max(0, index * height - els.source.clientHeight / 2);
  els.source.scrollLeft = 0;

  els.contextCaption.textContent = t('contextCaption', { line: index + 1 });
  const from = Math.max(0, index - 3);
  const rows = lines.slice(from, index + 4).map((text, i) => {
    const row = document.createElement(from + i === index ? 'mark' : 'span');
    row.textContent = `${String(from + i + 1).padStart(5)}  ${text}\n`;
    return row;
  });
  els.contextLines.replaceChildren(...rows);
  els.context.hidden = false;
}

// ---- The result -------------------------------------------------------------------------------

let jsonBlob;
let cssBlob;

function showResult() {
  const { areas, json } = state;
  els.area.replaceChildren(...areas.map((a) => {
    const o = document.createElement('option');
    o.value = a.id;
    o.textContent = `${a.id} ${a.title}`;
    return o;
  }));
  if (jsonBlob) URL.revokeObjectURL(jsonBlob);
  jsonBlob = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  els.download.href = jsonBlob;
  els.download.download = state.fileName;
  showJsonSize();
  if (!els.jsonUrl.dataset.edited) els.jsonUrl.value = `/reports/${state.fileName}`;
  if (!els.scriptUrl.value) els.scriptUrl.value = '/grade-widget/grade-widget.js';
  // Set once the element is defined: a property set on a not-yet-upgraded element would hide the
  // class's `report` setter from it.
  const report = state.report;
  customElements.whenDefined('grade-widget').then(() => { els.preview.report = report; });
  if (!cssBlob) {
    ask({ type: 'stylesheet' }).then(({ css }) => {
      cssBlob = URL.createObjectURL(new Blob([css], { type: 'text/css' }));
      els.downloadCss.href = cssBlob;
    }, () => {});
  }
  updateOutputs();
}

function showJsonSize() {
  els.jsonSize.textContent = t('jsonSize', { name: state.fileName, kb: Math.round(new Blob([state.json]).size / 1000) });
}

/** "Metropolitan Police Service", "2006-10" -> metropolitan-police-service-2006-10.json */
function jsonName(report) {
  const slug = `${report.force} ${report.published ?? ''}`.toLowerCase().normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${slug || 'report'}.json`;
}

/**
 * The options as chosen: { view, area, lang, theme, href, headingLevel, areaHref }; area only for
 * view=area, href only for the badge, areaHref only for the summary (the only view that links
 * area names), as the element reads them.
 */
function chosen() {
  const form = new FormData(els.controls);
  const view = form.get('view');
  return {
    view,
    area: view === 'area' ? els.area.value : '',
    lang: form.get('lang'),
    theme: form.get('theme'),
    href: view === 'badge' ? els.href.value.trim() : '',
    headingLevel: els.headingLevel.value,
    areaHref: view === 'summary' ? els.areaHref.value.trim() : '',
  };
}

els.controls.addEventListener('change', updateOutputs);
els.href.addEventListener('input', updateOutputs);
els.areaHref.addEventListener('input', updateOutputs);
els.controls.addEventListener('submit', (e) => e.preventDefault());
for (const input of [els.jsonUrl, els.scriptUrl]) {
  input.addEventListener('input', () => {
    input.dataset.edited = 'yes';
    showEmbed(chosen());
  });
}

let renderRun = 0;
async function updateOutputs() {
  if (state.phase !== 'ready') return;
  const o = chosen();
  els.areaRow.hidden = o.view !== 'area';
  els.hrefRow.hidden = o.view !== 'badge';
  els.areaHrefRow.hidden = o.view !== 'summary';
  const attrs = attributes(o);
  for (const name of ['view', 'area', 'lang', 'theme', 'href', 'heading-level', 'area-href']) els.preview.removeAttribute(name);
  for (const [name, value] of attrs) els.preview.setAttribute(name, value);
  showEmbed(o);
  const mine = ++renderRun;
  els.markup.textContent = t('rendering');
  els.markup.setAttribute('aria-busy', 'true');
  try {
    const { markup } = await ask({
      type: 'render', json: state.json, view: o.view, area: o.area, lang: o.lang, href: o.href,
      headingLevel: Number(o.headingLevel), areaHref: o.areaHref,
    });
    if (mine !== renderRun) return;
    els.markup.textContent = markup;
  } catch (error) {
    if (mine !== renderRun) return;
    els.markup.textContent = t('renderFailed', { reason: error.message });
  }
  els.markup.setAttribute('aria-busy', 'false');
}

/** The element's attributes for these options, in the order the embed code writes them. */
function attributes(o) {
  const out = [];
  if (o.view !== 'full') out.push(['view', o.view]);
  if (o.area) out.push(['area', o.area]);
  out.push(['lang', o.lang]);
  if (o.theme !== 'auto') out.push(['theme', o.theme]);
  if (o.href) out.push(['href', o.href]);
  if (o.headingLevel !== '2') out.push(['heading-level', o.headingLevel]);
  if (o.areaHref) out.push(['area-href', o.areaHref]);
  return out;
}

const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function showEmbed(o) {
  const attrs = attributes(o).map(([n, v]) => ` ${n}="${escapeAttr(v)}"`).join('');
  const script = `<script type="module" src="${escapeAttr(els.scriptUrl.value.trim())}"></script>`;
  els.embed.textContent = `${script}\n<grade-widget src="${escapeAttr(els.jsonUrl.value.trim())}"${attrs}></grade-widget>\n`;
  // Inside a <script> element only "</" (which could close it) and "<!--" (which changes how
  // the HTML parser reads script text) matter; both are written as JSON escapes.
  const json = state.json.trimEnd().replace(/<\//g, '<\\/').replace(/<!--/g, '\\u003c!--');
  els.inline.textContent = `${script}\n<grade-widget${attrs}>\n<script type="application/json">\n${json}\n</script>\n</grade-widget>\n`;
}

// ---- Copy -------------------------------------------------------------------------------------

const WHAT = { 'embed-code': 'whatEmbed', 'embed-inline': 'whatInline', 'static-markup': 'whatMarkup' };
for (const button of document.querySelectorAll('button.copy')) {
  const target = $(button.dataset.copy);
  const note = button.nextElementSibling;
  let clearNote;
  button.addEventListener('click', async () => {
    clearTimeout(clearNote);
    try {
      await navigator.clipboard.writeText(target.textContent);
      note.textContent = t('copied', { what: t(WHAT[target.id]) });
    } catch {
      // No clipboard (permission refused): select the text so Ctrl+C copies it.
      getSelection().selectAllChildren(target);
      note.textContent = t('copyFailed');
    }
    clearNote = setTimeout(() => { note.textContent = ''; }, 8000);
  });
}

// ---- The preview's timing, for tests/bench/builder.mjs ---------------------------------------

els.preview.addEventListener('load', () => performance.mark('builder:preview'));

applyLanguage();
setState(state);
