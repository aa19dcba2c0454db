/**
 * Measurements taken inside the page, on the app's master output (through the test hook's
 * AnalyserNode) and on the editor's DOM. Written as plain JavaScript source so that nothing the
 * test runner's transform adds can leak into the page.
 */
import type { Page } from 'playwright-core';

const PROBE_SOURCE = `
window.__probe = {
  /** Peak level in dBFS and the strongest frequency, over the analyser's last window. */
  read(fftSize) {
    const analyser = window.motifEditorTest.analyser();
    if (fftSize && analyser.fftSize !== fftSize) analyser.fftSize = fftSize;
    const samples = new Float32Array(analyser.fftSize);
    analyser.getFloatTimeDomainData(samples);
    let peak = 0;
    for (const s of samples) peak = Math.max(peak, Math.abs(s));
    const spectrum = new Float32Array(analyser.frequencyBinCount);
    analyser.getFloatFrequencyData(spectrum);
    let best = 1;
    for (let i = 2; i < spectrum.length - 1; i++) if (spectrum[i] > spectrum[best]) best = i;
    const a = spectrum[best - 1], b = spectrum[best], c = spectrum[best + 1];
    const shift = (a - c) / (2 * (a - 2 * b + c)) || 0;
    const binHz = analyser.context.sampleRate / analyser.fftSize;
    return {
      peakDbfs: peak > 0 ? 20 * Math.log10(peak) : -Infinity,
      frequencyHz: (best + Math.max(-0.5, Math.min(0.5, shift))) * binHz,
      time: analyser.context.currentTime,
    };
  },
  /** The texts under the sounding-atom highlight now. */
  highlighted() {
    return [...document.querySelectorAll('.motif-active-atom')].map((el) => el.textContent);
  },
};
`;

export interface Reading {
  peakDbfs: number;
  frequencyHz: number;
  time: number;
}

export async function installProbe(page: Page): Promise<void> {
  await page.evaluate(PROBE_SOURCE);
}

export function read(page: Page, fftSize = 32768): Promise<Reading> {
  return page.evaluate(`window.__probe.read(${fftSize})`) as Promise<Reading>;
}

export function highlighted(page: Page): Promise<string[]> {
  return page.evaluate('window.__probe.highlighted()') as Promise<string[]>;
}

/** A reading and the highlighted texts, taken in one go. */
export function readWithHighlight(page: Page, fftSize: number): Promise<Reading & { highlighted: string[] }> {
  return page.evaluate(`({ ...window.__probe.read(${fftSize}), highlighted: window.__probe.highlighted() })`) as Promise<
    Reading & { highlighted: string[] }
  >;
}

/** Polls until `accept` holds for a reading or `timeoutMs` passes; returns the last reading. */
export async function waitForReading(page: Page, accept: (r: Reading) => boolean, timeoutMs: number, fftSize = 32768): Promise<Reading> {
  const until = Date.now() + timeoutMs;
  let reading = await read(page, fftSize);
  while (!accept(reading) && Date.now() < until) {
    await page.waitForTimeout(50);
    reading = await read(page, fftSize);
  }
  return reading;
}

/** Replaces the editor's text by typing it, as a user would. */
export async function typeCode(page: Page, code: string): Promise<void> {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(code);
}

/** The editor's code, line by line, as shown (without inline error messages). */
export function editorLines(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('.cm-content > .cm-line')].map((line) => {
    const copy = line.cloneNode(true);
    copy.querySelectorAll('.motif-error').forEach((widget) => widget.remove());
    return copy.textContent.replace(/\\u200b/g, '');
  })`) as Promise<string[]>;
}

/** The inline error messages, with the 1-based editor line each one sits on. */
export function errorWidgets(page: Page): Promise<{ line: number; text: string }[]> {
  return page.evaluate(`[...document.querySelectorAll('.cm-content > .cm-line')].flatMap((line, index) =>
    [...line.querySelectorAll('.motif-error')].map((widget) => ({ line: index + 1, text: widget.textContent })))`) as Promise<
    { line: number; text: string }[]
  >;
}
