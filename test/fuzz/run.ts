/**
 * Runs fuzz cases against Motif's entry points and sorts what happens: fine, a user error with a
 * position, or a failure (an internal error, an error without a position, a crash, a hang).
 */
import { Fraction, State, TimeSpan } from '@strudel/core';
import { parseContinueOptions } from '../../src/ai/transformers/options.ts';
import { AiCallError } from '../../src/ai/transformers/errors.ts';
import { decodeSmf, SmfError } from '../../src/midi-file/smf.ts';
import { ImportLimitError, trackToCode } from '../../src/midi-file/to-code.ts';
import { withDeadline } from '../../src/runtime/deadline.ts';
import { explainLibraryError } from '../../src/runtime/library-errors.ts';
import { evaluate } from '../../src/runtime/evaluate.ts';
import { midiFile, miniString, optionValue, quoted, randomFor } from './generators.ts';

/** Messages that are a bug's, not a user's: JavaScript's own errors leaking out of a library. */
const LEAKS = /Cannot read propert|is not a function|is not iterable|of undefined|of null|undefined is not|Maximum call stack|Invalid string length|Invalid array length|Invalid argument|\[object Object\]|unreachable|internal error/i;

/**
 * An internal error: a library's own error with no word of Motif's around it. Motif's wrapper
 * ("Mini-notation "…" cannot be read (…)", at the string's position) says what and where.
 */
const isInternal = (message: string): boolean => LEAKS.test(message) && !/\((Invalid argument|Maximum call stack size exceeded|Invalid array length)\)$/.test(message);

/** The longest a case may take before it counts as a hang. */
export const HANG_MS = 3000;

export interface FuzzReport {
  cases: number;
  ok: number;
  userErrors: number;
  failures: string[];
  slowestMs: number;
}

const emptyReport = (): FuzzReport => ({ cases: 0, ok: 0, userErrors: 0, failures: [], slowestMs: 0 });

function timed<T>(report: FuzzReport, label: string, body: () => Promise<T> | T): Promise<T | undefined> {
  const started = Date.now();
  return Promise.resolve()
    .then(body)
    .catch((error: unknown) => {
      report.failures.push(`${label}: crashed: ${error instanceof Error ? error.stack?.split('\n').slice(0, 2).join(' ') : String(error)}`);
      return undefined;
    })
    .finally(() => {
      const ms = Date.now() - started;
      report.slowestMs = Math.max(report.slowestMs, ms);
      if (ms > HANG_MS) report.failures.push(`${label}: took ${ms} ms`);
    });
}

/** Mini-notation in `note("…")`: evaluates, then queries two cycles. */
export async function fuzzMini(seed: number, cases: number): Promise<FuzzReport> {
  const report = emptyReport();
  const random = randomFor(seed);
  for (let i = 0; i < cases; i++) {
    const mini = miniString(random);
    const code = `note("${quoted(mini)}")`;
    const label = `mini #${i} ${JSON.stringify(mini)}`;
    report.cases++;
    await timed(report, label, async () => {
      const result = await evaluate(code);
      for (const error of result.errors) {
        if (!(error.line >= 1 && error.column >= 1)) report.failures.push(`${label}: error without a position: ${error.message}`);
        if (isInternal(error.message)) report.failures.push(`${label}: internal error: ${error.message}`);
      }
      if (result.errors.length) {
        report.userErrors++;
        return;
      }
      try {
        // Cycles 0 and 1 as the scheduler plays them, in 1/64-cycle windows, up to 5,000 events
        // (patterns may be huge, "-1 .. 199999": the scheduler thins those).
        withDeadline(HANG_MS, () => {
          let events = 0;
          const until = Date.now() + 1000;
          for (let i = 0; i < 128 && events < 5000 && Date.now() < until; i++) events +=  result.pattern!.query(new State(new TimeSpan(Fraction(`${i}/64`), Fraction(`${i + 1}/64`)))).length;
        });
        report.ok++;
      } catch (error) {
        // As the scheduler shows it: at the layer's position, the library's words explained.
        const message = explainLibraryError(error instanceof Error ? error.message : String(error));
        if (isInternal(message)) report.failures.push(`${label}: internal error while playing: ${message}`);
        else report.userErrors++;
      }
    });
  }
  return report;
}

/** `.continue()` options: accepted, or refused with an error naming the option. */
export async function fuzzOptions(seed: number, cases: number): Promise<FuzzReport> {
  const report = emptyReport();
  const random = randomFor(seed);
  for (let i = 0; i < cases; i++) {
    const value = optionValue(random);
    const label = `options #${i}`;
    report.cases++;
    await timed(report, label, () => {
      try {
        parseContinueOptions(value);
        report.ok++;
      } catch (error) {
        if (!(error instanceof AiCallError)) report.failures.push(`${label}: ${String(error)}`);
        else if (isInternal(error.message)) report.failures.push(`${label}: internal error: ${error.message}`);
        else report.userErrors++;
      }
    });
  }
  return report;
}

/** MIDI files through `motif import`'s reading: a song and code, or an error that says what is wrong. */
export async function fuzzMidi(seed: number, cases: number): Promise<FuzzReport> {
  const report = emptyReport();
  const random = randomFor(seed);
  for (let i = 0; i < cases; i++) {
    const bytes = midiFile(random);
    const label = `midi #${i} (${bytes.length} bytes)`;
    report.cases++;
    await timed(report, label, () => {
      try {
        const song = decodeSmf(bytes);
        for (const track of song.tracks) if (track.notes.length) trackToCode(song, track.notes);
        report.ok++;
      } catch (error) {
        if (!(error instanceof SmfError || error instanceof ImportLimitError)) report.failures.push(`${label}: ${String(error)}`);
        else if (isInternal(error.message)) report.failures.push(`${label}: internal error: ${error.message}`);
        else report.userErrors++;
      }
    });
  }
  return report;
}
