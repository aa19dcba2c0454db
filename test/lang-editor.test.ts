import { beforeAll, describe, expect, it } from 'vitest';
import { bundledTypeFiles } from '../src/editor/types/files.ts';
import { createTypeClient, type WorkerLike } from '../src/editor/types/client.ts';
import type { Request, Response, TypeService } from '../src/editor/types/protocol.ts';
import { createTypeService } from '../src/editor/types/service.ts';

describe('bundled type files (what the worker loads, offline)', () => {
  it('has the ES2022 standard library, lang/ and patterns/', () => {
    expect(Object.keys(bundledTypeFiles.libs)).toEqual(expect.arrayContaining(['lib.es5.d.ts', 'lib.es2022.d.ts', 'lib.decorators.d.ts']));
    expect(Object.keys(bundledTypeFiles.libs).some((name) => name.includes('dom'))).toBe(false);
    expect(Object.keys(bundledTypeFiles.lang).sort()).toEqual(['core.d.ts', 'generated.d.ts', 'midi.d.ts', 'motif.d.ts', 'strings.d.ts']);
    expect(Object.keys(bundledTypeFiles.patterns)).toContain('grooves.ts');
  });
});

describe('the type service behind the editor', () => {
  let service: TypeService;
  const errors: unknown[] = [];
  beforeAll(() => {
    service = createTypeService(bundledTypeFiles, (error) => errors.push(error));
  });

  it('reports a misspelt method at its offset in the user\'s code', () => {
    const code = '$: s("bd sd")\n$: note("c3 e3").fasst(2)';
    service.update(code);
    const found = service.diagnostics();
    expect(found).toHaveLength(1);
    expect(code.slice(found[0]!.from, found[0]!.to)).toBe('fasst');
    expect(found[0]!.message).toMatch(/Did you mean 'fast'/);
    expect(found[0]!.severity).toBe('error');
  });

  it('accepts correct code with labels, strings as patterns and imports from patterns/', () => {
    service.update('import { groove } from "patterns/grooves"\nsetcps(0.5)\n$: groove.every(4, x => x.fast(2))\n$: "c3 e3".note().s("sawtooth")');
    expect(service.diagnostics()).toEqual([]);
  });

  it('completes methods after a dot, with signature and docs', () => {
    const code = 's("bd sd").fa';
    service.update(code);
    const list = service.completions(code.length, false)!;
    expect(list.from).toBe(code.length - 2);
    const labels = list.items.map((item) => item.label);
    expect(labels).toContain('fast');
    expect(labels.every((label) => !label.startsWith('_'))).toBe(true);
    const docs = service.completionDocs(code.length, 'fast')!;
    expect(docs.signature).toMatch(/fast\(factor: NumberPattern\): Pattern/);
    expect(docs.documentation).toMatch(/Speeds the pattern up/);
    expect(docs.tags.find((tag) => tag.name === 'example')!.text).toMatch(/fast\(2\)/);
  });

  it('completes pattern methods on a double-quoted string too', () => {
    const code = '"c e g".';
    service.update(code);
    expect(service.completions(code.length, false)!.items.map((item) => item.label)).toEqual(expect.arrayContaining(['fast', 'scale', 'lpf']));
  });

  it('completes global functions in an empty context when asked', () => {
    service.update('');
    expect(service.completions(0, false)).toBeNull();
    expect(service.completions(0, true)!.items.map((item) => item.label)).toEqual(expect.arrayContaining(['note', 'stack', 'sine']));
  });

  it('shows hover docs', () => {
    const code = 'n("0 2 4").scale("C:minor")';
    service.update(code);
    const docs = service.hover(code.indexOf('scale') + 2)!;
    expect(code.slice(docs.from, docs.to)).toBe('scale');
    expect(docs.signature).toMatch(/scale\(name: StringPattern\): Pattern/);
    expect(docs.documentation).toMatch(/scale degrees/);
  });

  it('shows the Pattern docs on a double-quoted string\'s method', () => {
    const code = '"c e".fast(2)';
    service.update(code);
    const docs = service.hover(code.indexOf('fast') + 1)!;
    expect(docs.signature).toBe('(method) fast(factor: NumberPattern): Pattern');
    expect(docs.documentation).toMatch(/Speeds the pattern up/);
  });

  it('never throws on broken code or positions out of range; type errors stay diagnostics', () => {
    for (const code of ['note("c3".', ')))', 's("bd").every(2, 3)', 'const x: = ', '\u0000"', 'enum E { A }']) {
      service.update(code);
      expect(() => service.diagnostics()).not.toThrow();
      expect(() => service.completions(code.length + 50, true)).not.toThrow();
      expect(() => service.hover(-5)).not.toThrow();
      expect(() => service.completionDocs(9999, 'nothing')).not.toThrow();
    }
    service.update('s("bd").every(2, 3)');
    expect(service.diagnostics()[0]!.message).toMatch(/Transform/);
    expect(errors).toEqual([]);
  });
});

