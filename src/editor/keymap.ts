/**
 * The performance keys: Ctrl/Cmd+Enter evaluates, Ctrl/Cmd+. stops. Highest precedence, because
 * CodeMirror's default keymap binds Mod-Enter to insertBlankLine.
 */
import { Prec, type Extension } from '@codemirror/state';
import { keymap } from '@codemirror/view';

export interface PerformanceCommands {
  evaluate: () => void;
  stop: () => void;
}

export function performanceKeymap(commands: PerformanceCommands): Extension {
  const evaluate = () => (commands.evaluate(), true);
  const stop = () => (commands.stop(), true);
  return Prec.highest(
    keymap.of([
      { key: 'Mod-Enter', run: evaluate },
      { key: 'Ctrl-Enter', run: evaluate },
      { key: 'Mod-.', run: stop },
      { key: 'Ctrl-.', run: stop },
    ]),
  );
}
