/**
 * The preview's client, loaded by every page npm start serves (as an external
 * module script: it keeps to a `script-src 'self'; style-src 'self'` policy).
 * It listens to the server's state over Server-Sent Events: a page of an older
 * version of the site reloads; the check's messages show in an overlay, drawn
 * with DOM methods and textContent only (the messages quote issue files, which
 * are untrusted), styled by overlay.css inside a shadow root so that neither
 * the site's styles nor the overlay's reach the other.
 */
import type { Overlay, OverlayProblem, PreviewState } from './preview-state.ts';

/** The version of the site this page was served from (the server puts it on this script's URL). */
const served = new URL(import.meta.url).searchParams.get('v');
const origin = new URL(import.meta.url);
const hostId = 'bulletin-preview-overlay';

let shown = 'null';
const events = new EventSource(new URL('/.preview/events', origin));
events.addEventListener('state', (event) => {
  const state = JSON.parse((event as MessageEvent<string>).data) as PreviewState;
  if (served !== null && state.version !== served) {
    events.close();
    location.reload();
    return;
  }
  const overlay = JSON.stringify(state.overlay);
  if (overlay === shown) return;
  shown = overlay;
  show(state.overlay);
});

function show(overlay: Overlay | null): void {
  document.getElementById(hostId)?.remove();
  if (!overlay) return;
  const host = element('div', {});
  host.id = hostId;
  host.hidden = true;
  const root = host.attachShadow({ mode: 'open' });
  const style = element('link', { rel: 'stylesheet', href: new URL('/.preview/overlay.css', origin).href });
  // Shown once styled: no flash of an unstyled list over the page.
  style.addEventListener('load', () => (host.hidden = false));
  style.addEventListener('error', () => (host.hidden = false));
  const titleId = 'preview-overlay-title';
  const panel = element('section', { class: 'overlay', 'aria-labelledby': titleId, lang: overlay.lang });
  const close = element('button', { type: 'button', class: 'dismiss' }, overlay.dismiss);
  close.addEventListener('click', () => host.remove());
  const heading = element('h2', { id: titleId }, overlay.heading);
  panel.append(element('header', {}, heading, close), element('p', { class: 'note' }, overlay.note));
  if (overlay.problems.length > 0) panel.append(element('ol', { class: 'problems' }, ...overlay.problems.map(problemItem)));
  if (overlay.more) panel.append(element('p', { class: 'more' }, overlay.more));
  root.append(style, panel);
  (document.body ?? document.documentElement).append(host);
}

function problemItem(problem: OverlayProblem): HTMLElement {
  const item = element(
    'li',
    { class: `problem problem--${problem.severity}` },
    element('p', { class: 'where' }, element('span', { class: 'severity' }, problem.severityLabel), ' ', element('code', {}, problem.place)),
    element('p', { class: 'text' }, problem.text),
  );
  if (problem.excerpt) {
    const { line, before, at, after } = problem.excerpt;
    item.append(element('pre', { class: 'excerpt' }, element('span', { class: 'line-number' }, String(line)), before, element('mark', {}, at || ' '), after));
  }
  item.append(element('p', { class: 'rule' }, problem.rule));
  return item;
}

/** An element with attributes and children (text as text nodes, never markup). */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
