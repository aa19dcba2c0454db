/**
 * For the browser tests (`?test` in the URL): access to the sound itself. `analyser()` returns an
 * AnalyserNode connected to the player's master output, so tests measure what the listener hears.
 */
import type { MotifApp } from './app.ts';

export interface MotifTestHook {
  /** An analyser on the master output (created on first call, after audio has started). */
  analyser(): AnalyserNode;
  audioContext(): AudioContext;
  app: MotifApp;
}

declare global {
  interface Window {
    motifTest?: MotifTestHook;
  }
}

export function installTestHook(app: MotifApp, audioContext: () => AudioContext, masterOutput: () => AudioNode): void {
  let analyser: AnalyserNode | null = null;
  window.motifTest = {
    app,
    audioContext,
    analyser() {
      if (analyser) return analyser;
      analyser = audioContext().createAnalyser();
      analyser.fftSize = 32768;
      analyser.smoothingTimeConstant = 0;
      masterOutput().connect(analyser);
      return analyser;
    },
  };
}
