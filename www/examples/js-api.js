// Example of the JS API: fetch a report yourself (or build it in code) and hand the object to
// mount(); the returned handle switches the view and language and can be destroyed.

import { mount } from '../../pkg/grade-widget.js';

const host = document.getElementById('api');
const log = document.querySelector('[data-log-for="api"]');
for (const type of ['load', 'select', 'error']) {
  host.addEventListener(type, (e) => {
    log.textContent += `${log.textContent ? '\n' : ''}${type} ${JSON.stringify(e.detail)}`;
  });
}

const response = await fetch(new URL('../data/northshire-example-2006.json', import.meta.url), { credentials: 'omit' });
const report = await response.json();
const widget = await mount(host, { report, view: 'summary' });

document.getElementById('show-full').addEventListener('click', () => widget.update({ view: 'full' }));
document.getElementById('show-cy').addEventListener('click', () => widget.update({ lang: 'cy' }));
document.getElementById('remove').addEventListener('click', () => widget.destroy(), { once: true });
