/**
 * Generates lang/generated.d.ts: a declaration for every name the runtime registers that the
 * hand-written files (core.d.ts, motif.d.ts, strings.d.ts) do not declare. Names come from the
 * runtime itself (runtime-names.ts); docs, parameter names and examples from Strudel's JSDoc in
 * node_modules (strudel-jsdoc.ts). Every example is run before it is written: an example that does
 * not make events in its first cycle is replaced by a probed one that does.
 *
 * Run: npm run gen:lang
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPattern, pure } from '@strudel/core';
import { declaredNames, LANG_DIR, langFiles } from './declared-names.ts';
import { runExample } from './examples.ts';
import { LIB_GLOBALS } from './lib-globals.ts';
import { runtimeNames } from './runtime-names.ts';
import { strudelDocs, type StrudelDoc } from './strudel-jsdoc.ts';

/** Functions in the scope that build patterns but have no runnable Strudel example. */
const PATTERN_CONSTRUCTORS = new Set([
  'polymeter', 'polyrhythm', 'pr', 'timeCat', 'timecat', 'stepcat', 's_cat', 's_alt', 'randcat', 'wrandcat',
  'chooseCycles', 'chooseInWith', 'chooseWith', 'chooseIn', 'chooseOut', 'wchoose', 'wchooseCycles', 'sequenceP',
  'stackBy', 'stackLeft', 'stackRight', 'stackCentre', 'arrange', 'binary', 'binaryN', 'binaryL', 'binaryNL',
  'steady', 'signal', 'gap', 'reify', 'pm', 'stepalt', 'randL', 'brandBy', 'seqPLoop', 'slowcatPrime', 'morph',
  'mini', 'm', 'h', 'sequence', 'zip',
]);

const SAMPLE = 'note("c3 e3 g3 b3")';

function memberProbes(name: string, control: boolean): string[] {
  const probes = [
    `${SAMPLE}.${name}(2)`,
    `${SAMPLE}.${name}()`,
    `${SAMPLE}.${name}("<1 2>")`,
    `${SAMPLE}.${name}(x => x.fast(2))`,
    `${SAMPLE}.${name}(2, x => x.fast(2))`,
    `${SAMPLE}.${name}(0.25, 0.75)`,
    `n("0 2 4").${name}("C:major")`,
    `${SAMPLE}.${name}(note("c4 e4"))`,
    `s("bd sd").${name}("x ~ x x")`,
    `${SAMPLE}.${name}(3, 8)`,
    `${SAMPLE}.${name}(4, 0.5, 0.5)`,
    `${SAMPLE}.${name}(x => x)`,
    `n("<0 1>").${name}([note("c3 e3"), note("g3 b3")])`,
    `s("bd sd").${name}("<0 1>", [x => x.fast(2), x => x.rev()])`,
    `note("<c3 e3>").${name}(x => note(x))`,
  ];
  return control ? [`s("bd sd hh sd").${name}(0.5)`, ...probes] : probes;
}

function functionProbes(name: string): string[] {
  return [
    `${name}(2, ${SAMPLE})`,
    `${name}(0.5, s("bd sd hh sd"))`,
    `${name}(x => x.fast(2), ${SAMPLE})`,
    `${name}("C:major", n("0 2 4"))`,
    `${name}(${SAMPLE})`,
    `note(${name}("c3 e3", "g3"))`,
    `note(${name}("c3", "e3", "g3"))`,
    `note(${name}(["c3", "e3"], ["g3"]))`,
    `note(${name}([1, "c3 e3"], [2, "g3"]))`,
    `n(${name}(4)).scale("C:major")`,
    `n(${name}(5)).scale("C:major")`,
    `s(${name}("bd sd", "hh"))`,
    `s("hh*8").struct(${name}(5))`,
    `${name}(0.5)`,
  ];
}

function signalProbes(name: string): string[] {
  return [`n(${name}.segment(4).range(0, 7)).scale("C:minor")`, `s("hh*8").gain(${name})`, `s("hh*8").mask(${name})`, `${name}`];
}

async function firstWorking(candidates: string[]): Promise<string | undefined> {
  for (const code of candidates) if ((await runExample(code)).ok) return code;
  return undefined;
}

/** Strudel's JSDoc types are not precise enough to reject calls on: only callbacks are typed. */
function paramType(type: string): string {
  return /^\s*function\s*$/i.test(type) ? 'Callback' : 'Arg';
}

function identifier(name: string, taken: Set<string>): string {
  let id = name.split('.').pop()!.replace(/[^\w$]/g, '_');
  if (!/^[A-Za-z_$]/.test(id) || ['function', 'default', 'new', 'class', 'in', 'delete', 'this'].includes(id)) id = `_${id}`;
  while (taken.has(id)) id = `${id}_`;
  taken.add(id);
  return id;
}

