// builder.js: the report builder page (builder.html): its language, its state, and the text in
// (pasted, chosen as a file, dropped): a report's text, or a national table (builder-table.js
// tells them apart and makes the table's request). The text goes to the builder's worker
// (builder-client.js) and the page shows what comes back: the problems, each leading to its line
// (builder-problems.js), or the result (builder-output.js: preview, JSON, embed code, markup).
// Report text is only ever set as text (textContent, value), never parsed as HTML. No inline
// script or style: runs under the widget's strict CSP.

import { startWorker } from './builder-client.js';
import { parseLang, text } from './builder-i18n.js';
import { jsonName } from './builder-embed.js';
import { outputs } from './builder-output.js';
import { listProblems, showLine } from './builder-problems.js';
import { fillForces, importRequest, inputKind } from './builder-table.js';

const $ = (id) => document.getElementById(id);
const els = {
  source: $('source'), file: $('file'), read: $('read'), clear: $('clear'), drop: document.querySelector('.drop'),
  status: $('status-text'), progress: $('progress'), problemsSection: $('problems-section'),
  problems: $('problems'), problemsHeading: $('problems-heading'), context: $('context'),
  contextCaption: $('context-caption'), contextLines: $('context-lines'), result: $('result'),
  resultHeading: $('result-heading'), controls: $('controls'), area: $('area'), areaRow: $('area-row'),
  href: $('href'), hrefRow: $('href-row'), areaHref: $('area-href'), areaHrefRow: $('area-href-row'),
  headingLevel: $('heading-level'), preview: $('preview'), download: $('download-json'),
  jsonSize: $('json-size'), jsonUrl: $('json-url'), scriptUrl: $('script-url'), embed: $('embed-code'), iframe: $('embed-iframe'),
  inline: $('embed-inline'), markup: $('static-markup'), downloadCss: $('download-css'),
  storageNote: $('storage-note'), fallbackUrl: $('fallback-url'), integrityNote: $('integrity-note'),
  markupControls: $('markup-controls'), shadowUrl: $('shadow-url'), shadowUrlRow: $('shadow-url-row'),
  cssIntro: $('css-intro'), sourceError: $('source-error'), kind: $('input-kind'),
  tableSection: $('table-section'), tableHeading: $('table-heading'), tableSummary: $('table-summary'),
  tableForm: $('table-form'), tableForce: $('table-force'), tableScale: $('table-scale'),
  scaleFileRow: $('scale-file-row'), scaleFile: $('scale-file'), tableTitle: $('table-title'),
  tablePublished: $('table-published'), tableComparedEn: $('table-compared-en'), tableComparedCy: $('table-compared-cy'),
  tableComparedEnOne: $('table-compared-en-one'), tableComparedEnThis: $('table-compared-en-this'),
  tableComparedCyThis: $('table-compared-cy-this'),
};

/** The text box survives a reload in this tab only (sessionStorage), as the page says. */
const STORE = 'grade-widget-builder:text';
const LANG_STORE = 'grade-widget-builder:lang';
/** Until the worker says otherwise: the wasm's own limit (MAX_REPORT_BYTES, 8 MiB). */
let maxBytes = 8 * 1024 * 1024;
const MIB = 1024 * 1024;

// ---- Language ------------------------------------------------------------------------------

const params = new URLSearchParams(location.search);
let lang = parseLang(params.get('lang') ?? sessionStorage.getItem(LANG_STORE) ?? 'en');
const t = (key, values) => text(lang, key, values);

function applyLanguage() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  for (const el of document.querySelectorAll('[data-i18n-limit]')) el.textContent = t('limit', { mib: maxBytes / MIB });
  for (const b of document.querySelectorAll('.lang-switch')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  showStatus();
  showProblems();
  showTable();
  output.relabel();
}

for (const button of document.querySelectorAll('.lang-switch')) {
  button.addEventListener('click', () => {
    lang = parseLang(button.dataset.lang);
    sessionStorage.setItem(LANG_STORE, lang);
    applyLanguage();
  });
}

// ---- The worker -------------------------------------------------------------------------------

