// builder-output.js: the report builder's result section once a report is read: the area picker,
// the live <grade-widget> preview, the JSON and stylesheet downloads, the embed code, its inline
// alternative and the iframe embed sized by the preview (all made by builder-embed.js, with the
// release's integrity hashes when this page can read them), the pre-rendered markup, plain or in a
// declarative shadow root (asked of the worker), and the copy buttons. Report text is only ever
// set as text (textContent, value).

import {
  RELEASE_BASE, attributes, besideLoader, chosenOptions, embedCode, hostScriptTag, iframeSnippet, iframeTitle,
  inlineCode, loaderIntegrity, releaseFolder,
} from './builder-embed.js';
import { text } from './builder-i18n.js';

/** The preview's attributes the options may set; each is removed before the new ones are set. */
const PREVIEW_ATTRIBUTES = ['view', 'area', 'lang', 'theme', 'href', 'heading-level', 'area-href'];
/** Which words name what a copy button copied (builder-strings.js keys). */
const WHAT = { 'embed-code': 'whatEmbed', 'embed-inline': 'whatInline', 'embed-iframe': 'whatIframe', 'static-markup': 'whatMarkup' };

/**
 * Wires the result section. `els`: the page's elements; `t(key, values)`: its words; `ask`: the
 * worker client's request. Returns `show(result)` for a new report ({ json, report, areas,
 * fileName }), `hide()` when it is gone and `relabel()` for a language change.
 */
