// builder-problems.js: the report builder's list of problems, and a problem's line shown in the
// text box and beside the list with its neighbours. Problems come from the wasm (the extractor's
// and validator's English words, marked lang="en") or from the page's own checks (`own`: a key of
// builder-strings.js). Everything is set as text, never parsed as HTML.

/**
 * Fills `list` with one item per problem, as GOV.UK's error summary: when its line is in the text
 * box (`inBox`), the problem is a link to the box whose text is the message and its line
 * ("… (line 1098)"), so each is named for what is wrong; otherwise a label (with the file's
 * name, when it came from a file) and the message. `t(key, values)` gives the page's words;
 * `onLine(n)` runs when a problem's link is chosen.
 */
export function listProblems(list, problems, { t, inBox, fileName, onLine }) {
  list.replaceChildren(...problems.map((p) => {
    const item = document.createElement('li');
    const message = document.createElement('span');
    message.className = 'message';
    if (p.own) {
      message.textContent = t(p.own, p.values);
    } else {
      // The extractor's and validator's words are English; say so for screen readers.
      message.lang = 'en';
      message.textContent = p.message;
    }
    if (p.line && inBox) {
      const link = document.createElement('a');
      link.href = '#source';
      link.className = 'line';
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = t('lineRef', { line: p.line });
      link.append(message, ' ', where);
      link.addEventListener('click', (e) => {
        // The link's own jump would scroll to the box's top; onLine focuses it at the line.
        e.preventDefault();
        onLine(p.line);
      });
      item.append(link);
      return item;
    }
    const where = p.line
      ? t('lineButton', { line: p.line })
      : p.path ? t('jsonPath', { path: p.path }) : t('wholeText');
    const label = document.createElement('strong');
    label.textContent = fileName ? `${fileName}, ${where}` : where;
    item.append(label, ' ', message);
    return item;
  }));
}

/**
 * Selects line `n` of the text box and scrolls it into view, then shows it in `lines` (a <pre>)
 * with three lines either side, the line itself in a <mark>. Returns the line's number, clamped
 * to the text.
 */
export function showLine(source, lines, n) {
  const all = source.value.split('\n');
  const index = Math.min(Math.max(n, 1), all.length) - 1;
  const start = all.slice(0, index).reduce((sum, l) => sum + l.length + 1, 0);
  source.focus();
  source.setSelectionRange(start, start + all[index].length);
  // wrap="off": one text line per box line, so the line's place is its number times the height.
  const height = parseFloat(getComputedStyle(source).lineHeight) || 20;
  source.scrollTop = Math.max(0, index * height - source.clientHeight / 2);
  source.scrollLeft = 0;

  const from = Math.max(0, index - 3);
  lines.replaceChildren(...all.slice(from, index + 4).map((text, i) => {
    const row = document.createElement(from + i === index ? 'mark' : 'span');
    row.textContent = `${String(from + i + 1).padStart(5)}  ${text}\n`;
    return row;
  }));
  return index + 1;
}
