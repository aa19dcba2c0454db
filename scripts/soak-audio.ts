/**
 * The soak at the audio output, in real time: the editor in Debian's Chromium is re-evaluated
 * again and again with a `.continue()` melody over a drone, typed key by key (see
 * test/soak/audio.ts); prints one JSON line. Exits 1 when the drone fell silent, an error showed,
 * or the page's heap grew 5 % or more past the first ten evaluations.
 *
 *   npm run soak:audio [-- --evaluations 200 --interval 500 --key 15 --swap cycle|now]
 */
import { parseArgs } from 'node:util';
import { openApp } from '../test/browser/harness.ts';
import { runAudioSoak } from '../test/soak/audio.ts';

const { values } = parseArgs({
  options: { evaluations: { type: 'string', default: '200' }, interval: { type: 'string', default: '500' }, key: { type: 'string', default: '15' }, swap: { type: 'string', default: 'cycle' } },
});
const session = await openApp('soak-audio-script');
try {
  const figures = await runAudioSoak({ page: session.page, url: session.url, evaluations: Number(values.evaluations), intervalMs: Number(values.interval), keyDelayMs: Number(values.key), swap: values.swap === 'now' ? 'now' : 'cycle' });
  console.log(JSON.stringify(figures));
  process.exitCode = figures.gaps.length || figures.errors.length || figures.heapGrowth >= 0.05 ? 1 : 0;
} finally {
  await session.close();
}
