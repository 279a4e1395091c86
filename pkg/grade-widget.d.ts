// Types for grade-widget.js: the <grade-widget> custom element and the mount() JS API.

/** The report JSON (schema version 1); see the project's report.schema.json for every field. */
export interface Report {
  schema_version: 1;
  force: string;
  title: string;
  published?: string;
  period?: string;
  forces_assessed: number;
  domains: Array<{
    id: string;
    title: string;
    ppaf?: string | null;
    areas: Array<{
      id: string;
      title: string;
      grade: 'poor' | 'fair' | 'good' | 'excellent' | null;
      direction: 'improved' | 'stable' | 'declined' | null;
      national: { poor: number; fair: number; good: number; excellent: number };
      [section: string]: unknown;
    }>;
  }>;
  overview?: Array<{ title: string; blocks: Array<{ text: string; level?: number }> }>;
  glossary?: Array<{ abbr: string; meaning: string }>;
}

export type View = 'full' | 'summary' | 'area' | 'badge';

/** Options for mount() and WidgetHandle.update(). Every key is optional. */
export interface MountOptions {
  /** The report as a plain object; wins over `src`. */
  report?: Report | object;
  /** URL of the report JSON (http or https only; fetched without credentials). */
  src?: string;
  /** Which variant to draw. Default "full". */
  view?: View;
  /** Area id ("3A") to select first, or to show with view "area". */
  area?: string;
  /** "en" or "cy" (any "cy-…" tag counts as Welsh). Default: the element's nearest lang, else "en". */
  lang?: string;
  /** Read the first area from location.hash (#3A) and keep the hash in step with the selection. */
  deepLink?: boolean;
  /** For `view: "badge"`: where its link to the full report goes (http(s) or relative only). */
  href?: string;
  /** Seconds a `src` fetch may take, body included. Default 15. */
  timeout?: number;
  /** Level of the widget's top heading, 2–6 (its other headings follow). Default 2; other values mean 2. */
  headingLevel?: number | string;
  /** For `view: "summary"`: each area's link, `{id}` replaced by the area id, e.g. "/grades/{id}" (script URLs refused). Without it the names are plain text. */
  areaHref?: string;
  /** A page to offer when the report cannot be shown: every error ends with "Read the report" linking there (script URLs refused). */
  fallbackHref?: string;
}

export interface WidgetHandle {
  /** Merges these options into the current ones; a new `src` or `report` reloads. */
  update(options: MountOptions): void;
  /** Loads the current source again. */
  retry(): void;
  /** Stops loading, unmounts and frees the widget. The handle is unusable afterwards. */
  destroy(): void;
}

/** Mounts a widget into an element that can hold a shadow root (div, section, article, …). */
export function mount(element: HTMLElement, options?: MountOptions): Promise<WidgetHandle>;

export interface LoadEventDetail {
  /** The force's name as the report gives it. */
  force: string;
  /** The number of graded areas. */
  areas: number;
}

export interface SelectEventDetail {
  /** The selected area's id, e.g. "3A". */
  area: string;
}

export interface ErrorEventDetail {
  /** What failed: "src" | "fetch" | "cors" | "http" | "timeout" | "size" | "json" | "schema" | "source" | "panic" | "wasm". */
  type: string;
  /** One lowercase sentence saying what went wrong and where. */
  message: string;
  /** Every problem found, each with its JSON path (empty path: the whole document). */
  problems: Array<{ path: string; message: string }>;
  /** Whether the widget offers a retry (fetch failures). */
  retryable: boolean;
}

export interface GradeWidgetEventMap extends HTMLElementEventMap {
  load: CustomEvent<LoadEventDetail>;
  select: CustomEvent<SelectEventDetail>;
  error: CustomEvent<ErrorEventDetail>;
}

/** <grade-widget src view area lang theme deep-link loading timeout> */
export class GradeWidget extends HTMLElement {
  static observedAttributes: string[];
  /** The report as a plain object; setting it shows that report instead of `src`. */
  report: Report | object | undefined;
  /** Loads the current source again. */
  retry(): void;
  addEventListener<K extends keyof GradeWidgetEventMap>(
    type: K,
    listener: (this: GradeWidget, ev: GradeWidgetEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'grade-widget': GradeWidget;
  }
}