function paramList(doc: StrudelDoc | undefined): string {
  const taken = new Set<string>(['rest']);
  const params = (doc?.params ?? []).filter((p) => !p.name.includes('.') && p.name !== 'pat' && p.name !== 'pattern');
  return [...params.map((p) => `${identifier(p.name, taken)}?: ${paramType(p.type)}`), '...rest: Arg[]'].join(', ');
}

function comment(lines: string[], indent: string): string {
  const body = lines.flatMap((line) => line.split('\n')).map((line) => `${indent} *${line ? ` ${line.replace(/\*\//g, '*\\/')}` : ''}`);
  return `${indent}/**\n${body.join('\n')}\n${indent} */`;
}

function docLines(doc: StrudelDoc | undefined, fallback: string, example: string | undefined, aliasOf?: string): string[] {
  const lines: string[] = [];
  if (aliasOf) lines.push(`Alias of \`${aliasOf}\`.`);
  lines.push(doc?.description || fallback);
  for (const p of doc?.params ?? []) if (!p.name.includes('.')) lines.push(`@param ${identifier(p.name, new Set())} ${p.text}`.trimEnd());
  if (example) lines.push('@example', example);
  if (doc) lines.push(`@see ${doc.source}`);
  return lines;
}

interface Stats {
  members: number;
  globals: number;
  strudelExamples: number;
  probedExamples: number;
  withoutExample: string[];
}

async function main(): Promise<void> {
  const runtime = await runtimeNames();
  const hand = declaredNames(langFiles().filter((f) => !f.endsWith('generated.d.ts')));
  const docs = strudelDocs();
  const stats: Stats = { members: 0, globals: 0, strudelExamples: 0, probedExamples: 0, withoutExample: [] };
  const isControlName = runtime.scopeValues.isControlName as (name: string) => boolean;

  /** Examples of the names bound to the same function (aliases), rewritten to use `name`. */
  const twinExamples = (name: string): string[] => {
    const fn = runtime.descriptors[name]?.value ?? runtime.scopeValues[name];
    if (typeof fn !== 'function') return [];
    const twins = runtime.methods.filter((other) => other !== name && runtime.descriptors[other]!.value === fn);
    return twins.flatMap((twin) => (docs.get(twin)?.examples ?? []).filter((e) => e.includes(`.${twin}(`)).map((e) => e.replaceAll(`.${twin}(`, `.${name}(`)));
  };

  const pickExample = async (name: string, doc: StrudelDoc | undefined, probes: string[]): Promise<string | undefined> => {
    const own = (doc?.examples ?? []).sort((a, b) => Number(b.includes(name)) - Number(a.includes(name)));
    // A synonym shares its main name's doc: use the main name's examples, calling the synonym.
    const main = doc && doc.name !== name ? own.filter((e) => e.includes(`.${doc.name}(`)).map((e) => e.replaceAll(`.${doc.name}(`, `.${name}(`)) : [];
    const fromDoc = await firstWorking([...own.filter((e) => e.includes(name)), ...main, ...twinExamples(name)]);
    if (fromDoc) return stats.strudelExamples++, fromDoc;
    const probed = await firstWorking(probes);
    if (probed) return stats.probedExamples++, probed;
    stats.withoutExample.push(name);
    return undefined;
  };

  // Pattern members.
  const memberOut: string[] = [];
  const sample = pure(1) as unknown as object;
  const methodExamples = new Map<string, string>();
  for (const name of runtime.methods) {
    if (hand.members.has(name)) continue;
    const descriptor = runtime.descriptors[name]!;
    const doc = docs.get(name);
    if (descriptor.get) {
      if (/^d\d$/.test(name)) {
        const example = `s("bd sd").${name}`;
        memberOut.push(comment([`Names the pattern as layer ${name}, the same as \`${name}:\` before it.`, '@example', example], '  '), `  readonly ${name}: Pattern;`);
        stats.probedExamples++;
      } else {
        let value: unknown;
        try {
          value = descriptor.get.call(sample);
        } catch {
          value = undefined;
        }
        const operator = typeof value === 'function' && 'squeeze' in (value as object);
        const example = operator ? await pickExample(name, doc, memberProbes(name, false)) : undefined;
        if (!operator) stats.withoutExample.push(name);
        memberOut.push(comment(docLines(doc, operator ? `The \`${name}\` operator: combines values with another pattern.` : `Pattern property \`${name}\`.`, example), '  '));
        memberOut.push(operator ? `  readonly ${name}: OperatorMethod;` : `  readonly ${name}: unknown;`);
        if (example) methodExamples.set(name, example);
      }
    } else if (typeof descriptor.value !== 'function') {
      stats.withoutExample.push(name);
      memberOut.push(comment([doc?.description || `Pattern property \`${name}\` (internal to Strudel's stepwise functions).`], '  '), `  readonly ${name}: unknown;`);
    } else {
      const canonical = runtime.methods.find((other) => other !== name && runtime.descriptors[other]!.value === descriptor.value && (hand.members.has(other) || docs.get(other)?.name === other));
      if (canonical && hand.members.has(canonical)) {
        const example = await pickExample(name, undefined, [`${SAMPLE}.${name}(2)`, `s("bd sd").${name}(0.5)`, ...memberProbes(name, false)]);
        memberOut.push(comment(docLines(undefined, `Alias of \`.${canonical}()\`: see there.`, example), '  '), `  readonly ${name}: Pattern['${canonical}'];`);
        if (example) methodExamples.set(name, example);
      } else {
        const control = isControlName(name);
        const example = await pickExample(name, doc, memberProbes(name, control));
        const fallback = control ? `Sets the \`${name}\` control on each event (read by the sound engine).` : `Pattern method \`${name}\` from Strudel.`;
        memberOut.push(comment(docLines(doc, fallback, example, canonical && canonical !== name ? canonical : undefined), '  '), `  ${name}(${paramList(doc)}): Pattern;`);
        if (example) methodExamples.set(name, example);
      }
    }
    stats.members++;
  }

  // Global values.
  const globalOut: string[] = [];
  for (const name of runtime.scope) {
    if (hand.globals.has(name) || LIB_GLOBALS.has(name)) continue;
    const value = runtime.scopeValues[name];
    const doc = docs.get(name);
    stats.globals++;
    if (isPattern(value)) {
      const example = await pickExample(name, doc, signalProbes(name));
      globalOut.push(comment(docLines(doc, `The pattern \`${name}\`.`, example), ''), `declare const ${name}: Pattern;`);
    } else if (typeof value === 'function') {
      const classLike = /^[A-Z]/.test(name) && Object.getOwnPropertyNames((value as { prototype?: object }).prototype ?? {}).length > 1;
      if (name === 'Pattern') {
        stats.withoutExample.push(name);
        globalOut.push(comment(['The Pattern class: `new Pattern(query)` makes a pattern from a query function.'], ''), 'declare const Pattern: new (query: (state: never) => Hap[]) => Pattern;');
      } else if (classLike) {
        stats.withoutExample.push(name);
        globalOut.push(comment(docLines(doc, `Strudel's \`${name}\` class, exposed in the scope.`, undefined), ''), `declare const ${name}: new (...args: Arg[]) => unknown;`);
      } else if (runtime.methods.includes(name)) {
        const example = (await pickExample(name, doc, functionProbes(name))) ?? methodExamples.get(name);
        if (example && stats.withoutExample.at(-1) === name) stats.withoutExample.pop();
        globalOut.push(comment(docLines(doc, `Function form of \`.${name}()\`: the pattern comes last.`, example), ''), `declare function ${name}(${paramList(doc)}): Pattern;`);
      } else if (PATTERN_CONSTRUCTORS.has(name) || (doc?.examples.length ?? 0) > 0) {
        const example = await pickExample(name, doc, PATTERN_CONSTRUCTORS.has(name) ? functionProbes(name) : []);
        const returns = example || PATTERN_CONSTRUCTORS.has(name) ? 'Pattern' : 'unknown';
        globalOut.push(comment(docLines(doc, `Builds a pattern: \`${name}\`.`, example), ''), `declare function ${name}(${paramList(doc)}): ${returns};`);
      } else {
        stats.withoutExample.push(name);
        globalOut.push(comment(docLines(doc, `Runtime helper from @strudel/*, exposed in the scope; not a pattern function.`, undefined), ''), `declare function ${name}(...args: Arg[]): unknown;`);
      }
    } else {
      stats.withoutExample.push(name);
      const type = typeof value === 'string' ? 'string' : value === undefined ? 'undefined' : '{ readonly [key: string]: unknown }';
      globalOut.push(comment(docLines(doc, `Runtime value \`${name}\` from @strudel/*, exposed in the scope.`, undefined), ''), `declare const ${name}: ${type};`);
    }
  }

  const header = [
    '// Generated by lang/gen/generate.ts (npm run gen:lang) from the names the runtime registers and the',
    '// JSDoc of the installed @strudel/* packages. Do not edit: change core.d.ts or motif.d.ts instead.',
    `// ${stats.members} Pattern members, ${stats.globals} globals. Examples: ${stats.strudelExamples} from Strudel's docs, ${stats.probedExamples} probed, ${stats.withoutExample.length} names without one.`,
    '',
  ];
  const text = [...header, 'interface Pattern {', ...memberOut, '}', '', ...globalOut, ''].join('\n');
  writeFileSync(join(LANG_DIR, 'generated.d.ts'), text);
  console.log(header[2]!.slice(3));
  console.log(`Without example: ${stats.withoutExample.join(' ')}`);
}

await main();
process.exit(0);
