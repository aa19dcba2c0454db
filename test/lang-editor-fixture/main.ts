import { autocompletion } from '@codemirror/autocomplete';
import { javascript } from '@codemirror/lang-javascript';
import { EditorView } from '@codemirror/view';
import { typescriptSupport } from '../../src/editor/types/index.ts';

const view = new EditorView({
  doc: '$: s("bd sd").fasst(2)\n',
  extensions: [autocompletion(), javascript({ typescript: true }), ...typescriptSupport({ lintDelay: 100 })],
  parent: document.querySelector<HTMLElement>('#editor')!,
});
(window as unknown as { motifView: EditorView }).motifView = view;
