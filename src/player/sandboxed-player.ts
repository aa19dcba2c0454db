/**
 * The editor's player: the user's code runs in the sandbox worker (src/sandbox/), and this page
 * side owns what the sandbox must not reach: the AudioContext and its sound engine, MIDI outputs,
 * sample loading. It sends the sandbox the audio clock and the code; it plays the events that
 * come back. A sandbox that stops answering (code stuck inside the pattern library, where loop
 * guards cannot reach) is ended and started afresh with the last good code, in time.
 */
import { registerDefaultSounds } from '../audio/engine.ts';
import { LIMITER_DELAY_SECONDS } from '../audio/master-bus.ts';
import type { RollNote } from '../editor/pianoroll-layout.ts';
import type { MidiOutputs } from '../midi-out/outputs.ts';
import { MidiRouter } from '../midi-out/router.ts';
import type { MotifError } from '../runtime/result.ts';
import type { StripResult } from '../runtime/strip-types.ts';
import { AiMirror } from '../sandbox/ai-mirror.ts';
import type { PageToSandbox, SandboxToPage, WireEvent, WireResult, WireTempo } from '../sandbox/protocol.ts';
import { cycleAt } from '../scheduler/tempo.ts';
import type { Cps, SwapMode } from '../scheduler/types.ts';
import { EventHold } from './event-hold.ts';
import { routeOutputEvents } from './event-output.ts';
import { Listeners } from './listeners.ts';
import { midiClockOf } from './midi-clock.ts';
import { startSandboxWorker, type SandboxEndpoint } from './sandbox-endpoint.ts';
import { openWebMidiOutputs } from './web-midi-outputs.ts';

/** How long evaluate() waits for a suspended context to resume before going on regardless. */
const RESUME_WAIT_MS = 200;
/** How often the page sends the sandbox a reading of the audio clock. */
const CLOCK_INTERVAL_MS = 50;
/** How often held events are looked at: well inside DUE_AHEAD_SECONDS. */
const HOLD_INTERVAL_MS = 25;
/** Silence from the sandbox longer than this ends it (its evaluations stop by themselves after 1 s). */
export const SANDBOX_HANG_MS = 2000;
/** The pianoroll's notes are asked for this many cycles at a time. */
const ROLL_SPAN_CYCLES = 6;
/** How soon a late note that still has most of its length to sound starts. */
const LATE_START_SECONDS = 0.005;
/** How many good versions are kept to fall back on. */
const GOOD_VERSIONS = 8;

export interface SandboxedPlayerOptions {
  audioContext?: AudioContext;
  maxPolyphony?: number;
  openMidi?: () => Promise<MidiOutputs>;
  /** Blanks out TypeScript on the page's type worker; without it the sandbox strips types itself. */
  stripTypes?: (code: string) => Promise<StripResult>;
  /** Milliseconds of silence before a sandbox is restarted (default SANDBOX_HANG_MS). */
  hangMs?: number;
  startSandbox?: () => SandboxEndpoint;
}

interface Version {
  code: string;
  stripped?: StripResult;
}

export type SandboxedPlayer = Awaited<ReturnType<typeof createSandboxedPlayer>>;

const wallNowMs = () => performance.timeOrigin + performance.now();

