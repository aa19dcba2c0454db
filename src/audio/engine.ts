/**
 * Motif's sound engine on one audio context (live or offline): superdough's synths and effects,
 * the procedural drum kit, a limited master bus, voice cutting, and warnings once per missing
 * sound. superdough keeps global state, so there is one engine per page: the latest call to
 * `registerDefaultSounds` owns superdough.
 */
import { getSound, initAudio, registerSynthSounds, samples, setAudioContext, soundAlias, superdough } from 'superdough';
import type { Cps, Cycles, Seconds } from '../scheduler/types.ts';
import { cutVoices, freshController } from './controller.ts';
import { registerDrumKit } from './drum-kit.ts';
import type { DrumSelection } from './drums/kit.ts';
import { createMasterBus, type MasterBus } from './master-bus.ts';
import { bankFallback, isRest, soundName } from './sound-name.ts';
import { nonFiniteControls, nonFiniteMessage } from './control-check.ts';
import { OnceWarnings } from './warnings.ts';

/** Polyphony caps: superdough fades the oldest voice out when a new one would exceed it. */
export const LIVE_MAX_POLYPHONY = 128;
export const OFFLINE_MAX_POLYPHONY = 4096;

export interface EngineOptions {
  /** Defaults to LIVE_MAX_POLYPHONY, or OFFLINE_MAX_POLYPHONY on an OfflineAudioContext. */
  maxPolyphony?: number;
  /** Where the master bus goes; defaults to the context's destination. */
  destination?: AudioNode;
  /**
   * Load superdough's AudioWorklets (crush, shape, coarse, …) on `context` (default true). Pass
   * false when the caller has loaded them itself (superdough's `loadWorklets()`), e.g. after a
   * seeded-random script for deterministic renders.
   */
  worklets?: boolean;
  /**
   * Synthesize only these drums and variations (drum name → variation indices), e.g. those an
   * offline render's events play; the whole kit by default (the live player, whose code can change).
   */
  drums?: DrumSelection;
}

export interface AudioEngine {
  readonly context: BaseAudioContext;
  readonly master: MasterBus;
  /**
   * Plays one event (a hap's value: `s`, `note`, `gain`, `lpf`, …) at `time` on the context's clock.
   * Never throws and never rejects: a sound that is missing or fails to load warns once, by name.
   */
  playHap(value: unknown, time: Seconds, duration: Seconds, cps?: Cps, cycle?: Cycles): Promise<void>;
  /** Fades every sounding and scheduled voice out over `fade` seconds (default 10 ms). */
  cutVoices(fade?: Seconds): void;
  /** superdough's `samples()`, for user code (`samples('https://…/strudel.json')`); loads are tracked. */
  samples(sampleMap: string | Record<string, unknown>, baseUrl?: string): Promise<void>;
  /**
   * Waits for the sample maps requested so far, at most `timeoutSeconds` (default 5 s); loads
   * still running then go on in the background. Failures are warned, not thrown.
   */
  settled(timeoutSeconds?: Seconds): Promise<void>;
  onWarning(listener: (message: string) => void): () => void;
}

/** `saw` and friends already exist in superdough; these are Motif's extra spellings. */
const ALIASES: [string, string][] = [['noise', 'white']];

/**
 * Sets superdough up on `context` and registers the synths and the drum kit. For the CLI's offline
 * render, call it once per fresh page with the OfflineAudioContext before scheduling anything.
 */
export async function registerDefaultSounds(context: BaseAudioContext, options: EngineOptions = {}): Promise<AudioEngine> {
  const offline = typeof OfflineAudioContext !== 'undefined' && context instanceof OfflineAudioContext;
  const maxPolyphony = options.maxPolyphony ?? (offline ? OFFLINE_MAX_POLYPHONY : LIVE_MAX_POLYPHONY);
  const warnings = new OnceWarnings();

  setAudioContext(context);
  const master = createMasterBus(context, options.destination);
  freshController(master.input);
  try {
    await initAudio({ maxPolyphony, disableWorklets: options.worklets === false }); // sets the cap, loads the worklets
  } catch (error) {
    warnings.warn('worklets', `Audio effects that need AudioWorklets are unavailable: ${String(error)}`);
  }
  registerSynthSounds();
  for (const [alias, original] of ALIASES) soundAlias(original, alias);
  await registerDrumKit(context, options.drums);

  if (!offline) await warmUp(context);
  const loads = new Set<Promise<void>>();

  const engine: AudioEngine = {
    context,
    master,
    async playHap(value, time, duration, cps = 0.5, cycle = 0) {
      if (typeof value !== 'object' || value === null) {
        warnings.warn('no-sound', `Events need a sound: add .s("…") or .note(…) (got ${JSON.stringify(value)})`);
        return;
      }
      const broken = nonFiniteControls(value);
      if (broken.length) {
        for (const { control, value: bad } of broken) warnings.warn(`nonfinite:${control}`, nonFiniteMessage(control, bad));
        return;
      }
      let controls = { ...(value as Record<string, unknown>) };
      const fallback = bankFallback(controls, (sound) => getSound(sound) !== undefined);
      if (fallback) {
        warnings.warn(
          `bank:${fallback.bank}`,
          `Sample bank "${fallback.bank}" is not loaded (on strudel.cc it comes from the network): its sounds play from Motif's built-in kit; load the bank with samples(…) to hear it`,
        );
        controls = fallback.value;
      }
      const name = soundName(controls);
      if (isRest(name)) return;
      if (!getSound(name)) {
        warnings.warn(name, `Sound "${name}" is not loaded: load it with samples(…) or pick another sound`);
        return;
      }
      try {
        await superdough(controls, time, duration, cps, cycle);
      } catch (error) {
        warnings.warn(name, `Sound "${name}" could not play: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    cutVoices(fade = 0.01) {
      cutVoices(context, master.input, fade);
    },
    samples(sampleMap, baseUrl) {
      const load = samples(sampleMap, baseUrl).catch((error: unknown) => {
        const what = typeof sampleMap === 'string' ? sampleMap : 'sample map';
        warnings.warn(`samples:${what}`, `Could not load samples from ${what}: ${error instanceof Error ? error.message : String(error)}`);
      });
      loads.add(load);
      void load.finally(() => loads.delete(load));
      return load;
    },
    async settled(timeoutSeconds = 5) {
      if (loads.size === 0) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutSeconds * 1000)));
      await Promise.race([Promise.all([...loads]), timeout]);
      clearTimeout(timer);
    },
    onWarning: (listener) => warnings.listen(listener),
  };
  return engine;
}

/**
 * Registers the drum kit's names with only the selected variations synthesized (as WAV blob: URLs
 * decoded up front, like drum-kit.ts). The other variations keep their places in the bank, so `n`
 * picks the same one, but point to one silent sample that no selected event plays.
 */

/**
 * Plays a silent synth note and drum hit once, so the first real event does not pay for cold
 * code paths and node set-up (superdough skips an event whose set-up ends after its onset).
 */
async function warmUp(context: BaseAudioContext): Promise<void> {
  const at = context.currentTime + 0.05;
  await Promise.all([
    superdough({ s: 'sine', note: 'a4', gain: 0 }, at, 0.01).catch(() => undefined),
    superdough({ s: 'bd', gain: 0 }, at, 0.01).catch(() => undefined),
  ]);
}
