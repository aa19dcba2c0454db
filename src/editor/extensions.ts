/** Everything the Motif editor is made of, in one list. */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import type { Extension } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { activeAtoms } from './active-atoms.ts';
import { codeVersions } from './code-versions.ts';
import { inlineErrors } from './errors.ts';
import { evaluationFlash } from './flash.ts';
import { performanceKeymap, type PerformanceCommands } from './keymap.ts';
import { editorPlugins, type PluginContext } from './plugins.ts';
import { sliders } from './sliders.ts';
import { motifTheme } from './theme.ts';

export interface EditorOptions extends PerformanceCommands, PluginContext {
  /** Called with the new text after every change to the document. */
  onChange: (code: string) => void;
}

export function editorExtensions(options: EditorOptions): Extension[] {
  return [
    performanceKeymap(options),
    lineNumbers(),
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    autocompletion(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
    javascript({ typescript: true }),
    motifTheme(),
    codeVersions,
    activeAtoms(),
    inlineErrors(),
    evaluationFlash(),
    sliders((id, value) => options.player.setSlider(id, value)),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onChange(update.state.doc.toString());
    }),
    ...editorPlugins(options),
  ];
}
