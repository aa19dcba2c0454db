/**
 * Test page for offline rendering with src/audio, the way the CLI uses it: one OfflineAudioContext
 * per page, registerDefaultSounds(context), then engine.playHap() for each event, just in time,
 * in chunks of 0.256 s (a multiple of 128 frames) with suspend/resume.
 */
import { registerDefaultSounds } from '../../src/audio/index.ts';
import { evaluate } from '../../src/runtime/evaluate.ts';

const CHUNK_FRAMES = 12288; // 0.256 s at 48 kHz, 96 render quanta

async function render(code: string, seconds: number, options: { maxPolyphony?: number } = {}) {
  const sampleRate = 48000;
  const frames = Math.round(seconds * sampleRate);
  const context = new OfflineAudioContext({ numberOfChannels: 2, length: frames, sampleRate });
  const engine = await registerDefaultSounds(context, { maxPolyphony: options.maxPolyphony });
  const warnings: string[] = [];
  engine.onWarning((message) => warnings.push(message));

  const result = await evaluate(code);
  if (!result.pattern) return { errors: result.errors.map((e) => e.message) };
  const cps = result.cps ?? 0.5;
  const events = result.pattern
    .queryArc(0, seconds * cps)
    .filter((hap) => hap.hasOnset())
    .map((hap) => ({ hap, time: hap.whole!.begin.valueOf() / cps, duration: (hap.whole!.end.valueOf() - hap.whole!.begin.valueOf()) / cps }))
    .sort((a, b) => a.time - b.time);

  const chunkSeconds = CHUNK_FRAMES / sampleRate;
  let next = 0;
  const scheduleUntil = async (until: number) => {
    while (next < events.length && events[next].time < until) {
      const { hap, time, duration } = events[next++];
      await engine.playHap(hap.value, time, duration, cps, hap.whole!.begin.valueOf());
    }
  };
  const suspendAt = (chunk: number) => {
    if (chunk * CHUNK_FRAMES >= frames) return;
    void context.suspend((chunk * CHUNK_FRAMES) / sampleRate).then(async () => {
      await scheduleUntil((chunk + 1) * chunkSeconds);
      suspendAt(chunk + 1);
      await context.resume();
    });
  };
  await scheduleUntil(chunkSeconds);
  suspendAt(1);
  const buffer = await context.startRendering();

  const left = buffer.getChannelData(0);
  const right = buffer.getChannelData(1);
  let peak = 0;
  let sum = 0;
  const blockRms: number[] = [];
  const block = Math.round(sampleRate / 4);
  let blockSum = 0;
  let hash = 0;
  for (let i = 0; i < frames; i++) {
    const l = left[i];
    const r = right[i];
    peak = Math.max(peak, Math.abs(l), Math.abs(r));
    sum += l * l + r * r;
    blockSum += l * l;
    if ((i + 1) % block === 0) {
      blockRms.push(Math.sqrt(blockSum / block));
      blockSum = 0;
    }
    hash = (Math.imul(hash, 31) + Math.round(l * 32767)) | 0;
  }
  return { errors: [], events: events.length, peak, rms: Math.sqrt(sum / (2 * frames)), blockRms, hash, warnings };
}

declare global {
  interface Window {
    motifOfflineTest: { render: typeof render };
  }
}
window.motifOfflineTest = { render };
document.body.dataset.ready = 'true';
