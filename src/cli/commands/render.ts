/**
 * `motif render <file | -e code> --cycles N [--cps X] [--rate 48000] [--tail S] [--seed N] -o out.wav`:
 * renders offline with superdough in headless Chromium (as the browser plays it), stereo WAV.
 * The same file gives the same samples on the same Chromium build (see src/render/page/entry.ts).
 */
import type { OfflineRenderer } from '../../render/browser.ts';
import { DEFAULT_SAMPLE_RATE, renderPlan, type RenderedAudio } from '../../render/render.ts';
import { planRender, type RenderPlan } from '../../render/schedule.ts';
import { encodeWav } from '../../render/wav.ts';
import { numberOption, parseArgs, stringOption, type ParsedArgs } from '../args.ts';
import { USAGE, UserError } from '../errors.ts';
import { queryEvents, requireEvents } from '../events.ts';
import { midiDeviceOf } from '../../midi-out/device.ts';
import type { CliIO } from '../io.ts';
import { writeOutput } from '../output.ts';
import { readSource } from '../read-source.ts';
import { parseCycles } from '../span.ts';
import { nonFiniteControls, nonFiniteMessage } from '../../audio/control-check.ts';
import { locateName } from '../../runtime/positions.ts';
import { DEFAULT_CPS } from '../tempo.ts';

/** The longest render. */
export const MAX_RENDER_SECONDS = 3600;

export const renderOptions = {
  cycles: { value: true, alias: 'c' },
  cps: { value: true },
  rate: { value: true },
  tail: { value: true },
  seed: { value: true },
  eval: { value: true, alias: 'e' },
} as const;

/** Loads, queries and renders: shared by `render` and `play`. */
export async function renderFromArgs(command: string, args: ParsedArgs, io: CliIO): Promise<{ audio: RenderedAudio; plan: RenderPlan }> {
  const span = parseCycles(command, stringOption(args, 'cycles') ?? '4');
  const cpsOption = numberOption(command, args, 'cps', (n) => n > 0 && n <= 100);
  const sampleRate = numberOption(command, args, 'rate', (n) => Number.isInteger(n) && n >= 8000 && n <= 192_000) ?? DEFAULT_SAMPLE_RATE;
  const tailSeconds = numberOption(command, args, 'tail', (n) => n >= 0 && n <= 60) ?? 1;
  const seed = numberOption(command, args, 'seed', (n) => Number.isInteger(n) && n >= 0);
  const source = await readSource(command, io.cwd, args.positionals[0], stringOption(args, 'eval'));
  // Chromium starts while Strudel loads and the code is evaluated and queried: this module imports
  // neither Playwright nor Strudel up front, so both start loading here.
  const launching = import('../../render/browser.ts').then((browser) => browser.launchRenderer());
  launching.catch(() => undefined); // awaited below, unless the code fails first
  let renderer: OfflineRenderer | null = null;
  try {
    const { loadPattern } = await import('../source.ts');
    const loaded = await loadPattern(command, source.name, source.code, io.stderr);
    const cps = cpsOption ?? loaded.cps ?? DEFAULT_CPS;
    const seconds = (span.end - span.begin) / cps;
    if (seconds > MAX_RENDER_SECONDS) {
      throw new UserError(`motif ${command}: cycles ${span.begin} to ${span.end} at ${cps} cps last ${seconds.toFixed(0)} s, longer than the 1 hour a render may last`, USAGE);
    }
    const queried = requireEvents(command, source.name, queryEvents(source.name, loaded.layers, span), span);
    // Events marked with .midi() go to MIDI outputs, not to the speakers: not rendered, as on strudel.cc.
    const events = queried.filter((event) => midiDeviceOf(event.value) === null);
    const midi = queried.length - events.length;
    if (!events.length) throw new UserError(`motif ${command}: every event in ${source.name} is marked with .midi(); nothing to render (motif export writes a MIDI file)`);
    if (midi) io.stderr(`warning: ${midi} events marked with .midi() are MIDI output, not sound: not rendered (motif export writes them to a MIDI file)\n`);
    const plan = planRender(
      events.map((event) => ({ begin: event.begin.valueOf(), end: event.end.valueOf(), value: event.value })),
      span,
      cps,
    );
    // Events with a NaN or infinite control are silent (the page skips them): say which and where.
    const broken = new Map<string, { value: number; events: number }>();
    let silent = 0;
    for (const note of plan.notes) {
      const bad = nonFiniteControls(note.value);
      if (bad.length) silent++;
      for (const { control, value } of bad) broken.set(control, { value, events: (broken.get(control)?.events ?? 0) + 1 });
    }
    const brokenLines = [...broken].map(([control, { value, events }]) => {
      const at = locateName(source.code, { property: control });
      return `${source.name}:${at ? `${at.line}:${at.column}:` : ''} ${nonFiniteMessage(control, value)} (${events} of ${plan.notes.length} events)`;
    });
    if (silent === plan.notes.length) throw new UserError(`motif ${command}: the render is silent: ${brokenLines.join('; ')}; nothing written`);
    for (const line of brokenLines) io.stderr(`warning: ${line}\n`);
    renderer = await launching;
    const audio = await renderPlan(plan, { renderer, sampleRate, tailSeconds, sampleMaps: loaded.sampleMaps, ...(seed === undefined ? {} : { seed }) });
    if (process.env.MOTIF_DEBUG) for (const warning of audio.warnings) io.stderr(`page: ${warning}\n`);
    if (audio.peak === 0) {
      const why = audio.noteErrors[0] ?? 'no sound played; are the sound names right?';
      throw new UserError(`motif ${command}: the render is silent (${plan.notes.length} events; ${why}); nothing written`);
    }
    for (const problem of audio.noteErrors) io.stderr(`warning: ${problem}\n`);
    return { audio, plan };
  } catch (error) {
    if (error instanceof Error && error.name === 'BrowserMissingError') throw new UserError(`motif ${command}: ${error.message}`);
    throw error;
  } finally {
    await (renderer ?? (await launching.catch(() => null)))?.close();
  }
}

export async function renderCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs('render', argv, { ...renderOptions, out: { value: true, alias: 'o' } });
  const out = stringOption(args, 'out');
  if (!out) throw new UserError('motif render: missing -o out.wav', USAGE);
  const { audio, plan } = await renderFromArgs('render', args, io);
  await writeOutput('render', io.cwd, out, encodeWav(audio.pcm, audio.channels, audio.sampleRate));
  const clipped = audio.peak > 1 ? `, peak ${audio.peak.toFixed(2)} clipped` : '';
  io.stderr(`wrote ${out}: ${(audio.frames / audio.sampleRate).toFixed(2)} s, ${plan.notes.length} events, ${audio.sampleRate} Hz stereo${clipped}\n`);
  return 0;
}
