import { describe, expect, it } from 'vitest';
import type { Pattern } from '@strudel/core';
import { evaluate } from '../src/runtime/evaluate.ts';
import { patternModulesFromFiles } from '../src/runtime/imports.ts';
import { stripTypes } from '../src/runtime/strip-types.ts';

function values(pattern: Pattern | null) {
  if (!pattern) throw new Error('no pattern');
  return pattern.queryArc(0, 1).filter((h) => h.hasOnset()).map((h) => h.value);
}

describe('type stripping', () => {
  it('blanks type syntax and keeps every offset, double quotes and labels', () => {
    const code = 'const bass: Pattern = note("c2 eb2" as string)!\ninterface X { a: number }\n$: bass.fast(2 satisfies number)';
    const { code: out, unsupported } = stripTypes(code);
    expect(unsupported).toEqual([]);
    expect(out).toHaveLength(code.length);
    expect(out.split('\n').map((l) => l.length)).toEqual(code.split('\n').map((l) => l.length));
    expect(out).toContain('note("c2 eb2"');
    expect(out).toContain('$: bass.fast(2');
    expect(out).not.toMatch(/Pattern|interface|as string|satisfies/);
  });

  it('strips generics, optional parameters, type-only imports and class modifiers', () => {
    const code = 'import { type A, groove } from "patterns/x"\nfunction f<T>(p?: T): T | undefined { return p }\nclass K implements A { private readonly k: number = 1 }\nconst g = f<number>(2)';
    const out = stripTypes(code).code;
    expect(out).toMatch(/^import \{\s+groove \} from "patterns\/x"/);
    expect(out).toMatch(/function f\s+\(p\s+\)\s+\{ return p \}/);
    expect(out).toMatch(/class K\s+\{\s+k\s+= 1 \}/);
    expect(out).toMatch(/const g = f\s+\(2\)/);
  });

  it('reports enums instead of miscompiling them', () => {
    expect(stripTypes('enum E { A }').unsupported[0]!.message).toMatch(/enums/);
  });
});

describe('evaluate() with TypeScript', () => {
  it('runs annotated code with the same events as plain code', async () => {
    const typed = await evaluate('const degrees: string = "0 2 4"\nconst root = (name: string): Pattern => n(degrees).scale(name)\nroot("C:minor")');
    const plain = await evaluate('n("0 2 4").scale("C:minor")');
    expect(typed.errors).toEqual([]);
    expect(values(typed.pattern)).toEqual(values(plain.pattern));
  });

  it('keeps mini-notation locations pointing at the user\'s text', async () => {
    const code = 'const x: number = 2\n$: note("c3 e3" as string).fast(x)';
    const result = await evaluate(code);
    expect(result.errors).toEqual([]);
    const located = result.pattern!.queryArc(0, 1).map((h) => h.context.locations![0]!);
    expect(located.map((l) => code.slice(l.start, l.end)).sort()).toEqual(['c3', 'c3', 'e3', 'e3']);
    expect(result.layers[0]!.position).toEqual({ line: 2, column: 1 });
  });

  it('reports runtime errors at the line of the TypeScript code', async () => {
    const result = await evaluate('const a: number = 1\ninterface I { x: string }\ns("bd").fasst(a)');
    expect(result.errors[0]).toMatchObject({ line: 3, column: 9 });
  });

  it('evaluates code with type errors anyway (the editor shows them)', async () => {
    const result = await evaluate('const n2: string = 3\nnote("c3 e3").fast(n2)');
    expect(result.errors).toEqual([]);
    expect(values(result.pattern)).toHaveLength(6);
  });
});

describe('imports of pattern modules', () => {
  const patterns = patternModulesFromFiles({
    '/repo/patterns/drums.ts': '/** title: drums */\nexport const kick: Pattern = s("bd*4")\nexport const hats = s("hh*8")\nconst hidden = 1\n',
    '/repo/patterns/song.ts': 'import { kick } from "patterns/drums"\nexport const song = stack(kick, note("c2"))\n',
    '/repo/patterns/a.ts': 'import { b } from "patterns/b"\nexport const a = b\n',
    '/repo/patterns/b.ts': 'import { a } from "patterns/a"\nexport const b = a\n',
  });

  it('binds imported names from the evaluated module', async () => {
    const code = 'import { kick, hats as h } from "patterns/drums"\n$: kick\n$: h.gain(0.5)';
    const result = await evaluate(code, { patterns });
    expect(result.errors).toEqual([]);
    expect(result.layers.map((l) => l.position.line)).toEqual([2, 3]);
    expect(values(result.pattern)).toHaveLength(12);
  });

  it('lets modules import modules, and drops module offsets from the haps', async () => {
    const result = await evaluate('import { song } from "patterns/song"\nsong.fast("2")', { patterns });
    expect(result.errors).toEqual([]);
    const haps = result.pattern!.queryArc(0, 1);
    expect(haps).toHaveLength(10);
    expect(haps.every((h) => (h.context.locations ?? []).every((l) => l.start > 36))).toBe(true);
  });

  it('reports a missing module, a missing export and a cycle at the import', async () => {
    const missing = await evaluate('s("bd")\nimport { x } from "patterns/nope"', { patterns });
    expect(missing.errors[0]).toMatchObject({ line: 2, column: 1 });
    expect(missing.errors[0]!.message).toMatch(/patterns\/nope/);
    const noExport = await evaluate('import { hidden } from "patterns/drums"\nhidden', { patterns });
    expect(noExport.errors[0]!.message).toMatch(/no export named hidden/);
    const cycle = await evaluate('import { a } from "patterns/a"\na', { patterns });
    expect(cycle.errors[0]!.message).toMatch(/cycle/);
  });

  it('rejects imports of anything but pattern modules', async () => {
    const result = await evaluate('import fs from "node:fs"\ns("bd")', { patterns });
    expect(result.errors[0]!.message).toMatch(/Only pattern modules/);
  });
});
