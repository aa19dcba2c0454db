/**
 * The toolbar's history: the last evaluated versions of the code, newest first, each shown by the
 * time it was evaluated and its first line; choosing one puts it in the editor.
 */
import type { HistoryEntry } from './code-store.ts';

const PLACEHOLDER = 'History';

/** The label of a version: "14:03:27 · note("c4 e4")…". */
export function historyLabel(entry: HistoryEntry): string {
  const time = new Date(entry.at).toTimeString().slice(0, 8);
  const first = entry.code.split('\n').find((line) => line.trim() !== '')?.trim() ?? '(empty)';
  return `${time} · ${first.length > 40 ? `${first.slice(0, 40)}…` : first}`;
}

/** Fills the menu with `entries`; `onPick` gets the chosen version's code. */
export class HistoryMenu {
  private entries: HistoryEntry[] = [];

  constructor(
    private readonly select: HTMLSelectElement,
    onPick: (code: string) => void,
  ) {
    select.addEventListener('change', () => {
      const entry = this.entries[select.selectedIndex - 1];
      select.selectedIndex = 0;
      if (entry) onPick(entry.code);
    });
  }

  show(entries: HistoryEntry[]): void {
    this.entries = entries;
    const doc = this.select.ownerDocument;
    const placeholder = doc.createElement('option');
    placeholder.textContent = entries.length ? `${PLACEHOLDER} (${entries.length})` : PLACEHOLDER;
    const options = entries.map((entry) => {
      const option = doc.createElement('option');
      option.textContent = historyLabel(entry);
      option.title = entry.code;
      return option;
    });
    this.select.replaceChildren(placeholder, ...options);
    this.select.disabled = entries.length === 0;
  }
}
