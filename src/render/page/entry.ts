/**
 * The offline render page (bundled by esbuild, runs in headless Chromium): renders notes with
 * superdough into an OfflineAudioContext, scheduling them just in time, one chunk ahead
 * (suspend/resume), which is far faster than scheduling everything up front. A fresh page per
 * render: superdough keeps its controller and node pools per context.
 */
import { loadWorklets, setAudioContext, setMaxPolyphony, setSuperdoughAudioController, superdough } from 'superdough';
import { seededRandom, seedScript } from '../prng.ts';
import { PCM_DOWNLOAD_NAME, RENDER_FUNCTION, type RenderRequest, type RenderResponse } from '../protocol.ts';
import { registerRenderSounds } from './sounds.ts';

/** Interleaved 16-bit PCM of the buffer, and its peak before clamping. One tight loop per channel. */
function toPcm(buffer: AudioBuffer): { pcm: Int16Array; peak: number } {
  const channels = buffer.numberOfChannels;
  const frames = buffer.length;
  const pcm = new Int16Array(frames * channels);
  let peak = 0;
  for (let c = 0; c < channels; c++) {
    const data = buffer.getChannelData(c);
    for (let i = 0, j = c; i < frames; i++, j += channels) {
      const sample = data[i]!;
      if (sample > peak) peak = sample;
      else if (-sample > peak) peak = -sample;
      const scaled = sample >= 1 ? 32767 : sample <= -1 ? -32767 : sample * 32767;
      pcm[j] = scaled >= 0 ? scaled + 0.5 : scaled - 0.5; // the store truncates: this rounds half away from zero
    }
  }
  return { pcm, peak };
}

/**
 * Hands the samples to the driver as a browser download: Chromium writes the file itself, which is
 * 10-20× faster than returning megabytes of base64 through the DevTools protocol.
 */
function download(pcm: Int16Array): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([pcm.buffer as ArrayBuffer], { type: 'application/octet-stream' }));
  link.download = PCM_DOWNLOAD_NAME;
  document.body.append(link);
  link.click();
}

async function render(request: RenderRequest): Promise<RenderResponse> {
  const started = performance.now();
  Math.random = seededRandom(request.seed);
  const context = new OfflineAudioContext({ numberOfChannels: 2, length: request.frames, sampleRate: request.sampleRate });
  setAudioContext(context);
  setSuperdoughAudioController(null);
  setMaxPolyphony(1_000_000);
  if (request.worklets) {
    const seed = URL.createObjectURL(new Blob([seedScript(request.seed)], { type: 'text/javascript' }));
    await context.audioWorklet.addModule(seed);
    await loadWorklets();
  }
  await registerRenderSounds(context);
  const setupMs = performance.now() - started;

  const { notes, cps, chunkFrames, sampleRate, frames } = request;
  const chunkSeconds = chunkFrames / sampleRate;
  let next = 0;
  const problems = new Map<string, number>();
  let scheduleMs = 0;
  const scheduleUntil = async (seconds: number) => {
    const began = performance.now();
    while (next < notes.length && notes[next]!.time < seconds) {
      const note = notes[next++]!;
      try {
        await superdough(note.value, note.time, note.duration, cps, note.cycle);
      } catch (error) {
        // One bad note (an unknown sound) must not stop the render: count it, report it once.
        const message = error instanceof Error ? error.message : String(error);
        problems.set(message, (problems.get(message) ?? 0) + 1);
      }
    }
    scheduleMs += performance.now() - began;
  };
  let failure: unknown = null;
  const suspendAt = (chunk: number) => {
    if (chunk * chunkFrames >= frames) return;
    context
      .suspend(chunk * chunkSeconds)
      .then(async () => {
        try {
          await scheduleUntil((chunk + 1) * chunkSeconds);
        } catch (error) {
          failure ??= error;
        }
        suspendAt(chunk + 1);
        await context.resume();
      })
      .catch((error: unknown) => (failure ??= error));
  };
  await scheduleUntil(chunkSeconds);
  suspendAt(1);
  const buffer = await context.startRendering();
  if (failure) throw failure;
  const rendered = performance.now();
  const { pcm, peak } = toPcm(buffer);
  download(pcm);
  const encodeMs = performance.now() - rendered;
  const noteErrors = [...problems].map(([message, count]) => `${message} (${count} notes)`);
  return { peak, noteErrors, channels: buffer.numberOfChannels, frames: buffer.length, setupMs, renderMs: rendered - started - setupMs, scheduleMs, encodeMs };
}

(globalThis as unknown as Record<string, unknown>)[RENDER_FUNCTION] = render;
