/**
 * The Motif page: the editor, the toolbar, the pianoroll and the player, wired together.
 * Knows nothing about how the player makes sound; see player-port.ts.
 */
import type { TypeClient } from './types/index.ts';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { MotifError } from '../runtime/result.ts';
import { AtomClock } from './atom-clock.ts';
import { beginEvaluation, clearPlaying, commitEvaluation } from './code-versions.ts';
import type { CodeStore } from './code-store.ts';
import { addPlayingError, clearErrors, showErrors } from './errors.ts';
import { EXAMPLE_TUNE } from './example.ts';
import { editorExtensions } from './extensions.ts';
import { flash } from './flash.ts';
import { Pianoroll } from './pianoroll.ts';
import { placeSliders, showSliders } from './sliders.ts';
import type { AiStatusSource } from './ai-status.ts';
import type { BakeSource } from './bake-command.ts';
import type { EvaluationResult, PlayerPort, SwapMode } from './player-port.ts';
import { codeFromHash, shareHash } from './share.ts';
import { initialCode } from './startup.ts';
import { HistoryMenu } from './history-menu.ts';
import { sharedSummaryText, summarizeShared } from './shared-summary.ts';

export interface AppElements {
  editor: HTMLElement;
  play: HTMLButtonElement;
  stop: HTMLButtonElement;
  swap: HTMLSelectElement;
  share: HTMLButtonElement;
  status: HTMLElement;
  banner: HTMLElement;
  restore: HTMLButtonElement;
  keep: HTMLButtonElement;
  sharedSummary: HTMLElement;
  history: HTMLSelectElement;
  roll: HTMLCanvasElement;
}

export function findElements(doc: Document): AppElements {
  const get = <T extends HTMLElement>(id: string) => {
    const element = doc.getElementById(id);
    if (!element) throw new Error(`Motif's page lacks #${id}`);
    return element as T;
  };
  return {
    editor: get('editor'),
    play: get('play'),
    stop: get('stop'),
    swap: get('swap'),
    share: get('share'),
    status: get('status'),
    banner: get('shared-banner'),
    restore: get('restore'),
    keep: get('keep'),
    sharedSummary: get('shared-summary'),
    history: get('history'),
    roll: get('roll'),
  };
}

const AUTOSAVE_DELAY_MS = 300;

/** Optional parts of Motif the page plugs in. */
export interface AppServices {
  /** Statuses of AI calls, shown in the code. */
  ai?: AiStatusSource & BakeSource;
  /** TypeScript support in the editor (default on). */
  types?: boolean;
  /** The type worker's client, when the page shares one with the player. */
  typeClient?: TypeClient;
}

export class MotifApp {
  readonly view: EditorView;
  private readonly atoms: AtomClock;
  private readonly roll: Pianoroll;
  private readonly history: HistoryMenu;
  private swapMode: SwapMode;
  /** True while the editor shows code from a shared link: autosave waits until the user decides. */
  private viewingShared = false;
  private evaluation = 0;
  private stops = 0;
  private playingCode = '';
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private rollFrame = 0;
  /** Errors raised while an evaluation is in flight: shown once it settles, against the code then playing. */
  private heldErrors: MotifError[] | null = null;

