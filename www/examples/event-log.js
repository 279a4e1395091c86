// Example-page helper: writes every `load`, `select` and `error` event of each <grade-widget>
// into the page's <output data-log-for="ID"> element, so a reader can see the events a host
// page receives. An external module, not an inline script: the examples run under strict CSP.

for (const widget of document.querySelectorAll('grade-widget[id]')) {
  const out = document.querySelector(`[data-log-for="${widget.id}"]`);
  if (!out) continue;
  for (const type of ['load', 'select', 'error']) {
    // `error` does not bubble (see the README), so listen on each element.
    widget.addEventListener(type, (event) => {
      const line = `${type} ${JSON.stringify(event.detail)}`;
      out.textContent = out.textContent ? `${out.textContent}\n${line}` : line;
    });
  }
}
