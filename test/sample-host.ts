/**
 * A sample host on 127.0.0.1 for tests, standing in for the servers `samples(…)` loads from: it
 * serves `/strudel.json` (a sample map: `beep` → a 1 kHz tone) and `/beep.wav`, allows
 * cross-origin requests, and answers 404 to anything else.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeWav } from '../src/audio/drums/wav.ts';

export interface SampleHost {
  /** Ends with a slash: `${base}strudel.json` is the map. */
  base: string;
  close(): Promise<void>;
}

/** A 1 kHz sine, half scale, faded out over its last 10 ms. */
export function tone(seconds: number, rate = 48_000, frequency = 1000): ArrayBuffer {
  const samples = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < samples.length; i++) samples[i] = 0.5 * Math.sin((2 * Math.PI * frequency * i) / rate) * Math.min(1, (samples.length - i) / 480);
  return encodeWav(samples, rate);
}

export async function serveSampleHost(beepSeconds: number): Promise<SampleHost> {
  const wav = Buffer.from(tone(beepSeconds));
  let base = '';
  const server = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    if (request.url === '/strudel.json') {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ _base: base, beep: ['beep.wav'] }));
    } else if (request.url === '/beep.wav') {
      response.setHeader('Content-Type', 'audio/wav');
      response.end(wav);
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
