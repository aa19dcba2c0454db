import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { declaredDocs, langFiles } from '../lang/gen/declared-names.ts';
import { LIB_GLOBALS } from '../lang/gen/lib-globals.ts';
import { runtimeNames, type RuntimeNames } from '../lang/gen/runtime-names.ts';
import { typecheckUserFiles, type UserDiagnostic } from '../lang/gen/typecheck.ts';

describe('lang/ declares exactly what the runtime registers', () => {
  let runtime: RuntimeNames;
  let globals: Set<string>;
  let members: Set<string>;
  let hostMembers: Set<string>;

  beforeAll(async () => {
    runtime = await runtimeNames();
    const docs = declaredDocs();
    globals = new Set(docs.filter((d) => d.kind === 'global').map((d) => d.name));
    members = new Set(docs.filter((d) => d.kind === 'member' && !('host' in d.tags)).map((d) => d.name));
    hostMembers = new Set(docs.filter((d) => d.kind === 'member' && 'host' in d.tags).map((d) => d.name));
  });

  it('declares every registered name and nothing else', () => {
    const scope = runtime.scope.filter((name) => !LIB_GLOBALS.has(name));
    const undeclaredScope = scope.filter((name) => !globals.has(name));
    const undeclaredMethods = runtime.methods.filter((name) => !members.has(name));
    const phantomGlobals = [...globals].filter((name) => !runtime.scope.includes(name));
    const phantomMembers = [...members].filter((name) => !runtime.methods.includes(name));
    const declaredScope = scope.length - undeclaredScope.length;
    const declaredMethods = runtime.methods.length - undeclaredMethods.length;
    console.log(
      [
        `lang coverage: scope ${declaredScope}/${scope.length} (${((100 * declaredScope) / scope.length).toFixed(1)}%),`,
        `Pattern methods ${declaredMethods}/${runtime.methods.length} (${((100 * declaredMethods) / runtime.methods.length).toFixed(1)}%);`,
        `declared but not registered: ${phantomGlobals.length + phantomMembers.length};`,
        `host-installed (not in the core runtime): ${[...hostMembers].sort().join(', ')};`,
        `standard-library names: ${[...LIB_GLOBALS].join(', ')}`,
      ].join(' '),
    );
    expect(undeclaredScope).toEqual([]);
    expect(undeclaredMethods).toEqual([]);
    expect(phantomGlobals).toEqual([]);
    expect(phantomMembers).toEqual([]);
    for (const name of LIB_GLOBALS) expect(name in globalThis).toBe(true);
  });

  it('is not fooled: a name the runtime lacks would be reported', () => {
    expect(runtime.methods).toContain('fast');
    expect(runtime.methods).not.toContain('fasst');
    expect(runtime.scope).toContain('note');
    expect(runtime.scope).toContain('setcps'); // evaluate()'s own names count too
    expect(runtime.methods).toContain('p'); // installed by the runtime's setup
  });

  it('uses no `any` anywhere in lang/', () => {
    const offenders: string[] = [];
    for (const file of langFiles()) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.AnyKeyword) offenders.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(offenders).toEqual([]);
  });

  it('gives every declaration a doc comment', () => {
    const undocumented = declaredDocs().filter((d) => !d.description && !d.examples.length).map((d) => d.name);
    expect(undocumented).toEqual([]);
  });
});

