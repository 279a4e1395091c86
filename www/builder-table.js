// builder-table.js: the report builder's national-table input (issue 29): telling a table from a
// report's text, and the table's settings (which force, which grade scale, title, month, what is
// compared) turned into the worker's `import` request, the same options `grade-widget import`
// takes. The table itself is read by the wasm (src/import/), never here; this module only looks
// at the first lines to decide which reader gets the input.

/** What the "Read it as" choice may say. */
export const KINDS = ['auto', 'report', 'table'];

/**
 * 'table' or 'report' for this input. `choice` is the page's "Read it as" ('auto' decides from
 * the input); `fileName` a chosen or dropped file's name (.csv and .tsv are tables). Otherwise a
 * table's first two non-blank lines both hold a tab (cells copied from a spreadsheet), or both
 * hold the same number of commas outside quotes, at least one: a report's cover starts with
 * the force's name on a line of its own.
 */
export function inputKind(text, { choice = 'auto', fileName = '' } = {}) {
  if (choice === 'report' || choice === 'table') return choice;
  if (/\.(csv|tsv)$/i.test(fileName)) return 'table';
  const lines = [];
  for (const line of (text ?? '').replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)) {
    if (line.trim() !== '') lines.push(line);
    if (lines.length === 2) break;
  }
  if (lines.length < 2) return 'report';
  const [first, second] = lines;
  if (first.includes('\t') && second.includes('\t')) return 'table';
  const commas = commasOutsideQuotes(first);
  return commas > 0 && commas === commasOutsideQuotes(second) ? 'table' : 'report';
}

function commasOutsideQuotes(line) {
  let quoted = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) n++;
  }
  return n;
}

/**
 * The worker's `import` request for a table (`source`: { text } or { bytes }) and the table
 * form's values: `scale` a built-in scale's name, or 'file' with `scaleFile` the chosen scale
 * file's text; blank optional fields are left out, as options not given on the command line.
 */
export function importRequest(source, form) {
  const optional = (value) => (value && value.trim() !== '' ? value.trim() : undefined);
  const fromFile = form.scale === 'file';
  return {
    type: 'import',
    ...source,
    format: form.format ?? 'detect',
    scale: fromFile ? undefined : form.scale,
    scaleFile: fromFile ? form.scaleFile ?? '' : undefined,
    force: form.force,
    title: optional(form.title),
    published: optional(form.published),
    comparedEn: optional(form.comparedEn),
    comparedCy: optional(form.comparedCy),
    comparedEnOne: optional(form.comparedEnOne),
    comparedEnThis: optional(form.comparedEnThis),
    comparedCyThis: optional(form.comparedCyThis),
  };
}

/**
 * Fills the force picker with the table's names, keeping the one chosen before when the new
 * table still has it (a table corrected and read again stays on its force).
 */
export function fillForces(select, names) {
  const before = select.value;
  select.replaceChildren(...names.map((name) => {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = name;
    return option;
  }));
  if (names.includes(before)) select.value = before;
}
