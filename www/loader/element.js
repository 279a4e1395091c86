// element.js: the <grade-widget> custom element: its attributes and `report` property become the
// wasm widget's config; it starts when connected (over a pre-rendered copy, two frames later;
// with loading="lazy", near the viewport; with loading="interaction" over a copy, when the reader
// reaches for it: intent.js), takes a copy over at the reader's approach unless `eager`, and
// frees the widget when removed from the page.

import { boot, bootFailed, mountWasm } from './boot.js';
import { adopt, copyOf } from './copy.js';
import { focusIn, intent, itemOf, keep, shown } from './intent.js';
import { followLang, langOf } from './lang.js';
import { prefetch, release } from './prefetch.js';
import { caught, isDead, track, untrack } from './trap.js';

export const TAG = 'grade-widget';
/** Attributes that change what the widget shows (theme is pure CSS: `:host([theme=dark])`). */
const OBSERVED = ['src', 'view', 'area', 'lang', 'deep-link', 'timeout', 'loading', 'href',
  'heading-level', 'area-href', 'fallback-href'];
/** How far outside the viewport a `loading="lazy"` widget starts loading. */
const LAZY_MARGIN = '200px';
/**
 * What is not yet a reason to take a held copy over (Yew's hydration, one long task), though it
 * is the reader's: a finger or a pen coming down (a tap on an area gets a glimpse, a finger
 * scrolling past or through the widget needs nothing; any other tap is a click, which is), and
 * focus reaching an area's button (a tap's, or Tab's: a key follows) or the heading of a glimpse
 * (the glimpse moves it there). What is: a mouse's approach (it comes well before its click), a
 * key, a click, focus on another control.
 */
const notYet = (e) => {
  const target = e.composedPath()[0];
  if (e.type === 'focusin') return !!(itemOf(target) || target.closest?.('[data-testid="area-detail"] > :first-child'));
  return e.type === 'touchstart' || (e.type !== 'click' && !!e.pointerType && e.pointerType !== 'mouse');
};

export class GradeWidget extends HTMLElement {
  static observedAttributes = OBSERVED;

  #widget = null;
  #report = undefined;
  /** Stops waiting to start (the IntersectionObserver of `lazy`, the listeners of `interaction`). */
  #wait = null;
  /** The reader's actions on a pre-rendered copy, kept for the app (intent.js), once kept. */
  #kept = null;
  #starting = false;
  /** The pre-rendered copy's options (copy.js), once read. */
  #copy = null;
  /** Stops following the ancestors' `lang`; set while the element has no `lang` of its own. */
  #stopLang = null;
  /** The widget holds its copy (`hold` below) and has not been asked to take it over yet. */
  #holding = false;
  /** Counts the requests to take the copy over: one made before a glimpse is dropped. */
  #asks = 0;
  /** Stops waiting for the reader's approach to a held copy. */
  #approach = null;

