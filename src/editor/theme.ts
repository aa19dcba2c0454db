/**
 * Motif's dark editor theme: a calm near-black background, one accent colour for evaluation and
 * the sounding atoms, and a restrained syntax palette.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

export const palette = {
  background: '#0f1115',
  panel: '#161a21',
  text: '#d7dae0',
  muted: '#6b7280',
  accent: '#7dd3fc',
  active: '#facc15',
  error: '#f87171',
  selection: '#264f78',
} as const;

const editorTheme = EditorView.theme(
  {
    '&': { color: palette.text, backgroundColor: palette.background, height: '100%', fontSize: '15px' },
    '.cm-scroller': { fontFamily: "'JetBrains Mono', 'Fira Code', Menlo, Consolas, monospace", lineHeight: '1.6' },
    '.cm-content': { caretColor: palette.accent, padding: '12px 0' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: palette.accent, borderLeftWidth: '2px' },
    '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection':
      { backgroundColor: palette.selection },
    '.cm-activeLine': { backgroundColor: '#ffffff08' },
    '.cm-gutters': { backgroundColor: palette.background, color: palette.muted, border: 'none' },
    '.cm-activeLineGutter': { backgroundColor: '#ffffff08', color: palette.text },
    '.cm-matchingBracket': { backgroundColor: '#ffffff18', outline: 'none' },
    '.cm-tooltip': { backgroundColor: palette.panel, border: '1px solid #2a303b', color: palette.text },
    '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: palette.selection },
  },
  { dark: true },
);

const highlightStyle = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword], color: '#c792ea' },
  { tag: [t.string, t.special(t.string)], color: '#a5d6a7' },
  { tag: [t.number, t.bool, t.null], color: '#f0a86b' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: '#82aaff' },
  { tag: [t.propertyName], color: '#89ddff' },
  { tag: [t.variableName], color: palette.text },
  { tag: [t.labelName], color: '#ffcb6b', fontWeight: 'bold' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: palette.muted, fontStyle: 'italic' },
  { tag: [t.operator, t.punctuation, t.bracket], color: '#9aa4b2' },
  { tag: [t.typeName, t.className], color: '#ffcb6b' },
  { tag: t.invalid, color: palette.error },
]);

/** The theme and the syntax colours, as one extension. */
export function motifTheme(): Extension {
  return [editorTheme, syntaxHighlighting(highlightStyle)];
}
