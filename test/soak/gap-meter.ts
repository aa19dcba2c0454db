/**
 * A meter at the app's master output for soaks: an AudioWorklet (installed into the page by the
 * test) that low-passes the output below 150 Hz, where only the drone layer sounds, and counts
 * the stretches where that band falls silent once it has started. Written as plain JavaScript
 * source, as the browser probe is, so nothing the test runner adds reaches the page.
 */
import type { Page } from 'playwright-core';

const WORKLET = `
class GapMeter extends AudioWorkletProcessor {
  constructor() {
    super();
    // Two cascaded biquad low-passes at 150 Hz (RBJ), per channel 0.
    const w = 2 * Math.PI * 150 / sampleRate, q = Math.SQRT1_2, alpha = Math.sin(w) / (2 * q), c = Math.cos(w), a0 = 1 + alpha;
    this.k = { b0: (1 - c) / 2 / a0, b1: (1 - c) / a0, b2: (1 - c) / 2 / a0, a1: -2 * c / a0, a2: (1 - alpha) / a0 };
    this.z = [[0, 0, 0, 0], [0, 0, 0, 0]];
    this.started = false; this.quiet = 0; this.gaps = []; this.blocks = 0; this.minDb = 0; this.maxDb = -200;
    this.port.onmessage = () => this.port.postMessage({ gaps: this.gaps, blocks: this.blocks, started: this.started, minDb: this.minDb, maxDb: this.maxDb });
  }
  stage(x, z) {
    const k = this.k, y = k.b0 * x + k.b1 * z[0] + k.b2 * z[1] - k.a1 * z[2] - k.a2 * z[3];
    z[1] = z[0]; z[0] = x; z[3] = z[2]; z[2] = y; return y;
  }
  process(inputs) {
    const input = inputs[0] && inputs[0][0];
    if (!input) return true;
    let sum = 0;
    for (let i = 0; i < input.length; i++) { const y = this.stage(this.stage(input[i], this.z[0]), this.z[1]); sum += y * y; }
    const db = 10 * Math.log10(sum / input.length + 1e-20);
    this.blocks++;
    this.maxDb = Math.max(this.maxDb, db);
    if (db > -30) { if (this.quiet * input.length / sampleRate >= 0.02) this.gaps.push(this.quiet * input.length / sampleRate); this.started = true; this.quiet = 0; }
    else if (this.started) { this.quiet++; }
    if (this.started) this.minDb = Math.min(this.minDb, db);
    return true;
  }
}
registerProcessor('motif-gap-meter', GapMeter);
`;

export interface GapReading {
  /** Silent stretches of 20 ms or more in the drone's band, in seconds. */
  gaps: number[];
  blocks: number;
  started: boolean;
  /** The band's level: the quietest block once started, and the loudest (dB). */
  minDb: number;
  maxDb: number;
}

/** Puts the meter on the master output (through the test hook's analyser). */
export async function installGapMeter(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    const hook = window.motifEditorTest;
    const url = URL.createObjectURL(new Blob([${JSON.stringify(WORKLET)}], { type: 'text/javascript' }));
    await hook.audioContext.audioWorklet.addModule(url);
    const node = new AudioWorkletNode(hook.audioContext, 'motif-gap-meter');
    hook.analyser().connect(node);
    node.connect(hook.audioContext.destination); // pulled by the graph; it writes silence
    window.__gapMeter = node;
  })()`);
}

export function readGaps(page: Page): Promise<GapReading> {
  return page.evaluate(`new Promise((resolve) => {
    const node = window.__gapMeter;
    node.port.onmessage = (event) => resolve(event.data);
    node.port.postMessage('read');
  })`) as Promise<GapReading>;
}
