// builder-output.js: the report builder's result section once a report is read: the area picker,
// the live <grade-widget> preview, the JSON and stylesheet downloads, the embed code and its
// inline alternative (made by builder-embed.js), the pre-rendered markup (asked of the worker)
// and the copy buttons. Report text is only ever set as text (textContent, value).

import { attributes, chosenOptions, embedCode, inlineCode } from './builder-embed.js';

/** The preview's attributes the options may set; each is removed before the new ones are set. */
const PREVIEW_ATTRIBUTES = ['view', 'area', 'lang', 'theme', 'href', 'heading-level', 'area-href'];
/** Which words name what a copy button copied (builder-strings.js keys). */
const WHAT = { 'embed-code': 'whatEmbed', 'embed-inline': 'whatInline', 'static-markup': 'whatMarkup' };

/**
 * Wires the result section. `els`: the page's elements; `t(key, values)`: its words; `ask`: the
 * worker client's request. Returns `show(result)` for a new report ({ json, report, areas,
 * fileName }), `hide()` when it is gone and `showJsonSize()` for a language change.
 */
export function outputs({ els, t, ask }) {
  let current = null;
  let jsonBlob;
  let cssBlob;
  let renderRun = 0;

  /** The options as chosen in the form, as the element reads them (builder-embed.js). */
  function chosen() {
    const form = new FormData(els.controls);
    return chosenOptions({
      view: form.get('view'), area: els.area.value, lang: form.get('lang'), theme: form.get('theme'),
      href: els.href.value, headingLevel: els.headingLevel.value, areaHref: els.areaHref.value,
    });
  }

  function showJsonSize() {
    if (!current) return;
    els.jsonSize.textContent = t('jsonSize', { name: current.fileName, kb: Math.round(new Blob([current.json]).size / 1000) });
  }

  function showEmbed(o) {
    const scriptUrl = els.scriptUrl.value;
    els.embed.textContent = embedCode({ scriptUrl, jsonUrl: els.jsonUrl.value, options: o });
    els.inline.textContent = inlineCode({ scriptUrl, json: current.json, options: o });
  }

  async function update() {
    if (!current) return;
    const o = chosen();
    els.areaRow.hidden = o.view !== 'area';
    els.hrefRow.hidden = o.view !== 'badge';
    els.areaHrefRow.hidden = o.view !== 'summary';
    for (const name of PREVIEW_ATTRIBUTES) els.preview.removeAttribute(name);
    for (const [name, value] of attributes(o)) els.preview.setAttribute(name, value);
    showEmbed(o);
    const mine = ++renderRun;
    els.markup.textContent = t('rendering');
    els.markup.setAttribute('aria-busy', 'true');
    try {
      const { markup } = await ask({
        type: 'render', json: current.json, view: o.view, area: o.area, lang: o.lang, href: o.href,
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

  function show(result) {
    current = result;
    els.area.replaceChildren(...result.areas.map((a) => {
      const o = document.createElement('option');
      o.value = a.id;
      o.textContent = `${a.id} ${a.title}`;
      return o;
    }));
    if (jsonBlob) URL.revokeObjectURL(jsonBlob);
    jsonBlob = URL.createObjectURL(new Blob([result.json], { type: 'application/json' }));
    els.download.href = jsonBlob;
    els.download.download = result.fileName;
    showJsonSize();
    if (!els.jsonUrl.dataset.edited) els.jsonUrl.value = `/reports/${result.fileName}`;
    if (!els.scriptUrl.value) els.scriptUrl.value = '/grade-widget/grade-widget.js';
    // Set once the element is defined: a property set on a not-yet-upgraded element would hide the
    // class's `report` setter from it.
    const { report } = result;
    customElements.whenDefined('grade-widget').then(() => { els.preview.report = report; });
    if (!cssBlob) {
      ask({ type: 'stylesheet' }).then(({ css }) => {
        cssBlob = URL.createObjectURL(new Blob([css], { type: 'text/css' }));
        els.downloadCss.href = cssBlob;
      }, () => {});
    }
    update();
  }

  els.controls.addEventListener('change', update);
  els.href.addEventListener('input', update);
  els.areaHref.addEventListener('input', update);
  els.controls.addEventListener('submit', (e) => e.preventDefault());
  for (const input of [els.jsonUrl, els.scriptUrl]) {
    input.addEventListener('input', () => {
      input.dataset.edited = 'yes';
      if (current) showEmbed(chosen());
    });
  }
  for (const button of document.querySelectorAll('button.copy')) copyButton(button, t);
  els.preview.addEventListener('load', () => performance.mark('builder:preview'));

  /** The report is gone (cleared, or new text being read): nothing to update until the next. */
  function hide() {
    current = null;
    renderRun++;
  }

  return { show, hide, showJsonSize };
}

/** A copy button: its code block's text to the clipboard, confirmed in its status line. */
function copyButton(button, t) {
  const target = document.getElementById(button.dataset.copy);
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