/** Each case: code whose line `line` holds one bad call, and what the diagnostic says. */
const BAD: { code: string; line: number; says: RegExp }[] = [
  { code: 's("bd sd").fasst(2)', line: 1, says: /fasst.*Did you mean 'fast'/ },
  { code: '$: note("c3 e3")\n$: s("hh*8").lfp(800)', line: 2, says: /lfp/ },
  { code: 'nte("c3 e3")', line: 1, says: /Cannot find name 'nte'/ },
  { code: '"c e g".fsat(2)', line: 1, says: /fsat/ },
  { code: 'note("c3").fast()', line: 1, says: /Expected 1 arguments, but got 0/ },
  { code: 'note("c3").slow(true)', line: 1, says: /boolean.*NumberPattern/ },
  { code: 's("bd").every(2)', line: 1, says: /Expected 2 arguments, but got 1/ },
  { code: 's("bd").every(2, 3)', line: 1, says: /number.*Transform/ },
  { code: 's("hh*8").sometimes()', line: 1, says: /Expected 1 arguments/ },
  { code: 's("hh*8").sometimes("x")', line: 1, says: /string.*Transform/ },
  { code: 'n("0 2 4").scale(4)', line: 1, says: /number.*StringPattern/ },
  { code: 'n("0 2 4").scale()', line: 1, says: /Expected 1 arguments/ },
  { code: 's("bd").gain({ level: 1 })', line: 1, says: /'level' does not exist/ },
  { code: 'note(true)', line: 1, says: /boolean.*NotePattern/ },
  { code: 's(42)', line: 1, says: /number/ },
  { code: 'stack(s("bd"), () => 1)', line: 1, says: /not assignable to parameter of type 'PatternArg'/ },
  { code: 'note("c3").off(0.25)', line: 1, says: /Expected 2 arguments/ },
  { code: 'note("c3").jux("rev")', line: 1, says: /string.*Transform/ },
  { code: 's("bd").euclid(3)', line: 1, says: /Expected 2 arguments/ },
  { code: 'note("c3").lpf("800").hpf()', line: 1, says: /Expected 1 arguments/ },
  { code: 's("bd").degradeBy(x => x)', line: 1, says: /NumberPattern/ },
  { code: 'chord("<C Am>").voicing(2)', line: 1, says: /Expected 0 arguments, but got 1/ },
  { code: 'setcps()', line: 1, says: /Expected 1 arguments/ },
  { code: 'n(sine.segmnt(8))', line: 1, says: /segmnt/ },
  { code: 'note("c3").transpose([1, 2]) // fine\nnote("c3").add.squeez(2)', line: 2, says: /squeez/ },
  { code: '$: s("bd")\n\n$: note("c e").struct(3)', line: 3, says: /'3' is not assignable/ },
];

/** Code that is fine: the checker must accept it (so the cases above fail for their reason). */
const GOOD = [
  'setcps(0.5)\n$: s("bd*2, ~ sd").bank("RolandTR909").gain(0.9)\n$: note("c2 [eb2 g2]").s("sawtooth").lpf(sine.range(300, 2000).slow(4))',
  '"c e g".fast(2)',
  'const bass: Pattern = n("0 <3 5>").scale("C2:minor")\nbass.every(4, x => x.rev()).sometimes(x => x.speed(2))',
  'chord("<Dm7 G7 C^7>").voicing().room(0.4)',
  'stack(s("bd"), "hh*4".s(), note("c3").off(0.125, x => x.add(7)))',
  'n(run(8)).scale("C:major").sub(2).add.squeeze("0 12")',
  'const note = 3\nn(note)',
];

describe('the checker catches bad calls at their line', () => {
  let diagnostics: UserDiagnostic[];
  beforeAll(() => {
    const files: Record<string, string> = {};
    BAD.forEach((c, i) => (files[`bad${i}.ts`] = c.code));
    GOOD.forEach((code, i) => (files[`good${i}.ts`] = code));
    diagnostics = typecheckUserFiles(files);
  });

  it(`flags ${BAD.length} known-bad calls, each at its line`, () => {
    expect(BAD.length).toBeGreaterThanOrEqual(20);
    const missed = BAD.flatMap((c, i) => {
      const found = diagnostics.filter((d) => d.file === `bad${i}.ts`);
      const hit = found.some((d) => d.line === c.line && c.says.test(d.message));
      return hit ? [] : [`${c.code} → ${found.map((d) => `${d.line}: ${d.message}`).join(' | ') || 'no diagnostic'}`];
    });
    expect(missed).toEqual([]);
  });

  it('accepts correct code, including strings as patterns and $: labels', () => {
    const good = diagnostics.filter((d) => d.file.startsWith('good'));
    expect(good.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
  });
});
