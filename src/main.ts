/** The browser entry point: the Motif page. */
import './editor/app.css';
import { findElements, MotifApp } from './editor/app.ts';
import { CodeStore } from './editor/code-store.ts';
import { installTestHook } from './editor/test-hook.ts';
import { createBrowserPlayer } from './player/index.ts';

const player = await createBrowserPlayer();
const app = new MotifApp(findElements(document), player, new CodeStore(localStorage));
if (new URLSearchParams(location.search).has('test')) {
  installTestHook(app, player.audioContext, player.analyser);
}
