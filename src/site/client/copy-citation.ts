/**
 * The item page's 复制引用 button: copies the citation (the item named in
 * full, and its address) as plain text. The button is in the page, hidden,
 * and shown here, so a reader without script never sees a button that does
 * nothing; the citation itself is ordinary, selectable text.
 */

const box = document.querySelector<HTMLElement>('[data-citation]');
const button = box?.querySelector<HTMLButtonElement>('[data-citation-copy]');
const text = box?.querySelector<HTMLElement>('[data-citation-text]');
const status = box?.querySelector<HTMLElement>('[data-citation-status]');
if (button && text && status) {
  button.hidden = false;
  button.addEventListener('click', () => {
    const citation = (text.textContent ?? '').replace(/\s+/g, ' ').trim();
    void copy(citation, text).then((copied) => {
      status.textContent = copied ? '已复制到剪贴板。' : '无法自动复制，已选中引用文字，请按 Ctrl+C（⌘C）复制。';
    });
  });
}

/** Copies `value` with the Clipboard API; where it is refused, selects `element` so the reader can copy it. */
async function copy(value: string, element: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return false;
  }
}