  connectedCallback() {
    this.#syncLang();
    // Moved within the page: the new place may have another language.
    if (this.#widget) this.#call((w) => w.update(this.#config()));
    if (this.#widget || this.#starting || this.#wait) return;
    const copy = shown(this);
    if (copy && !this.#kept) this.#kept = keep(this, (area, ahead) => this.#glimpse(area, ahead));
    const loading = this.getAttribute('loading');
    // Without a copy there is nothing to read meanwhile: `interaction` waits as `lazy` does (so
    // does an element connected before the parser reached its copy). A deep link at load (`#3A`)
    // is the reader asking for an area already.
    if (loading === 'interaction' && copy) {
      if (location.hash && this.hasAttribute('deep-link')) this.#start();
      else this.#wait = intent(this, () => this.#go());
    } else if ((loading === 'lazy' || loading === 'interaction') && 'IntersectionObserver' in window) {
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) this.#go();
      }, { rootMargin: LAZY_MARGIN });
      observer.observe(this);
      this.#wait = () => observer.disconnect();
    } else if (copy && document.visibilityState === 'visible') {
      // Over a copy nothing is urgent: the page paints first, the copy among it, and only then
      // does the widget ask for anything. A request started while the first frame is still
      // being presented is put on the path to the page's largest paint by Lighthouse's
      // simulation (the wasm's 120 KB on slow 4G: LCP 1.2–1.9x the same page's without the
      // widget, issue 27); two frames on, it no longer is.
      let frame = requestAnimationFrame(() => { frame = requestAnimationFrame(() => this.#go()); });
      this.#wait = () => cancelAnimationFrame(frame);
    } else {
      this.#start();
    }
  }

  disconnectedCallback() {
    this.#syncLang();
    this.#unwait();
    // A move within the page disconnects and reconnects in one task: keep the widget then.
    queueMicrotask(() => {
      if (!this.isConnected) this.#destroy();
    });
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name === 'loading' && after !== 'lazy' && after !== 'interaction' && this.isConnected && !this.#widget) {
      this.#go();
      return;
    }
    // A copy held until the reader's approach (`hold` below) is taken over now.
    if (name === 'loading' && after === 'eager') this.#takeOver();
    if (name === 'lang') this.#syncLang();
    this.#call((w) => w.update(this.#config()));
  }

  /** The report as a plain JS object; setting it shows that report instead of `src`. */
  get report() {
    return this.#report;
  }

  set report(value) {
    this.#report = value;
    this.#call((w) => w.update(this.#config()));
  }

  /** Loads the current source again (as the widget's own "Try again" button does). */
  retry() {
    this.#call((w) => w.retry());
  }

  /** The options for the wasm: the attributes, with the pre-rendered copy's where they are silent. */
  #config() {
    return adopt(this.#attributes(), this.#copy, this.hasAttribute('lang'))[0];
  }

  #attributes() {
    const timeout = Number.parseFloat(this.getAttribute('timeout') ?? '');
    return {
      report: this.#report,
      src: this.getAttribute('src') ?? undefined,
      view: this.getAttribute('view') ?? undefined,
      area: this.getAttribute('area') ?? undefined,
      lang: langOf(this),
      deepLink: this.hasAttribute('deep-link'),
      href: this.getAttribute('href') ?? undefined,
      headingLevel: this.getAttribute('heading-level') ?? undefined,
      areaHref: this.getAttribute('area-href') ?? undefined,
      fallbackHref: this.getAttribute('fallback-href') ?? undefined,
      timeout: Number.isFinite(timeout) ? timeout : undefined,
    };
  }

  async #start() {
    this.#starting = true;
    // Handed to the wasm, which uses it if the source is still this `src` (see prefetch). Once
    // the wasm runs, it starts the request itself as soon: no head start to win.
    const early = this.#report == null && !mountWasm ? prefetch(this.getAttribute('src')) : undefined;
    try {
      try {
        await boot();
      } catch (error) {
        await bootFailed(this, error);
        return;
      }
      // Inline JSON in a <script> child may still be arriving while the parser runs.
      if (document.readyState === 'loading') {
        await new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }));
      }
      // Each widget starts in a task of its own, not all in the one that started the wasm:
      // 43 badges on a page must not make one long task (issue 27).
      await new Promise((next) => setTimeout(next, 0));
      if (this.isConnected && !this.#widget) {
        // After a trap, track() shows the stopped state instead.
        track(this);
        if (isDead()) return;
        // Kept after the copy is taken over: a re-mount (the element moved) draws the same.
        this.#copy = copyOf(this) ?? this.#copy;
        const [config, warning] = adopt(this.#attributes(), this.#copy, this.hasAttribute('lang'));
        if (warning) console.warn(warning);
        // Over a copy (`hold`), the widget reads the report and fires `load`, but adopts the
        // copy (Yew's hydration, one long task: issue 27) only once the reader reaches for it;
        // `interaction` already waited for that, and `eager` asks for it at once.
        const loading = this.getAttribute('loading');
        const hold = !!shown(this) && loading !== 'eager' && loading !== 'interaction';
        this.#widget = mountWasm(this, config, early, hold);
        if (hold) {
          this.#holding = true;
          // A reader who used the copy while the wasm loaded, or is over it or in it, has reached.
          if (this.#kept?.length || this.matches(':hover, :focus-within')) this.#wake();
          else this.#approach = intent(this, () => this.#wake(), notYet);
        }
      }
    } catch (error) {
      if (!caught(error)) await bootFailed(this, error);
    } finally {
      this.#starting = false;
      // Cancelled if no load took it (removed meanwhile, the wasm failed, another source).
      release(early);
    }
  }

  /**
   * Asks for the held copy to be taken over (Yew's hydration, or after a glimpse the same
   * picture drawn afresh): after the next frame, so that the input's own paint (a glimpse
   * among it) comes first, and in a task after the input's, since hydrating during its
   * dispatch would let the app handle that input natively and the replay (intent.js) a second
   * time. A glimpse in between drops the request (a touch's tap: Blink holds timers back until
   * the touch has become a click).
   */
  #wake() {
    if (!this.#holding) return;
    const ask = ++this.#asks;
    const go = (ms) => setTimeout(() => {
      if (ask !== this.#asks) return;
      // Not while a pointer is down on the widget: the takeover moves a light copy into the
      // shadow root, and Blink makes no click of a press whose target left the document
      // meanwhile (a quick mouse presses before the approach's frame is over). Looked at again
      // until it is up, however it comes up (a release, a drag, a cancelled touch); a mouse's
      // click comes in the release's own task, before this.
      if (this.matches(':active')) go(50);
      else this.#takeOver();
    }, ms);
    if (document.visibilityState === 'visible') requestAnimationFrame(() => go(0));
    else go(0);
  }

  /** Takes the held copy over now; focus stays where it was (intent.js, `focusIn`). */
  #takeOver() {
    if (!this.#holding) return;
    this.#holding = false;
    this.#approach?.();
    const refocus = focusIn(this);
    this.#call((w) => w.wake());
    // After the app's first render (Yew's scheduler runs in a microtask queued by `wake`).
    queueMicrotask(refocus);
  }

  /**
   * The reader tapped area `area` on the held copy: the widget shows its findings itself when
   * it can (a glimpse, src/embed/glimpse.rs), and the copy is taken over only when the reader
   * does something a glimpse cannot (`notYet`). True when answered.
   * With `ahead`, a finger or button is only down on the area: its findings are drawn ahead for
   * the click.
   */
  #glimpse(area, ahead) {
    if (!this.#holding || !this.#widget) return false;
    if (ahead) return this.#call((w) => w.ahead(area));
    let shown = false;
    this.#call((w) => { shown = w.glimpse(area); });
    if (shown) {
      // Neither a request made before (a mouse's approach) nor this very click, which the
      // glimpse answered, takes the copy over: wait again from the next frame.
      this.#asks++;
      this.#approach?.();
      this.#approach = null;
      requestAnimationFrame(() => {
        if (!this.#holding) return;
        this.#approach?.();
        this.#approach = intent(this, () => this.#wake(), notYet);
      });
    }
    return shown;
  }

  #destroy() {
    const widget = this.#widget;
    this.#widget = null;
    this.#holding = false;
    this.#approach?.();
    this.#approach = null;
    untrack(this);
    if (widget) this.#call(() => widget.destroy(), widget);
  }

  /** Follows the ancestors' `lang` while connected without an own `lang` attribute. */
  #syncLang() {
    const follow = this.isConnected && !this.hasAttribute('lang');
    if (follow && !this.#stopLang) {
      this.#stopLang = followLang(this, () => this.#call((w) => w.update(this.#config())));
    } else if (!follow && this.#stopLang) {
      this.#stopLang();
      this.#stopLang = null;
    }
  }

  #unwait() {
    this.#wait?.();
    this.#wait = null;
  }

  /** Stops waiting and starts, unless already starting. */
  #go() {
    this.#unwait();
    if (!this.#starting) this.#start();
  }

  /**
   * Calls into the wasm. A trap stops every widget (trap.js), and after it nothing calls the
   * wasm again; any other error is an internal one the widget already shows: it stays quiet.
   */
  #call(fn, widget = this.#widget) {
    if (!widget || isDead()) return;
    try {
      fn(widget);
    } catch (error) {
      if (!caught(error)) console.error('grade-widget:', error);
    }
  }
}
