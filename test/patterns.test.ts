import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Pattern } from '@strudel/core';
import { evaluate } from '../src/runtime/evaluate.ts';
import { extractExports, patternModulesFromFiles } from '../src/runtime/imports.ts';
import { stripTypes } from '../src/runtime/strip-types.ts';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const dir = join(root, 'patterns');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
const sources = Object.fromEntries(files.map((f) => [join(dir, f), readFileSync(join(dir, f), 'utf8')]));
const patterns = patternModulesFromFiles(sources);
const tsc = join(root, 'node_modules/typescript/bin/tsc');

/** Events with an onset in the first cycles, in a compact, stable form for snapshots. */
function events(pattern: Pattern, cycles: number): string[] {
  return pattern
    .queryArc(0, cycles)
    .filter((hap) => hap.hasOnset())
    .map((hap) => `${hap.whole!.begin.valueOf().toFixed(4)}–${hap.whole!.end.valueOf().toFixed(4)} ${JSON.stringify(hap.value)}`)
    .sort();
}

describe('the pattern library', () => {
  it('has 8–12 modules, each with a title, tags and a licence', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(files.length).toBeLessThanOrEqual(12);
    for (const text of Object.values(sources)) {
      expect(text).toMatch(/@title \S/);
      expect(text).toMatch(/@tags \S/);
      expect(text).toMatch(/@licence AGPL-3\.0-or-later/);
    }
  });

  for (const file of files) {
    const specifier = `patterns/${file.replace(/\.ts$/, '')}`;
    it(`${specifier}: every exported pattern plays, first cycles snapshotted`, async () => {
      const names = extractExports(stripTypes(sources[join(dir, file)]!).code).names;
      expect(names.length).toBeGreaterThan(0);
      let played = 0;
      for (const name of names) {
        const result = await evaluate(`import { ${name} } from "${specifier}"\n${name}`, { patterns });
        expect(result.errors, `${specifier} ${name}`).toEqual([]);
        if (!result.pattern || !result.layers.length) continue; // a string or a function: used by others
        const first = events(result.pattern, 2);
        expect(first.length, `${specifier} ${name} is silent`).toBeGreaterThan(0);
        expect(first).toMatchSnapshot(name);
        played++;
      }
      expect(played).toBeGreaterThan(0);
    });
  }
});

describe('type checking patterns/ (npm run typecheck:patterns)', () => {
  it('passes on the library', async () => {
    const { stdout } = await run(process.execPath, [tsc, '--noEmit', '-p', join(root, 'tsconfig.patterns.json')], { cwd: root }).catch((e: { stdout: string }) => e);
    expect(stdout).toBe('');
  }, 120_000);

  it('fails on a type error, naming the file and the line', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'motif-patterns-'));
    try {
      cpSync(join(root, 'lang'), join(temp, 'lang'), { recursive: true });
      cpSync(dir, join(temp, 'patterns'), { recursive: true });
      cpSync(join(root, 'tsconfig.patterns.json'), join(temp, 'tsconfig.patterns.json'));
      const broken = join(temp, 'patterns', 'grooves.ts');
      const lines = readFileSync(broken, 'utf8').split('\n');
      const at = lines.findIndex((line) => line.includes('s("bd*4"),'));
      lines[at] = lines[at]!.replace('s("bd*4")', 's("bd*4").fasst(2)');
      writeFileSync(broken, lines.join('\n'));
      const result = await run(process.execPath, [tsc, '--noEmit', '-p', join(temp, 'tsconfig.patterns.json')], { cwd: temp }).then(
        () => ({ code: 0, stdout: '' }),
        (e: { code: number; stdout: string }) => e,
      );
      expect(result.code).not.toBe(0);
      expect(result.stdout).toContain(`patterns/grooves.ts(${at + 1},`);
      expect(result.stdout).toMatch(/Property 'fasst' does not exist/);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }, 120_000);
});
