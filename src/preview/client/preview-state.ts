/**
 * What the preview server tells its pages over Server-Sent Events
 * (`event: state`), shared by the server (src/preview/preview-server.ts) and
 * the page's client (preview-client.ts). Every text is written by the server,
 * in the catalogue's language: the client only lays it out.
 */

/** The preview's state: the site's version and the overlay to show, if any. */
export interface PreviewState {
  /** Changes with each build that replaced the site: a page of another version reloads. */
  version: string;
  overlay: Overlay | null;
}

/** The check's messages, as every page of the preview shows them. */
export interface Overlay {
  /** The `lang` of the overlay's text (zh-CN or en). */
  lang: string;
  /** e.g. 检查发现 1 个错误 */
  heading: string;
  /** What the errors did to the preview and what to do. */
  note: string;
  problems: OverlayProblem[];
  /** A last line when the list was cut short, e.g. 还有 12 条，见终端. */
  more?: string;
  /** The label of the button that hides the overlay. */
  dismiss: string;
}

/** One message, placed and quoted. */
export interface OverlayProblem {
  severity: 'error' | 'warning';
  /** 错误 / 警告 */
  severityLabel: string;
  /** `file:line:column` */
  place: string;
  /** The message and its hint. */
  text: string;
  /** The rule id and where the guide explains it. */
  rule: string;
  /** The file's line the message is on, split at the column. */
  excerpt?: Excerpt;
}

/** A line of a file, around a column: `before`, the character `at` the column, `after`. */
export interface Excerpt {
  line: number;
  before: string;
  at: string;
  after: string;
}
