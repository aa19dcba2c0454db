/**
 * For the browser tests (`?test` in the URL): access to the sound itself. `analyser()` returns an
 * AnalyserNode fed from the player's master output, so tests measure what the listener hears.
 */
export interface MotifTestHook {
  /** An analyser of the tests' own on the master output (tests may change its settings). */
  analyser(): AnalyserNode;
  readonly audioContext: AudioContext;
  /** The player's event counts: received from the sandbox, and late (dropped by the engine). */
  stats(): PlayerStats;
}

/** The player's counts of events: received, late, rescued, taken back; worst lateness and delivery. */
export interface PlayerStats {
  received: number;
  late: number;
  rescued: number;
  retracted: number;
  worstLateSeconds: number;
  worstDeliveryMs: number;
}

declare global {
  interface Window {
    motifEditorTest?: MotifTestHook;
  }
}

/** `masterOutput` is a node whose output is the master output (an AnalyserNode passes its input through). */
export function installTestHook(audioContext: AudioContext, masterOutput: AudioNode, stats: () => PlayerStats): void {
  let analyser: AnalyserNode | null = null;
  window.motifEditorTest = {
    audioContext,
    stats,
    analyser() {
      if (analyser) return analyser;
      analyser = new AnalyserNode(audioContext, { fftSize: 32768, smoothingTimeConstant: 0 });
      masterOutput.connect(analyser);
      return analyser;
    },
  };
}
