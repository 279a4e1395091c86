// intent.js: a pre-rendered copy (`grade-widget render`) is on the page before the app runs,
// and the reader may use it meanwhile. `keep` records what they do on its controls and does it
// again once the app has taken over, so nothing is lost; `intent` waits for the first sign that
// the reader is about to use the widget: to start it at all (`loading="interaction"`), or, by
// default, to take over a copy the widget holds as it is once the report is read. Either way a
// page that only shows the copy never pays for hydrating it (issue 27: Yew hydrates a whole
// copy in one long task).

/** The copy the reader sees (light DOM or a declarative shadow root), if the host shows one. */
export const shown = (host) => (host.shadowRoot ?? host).querySelector('[data-gw-hydrate]');

/**
 * Records every click on a button and every change of a select or input in the copy until the
 * app has taken it over, and replays them in order, on the same nodes, right after. Returns the
 * list of what is waiting to be done.
 * Only targets still inside a copy stamped `data-gw-hydrate` count: the app removes the stamp as
 * it takes over, and from then on handles input itself (a report drawn in slices is live before
 * its `load`). Links and `<details>` need nothing: they work natively, and the app follows the
 * hash a `#3A` link set when it starts.
 */
export function keep(host, glimpse) {
  const done = [];
  // What `choose` changed, to undo should nothing take the copy over.
  const marks = [];
  // Whether a glimpse was shown: the app then draws the copy afresh, the same picture.
  let glimpsed = false;
  const stop = new AbortController();
  const signal = stop.signal;
  const note = (e) => {
    const click = e.type === 'click';
    const target = e.composedPath()[0];
    // An area's row selects on a click anywhere on it, as in the app: its button stands for it.
    const item = click ? itemOf(target) : null;
    const node = item?.querySelector('button') ?? target.closest?.(click ? 'button,[role=button]' : 'select,input');
    const copy = node?.closest('[data-gw-hydrate]');
    if (!copy) return;
    if (item) {
      choose(copy, item, marks);
      // Over a held copy the widget shows the area's findings itself (a glimpse).
      if (glimpse?.(item.getAttribute('data-area'))) return (glimpsed = true);
    }
    done.push([node, click, node.value, copy, pathOf(copy, node)]);
  };
  // A finger or a button down on an area: its findings are drawn ahead for the click.
  const down = (e) => {
    const item = itemOf(e.composedPath()[0]);
    if (item) glimpse?.(item.getAttribute('data-area'), true);
  };
  const replay = (e) => {
    stop.abort();
    if (e?.type === 'error') for (const [el, name, value] of marks.reverse()) value == null ? el.removeAttribute(name) : el.setAttribute(name, value);
    // After the event's other listeners, outside the wasm's call that fired it.
    queueMicrotask(() => {
      for (const [old, click, value, copy, path] of done) {
        // Hydration keeps the copy's nodes. After a glimpse the app drew the same picture
        // afresh in the copy's container: the same place in it. One drawn afresh over a copy
        // that did not match the report is no longer in the page, and what was done on it is
        // dropped.
        const node = old.isConnected ? old : glimpsed && at(copy, path);
        if (!node?.isConnected) continue;
        if (click) node.click();
        else {
          // The app sets each filter to its own state as it hydrates: the reader's choice again.
          node.value = value;
          node.dispatchEvent(new Event('change', { bubbles: true }));
        }
      }
    });
  };
  // `click` is composed and reaches the host from a shadow root; `change` is not, and is heard
  // in the root (from a light copy shown through the root's slot too).
  host.addEventListener('click', note, { capture: true, signal });
  host.addEventListener('pointerdown', down, { capture: true, passive: true, signal });
  (host.shadowRoot ?? host).addEventListener('change', note, { capture: true, signal });
  // The app has taken the copy over (hydrated it, or drawn afresh) when it removes the stamp:
  // not at `load`, which over a current copy comes before (element.js, `hold`). The observer's
  // callback is a microtask queued after the one in which Yew hydrates.
  const copy = shown(host);
  const taken = new MutationObserver(() => {
    if (!copy.hasAttribute('data-gw-hydrate')) replay();
  });
  taken.observe(copy, { attributeFilter: ['data-gw-hydrate'] });
  signal.addEventListener('abort', () => taken.disconnect());
  // The wasm could not start: nothing will take the copy over.
  host.addEventListener('error', replay, { signal });
  return done;
}

/**
 * An area chosen on the copy (a table row's or a card's button) is marked chosen at once, in
 * the frame of the tap, as the app marks it (the row's `data-row`, the button's `aria-current`):
 * its findings come only once the app has taken the copy over and the click is done again, a
 * few hundred ms later on a slow phone (issue 27). Hydration leaves attributes it does not set
 * as they are, and the replayed click then gives the app the same marks.
 */
function choose(copy, item, marks) {
  const set = (el, name, value) => {
    const old = el.getAttribute(name);
    if (old === value) return;
    marks.push([el, name, old]);
    value == null ? el.removeAttribute(name) : el.setAttribute(name, value);
  };
  const area = item.getAttribute('data-area');
  for (const el of copy.querySelectorAll('[data-row], [data-testid="glance-item"]')) {
    const chosen = el.getAttribute('data-area') === area;
    if (el.hasAttribute('data-row')) set(el, 'data-row', chosen ? 'selected' : 'select');
    const button = el.querySelector('button');
    if (button) set(button, 'aria-current', chosen ? 'true' : null);
  }
}

/**
 * The area's row or card in a copy that `target` is on: anywhere on a row (the app selects on
 * a click anywhere on it), a card's button.
 */
export const itemOf = (target) => (target?.closest?.('[data-gw-hydrate]')
  && (target.closest('[data-row]') ?? (target.closest('[data-testid="glance-item"] button') && target.closest('[data-testid="glance-item"]')))) || null;

/** Where `node` is under `root`: its index among its parent's elements, at each level down. */
function pathOf(root, node) {
  const path = [];
  for (let n = node; n && n !== root; n = n.parentElement) path.unshift([...(n.parentElement?.children ?? [])].indexOf(n));
  return path;
}

/** The element at `path` under `root` (see `pathOf`). */
const at = (root, path) => path.reduce((n, i) => n?.children[i], root);

/**
 * Where focus is in `host`'s copy, before the app takes it over; the function returned puts it
 * on the same place in what the app drew afresh (after a glimpse), without scrolling to it.
 */
export function focusIn(host) {
  const copy = shown(host);
  const active = (host.shadowRoot ?? document).activeElement;
  if (!copy?.contains(active)) return () => {};
  const path = pathOf(copy, active);
  return () => {
    if (!active.isConnected) at(copy, path)?.focus({ preventScroll: true });
  };
}

/**
 * Calls `go` once the reader shows intent on `host`: a pointer over or down on it, a touch,
 * focus, a key, a click (less the events `skip` says are not yet a reason); for a `deep-link`
 * widget also a `hashchange` (a `#3A` is the reader asking for an area). Never in idle time:
 * that would only bring the long task back later. Returns the function that stops waiting.
 */
export function intent(host, go, skip = () => false) {
  const stop = new AbortController();
  const options = { capture: true, passive: true, signal: stop.signal };
  const start = (e) => {
    if (skip(e)) return;
    stop.abort();
    go();
  };
  // `click` too: a screen reader may click with no pointer or key event before it.
  for (const type of ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'keydown', 'click']) host.addEventListener(type, start, options);
  if (host.hasAttribute('deep-link')) addEventListener('hashchange', start, options);
  return () => stop.abort();
}