export function outputs({ els, t, ask }) {
  let current = null;
  let jsonBlob;
  let cssBlob;
  /** Which sheet the download link holds or is being made: 'plain', 'shadow' or none yet. */
  let cssKind = null;
  /**
   * What this page knows of the release it runs, once read ({ version, integrity, host }, each
   * null when unknown; see readRelease), or null until then.
   */
  let release = null;
  readRelease().then((known) => {
    release = known;
    if (current) {
      addressDefaults();
      showEmbed(chosen());
    }
  });
  /** The preview's height, which the iframe embed takes (rounded up, in CSS pixels). */
  let previewHeight = 0;
  let renderRun = 0;
  /** The markup request last sent (as JSON), so an unchanged form is not rendered again. */
  let asked = '';
  /** The markup being made or made: resolves to its text, or null when it could not be made. */
  let markupDone = Promise.resolve(null);

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
    // The link is in the page the widget is on, so it speaks the widget's language.
    const fallback = { href: els.fallbackUrl.value, text: text(o.lang, 'fallbackText', { force: current.report.force }) };
    const integrity = release?.integrity;
    els.embed.textContent = embedCode({ scriptUrl, integrity, jsonUrl: els.jsonUrl.value, options: o, fallback });
    els.inline.textContent = inlineCode({ scriptUrl, integrity, json: current.json, options: o, fallback });
    showIframe(o);
    showIntegrityNote();
  }

  /**
   * The iframe embed: embed.html beside the loader, the preview's height (so the frame fits the
   * grades without a host script), and the host script's tag when the release is known.
   */
  function showIframe(o = chosen()) {
    const scriptUrl = els.scriptUrl.value;
    const frame = iframeSnippet({
      embedUrl: besideLoader(scriptUrl, 'embed.html'), jsonUrl: els.jsonUrl.value, options: o,
      title: iframeTitle(current.report), height: previewHeight || undefined,
    });
    const host = release?.host;
    els.iframe.textContent = host ? `${frame}${hostScriptTag(besideLoader(scriptUrl, host.name), host.integrity)}` : frame;
    els.iframe.dataset.height = String(previewHeight);
  }

  function showIntegrityNote() {
    els.integrityNote.textContent = release?.integrity ? t('integrityKnown', { version: release.version }) : t('integrityUnknown');
  }

  /**
   * The addresses the code starts with, until typed over: the release's own folder under the
   * suggested base (/assets/grade-widget/<version>/), as snippet.html has it, and the markup's
   * stylesheet beside the report (a release folder never changes, so it does not go there).
   */
  function addressDefaults() {
    const folder = release?.version ? releaseFolder(RELEASE_BASE, release.version) : RELEASE_BASE;
    if (!els.scriptUrl.dataset.edited) els.scriptUrl.value = `${folder}grade-widget.js`;
    if (!els.shadowUrl.value) els.shadowUrl.value = '/reports/grade-widget-shadow.css';
  }

  /** Plain markup, or in a shadow root linking its sheet at this URL (trimmed, as typed). */
  function shadowRoot() {
    return new FormData(els.markupControls).get('markup') === 'shadow' ? els.shadowUrl.value.trim() : null;
  }

  /** The stylesheet download follows the kind of markup: the plain sheet or the shadow root's. */
  function showStylesheet(shadow) {
    const key = shadow ? 'cssIntroShadow' : 'cssIntro';
    els.cssIntro.dataset.i18n = key;
    els.cssIntro.textContent = t(key);
    els.downloadCss.download = shadow ? 'grade-widget-shadow.css' : 'grade-widget-static.css';
    const want = shadow ? 'shadow' : 'plain';
    if (cssKind === want) return;
    cssKind = want;
    els.downloadCss.removeAttribute('href');
    ask({ type: 'stylesheet', shadow }).then(({ css }) => {
      if (cssKind !== want) return;
      if (cssBlob) URL.revokeObjectURL(cssBlob);
      cssBlob = URL.createObjectURL(new Blob([css], { type: 'text/css' }));
      els.downloadCss.href = cssBlob;
    }, () => {});
  }

  async function update() {
    if (!current) return;
    const o = chosen();
    els.areaRow.hidden = o.view !== 'area';
    els.hrefRow.hidden = o.view !== 'badge';
    els.areaHrefRow.hidden = o.view !== 'summary';
    for (const name of PREVIEW_ATTRIBUTES) els.preview.removeAttribute(name);
    for (const [name, value] of attributes(o)) els.preview.setAttribute(name, value);
    // The preview sits under this page's "Preview" heading, so its top heading is the next level
    // down here, whatever level the code for the reader's page asks for.
    els.preview.setAttribute('heading-level', String(previewLevel()));
    showEmbed(o);
    const shadow = shadowRoot();
    els.shadowUrlRow.hidden = shadow === null;
    showStylesheet(shadow !== null);
    const request = {
      type: 'render', json: current.json, view: o.view, area: o.area, lang: o.lang, href: o.href,
      headingLevel: Number(o.headingLevel), areaHref: o.areaHref, shadowRoot: shadow,
    };
    // A text field fires `input` as it is typed and `change` when it loses focus: the second
    // asks for nothing new, and must not put the placeholder back (a Copy pressed then would
    // find it there).
    const key = JSON.stringify(request);
    if (key === asked) return;
    asked = key;
    const mine = ++renderRun;
    els.markup.textContent = t('rendering');
    els.markup.setAttribute('aria-busy', 'true');
    markupDone = ask(request).then(
      ({ markup }) => {
        if (mine === renderRun) {
          els.markup.textContent = markup;
          els.markup.setAttribute('aria-busy', 'false');
        }
        return markup;
      },
      (error) => {
        if (mine === renderRun) {
          els.markup.textContent = t('renderFailed', { reason: error.message });
          els.markup.setAttribute('aria-busy', 'false');
        }
        return null;
      },
    );
  }

  /**
   * The markup once the latest request has been answered (a newer request started meanwhile is
   * waited for too), or null when it could not be made: never the placeholder.
   */
  async function finishedMarkup() {
    for (;;) {
      const run = renderRun;
      const markup = await markupDone;
      if (run === renderRun) return current ? markup : null;
    }
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
    if (!els.fallbackUrl.dataset.edited) els.fallbackUrl.value = `/reports/${result.fileName.replace(/\.json$/, '.pdf')}`;
    addressDefaults();
    // Set once the element is defined: a property set on a not-yet-upgraded element would hide the
    // class's `report` setter from it.
    const { report } = result;
    customElements.whenDefined('grade-widget').then(() => { els.preview.report = report; });
    update();
  }

  els.controls.addEventListener('change', update);
  els.href.addEventListener('input', update);
  els.areaHref.addEventListener('input', update);
  els.controls.addEventListener('submit', (e) => e.preventDefault());
  els.markupControls.addEventListener('change', update);
  els.markupControls.addEventListener('submit', (e) => e.preventDefault());
  els.shadowUrl.addEventListener('input', update);
  for (const input of [els.jsonUrl, els.scriptUrl, els.fallbackUrl]) {
    input.addEventListener('input', () => {
      input.dataset.edited = 'yes';
      if (current) showEmbed(chosen());
    });
  }
  // The code blocks are made at once; the markup may still be on its way from the worker.
  const contents = { 'static-markup': finishedMarkup };
  for (const button of document.querySelectorAll('button.copy')) {
    const target = document.getElementById(button.dataset.copy);
    copyButton(button, target, contents[target.id] ?? (async () => target.textContent), t);
  }
  els.preview.addEventListener('load', () => performance.mark('builder:preview'));
  // The frame's height follows the preview's: its view, language and width change it.
  new ResizeObserver(() => {
    const height = Math.ceil(els.preview.getBoundingClientRect().height);
    if (height === previewHeight || !current || height === 0) return;
    previewHeight = height;
    showIframe();
  }).observe(els.preview);

  /** The report is gone (cleared, or new text being read): nothing to update until the next. */
  function hide() {
    current = null;
    asked = '';
    renderRun++;
  }

  /** The page's language changed: its own words here follow. */
  function relabel() {
    showJsonSize();
    showIntegrityNote();
  }

  return { show, hide, relabel };
}

