/** The browser entry point: the Motif page. */
import './editor/app.css';
import { findElements, MotifApp } from './editor/app.ts';
import { CodeStore } from './editor/code-store.ts';
import { createInterimPlayer } from './editor/interim-player.ts';
import { installTestHook } from './editor/test-hook.ts';

const player = createInterimPlayer();
const app = new MotifApp(findElements(document), player, new CodeStore(localStorage));
if (new URLSearchParams(location.search).has('test')) {
  installTestHook(app, () => player.audioContext, () => player.output());
}
