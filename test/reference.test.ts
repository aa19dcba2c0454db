import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declaredDocs } from '../lang/gen/declared-names.ts';
import { runExample } from '../lang/gen/examples.ts';
import { referenceEntries, referenceMarkdown } from '../lang/gen/reference.ts';
import { typecheckUserFiles } from '../lang/gen/typecheck.ts';

const root = new URL('..', import.meta.url).pathname;
const entries = referenceEntries(declaredDocs());
/** At most this many events per example go into the snapshot (all are counted). */
const SHOWN = 24;
const plain = (_key: string, value: unknown) => (typeof value === 'bigint' ? `${value}n` : typeof value === 'function' ? '[function]' : value);

describe('the reference', () => {
  it('is up to date with lang/ (npm run gen:reference)', () => {
    expect(readFileSync(`${root}docs/reference.md`, 'utf8')).toBe(referenceMarkdown(entries));
    expect(JSON.parse(readFileSync(`${root}lang/reference.json`, 'utf8'))).toEqual(JSON.parse(JSON.stringify(entries)));
  });

  it('documents every entry, with examples for the core', () => {
    expect(entries.every((e) => e.description.length > 0)).toBe(true);
    const core = entries.filter((e) => e.section === 'core functions' || e.section === 'core methods' || e.section === 'motif');
    expect(core.filter((e) => e.examples.length === 0).map((e) => e.name)).toEqual([]);
  });

  it('runs every example: no error, events in the first cycle (snapshotted)', async () => {
    const runnable = entries.filter((e) => !e.host).flatMap((e) => e.examples.map((code, i) => ({ key: `${e.kind} ${e.name} #${i + 1}`, code })));
    const failures: string[] = [];
    const snapshot: Record<string, string[]> = {};
    for (const { key, code } of runnable) {
      const run = await runExample(code);
      if (!run.ok) {
        failures.push(`${key}: ${run.error}\n${code}`);
        continue;
      }
      const onsets = run.haps
        .map((hap) => `${hap.whole ? `${hap.whole.begin.valueOf().toFixed(3)}-${hap.whole.end.valueOf().toFixed(3)}` : 'signal'} ${JSON.stringify(hap.value, plain)}`)
        .sort();
      snapshot[key] = onsets.length > SHOWN ? [...onsets.slice(0, SHOWN), `… ${onsets.length} events in all`] : onsets;
    }
    const withExamples = entries.filter((e) => e.examples.length).length;
    console.log(`reference: ${entries.length} entries, ${withExamples} with examples; ${runnable.length} examples run, ${failures.length} failed, ${entries.filter((e) => e.host).length} host-only entries skipped`);
    expect(failures).toEqual([]);
    expect(Object.keys(snapshot).length).toBe(runnable.length);
    expect(snapshot).toMatchSnapshot();
  }, 600_000);

  it('type-checks the examples against the declarations (all of the hand-written ones)', () => {
    const files: Record<string, string> = {};
    const owner: Record<string, (typeof entries)[number]> = {};
    entries.forEach((entry, i) =>
      entry.examples.forEach((code, j) => {
        files[`example${i}_${j}.ts`] = code;
        owner[`example${i}_${j}.ts`] = entry;
      }),
    );
    const diagnostics = typecheckUserFiles(files);
    const failing = new Set(diagnostics.map((d) => d.file));
    const handWritten = [...failing].filter((file) => !['methods', 'functions and values'].includes(owner[file]!.section));
    console.log(`reference examples type-checked: ${Object.keys(files).length}, with type errors: ${failing.size} (generated from Strudel's docs: ${failing.size - handWritten.length})`);
    expect(handWritten.map((file) => `${owner[file]!.name}: ${files[file]}`)).toEqual([]);
    expect(failing.size).toBeLessThan(Object.keys(files).length / 50);
  }, 120_000);
});
