/**
 * TEMPORARY stand-in for src/player's createBrowserPlayer(), so the editor can be built and
 * tested before the real player lands. Removed once it does.
 */
import type { Hap } from '@strudel/core';
import { getAudioContext, getSuperdoughAudioController, initAudio, registerSynthSounds, superdough } from 'superdough';
import { evaluate } from '../runtime/evaluate.ts';
import type { EvalResult, Layer, MotifError } from '../runtime/result.ts';
import type { PlayedEvent, PlayerPort, SwapMode } from './player-port.ts';

export function createInterimPlayer(): PlayerPort & { output(): AudioNode } {
  const events = new Set<(e: PlayedEvent) => void>();
  const errors = new Set<(e: MotifError) => void>();
  const warnings = new Set<(m: string) => void>();
  let layers: Layer[] = [];
  let cps = 0.5;
  let timer: ReturnType<typeof setInterval> | undefined;
  let origin = 0;
  let committed = 0;
  let ready: Promise<void> | null = null;
  const ctx = () => getAudioContext();
  const cycleAt = (t: number) => (t - origin) * cps;
  const tick = () => {
    const until = cycleAt(ctx().currentTime + 0.3);
    for (const layer of layers) {
      let haps: Hap[];
      try {
        haps = layer.pattern.queryArc(committed, until).filter((h) => h.hasOnset());
      } catch (error) {
        errors.forEach((l) => l({ kind: 'query', message: String(error), line: layer.position.line, column: layer.position.column, layer: layer.id }));
        continue;
      }
      for (const hap of haps) {
        const audioTime = origin + hap.whole!.begin.valueOf() / cps;
        const durationSeconds = hap.duration.valueOf() / cps;
        if (audioTime < ctx().currentTime) continue;
        void superdough(hap.value as Record<string, unknown>, audioTime, durationSeconds, cps);
        events.forEach((l) => l({ hap, audioTime, durationSeconds, layer: layer.id }));
      }
    }
    committed = until;
  };
  const player = {
    async evaluate(code: string, _opts?: { swap?: SwapMode }): Promise<EvalResult> {
      ready ??= initAudio().then(() => registerSynthSounds());
      await ready;
      await ctx().resume();
      const result = await evaluate(code);
      if (result.errors.length) return result;
      layers = result.layers;
      if (result.cps) cps = result.cps;
      if (!timer) {
        origin = ctx().currentTime + 0.1;
        committed = 0;
        timer = setInterval(tick, 50);
      }
      return result;
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      const gain = getSuperdoughAudioController().output.destinationGain;
      gain.gain.setValueAtTime(0, ctx().currentTime);
      gain.gain.setValueAtTime(1, ctx().currentTime + 0.5);
    },
    get playing() {
      return timer !== undefined;
    },
    get audioContext() {
      return ctx();
    },
    cycleNow: () => cycleAt(ctx().currentTime),
    onEvent: (l: (e: PlayedEvent) => void) => (events.add(l), () => void events.delete(l)),
    onError: (l: (e: MotifError) => void) => (errors.add(l), () => void errors.delete(l)),
    onWarning: (l: (m: string) => void) => (warnings.add(l), () => void warnings.delete(l)),
    output: () => getSuperdoughAudioController().output.destinationGain,
  };
  return player;
}
