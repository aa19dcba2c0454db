/**
 * Playing from the editor, measured on the master output: pitch, errors that leave the music
 * playing, stopping, and the sounding atoms lit in the code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from './harness.ts';
import { editorLines, errorWidgets, highlighted, installProbe, read, readWithHighlight, typeCode, waitForReading } from './probe.ts';

let session: AppSession;

beforeAll(async () => {
  session = await openApp('playback');
  const { page, url } = session;
  await page.goto(`${url}?test`);
  await page.evaluate('localStorage.clear()');
  await page.reload();
  await page.waitForSelector('.cm-content');
  await installProbe(page);
});

afterAll(async () => {
  await session?.close();
});

const audible = (r: { peakDbfs: number }) => r.peakDbfs > -40;

describe('playing from the editor', () => {
  it('plays note("a4").s("sine") at 440 Hz and lights up the atom', async () => {
    const { page } = session;
    await typeCode(page, 'note("a4").s("sine")');
    expect(await editorLines(page)).toEqual(['note("a4").s("sine")']);
    await page.evaluate(`(() => {
      window.__flashed = false;
      const observer = new MutationObserver(() => {
        if (document.querySelector('.motif-flash')) (window.__flashed = true), observer.disconnect();
      });
      observer.observe(document.querySelector('.cm-content'), { subtree: true, childList: true, attributes: true });
    })()`);
    await page.keyboard.press('Control+Enter');
    await waitForReading(page, audible, 5000);
    await page.waitForTimeout(800); // let a whole analysis window fill with the note
    const reading = await read(page);
    console.log(`a4: ${reading.frequencyHz.toFixed(2)} Hz at ${reading.peakDbfs.toFixed(1)} dBFS peak`);
    expect(reading.peakDbfs).toBeGreaterThan(-40);
    expect(Math.abs(reading.frequencyHz - 440) / 440).toBeLessThan(0.02);
    expect(await highlighted(page)).toContain('a4');
    expect(await page.evaluate('window.__flashed')).toBe(true); // the code flashed on evaluate
  });

  it('keeps the old pattern playing after a syntax error and shows the message at its line', async () => {
    const { page } = session;
    await typeCode(page, 'note("e5").s("sine")\n.gain(0.5))');
    expect(await editorLines(page)).toEqual(['note("e5").s("sine")', '.gain(0.5))']);
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('.motif-error');
    const widgets = await errorWidgets(page);
    console.log('error widgets:', JSON.stringify(widgets));
    expect(widgets).toHaveLength(1);
    expect(widgets[0]!.line).toBe(2);
    expect(widgets[0]!.text).toMatch(/syntax error/i);
    await page.waitForTimeout(2500); // past the next cycle boundary, where a swap would happen
    const reading = await read(page);
    console.log(`after the error: ${reading.frequencyHz.toFixed(2)} Hz at ${reading.peakDbfs.toFixed(1)} dBFS peak`);
    expect(reading.peakDbfs).toBeGreaterThan(-40);
    expect(Math.abs(reading.frequencyHz - 440) / 440).toBeLessThan(0.02);
  });

  it('highlights each atom while it sounds', async () => {
    const { page } = session;
    await typeCode(page, 'note("a4 e5").s("sine").slow(2)');
    expect(await editorLines(page)).toEqual(['note("a4 e5").s("sine").slow(2)']);
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('.motif-error', { state: 'detached' });
    await page.waitForTimeout(2500);
    let agree = 0;
    let clear = 0;
    const seen = new Set<string>();
    const unclear: string[] = [];
    for (let i = 0; i < 24; i++) {
      await page.waitForTimeout(200);
      const r = await readWithHighlight(page, 2048);
      const heard = Math.abs(r.frequencyHz - 440) < 25 ? 'a4' : Math.abs(r.frequencyHz - 659.26) < 25 ? 'e5' : null;
      const lit = r.highlighted.filter((text) => text === 'a4' || text === 'e5');
      if (!heard || lit.length !== 1) {
        if (unclear.length < 4) unclear.push(`${r.frequencyHz.toFixed(0)} Hz, lit ${JSON.stringify(r.highlighted)}`);
        continue;
      }
      clear++;
      seen.add(heard);
      if (lit[0] === heard) agree++;
    }
    console.log(`highlight vs pitch: ${agree} of ${clear} clear samples agree; heard ${[...seen].join(', ')}; unclear: ${unclear.join('; ') || 'none'}`);
    expect(seen.size).toBe(2);
    expect(clear).toBeGreaterThanOrEqual(12);
    expect(agree / clear).toBeGreaterThanOrEqual(0.8);
  });

  it('shows an error raised while playing at its layer, and the other layers play on', async () => {
    const { page } = session;
    const code = ['$: note("a4").s("sine")', "$: new Pattern(() => { throw new Error('boom') })"];
    await page.click('.cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(code.join('\n'));
    expect(await editorLines(page)).toEqual(code);
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('.motif-error', { timeout: 6000 });
    const widgets = await errorWidgets(page);
    console.log('error while playing:', JSON.stringify(widgets));
    expect(widgets).toHaveLength(1);
    expect(widgets[0]!.line).toBe(2);
    expect(widgets[0]!.text).toMatch(/boom/);
    await page.waitForTimeout(1000);
    const reading = await read(page);
    console.log(`with a failing layer: ${reading.frequencyHz.toFixed(2)} Hz at ${reading.peakDbfs.toFixed(1)} dBFS peak`);
    expect(Math.abs(reading.frequencyHz - 440) / 440).toBeLessThan(0.02);
  });

  it('falls silent after Ctrl+.', async () => {
    const { page } = session;
    const before = await read(page, 2048);
    expect(before.peakDbfs).toBeGreaterThan(-40);
    await page.keyboard.press('Control+.');
    const start = before.time;
    const silent = await waitForReading(page, (r) => r.peakDbfs < -60, 1500, 2048);
    console.log(`below -60 dBFS ${(silent.time - start).toFixed(3)} s (audio clock) after Ctrl+.: ${silent.peakDbfs.toFixed(1)} dBFS`);
    await page.waitForTimeout(Math.max(0, 1000 - (silent.time - start) * 1000));
    const after = await read(page, 2048);
    console.log(`1 s after Ctrl+.: ${after.peakDbfs.toFixed(1)} dBFS`);
    expect(after.peakDbfs).toBeLessThan(-60);
    expect(await highlighted(page)).toEqual([]);
  });

  it('plays a filtered sawtooth line and lights its notes', async () => {
    const { page } = session;
    await typeCode(page, 'note("c3 e3 g3 b3").s("sawtooth").lpf(800)');
    await page.keyboard.press('Control+Enter');
    const reading = await waitForReading(page, audible, 5000);
    const lit = new Set<string>();
    for (let i = 0; i < 12; i++) {
      for (const text of await highlighted(page)) lit.add(text);
      await page.waitForTimeout(150);
    }
    // The pianoroll draws the notes: count canvas pixels that differ from its background.
    const drawn = (await page.evaluate(`(() => {
      const canvas = document.querySelector('#roll');
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let lit = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] > 120) lit++;
      return lit / (data.length / 4);
    })()`)) as number;
    console.log(`sawtooth: ${reading.peakDbfs.toFixed(1)} dBFS peak; lit: ${[...lit].join(' ')}; pianoroll ${(drawn * 100).toFixed(1)} % drawn`);
    expect(drawn).toBeGreaterThan(0.005);
    expect(reading.peakDbfs).toBeGreaterThan(-40);
    expect([...lit].filter((text) => ['c3', 'e3', 'g3', 'b3'].includes(text)).length).toBeGreaterThanOrEqual(2);
    await page.click('#swap'); // focus outside the editor: Ctrl+. still stops
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    const stopped = await waitForReading(page, (r) => r.peakDbfs < -60, 1500, 2048);
    expect(stopped.peakDbfs).toBeLessThan(-60);
  });

  it('plays the drum kit and lights the drum atoms', async () => {
    const { page } = session;
    await typeCode(page, 's("bd*4, ~ sd, hh*8")');
    expect((await read(page, 2048)).peakDbfs).toBeLessThan(-60);
    await page.keyboard.press('Control+Enter');
    const reading = await waitForReading(page, audible, 5000);
    const lit = new Set<string>();
    for (let i = 0; i < 16; i++) {
      for (const text of await highlighted(page)) lit.add(text);
      await page.waitForTimeout(100);
    }
    console.log(`drums: ${reading.peakDbfs.toFixed(1)} dBFS peak; lit: ${[...lit].join(' ')}`);
    expect(reading.peakDbfs).toBeGreaterThan(-40);
    expect([...lit]).toEqual(expect.arrayContaining(['bd', 'hh', 'sd']));
    await page.keyboard.press('Control+.');
    await waitForReading(page, (r) => r.peakDbfs < -60, 1500, 2048);
  });

  it('swaps at the next cycle, or as soon as possible when the swap setting says so', async () => {
    const { page } = session;
    const tune = (note: string) => `setcps(0.1); note("${note}*8").s("sine")`; // cycles of 10 s
    const heard = async () => {
      const r = await read(page, 8192);
      return Math.abs(r.frequencyHz - 440) < 15 ? 'a4' : Math.abs(r.frequencyHz - 659.26) < 15 ? 'e5' : `${r.frequencyHz.toFixed(0)} Hz`;
    };
    await typeCode(page, tune('a4'));
    await page.keyboard.press('Control+Enter');
    await waitForReading(page, audible, 5000);
    expect(await errorWidgets(page)).toEqual([]);
    await typeCode(page, tune('e5'));
    await page.keyboard.press('Control+Enter'); // default: next cycle, up to 10 s away
    await page.waitForTimeout(3000);
    const beforeBoundary = await heard();
    await page.selectOption('#swap', 'now');
    await page.click('.cm-content');
    await page.keyboard.press('Control+Enter');
    // The new notes start at their next onset (every 1.25 s here); the next cycle is 10 s away.
    const since = Date.now();
    let soon = await heard();
    while (soon !== 'e5' && Date.now() - since < 4000) {
      await page.waitForTimeout(250);
      soon = await heard();
    }
    const after = ((Date.now() - since) / 1000).toFixed(2);
    console.log(`swap at the next cycle: ${beforeBoundary} 3 s later; as soon as possible: ${soon} after ${after} s`);
    expect(beforeBoundary).toBe('a4');
    expect(soon).toBe('e5');
    await page.selectOption('#swap', 'cycle');
    await page.keyboard.press('Control+.');
    await waitForReading(page, (r) => r.peakDbfs < -60, 1500, 2048);
  });

  it("says it plays, and notes a strudel.cc visual it does not draw, after evaluating", async () => {
    const { page } = session;
    await typeCode(page, 's("bd*2")._scope()');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('Playing'), undefined, { timeout: 5000 });
    expect(await page.textContent('#status')).toMatch(/^Playing · \._scope\(\) draws on strudel\.cc/);
    await page.keyboard.press('Control+.');
  });

  it('draws a slider for slider(…): moving it rewrites the number and changes the sound at once', async () => {
    const { page } = session;
    await typeCode(page, 's("sine*4").freq(slider(440, 220, 880, 1))'); // a new event every 0.5 s
    await page.keyboard.press('Control+Enter');
    const before = await waitForReading(page, (r) => audible(r) && Math.abs(r.frequencyHz - 440) < 9, 5000);
    expect(Math.abs(before.frequencyHz - 440)).toBeLessThan(9);
    await page.$eval('input.motif-slider', (element) => {
      const input = element as HTMLInputElement;
      input.value = '660';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await editorLines(page)).toEqual(['s("sine*4").freq(slider(660, 220, 880, 1))']);
    const moved = await waitForReading(page, (r) => audible(r) && Math.abs(r.frequencyHz - 660) < 13, 3000); // no evaluation
    console.log(`slider moved: ${moved.frequencyHz.toFixed(1)} Hz`);
    expect(Math.abs(moved.frequencyHz - 660)).toBeLessThan(13);
    await page.keyboard.press('Control+.');
  });
});