/** A stand-in Worker that runs the service in-process, through the real message protocol. */
function inProcessWorker(service: TypeService, crash = false): WorkerLike {
  const listeners: ((event: MessageEvent<Response>) => void)[] = [];
  const errorListeners: ((event: Event) => void)[] = [];
  return {
    postMessage(request: Request) {
      queueMicrotask(() => {
        if (crash) {
          for (const listener of errorListeners) listener({ message: 'boom' } as unknown as Event);
          return;
        }
        const call = service[request.method] as (...args: unknown[]) => unknown;
        const response: Response = { id: request.id, result: call(...request.params) };
        for (const listener of listeners) listener({ data: response } as MessageEvent<Response>);
      });
    },
    addEventListener(type: 'message' | 'error', listener: ((event: MessageEvent<Response>) => void) | ((event: Event) => void)) {
      if (type === 'message') listeners.push(listener as (event: MessageEvent<Response>) => void);
      else errorListeners.push(listener as (event: Event) => void);
    },
    terminate() {},
  };
}

describe('the client protocol', () => {
  it('answers calls in order through messages', async () => {
    const client = createTypeClient(() => inProcessWorker(createTypeService(bundledTypeFiles)));
    void client.call('update', 's("bd").lfp(300)');
    const found = await client.call('diagnostics');
    expect(found![0]!.message).toMatch(/lfp/);
    client.dispose();
  });

  it('strips TypeScript for evaluate() in the worker, keeping every offset', async () => {
    const { workerTypeStripper } = await import('../src/editor/types/index.ts');
    const { evaluate } = await import('../src/runtime/evaluate.ts');
    const client = createTypeClient(() => inProcessWorker(createTypeService(bundledTypeFiles)));
    const code = 'const root: string = "c3"\n$: note(root).s("sine" as string)';
    let calls = 0;
    const strip = workerTypeStripper(client);
    const result = await evaluate(code, { stripTypes: (text) => (calls++, strip(text)) });
    expect(calls).toBe(1);
    expect(result.errors).toEqual([]);
    const [hap] = result.pattern!.queryArc(0, 1);
    expect(hap!.value).toEqual({ note: 'c3', s: 'sine' });
    const loc = hap!.context.locations!.find((l) => code.slice(l.start, l.end) === 'c3');
    expect(loc).toBeDefined();
    client.dispose();
  });

  it('resolves to null when the worker fails, instead of throwing', async () => {
    const client = createTypeClient(() => inProcessWorker(createTypeService(bundledTypeFiles), true));
    await expect(client.call('diagnostics')).resolves.toBeNull();
    await expect(client.call('hover', 3)).resolves.toBeNull();
  });
});

describe('the reference data for the editor', () => {
  it('loads the generated entries and finds names', async () => {
    const { loadReference, searchReference } = await import('../src/editor/types/reference.ts');
    const entries = await loadReference();
    expect(entries.length).toBeGreaterThan(1000);
    const found = searchReference(entries, 'fas');
    expect(found[0]!.name).toBe('fast');
    expect(found[0]!.examples[0]).toMatch(/fast\(2\)/);
  });
});

describe('the bundled pattern library for the browser evaluator', () => {
  it('lets editor code import from patterns/', async () => {
    const { bundledPatternModules } = await import('../src/editor/types/pattern-modules.ts');
    const { evaluate } = await import('../src/runtime/evaluate.ts');
    expect(bundledPatternModules.list()).toContain('patterns/grooves');
    const result = await evaluate('import { groove } from "patterns/grooves"\n$: groove.fast(2)', { patterns: bundledPatternModules });
    expect(result.errors).toEqual([]);
    expect(result.pattern!.queryArc(0, 1).length).toBeGreaterThan(0);
  });
});