const { ask } = startWorker(new URL('builder-worker.js', import.meta.url), {
  onReady(ready) {
    maxBytes = ready.maxBytes;
    fillScales();
    if (state.phase === 'starting') setState({ phase: 'idle' });
  },
  onFailed(error, { starting }) {
    setState({ phase: 'failed', error: t(starting ? 'startFailed' : 'crashed', { reason: error.message }) });
  },
});
const output = outputs({ els, t, ask });

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
  if (state.phase !== 'ready') output.hide();
  showStatus();
  showProblems();
}

function showStatus() {
  const s = state;
  els.status.textContent = {
    starting: () => t('starting'),
    idle: () => '',
    working: () => t(s.what === 'table' ? 'workingTable' : 'working'),
    ready: () => t('readyStatus', { n: s.areas.length, force: s.force, ms: Math.round(s.ms) }),
    problems: () => t('problemsFound', { n: s.problems.length }),
    failed: () => s.error,
  }[s.phase]();
}

/** Shows the page's own problems (`own`: a builder-strings.js key) and moves focus to them. */
function ownProblem(inBox, problem) {
  setState({ phase: 'problems', inBox, problems: [problem] });
  els.problemsHeading.focus();
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
  table = null;
  showTable();
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
  const value = els.source.value;
  if (value.trim() === '') {
    // The builder's own check, so the message is in the page's language.
    ownProblem(true, { line: 1, own: 'empty' });
    return;
  }
  const bytes = new TextEncoder().encode(value).length;
  if (bytes > maxBytes) {
    ownProblem(true, { line: null, own: 'tooLargeText', values: { size: (bytes / MIB).toFixed(1), mib: maxBytes / MIB } });
    return;
  }
  if (inputKind(value, { choice: els.kind.value }) === 'table') {
    readTable({ text: value }, true);
    return;
  }
  table = null;
  showTable();
  extract({ type: 'extract', text: value }, [], true);
}

/** A chosen or dropped file: its own bytes go to the extractor, as the CLI reads a file. */
async function readFile(file) {
  if (file.size > maxBytes) {
    ownProblem(false, { line: null, own: 'tooLarge', values: { name: file.name, size: (file.size / MIB).toFixed(1), mib: maxBytes / MIB } });
    return;
  }
  let buffer;
  try {
    buffer = await file.arrayBuffer();
  } catch (error) {
    ownProblem(false, { line: null, own: 'fileUnreadable', values: { name: file.name, reason: error.message } });
    return;
  }
  // Text goes in the box (so problems can point into it, and a reload keeps it); anything that
  // is not UTF-8 text stays out, and the box keeps what it had.
  const asText = utf8Text(buffer);
  if (asText !== null) {
    els.source.value = asText;
    keepText();
  }
  if (inputKind(asText ?? '', { choice: els.kind.value, fileName: file.name }) === 'table') {
    // Not transferred: the table's bytes are read again for each force the person picks.
    readTable({ bytes: buffer }, asText !== null, file.name);
    return;
  }
  table = null;
  showTable();
  extract({ type: 'extract', bytes: buffer }, [buffer], asText !== null, file.name);
}

/** The buffer as text, or null when it is not UTF-8 or holds control bytes (a binary file). */
function utf8Text(buffer) {
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return /[\0-\x08\x0e-\x1f\x7f]/.test(decoded) ? null : decoded;
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
    // A worker that died has already said so (onFailed); this is a request that failed alone.
    if (mine === run && state.phase !== 'failed') setState({ phase: 'failed', error: t('crashed', { reason: error.message }) });
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
  output.show(state);
  els.resultHeading.focus();
}

// ---- A national table ---------------------------------------------------------------------------

/** The table read last: { source ({ text } or { bytes }), inBox, fileName, names, areas }, or null. */
let table = null;
/** The chosen scale file's text (null when none, or unreadable), once read. */
let scaleFileText = Promise.resolve(null);

