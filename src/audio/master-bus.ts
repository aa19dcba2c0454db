/**
 * The master bus every voice goes through: a fast compressor as a limiter, then a soft ceiling
 * (a waveshaper that can never output more than `CEILING`), so stacking layers never clips.
 * An analyser taps the final output (scopes, tests).
 */
export const CEILING = 0.98;
/**
 * Chromium's DynamicsCompressorNode delays its input by a fixed 6 ms look-ahead, so everything on
 * the master bus reaches the destination that much later (the render page measured 288 frames at
 * 48 kHz).
 */
export const LIMITER_DELAY_SECONDS = 0.006;
/** Amplitude up to which the ceiling is transparent. */
const KNEE = 0.8;
/** The shaper sees the signal scaled by 1 / INPUT_RANGE, so peaks up to INPUT_RANGE are shaped, not cut. */
const INPUT_RANGE = 4;

export interface MasterBus {
  /** Connect sources here. */
  readonly input: GainNode;
  readonly limiter: DynamicsCompressorNode;
  /** The final output, before the destination. */
  readonly analyser: AnalyserNode;
}

/** Identity up to KNEE, then a tanh curve towards CEILING, over inputs in [-INPUT_RANGE, INPUT_RANGE]. */
export function ceilingCurve(points = 8193): Float32Array<ArrayBuffer> {
  const curve = new Float32Array(points);
  for (let i = 0; i < points; i++) {
    const x = ((i / (points - 1)) * 2 - 1) * INPUT_RANGE;
    const magnitude = Math.abs(x);
    const shaped = magnitude <= KNEE ? magnitude : KNEE + (CEILING - KNEE) * Math.tanh((magnitude - KNEE) / (CEILING - KNEE));
    curve[i] = Math.sign(x) * shaped;
  }
  return curve;
}

export function createMasterBus(context: BaseAudioContext, destination: AudioNode = context.destination): MasterBus {
  const input = new GainNode(context, { gain: 1 });
  const limiter = new DynamicsCompressorNode(context, { threshold: -3, knee: 0, ratio: 20, attack: 0.002, release: 0.2 });
  const scaleDown = new GainNode(context, { gain: 1 / INPUT_RANGE });
  const ceiling = new WaveShaperNode(context, { curve: ceilingCurve(), oversample: 'none' });
  const analyser = new AnalyserNode(context, { fftSize: 8192, smoothingTimeConstant: 0 });
  input.connect(limiter).connect(scaleDown).connect(ceiling);
  ceiling.connect(analyser);
  ceiling.connect(destination);
  return { input, limiter, analyser };
}
