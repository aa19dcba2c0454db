/**
 * The glue the editor plays through: evaluate() → the scheduler (ticked by a worker, on the
 * AudioContext clock) → the audio engine (superdough + drum kit + master bus), or the MIDI outputs
 * for events marked with `.midi()`.
 */
import { registerDefaultSounds } from '../audio/engine.ts';
import { LIMITER_DELAY_SECONDS } from '../audio/master-bus.ts';
import { MidiRouter } from '../midi-out/router.ts';
import { evaluate } from '../runtime/evaluate.ts';
import type { EvalResult, MotifError } from '../runtime/result.ts';
import { Scheduler } from '../scheduler/scheduler.ts';
import { DEFAULT_TICK_SECONDS, DEFAULT_TIMING } from '../scheduler/types.ts';
import { WorkerTimer } from '../scheduler/worker-timer.ts';
import { routeEvents } from './event-output.ts';
import { Listeners } from './listeners.ts';
import { midiClockOf } from './midi-clock.ts';
import type { BrowserPlayerOptions, PlayedEvent, Player } from './types.ts';
import { openWebMidiOutputs } from './web-midi-outputs.ts';

/** How long evaluate() waits for a suspended context to resume before going on regardless. */
const RESUME_WAIT_MS = 200;
/** How far ahead to commit before a cycle-mode evaluation blocks the main thread. */
const EVALUATION_GUARD_SECONDS = 0.25;

export async function createBrowserPlayer(options: BrowserPlayerOptions = {}): Promise<Player> {
  const context = options.audioContext ?? new AudioContext({ latencyHint: 'interactive' });
  const engine = await registerDefaultSounds(context, { maxPolyphony: options.maxPolyphony });
  const events = new Listeners<PlayedEvent>();
  const errors = new Listeners<MotifError>();
  const warnings = new Listeners<string>();
  engine.onWarning((message) => warnings.emit(message));
  let extraScope: Record<string, unknown> = {};

  // MIDI access is asked for when the first `.midi()` event plays, never before.
  const midi = new MidiRouter({ open: options.openMidi ?? openWebMidiOutputs, toMidiMs: midiClockOf(context), warn: (message) => warnings.emit(message) });
  const play = routeEvents({ midi, audio: (event) => void engine.playHap(event.hap.value, event.audioTime, event.durationSeconds, event.cps, event.cycle) });

  const timer = new WorkerTimer(options.tickSeconds ?? DEFAULT_TICK_SECONDS);
  const scheduler = new Scheduler({
    clock: { now: () => context.currentTime },
    timer,
    timing: { ...DEFAULT_TIMING, ...(options.lookAheadSeconds !== undefined ? { lookAheadSeconds: options.lookAheadSeconds } : {}) },
    output: (event) => {
      play(event);
      events.emit({ hap: event.hap, audioTime: event.audioTime, durationSeconds: event.durationSeconds, layer: event.layer });
    },
    onError: (error) => errors.emit(error),
  });

  const resume = async () => {
    if (context.state === 'running') return;
    await Promise.race([context.resume(), new Promise((resolve) => setTimeout(resolve, RESUME_WAIT_MS))]);
  };

  const player: Player = {
    async evaluate(code, opts = {}): Promise<EvalResult> {
      const swap = opts.swap ?? options.swap ?? 'cycle';
      const resumed = resume();
      // Evaluation blocks this thread; in cycle mode, commit up to the boundary first (free).
      if (swap === 'cycle') scheduler.commitAhead(EVALUATION_GUARD_SECONDS);
      const result = await evaluate(code, { ...options.evaluate, scope: { ...extraScope, samples: engine.samples } });
      await Promise.all([resumed, engine.settled()]);
      for (const warning of result.warnings) warnings.emit(warning);
      if (result.errors.length) return result;
      scheduler.setLayers(result.layers, { swap, cps: result.cps });
      if (!scheduler.playing) scheduler.start();
      return result;
    },
    stop() {
      scheduler.stop();
      engine.cutVoices(0.01);
    },
    hush() {
      scheduler.hush();
      engine.cutVoices(0.01);
    },
    setCps(cps) {
      scheduler.setCps(cps);
    },
    get cps() {
      return scheduler.cps;
    },
    get playing() {
      return scheduler.playing;
    },
    get stats() {
      return { ...scheduler.stats };
    },
    audioContext: context,
    analyser: engine.master.analyser,
    cycleNow() {
      const latency = (context.baseLatency ?? 0) + (context.outputLatency ?? 0) + LIMITER_DELAY_SECONDS;
      return Math.max(0, scheduler.cycleAt(context.currentTime - latency));
    },
    onEvent: (listener) => events.add(listener),
    onError: (listener) => errors.add(listener),
    onWarning: (listener) => warnings.add(listener),
    setScope(extra) {
      extraScope = { ...extra };
    },
    async dispose() {
      player.stop();
      timer.dispose();
      await context.close();
    },
  };
  return player;
}