/** The built-in scales, from the wasm (the one list `grade-widget import --scale` knows). */
async function fillScales() {
  let answer;
  try {
    answer = await ask({ type: 'scales' });
  } catch {
    return;
  }
  const fileOption = els.tableScale.querySelector('option[value="file"]');
  const options = answer.scales.map(({ name, words }) => {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = `${name} (${words.join(', ')})`;
    return option;
  });
  els.tableScale.replaceChildren(...options, fileOption);
  els.tableScale.value = answer.scales.some((s) => s.name === 'peel-2021') ? 'peel-2021' : answer.scales[0]?.name ?? 'file';
  els.scaleFileRow.hidden = els.tableScale.value !== 'file';
}

els.tableScale.addEventListener('change', () => {
  els.scaleFileRow.hidden = els.tableScale.value !== 'file';
});
els.scaleFile.addEventListener('change', () => {
  const [file] = els.scaleFile.files;
  scaleFileText = file ? file.text().catch(() => null) : Promise.resolve(null);
});
els.tableForm.addEventListener('submit', (e) => {
  e.preventDefault();
  makeWidget();
});

function showTable() {
  els.tableSection.hidden = !table;
  els.tableSummary.textContent = table ? t('tableSummary', { n: table.names.length, areas: table.areas.length }) : '';
}

/** Reads the table's shape and names, then makes the first (or the chosen) force's widget. */
async function readTable(source, inBox, fileName) {
  const mine = ++run;
  setState({ phase: 'working', what: 'table' });
  let answer;
  try {
    answer = await ask({ type: 'table', ...source, format: 'detect' });
  } catch (error) {
    if (mine === run && state.phase !== 'failed') setState({ phase: 'failed', error: t('crashed', { reason: error.message }) });
    return;
  }
  if (mine !== run) return;
  const { result } = answer;
  if (result.status !== 'table') {
    table = null;
    showTable();
    setState({ phase: 'problems', inBox, fileName, problems: result.problems });
    els.problemsHeading.focus();
    return;
  }
  table = { source, inBox, fileName, names: result.names, areas: result.areas };
  fillForces(els.tableForce, result.names);
  showTable();
  makeWidget();
}

/** The chosen force's report from the table, shown as an extracted report is. */
async function makeWidget() {
  if (!table) return;
  const scaleFile = els.tableScale.value === 'file' ? await scaleFileText : null;
  const form = {
    scale: els.tableScale.value, scaleFile, force: els.tableForce.value,
    title: els.tableTitle.value, published: els.tablePublished.value,
    comparedEn: els.tableComparedEn.value, comparedCy: els.tableComparedCy.value,
    comparedEnOne: els.tableComparedEnOne.value, comparedEnThis: els.tableComparedEnThis.value,
    comparedCyThis: els.tableComparedCyThis.value,
  };
  if (form.scale === 'file' && scaleFile === null) {
    ownProblem(false, { line: null, own: 'noScaleFile' });
    return;
  }
  extract(importRequest(table.source, form), [], table.inBox, table.fileName);
}

// ---- Problems ---------------------------------------------------------------------------------

function showProblems() {
  els.context.hidden = true;
  // GOV.UK's pattern: the box is marked invalid, with a message beside it naming the problems.
  const invalid = state.phase === 'problems' && state.inBox;
  els.sourceError.hidden = !invalid;
  els.sourceError.textContent = invalid ? t('sourceError', { n: state.problems.length }) : '';
  if (invalid) {
    els.source.setAttribute('aria-invalid', 'true');
    els.source.setAttribute('aria-describedby', 'source-hint source-error storage-note');
  } else {
    els.source.removeAttribute('aria-invalid');
    els.source.setAttribute('aria-describedby', 'source-hint storage-note');
  }
  if (state.phase !== 'problems') {
    els.problems.replaceChildren();
    return;
  }
  listProblems(els.problems, state.problems, {
    t, inBox: state.inBox, fileName: state.fileName,
    onLine(n) {
      const line = showLine(els.source, els.contextLines, n);
      els.contextCaption.textContent = t('contextCaption', { line });
      els.context.hidden = false;
    },
  });
}

applyLanguage();
setState(state);
