/**
 * What shared code will reach, shown before it first runs (pure): its size (lines, and how many
 * are blank, so code hidden far below a harmless tune is visible), the hosts it names (sample
 * maps, fetches), and whether it asks for MIDI or touches the page (storage, the document,
 * network calls of its own).
 */

export interface SharedSummary {
  lines: number;
  blankLines: number;
  characters: number;
  /** Hosts of http(s) URLs in the code, in order of first appearance. */
  hosts: string[];
  midi: boolean;
  /** Names in the code that reach past patterns: `localStorage`, `fetch`, `document`, … */
  pageAccess: string[];
}

const PAGE_NAMES = ['localStorage', 'sessionStorage', 'indexedDB', 'document', 'window', 'globalThis', 'fetch', 'XMLHttpRequest', 'WebSocket', 'navigator', 'location', 'import(', 'eval', 'Function', 'cookie', 'postMessage', 'Worker'];

export function summarizeShared(code: string): SharedSummary {
  const lines = code.split('\n');
  const hosts: string[] = [];
  for (const match of code.matchAll(/\b(?:https?|wss?):\/\/([^\s/"'`)?#]+)/gi)) {
    const host = match[1]!.toLowerCase();
    if (!hosts.includes(host)) hosts.push(host);
  }
  const pageAccess = PAGE_NAMES.filter((name) => (name.endsWith('(') ? code.includes(name) : new RegExp(`\\b${name}\\b`).test(code)));
  return {
    lines: lines.length,
    blankLines: lines.filter((line) => line.trim() === '').length,
    characters: code.length,
    hosts,
    midi: /\.midi(?:port)?\s*\(|\bmidikeys\b|\bmidin\b/.test(code),
    pageAccess,
  };
}

/** The summary as one line for the shared-code banner. */
export function sharedSummaryText(summary: SharedSummary): string {
  const parts = [`${summary.lines} line${summary.lines === 1 ? '' : 's'}${summary.blankLines ? ` (${summary.blankLines} blank)` : ''}, ${summary.characters} characters`];
  parts.push(summary.hosts.length ? `reaches ${summary.hosts.join(', ')}` : 'names no network host');
  if (summary.midi) parts.push('uses MIDI');
  if (summary.pageAccess.length) parts.push(`touches the page: ${summary.pageAccess.map((n) => n.replace('(', '')).join(', ')}`);
  return parts.join(' · ');
}