/** One below the level of the heading the preview sits under (h3 "Preview": 4), at most 6. */
function previewLevel() {
  const heading = document.querySelector('.preview-frame')?.previousElementSibling;
  const level = Number(/^h([1-6])$/.exec(heading?.localName ?? '')?.[1] ?? 1);
  return Math.min(level + 1, 6);
}

/**
 * What this page knows of the release it runs: `{ version, integrity, host }` from
 * integrity.json beside its loader, as in the release folder (scripts/dist.mjs writes it): the
 * loader's hash, and the host script's name and hash. Only then can the code carry the hash the
 * reader's browser will check, because only then is the loader the team uploads the one this page
 * runs. A build from source (pkg/) has no integrity.json, only its package.json: the version alone.
 */
async function readRelease() {
  const loader = document.querySelector('script[src$="grade-widget.js"]');
  const unknown = { version: null, integrity: null, host: null };
  if (!loader) return unknown;
  const read = async (file) => {
    try {
      const response = await fetch(new URL(file, loader.src), { cache: 'no-cache' });
      return response.ok ? await response.json() : null;
    } catch {
      return null;
    }
  };
  const manifest = await read('integrity.json');
  const integrity = loaderIntegrity(manifest);
  const version = (v) => (typeof v === 'string' && /^[0-9A-Za-z][0-9A-Za-z.+-]*$/.test(v) ? v : null);
  if (integrity) {
    const name = Object.keys(manifest.files).find((f) => /^embed-host\.[0-9a-f]{8}\.js$/.test(f));
    const hostIntegrity = name && loaderIntegrity({ files: { 'grade-widget.js': manifest.files[name] } });
    return { version: version(manifest.version), integrity, host: hostIntegrity ? { name, integrity: hostIntegrity } : null };
  }
  return { ...unknown, version: version((await read('package.json'))?.version) };
}

/**
 * A copy button: its code block's text, as `content()` gives it once ready, to the clipboard,
 * confirmed in its status line. A null content (the markup could not be made) is not copied.
 */
function copyButton(button, target, content, t) {
  const note = button.nextElementSibling;
  let clearNote;
  button.addEventListener('click', async () => {
    clearTimeout(clearNote);
    try {
      const text = await content();
      if (text === null) throw new Error('nothing to copy');
      await navigator.clipboard.writeText(text);
      note.textContent = t('copied', { what: t(WHAT[target.id]) });
    } catch {
      // No clipboard (permission refused): select the text so Ctrl+C copies it.
      getSelection().selectAllChildren(target);
      note.textContent = t('copyFailed');
    }
    clearNote = setTimeout(() => { note.textContent = ''; }, 8000);
  });
}
