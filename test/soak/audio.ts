/**
 * The soak at the audio output: the editor plays a drone layer under a `.continue()` melody and is
 * re-evaluated again and again (a new seed and a new melody each time, as a performer would), in
 * real time, in Chromium. The gap meter on the master output counts silences in the drone's band;
 * the page's heap is read after garbage collection. Shared by test/browser/soak-audio.test.ts and
 * `npm run soak:audio`.
 */
import type { Page } from 'playwright-core';
import { installProbe } from '../browser/probe.ts';
import { installGapMeter, readGaps } from './gap-meter.ts';

export interface AudioSoakOptions {
  page: Page;
  /** The app's URL (the dev server or a built site). */
  url: string;
  evaluations: number;
  /** Time between evaluations. */
  intervalMs: number;
  /** Between keystrokes while typing each version (15 ms: a very fast typist). */
  keyDelayMs: number;
  /** When each evaluated version takes over (the editor's "swap" menu); default `cycle`. */
  swap?: 'cycle' | 'now';
}

export interface AudioSoakFigures {
  evaluations: number;
  seconds: number;
  /** Silences of 20 ms or more in the drone's band at the output, in seconds. */
  gaps: number[];
  /** The page's JavaScript heap after GC, after the first evaluations and at the end (MB). */
  heapStartMb: number;
  heapEndMb: number;
  heapGrowth: number;
  /** Error messages the status line showed. */
  errors: string[];
  /** Events the page received from the sandbox, and those that came after their time. */
  events: number;
  lateEvents: number;
  rescuedEvents: number;
  /** Events committed ahead before a `now` swap and taken back before they were played. */
  retractedEvents: number;
  worstLateSeconds: number;
  worstDeliveryMs: number;
}

const MELODIES = ['c4 d4 e4 g4', 'e4 g4 a4 c5', 'g4 e4 d4 c4', 'a4 g4 e4 d4', 'c5 b4 g4 e4'];

/** Every fifth version is slow to evaluate (a 400 ms loop), as heavy code is. */
export function soakCode(index: number, swap: 'cycle' | 'now' = 'cycle'): string {
  const melody = MELODIES[index % MELODIES.length]!;
  const slow = index % 5 === 4 ? 'const until = Date.now() + 400\nwhile (Date.now() < until) {}\n' : '';
  // Swapping 'now', a new version's drone note starts only at the next cycle while the old one
  // rings on: a drone of overlapping eighth notes falls silent as soon as one of them is lost.
  const drone = swap === 'now' ? 'note("a1*8").s("sine").legato(1.5).gain(0.7)' : 'note("a1").s("sine").gain(0.9)';
  return `${slow}setcps(0.5)\n$: ${drone}\n$: note("${melody}").s("triangle").gain(0.4).continue({ seed: ${index} })`;
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usage.usedSize / 1e6;
}

/** Types the code as a user would, key by key, and evaluates it. */
async function evaluateCode(page: Page, code: string, options: AudioSoakOptions): Promise<void> {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(code, { delay: options.keyDelayMs });
  await page.keyboard.press('Control+Enter');
}

let soakRuns = 0;

export async function runAudioSoak(options: AudioSoakOptions): Promise<AudioSoakFigures> {
  const { page } = options;
  await page.goto(`${options.url}?test`);
  await page.evaluate('localStorage.clear()');
  await page.reload();
  await page.waitForSelector('.cm-content');
  await installProbe(page);
  if (options.swap) await page.selectOption('#swap', options.swap);
  const errors: string[] = [];
  const report = `__soakError${++soakRuns}`; // a page keeps what was exposed to it: one name per run
  await page.exposeFunction(report, (text: string) => errors.push(text));
  await page.evaluate(`new MutationObserver(() => {
    const status = document.querySelector('#status');
    if (status.classList.contains('error')) window.${report}(status.textContent);
  }).observe(document.querySelector('#status'), { childList: true, characterData: true, subtree: true, attributes: true })`);
  await evaluateCode(page, soakCode(0, options.swap), options);
  await installGapMeter(page);
  const warmup = Math.min(10, Math.floor(options.evaluations / 3));
  let heapStartMb = 0;
  const since = Date.now();
  for (let i = 1; i <= options.evaluations; i++) {
    await page.waitForTimeout(options.intervalMs);
    await evaluateCode(page, soakCode(i, options.swap), options);
    if (i === warmup) heapStartMb = await heapMb(page);
  }
  await page.waitForTimeout(2000); // the last swap plays
  const gaps = await readGaps(page);
  const events = (await page.evaluate('window.motifEditorTest.stats()')) as { received: number; late: number; rescued: number; retracted: number; worstLateSeconds: number; worstDeliveryMs: number };
  const heapEndMb = await heapMb(page);
  await page.click('#stop');
  if (!gaps.started) throw new Error(`the drone never sounded at the output (${gaps.blocks} blocks, loudest ${gaps.maxDb.toFixed(1)} dB): the soak measured nothing`);
  return {
    evaluations: options.evaluations,
    seconds: (Date.now() - since) / 1000,
    gaps: gaps.gaps,
    heapStartMb,
    heapEndMb,
    heapGrowth: heapEndMb / heapStartMb - 1,
    errors,
    events: events.received,
    lateEvents: events.late,
    rescuedEvents: events.rescued,
    retractedEvents: events.retracted,
    worstLateSeconds: events.worstLateSeconds,
    worstDeliveryMs: events.worstDeliveryMs,
  };
}
