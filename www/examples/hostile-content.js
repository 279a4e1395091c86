// Hostile report content (issue 6): a report whose every string is markup, script URLs,
// entities, bidi overrides, zero-width characters and very long words; the same report with
// 1 MB strings; and absurd reports the widget must refuse with a message, quickly.
// An external module, not inline script: the page works under a strict CSP.

import { mount } from '../../pkg/grade-widget.js';

/** Writes a host's load/error events into its log, so a reader sees what the page receives. */
function logEvents(host) {
  const out = document.querySelector(`[data-log-for="${host.id}"]`);
  for (const type of ['load', 'error']) {
    host.addEventListener(type, (event) => {
      // Only the start of long messages (the log is for reading, not for 1 MB of text), one
      // field a line so no long unbroken run of JSON widens the page on a phone.
      const line = `${type} ${JSON.stringify(event.detail, null, 1).slice(0, 600)}`;
      if (out) out.textContent = out.textContent ? `${out.textContent}\n${line}` : line;
    });
  }
}

const base = await (await fetch(new URL('../data/hostile-content.json', import.meta.url), { credentials: 'omit' })).json();

/** A deep copy, so each widget gets its own report object. */
const copy = () => structuredClone(base);

/** About `bytes` bytes of text made by repeating `unit`. */
const sized = (unit, bytes) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

const MB = 1024 * 1024;

// 1 MB strings: a paragraph of words laced with markup, and one 1 MB word with no break at all.
const big = copy();
const area = big.domains[0].areas[0];
area.strengths[0].blocks[0].text = sized('<b>bold?</b> <script>alert(1)</script> words ', MB);
area.context[0].blocks[0].text = sized('W', MB);
area.title = `1 MB below: ${area.title}`;

// Absurd reports, each refused by validation with a message rather than drawn.
const tenThousandAreas = copy();
tenThousandAreas.domains = [{
  id: '1', title: 'Ten thousand areas', ppaf: null,
  areas: Array.from({ length: 10_000 }, (_, i) => ({
    id: `1${String.fromCharCode(65 + (i % 26))}`,
    title: `Area ${i + 1}`,
    grade: 'fair',
    direction: null,
    national: { poor: 3, fair: 20, good: 19, excellent: 1 },
  })),
}];

const negative = copy();
negative.domains[0].areas[0].national = { poor: -5, fair: 28, good: 19, excellent: 1 };

const huge = copy();
huge.forces_assessed = 1e15;
huge.domains[0].areas[0].national = { poor: 1e15, fair: Number.MAX_SAFE_INTEGER, good: 19, excellent: 1 };

const oversizeString = copy();
oversizeString.force = sized('Constabulary ', 3 * MB);

const mounts = [
  ['hostile-big', big],
  ['absurd-areas', tenThousandAreas],
  ['absurd-negative', negative],
  ['absurd-huge', huge],
  ['absurd-string', oversizeString],
];
for (const [id, report] of mounts) {
  const host = document.getElementById(id);
  logEvents(host);
  mount(host, { report, area: '1A' });
}

// Over the 8 MiB text limit, as JSON inside the element: refused before parsing.
const sizeHost = document.getElementById('absurd-size');
const json = document.createElement('script');
json.type = 'application/json';
json.textContent = JSON.stringify({ ...copy(), force: sized('x', 9 * MB) });
const element = document.createElement('grade-widget');
element.id = 'absurd-size-widget';
logEvents(element);
element.append(json);
sizeHost.append(element);