  constructor(
    private readonly elements: AppElements,
    private readonly player: PlayerPort,
    private readonly store: CodeStore,
    private readonly services: AppServices = {},
  ) {
    const start = initialCode(codeFromHash(location.hash), store.loadCode(), EXAMPLE_TUNE);
    this.view = new EditorView({
      parent: elements.editor,
      state: EditorState.create({
        doc: start.code,
        extensions: editorExtensions({
          evaluate: () => void this.evaluate(),
          stop: () => this.stop(),
          onChange: (code) => this.scheduleSave(code),
          player,
          ...(services.ai ? { ai: services.ai } : {}),
          report: (message, error) => this.setStatus(message, error),
          ...(services.types === undefined ? {} : { types: services.types }),
          ...(services.typeClient ? { typeClient: services.typeClient } : {}),
        }),
      }),
    });
    this.atoms = new AtomClock(this.view, () => player.audioContext.currentTime);
    this.roll = new Pianoroll(elements.roll, (begin, end) => player.rollNotes(begin, end));
    this.history = new HistoryMenu(elements.history, (code) => this.restoreVersion(code));
    this.history.show(store.loadHistory());
    this.swapMode = store.loadSwapMode();
    elements.swap.value = this.swapMode;
    this.showShared(start.source === 'shared');

    player.onEvent(this.atoms.onEvent);
    player.onError((error) => this.playingError(error));
    player.onWarning((message) => this.setStatus(message));
    this.bindControls();
    this.roll.draw(null);
    this.setStatus(start.source === 'shared' ? 'Shared code loaded: press Play to hear it' : 'Ctrl+Enter to play');
    this.view.focus();
  }

  /** Evaluates the editor's code; the player starts if it was stopped. */
  async evaluate(): Promise<EvaluationResult | null> {
    const id = ++this.evaluation;
    const code = this.view.state.doc.toString();
    // Saved before it runs: a crash or a reload during the evaluation loses nothing.
    this.flushSave(true);
    this.history.show(this.store.pushHistory(code, Date.now()));
    this.view.dispatch({ effects: beginEvaluation.of(null) });
    flash(this.view);
    const swap = this.swapMode;
    const wasPlaying = this.player.playing;
    const stops = this.stops;
    let result: EvaluationResult;
    this.heldErrors ??= [];
    try {
      result = await this.player.evaluate(code, { swap });
    } catch (error) {
      this.setStatus(`Could not evaluate: ${error instanceof Error ? error.message : String(error)}`, true);
      this.releaseErrors();
      return null;
    }
    if (stops !== this.stops) {
      this.player.stop(); // stopped while evaluating: the evaluation must not start the music again
      return result;
    }
    if (id !== this.evaluation) return result; // a newer evaluation owns the display
    try {
      this.show(result, code, swap, wasPlaying);
    } finally {
      this.releaseErrors();
    }
    return result;
  }

  private show(result: EvaluationResult, code: string, swap: SwapMode, wasPlaying: boolean): void {
    if (result.errors.length) {
      showErrors(this.view, 'evaluation', code, result.errors);
      const first = result.errors[0]!;
      const keeps = this.player.playing ? ' (the last good pattern keeps playing)' : '';
      this.setStatus(`Line ${first.line}: ${first.message}${keeps}`, true);
    } else {
      // Where the new code takes over: the next cycle, or about now; everything, when it started playing.
      const now = this.player.cycleNow();
      const fromCycle = !wasPlaying ? -Infinity : swap === 'cycle' ? Math.ceil(now) : now;
      this.view.dispatch({ effects: commitEvaluation.of({ fromCycle, miniLocations: result.miniLocations }) });
      this.view.dispatch({ effects: showSliders.of(placeSliders(this.view.state, result.sliders)) });
      this.playingCode = code;
      clearErrors(this.view);
      const playing = result.layers.length ? 'Playing' : 'Playing silence';
      this.setStatus(result.warnings.length ? `${playing} · ${result.warnings.join(' · ')}` : playing);
    }
    this.updatePlaying();
  }

  private releaseErrors(): void {
    const held = this.heldErrors ?? [];
    this.heldErrors = null;
    for (const error of held) this.playingError(error);
  }

  stop(): void {
    this.evaluation++;
    this.stops++;
    this.releaseErrors();
    this.player.stop();
    this.atoms.clear();
    this.view.dispatch({ effects: clearPlaying.of(null) });
    this.updatePlaying();
    this.setStatus('Stopped');
  }

  private playingError(error: MotifError): void {
    if (this.heldErrors) {
      this.heldErrors.push(error);
      return;
    }
    addPlayingError(this.view, this.playingCode, error);
    const named = !error.layer || error.message.includes(error.layer);
    this.setStatus(named ? error.message : `Layer ${error.layer}: ${error.message}`, true);
  }

