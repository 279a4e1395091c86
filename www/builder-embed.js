// builder-embed.js: the one place the embed code is written. The report builder hands a web team
// what it makes from the options chosen on the page, and scripts/dist.mjs writes the release's
// snippet.html and its README with the same functions (the project README's example is checked
// against them by tests/js/builder-embed.test.mjs): the element's attributes, the embed code
// (script tag and element: `integrity` when the release is known, `crossorigin`, and a link to
// the report for readers whose browser cannot run the widget), the inline alternative (the JSON
// inside the element), the iframe embed and its host script, the release folder's address, the
// loader's hash from a release's integrity.json and the JSON file's name. Pure functions of their
// arguments, no DOM, so tests/js/ runs them under node.

/**
 * Where a site keeps the widget's releases, unless told otherwise: one folder per version below
 * it (/assets/grade-widget/0.1.0/), so an upgrade never replaces a file a page already uses.
 */
export const RELEASE_BASE = '/assets/grade-widget/';

/** The address of one release's folder: the base, then the version, with a slash at the end. */
export function releaseFolder(base, version) {
  return `${String(base).trim().replace(/\/?$/, '/')}${version}/`;
}

/** The address of a file beside the loader at `scriptUrl` (in the same folder). */
export function besideLoader(scriptUrl, file) {
  return String(scriptUrl).trim().replace(/[^/]*$/, file);
}

/** The report the release's snippet and the README name: one name everywhere. */
export const EXAMPLE_REPORT = { json: '/reports/report.json', pdf: '/reports/report.pdf' };

/**
 * The options as the element reads them, from the form's raw fields: `area` only for view=area,
 * `href` only for the badge, `areaHref` only for the summary (the only view that links area
 * names). Text fields are trimmed.
 */
export function chosenOptions({ view, area = '', lang, theme, href = '', headingLevel, areaHref = '' }) {
  return {
    view,
    area: view === 'area' ? area : '',
    lang,
    theme,
    href: view === 'badge' ? href.trim() : '',
    headingLevel: String(headingLevel),
    areaHref: view === 'summary' ? areaHref.trim() : '',
  };
}

/**
 * The element's attributes for these options, as [name, value] pairs in the order the embed
 * code writes them. Defaults (view full, theme auto, heading level 2) are left out; `lang` is
 * always written, so the widget does not follow the host page's language by surprise.
 */