export async function createSandboxedPlayer(options: SandboxedPlayerOptions = {}) {
  const context = options.audioContext ?? new AudioContext({ latencyHint: 'interactive' });
  const engine = await registerDefaultSounds(context, { maxPolyphony: options.maxPolyphony });
  const hangMs = options.hangMs ?? SANDBOX_HANG_MS;
  const events = new Listeners<WireEvent>();
  const errors = new Listeners<MotifError>();
  const warnings = new Listeners<string>();
  engine.onWarning((message) => warnings.emit(message));
  const ai = new AiMirror();
  const midi = new MidiRouter({ open: options.openMidi ?? openWebMidiOutputs, toMidiMs: midiClockOf(context), warn: (message) => warnings.emit(message) });
  const play = routeOutputEvents<WireEvent>({ midi, audio: (event) => void engine.playHap(event.value, event.audioTime, event.durationSeconds, event.cps, event.cycle) });

  let sandbox: SandboxEndpoint;
  let lastHeard = wallNowMs();
  /** Set once the sandbox has loaded: a slow first load is not a hang. */
  let ready = false;
  let tempo: WireTempo | null = null;
  /** From stop or hush until the sandbox answers: events still on their way are not played. */
  let silencing = false;
  let evaluationCounter = 0;
  const evaluations = new Map<number, { version: Version; resolve: (result: WireResult) => void }>();
  const good: Version[] = [];
  let rollCounter = 0;
  let roll: { begin: number; end: number; notes: RollNote[]; results: number } | null = null;
  let rollAsked: number | null = null;
  let results = 0;
  /**
   * Events that came from the sandbox; those that came after their onset (the page was busy), of
   * which the rescued ones still had more than half their length to sound and played from now; the
   * worst lateness, and the longest a message took to arrive; those taken back at a swap.
   */
  const stats = { received: 0, late: 0, rescued: 0, retracted: 0, worstLateSeconds: 0, worstDeliveryMs: 0 };

  /** Events committed far ahead (before an evaluation), held until due: the sandbox may take them back. */
  const hold = new EventHold<WireEvent>();
  const playDue = (event: WireEvent) => {
    const lateBy = context.currentTime - event.audioTime;
    if (lateBy > 0) {
      stats.late++;
      stats.worstLateSeconds = Math.max(stats.worstLateSeconds, lateBy);
    }
    if (lateBy <= 0) play(event);
    else if (lateBy < event.durationSeconds / 2) {
      // The page was busy past its onset: the rest of a long note (a drone's) still sounds.
      stats.rescued++;
      play({ ...event, audioTime: context.currentTime + LATE_START_SECONDS, durationSeconds: event.durationSeconds - lateBy - LATE_START_SECONDS });
    }
    events.emit(event);
  };

  const post = (message: PageToSandbox) => sandbox.post(message);
  const sendClock = () => post({ type: 'clock', audioTime: context.currentTime, wallMs: wallNowMs(), running: context.state === 'running' });

  const receive = (message: SandboxToPage) => {
    lastHeard = wallNowMs();
    switch (message.type) {
      case 'events':
        if (silencing) return; // committed before the sandbox heard stop or hush
        stats.worstDeliveryMs = Math.max(stats.worstDeliveryMs, wallNowMs() - message.sentMs);
        stats.received += message.events.length;
        for (const event of message.hold ? hold.receive(message.events, context.currentTime) : message.events) playDue(event);
        return;
      case 'retract':
        stats.retracted += hold.retract(message.fromCycle);
        return;
      case 'tempo':
        tempo = message.tempo;
        silencing = false;
        return;
      case 'result': {
        const waiting = evaluations.get(message.id);
        evaluations.delete(message.id);
        if (waiting && !message.result.errors.length) {
          good.push(waiting.version);
          if (good.length > GOOD_VERSIONS) good.shift();
          results++;
        }
        waiting?.resolve(message.result);
        return;
      }
      case 'error':
        errors.emit(message.error);
        return;
      case 'warning':
        warnings.emit(message.message);
        return;
      case 'samples':
        void engine.samples(message.map, message.baseUrl).finally(() => post({ type: 'samplesDone', id: message.id }));
        return;
      case 'roll':
        if (message.id === rollAsked && roll) roll.notes = message.notes;
        rollAsked = null;
        return;
      case 'aiStatus':
        ai.receiveStatus(message.status);
        return;
      case 'aiMaterial':
        ai.receiveMaterial(message.callId, message.evaluation, message.material);
        return;
      case 'ready':
        ready = true;
        return;
      case 'alive':
        return;
    }
  };

  const start = () => {
    sandbox = (options.startSandbox ?? startSandboxWorker)();
    lastHeard = wallNowMs();
    ready = false;
    sandbox.listen(receive, (message) => warnings.emit(`Motif's sandbox failed: ${message}`));
    sendClock();
  };

  const send = (version: Version, swap: SwapMode, resume?: WireTempo['anchor']): Promise<WireResult> => {
    const id = ++evaluationCounter;
    sendClock();
    post({ type: 'evaluate', id, code: version.code, swap, ...(version.stripped ? { stripped: version.stripped } : {}), ...(resume ? { resume } : {}) });
    return new Promise((resolve) => evaluations.set(id, { version, resolve }));
  };

  /** Ends a sandbox that stopped answering and starts a new one with the last good code, in time. */
  const restart = () => {
    sandbox.terminate();
    const stuckEvaluations = [...evaluations.values()];
    evaluations.clear();
    const seconds = (hangMs / 1000).toFixed(1);
    if (stuckEvaluations.length) {
      const message = `This code ran longer than ${seconds} s inside the pattern library and was stopped; the last good version plays on`;
      for (const { resolve } of stuckEvaluations) resolve({ layers: [], miniLocations: [], cps: null, errors: [{ kind: 'runtime', message, line: 1, column: 1 }], warnings: [], sliders: [] });
    } else {
      good.pop(); // the playing version is what got stuck
      errors.emit({ kind: 'query', message: `The playing code stopped answering for ${seconds} s inside the pattern library; ${good.length ? 'the version before it plays on' : 'nothing is left to play'}`, line: 1, column: 1 });
    }
    const wasPlaying = tempo?.playing ?? false;
    const anchor = tempo?.anchor;
    start();
    ai.reset();
    hold.clear();
    silencing = false;
    roll = null;
    tempo = null;
    const last = good.pop();
    if (wasPlaying && last) void send(last, 'now', anchor);
    else if (last) good.push(last);
  };

  start();
  const clockTimer = setInterval(sendClock, CLOCK_INTERVAL_MS);
  const holdTimer = setInterval(() => {
    for (const event of hold.due(context.currentTime)) playDue(event);
  }, HOLD_INTERVAL_MS);
  const watchdog = setInterval(() => {
    if (ready && wallNowMs() - lastHeard > hangMs) restart();
  }, hangMs / 4);

  const resume = async () => {
    if (context.state === 'running') return;
    await Promise.race([context.resume(), new Promise((resolve) => setTimeout(resolve, RESUME_WAIT_MS))]);
  };

  const player = {
    /** Evaluates `code` in the sandbox and plays it; on errors the last good code keeps playing. */
    async evaluate(code: string, opts: { swap?: SwapMode } = {}): Promise<WireResult> {
      const resumed = resume();
      const stripped = options.stripTypes ? await options.stripTypes(code) : undefined;
      await resumed;
      const result = await send({ code, ...(stripped ? { stripped } : {}) }, opts.swap ?? 'cycle');
      for (const warning of result.warnings) warnings.emit(warning);
      return result;
    },
    stop() {
      silencing = true;
      hold.clear();
      post({ type: 'stop' });
      if (tempo) tempo = { ...tempo, playing: false };
      engine.cutVoices(0.01);
    },
    hush() {
      silencing = true;
      hold.clear();
      post({ type: 'hush' });
      engine.cutVoices(0.01);
    },
    setCps(cps: Cps) {
      post({ type: 'setCps', cps });
    },
    get cps(): Cps {
      return tempo?.anchor.cps ?? 0.5;
    },
    get playing(): boolean {
      return tempo?.playing ?? false;
    },
    audioContext: context,
    /** The master bus's output analyser (scopes, meters, tests). */
    analyser: engine.master.analyser,
    /** The cycle now sounding at the audio output, 0 when stopped. */
    cycleNow(): number {
      if (!tempo?.playing) return 0;
      const time = context.currentTime - ((context.baseLatency ?? 0) + (context.outputLatency ?? 0) + LIMITER_DELAY_SECONDS);
      const line = tempo.previous && time < tempo.anchor.time ? tempo.previous : tempo.anchor;
      return Math.max(0, cycleAt(line, time));
    },
    /** Moves a `slider(…)` of the playing code. */
    setSlider(id: string, value: number) {
      post({ type: 'slider', id, value });
    },
    /** The playing layers' notes in [begin, end) for the pianoroll, as far as the sandbox has sent them. */
    rollNotes(begin: number, end: number): RollNote[] {
      if (!roll || roll.results !== results || begin < roll.begin || end > roll.end) {
        if (rollAsked === null) {
          const from = Math.floor(begin);
          roll = { begin: from, end: from + ROLL_SPAN_CYCLES, notes: roll?.results === results ? roll.notes : [], results };
          rollAsked = ++rollCounter;
          post({ type: 'roll', id: rollAsked, begin: roll.begin, end: roll.end });
        }
      }
      return roll ? roll.notes.filter((note) => note.end > begin && note.begin < end) : [];
    },
    /** Events received from the sandbox, late, rescued; the worst lateness and delivery time. */
    get stats() {
      return { ...stats };
    },
    /** The AI calls of the latest evaluation: statuses for the badges, material for bake. */
    ai,
    onEvent: (listener: (event: WireEvent) => void) => events.add(listener),
    onError: (listener: (error: MotifError) => void) => errors.add(listener),
    onWarning: (listener: (message: string) => void) => warnings.add(listener),
    async dispose() {
      clearInterval(clockTimer);
      clearInterval(holdTimer);
      clearInterval(watchdog);
      player.stop();
      sandbox.terminate();
      await context.close();
    },
  };
  return player;
}