  private bindControls(): void {
    const { play, stop, swap, share, restore, keep } = this.elements;
    play.addEventListener('click', () => void this.evaluate());
    stop.addEventListener('click', () => this.stop());
    swap.addEventListener('change', () => {
      this.swapMode = swap.value === 'now' ? 'now' : 'cycle';
      this.store.saveSwapMode(this.swapMode);
    });
    share.addEventListener('click', () => void this.share());
    restore.addEventListener('click', () => {
      const saved = this.store.loadCode();
      if (saved !== null) this.replaceCode(saved);
      this.leaveShared();
    });
    keep.addEventListener('click', () => {
      this.leaveShared();
      this.store.saveCode(this.view.state.doc.toString());
    });
    window.addEventListener('pagehide', () => this.flushSave());
    // The performance keys work wherever the focus is (the editor handles them itself).
    window.addEventListener('keydown', (event) => {
      if (this.view.hasFocus || !(event.ctrlKey || event.metaKey)) return;
      if (event.key === 'Enter') void this.evaluate();
      else if (event.key === '.') this.stop();
      else return;
      event.preventDefault();
    });
    window.addEventListener('hashchange', () => {
      const shared = codeFromHash(location.hash);
      if (shared === null || shared === this.view.state.doc.toString()) return;
      this.flushSave();
      this.viewingShared = true; // before the code changes, so the shared code is never autosaved
      this.replaceCode(shared);
      this.showShared(true);
    });
  }

  private async share(): Promise<void> {
    const hash = shareHash(this.view.state.doc.toString());
    history.replaceState(null, '', hash);
    const url = location.href;
    try {
      await navigator.clipboard.writeText(url);
      this.setStatus('Link copied: the code is in the address bar');
    } catch {
      this.setStatus('The code is in the address bar: copy the link from there');
    }
  }

  private replaceCode(code: string): void {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: code } });
  }

  private showShared(shared: boolean): void {
    this.viewingShared = shared;
    this.elements.banner.hidden = !shared;
    if (shared) this.elements.sharedSummary.textContent = sharedSummaryText(summarizeShared(this.view.state.doc.toString()));
    this.elements.restore.hidden = this.store.loadCode() === null;
  }

  private leaveShared(): void {
    this.showShared(false);
    history.replaceState(null, '', location.pathname + location.search);
  }

  private scheduleSave(code: string): void {
    if (this.viewingShared) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      if (!this.viewingShared) this.store.saveCode(code);
    }, AUTOSAVE_DELAY_MS);
  }

  /** Saves a pending autosave now (`always`: the editor's code, pending or not); never shared code. */
  private flushSave(always = false): void {
    const pending = this.saveTimer !== undefined;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if ((pending || always) && !this.viewingShared) this.store.saveCode(this.view.state.doc.toString());
  }

  /** Puts an evaluated version in the editor; what was there goes into the history first. */
  private restoreVersion(code: string): void {
    this.history.show(this.store.pushHistory(this.view.state.doc.toString(), Date.now()));
    this.replaceCode(code);
    this.setStatus('A version from the history: Ctrl+Enter to play it');
  }

  private updatePlaying(): void {
    const playing = this.player.playing;
    this.elements.play.classList.toggle('playing', playing);
    if (playing && !this.rollFrame) {
      const frame = () => {
        const still = this.player.playing;
        this.roll.draw(still ? this.player.cycleNow() : null);
        this.rollFrame = still ? requestAnimationFrame(frame) : 0;
      };
      this.rollFrame = requestAnimationFrame(frame);
    }
    if (!playing) this.roll.draw(null);
  }

  private setStatus(message: string, error = false): void {
    this.elements.status.textContent = message;
    this.elements.status.classList.toggle('error', error);
    this.elements.status.title = message;
  }
}