export function attributes(o) {
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

/** Text for a double-quoted attribute value: `&`, `"` and `<` as character references. */
export function escapeAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Text for element content: `&` and `<` as character references. */
export function escapeText(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

const attributeText = (o) => attributes(o).map(([n, v]) => ` ${n}="${escapeAttr(v)}"`).join('');

/**
 * The loader's script tag. With the release's `integrity` the browser refuses a changed or
 * wrong file; `crossorigin="anonymous"` asks for it without cookies, which a loader on another
 * origin needs for the hash to be checked at all (a module script is fetched that way anyway).
 */
export function scriptTag(scriptUrl, integrity) {
  const src = escapeAttr(scriptUrl.trim());
  return integrity
    ? `<script type="module" src="${src}"\n        integrity="${escapeAttr(integrity)}" crossorigin="anonymous"></script>`
    : `<script type="module" src="${src}" crossorigin="anonymous"></script>`;
}

/** The element's content before it starts: a link to the report, `fallback` { href, text }. */
const fallbackLink = (fallback) => (fallback?.href?.trim()
  ? `  <a href="${escapeAttr(fallback.href.trim())}">${escapeText(fallback.text)}</a>\n`
  : '');

/**
 * The script tag and the element that loads the report from `jsonUrl`, with the link readers
 * see when the widget cannot run inside it (none when `fallback.href` is empty).
 */
export function embedCode({ scriptUrl, integrity, jsonUrl, options, fallback }) {
  const open = `<grade-widget src="${escapeAttr(jsonUrl.trim())}"${attributeText(options)}>`;
  const link = fallbackLink(fallback);
  return `${scriptTag(scriptUrl, integrity)}\n${open}${link ? `\n${link}` : ''}</grade-widget>\n`;
}

/**
 * The loader's SRI hash from a release's integrity.json (`{ files: { 'grade-widget.js':
 * { integrity } } }`, written by scripts/dist.mjs), or null when the manifest does not give one
 * in the form a browser takes (sha256, sha384 or sha512, base64).
 */
export function loaderIntegrity(manifest) {
  const value = manifest?.files?.['grade-widget.js']?.integrity;
  return typeof value === 'string' && /^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/.test(value) ? value : null;
}

/**
 * The JSON as the text of a <script type="application/json">. Inside a script element only "</"
 * (which could close it) and "<!--" (which changes how the HTML parser reads script text)
 * matter; both are written as JSON escapes, so the text still parses to the same value.
 */
export function scriptJson(json) {
  return json.trimEnd().replace(/<\//g, '<\\/').replace(/<!--/g, '\\u003c!--');
}

/** The script tag and the element with the report JSON inside it: no second file to upload. */
export function inlineCode({ scriptUrl, integrity, json, options, fallback }) {
  return `${scriptTag(scriptUrl, integrity)}\n<grade-widget${attributeText(options)}>\n<script type="application/json">\n${scriptJson(json)}\n</script>\n${fallbackLink(fallback)}</grade-widget>\n`;
}

/**
 * "Metropolitan Police Service", "2006-10" -> metropolitan-police-service-2006-10.json. Accents
 * are dropped (NFKD, then the combining marks), so "Sûreté" is "surete", not "su-rete".
 */
export function jsonName(report) {
  const slug = `${report.force ?? ''} ${report.published ?? ''}`.toLowerCase().normalize('NFKD')
    .replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${slug || 'report'}.json`;
}

/** The <iframe>'s title: what a screen reader announces on entering it, the force and the report. */
export function iframeTitle(report) {
  const what = [report.title, report.published?.slice(0, 4)].filter(Boolean).join(' ');
  return `Inspection grades: ${report.force ?? 'police force'}${what ? `, ${what}` : ''}`;
}

/**
 * A URL parameter's value, percent-encoded but for the characters a query may hold as they are
 * (`/`, `:`, `@`, `,`), so an address such as /reports/report.json stays readable in the snippet.
 */
const queryValue = (v) => encodeURIComponent(v).replace(/%(2F|3A|40|2C)/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));

/**
 * The optional host script for pages that frame embed.html (embed-host.<hash>.js, beside the
 * loader): sizes each frame to its content and fires the widget's events on the <iframe>.
 */
export function hostScriptTag(url, integrity) {
  return `<script type="module" src="${escapeAttr(url.trim())}"\n        integrity="${escapeAttr(integrity)}" crossorigin="anonymous"></script>\n`;
}

/**
 * The iframe embed, for pages that cannot carry scripts (docs/hosting.md): embed.html with the
 * options as URL parameters, in attributes()'s order, but no `href` (a badge's link would open
 * inside the frame), a title naming the force and the report, and a fixed height (e.g. the
 * preview's) that holds when the page has no host script.
 */
export function iframeSnippet({ embedUrl, jsonUrl, options, title, height = 900 }) {
  const query = [['src', jsonUrl.trim()], ...attributes(options).filter(([n]) => n !== 'href')]
    .map(([n, v]) => `${n}=${queryValue(v)}`).join('&');
  const src = `${embedUrl.trim()}?${query}`;
  return `<iframe src="${escapeAttr(src)}"\n        title="${escapeAttr(title)}" width="100%" height="${Math.max(150, Math.ceil(height))}" frameborder="0" loading="lazy"></iframe>\n`;
}

/** The element's options in the release's snippet: the defaults (full view, English). */
const SNIPPET_OPTIONS = chosenOptions({ view: 'full', lang: 'en', theme: 'auto', headingLevel: '2' });

/**
 * The release's snippets for its snippet.html and README, and the project README's example:
 * `{ script, iframe, host }`, the script tag with the element, the iframe embed, and the optional
 * host script's tag. `folder` is the release folder's address (releaseFolder()), `integrity` the
 * loader's SRI hash, `host` the host script's { name, integrity }.
 */
export function releaseSnippets({ folder, integrity, host }) {
  return {
    script: embedCode({
      scriptUrl: `${folder}grade-widget.js`, integrity, jsonUrl: EXAMPLE_REPORT.json, options: SNIPPET_OPTIONS,
      fallback: { href: EXAMPLE_REPORT.pdf, text: 'Read the inspection report' },
    }),
    iframe: iframeSnippet({
      embedUrl: `${folder}embed.html`, jsonUrl: EXAMPLE_REPORT.json, options: SNIPPET_OPTIONS,
      title: 'Inspection grades: Force name, report name',
    }),
    host: hostScriptTag(`${folder}${host.name}`, host.integrity),
  };
}

/** snippet.html: the release's snippets, each with a comment saying what to change. */
export function snippetHtml({ version, folder, integrity, host }) {
  const s = releaseSnippets({ folder, integrity, host });
  return `<!-- grade-widget ${version}: paste into your page. Set src to your report's address and the
     link inside the element to the report itself (shown when the widget cannot run). The
     addresses name this release's own folder, ${folder}: to upgrade, upload the next
     release's folder beside it, then paste that release's snippet. -->
${s.script}
<!-- Or, where your pages cannot carry scripts: the iframe embed. Set src= after embed.html?
     to your report's address (on the same site as embed.html, unless its policy allows another),
     and the title to the force and the report. More settings: view, area, lang, theme,
     heading-level, area-href, deep-link (hosting.md, "The iframe embed"). -->
${s.iframe}<!-- Optional, on pages that can carry one script: sizes every embed frame to its content, and
     fires load, select and error on each <iframe>. -->
${s.host}`;
}
