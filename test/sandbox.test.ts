/**
 * The sandbox's parts in Node: what the lockdown takes from a global scope, what crosses to the
 * page (plain values, atom locations), the audio clock seen from the sandbox, and the sandbox
 * service itself on a manual timer: events, stop answered, roll notes, sample maps asked of the page.
 */
import { describe, expect, it } from 'vitest';
import { Fraction } from '@strudel/core';
import { AiHost } from '../src/ai/client/host.ts';
import { patternModulesFromFiles } from '../src/runtime/imports.ts';
import { AiMirror } from '../src/sandbox/ai-mirror.ts';
import { lockDown, REMOVED_GLOBALS } from '../src/sandbox/lockdown.ts';
import type { SandboxToPage, WireEvent } from '../src/sandbox/protocol.ts';
import { RemoteClock } from '../src/sandbox/remote-clock.ts';
import { PatternSandbox } from '../src/sandbox/sandbox.ts';
import { plainValue } from '../src/sandbox/wire.ts';
import { ManualTimer } from '../src/scheduler/timers.ts';

describe('lockDown', () => {
  it('takes the network, storage, workers and postMessage from the scope and its prototypes, and keeps what the sandbox needs', () => {
    const sent: unknown[] = [];
    class FakeWorker {}
    const prototype = { fetch: () => 'fetched', indexedDB: {}, caches: {}, XMLHttpRequest: class {}, WebSocket: class {} };
    const scope = Object.assign(Object.create(prototype) as Record<string, unknown>, {
      postMessage: (message: unknown) => sent.push(message),
      Worker: FakeWorker,
      importScripts: () => undefined,
      BroadcastChannel: class {},
      navigator: { storage: {}, locks: {}, userAgent: 'test' },
      setTimeout,
    });
    Object.defineProperty(scope, 'EventSource', { value: class {}, configurable: false, writable: true });
    const kept = lockDown(scope);
    for (const name of ['fetch', 'indexedDB', 'caches', 'XMLHttpRequest', 'WebSocket', 'postMessage', 'Worker', 'importScripts', 'BroadcastChannel', 'EventSource']) {
      expect(scope[name], name).toBeUndefined();
    }
    expect((scope.navigator as Record<string, unknown>).storage).toBeUndefined();
    expect((scope.navigator as Record<string, unknown>).userAgent).toBe('test');
    expect(scope.setTimeout).toBe(setTimeout);
    kept.post({ type: 'ready' });
    expect(sent).toEqual([{ type: 'ready' }]);
    expect(kept.Worker).toBe(FakeWorker);
    expect(REMOVED_GLOBALS).toContain('fetch');
  });

  it('refuses a scope that cannot talk to the page', () => {
    expect(() => lockDown({})).toThrow(/postMessage/);
  });
});

describe('what crosses to the page', () => {
  it('keeps plain values, turns fractions into numbers and leaves functions out', () => {
    const value = { s: 'bd', gain: Fraction(0.5), note: [60, 64], nested: { fn: () => 1, ok: true }, onTrigger: () => undefined };
    expect(plainValue(value)).toEqual({ s: 'bd', gain: 0.5, note: [60, 64], nested: { ok: true } });
    expect(() => structuredClone(plainValue(value))).not.toThrow();
  });
});

describe('RemoteClock', () => {
  it('runs on with the wall clock while the context runs, stands still while it is suspended, and never goes back', () => {
    let wall = 1000;
    const clock = new RemoteClock(() => wall);
    clock.reading(5, 1000, true);
    wall = 1250;
    expect(clock.now()).toBeCloseTo(5.25);
    clock.reading(5.2, 1250, true); // a reading behind the estimate
    expect(clock.now()).toBeCloseTo(5.25);
    clock.reading(6, 1300, false);
    wall = 5000;
    expect(clock.now()).toBe(6);
  });
});

describe('AiMirror', () => {
  it('answers for the latest evaluation only, as the host does', () => {
    const mirror = new AiMirror();
    const status = (evaluation: number, callId: number, state: 'pending' | 'ready') => ({ evaluation, callId, fn: 'continue', from: 10, to: 30, state });
    mirror.receiveStatus(status(1, 0, 'pending'));
    mirror.receiveStatus(status(2, 0, 'ready'));
    mirror.receiveMaterial(0, 2, { mode: 'append', promptCycles: 1, cycles: 1, stepsPerCycle: 16, notes: [] });
    mirror.receiveStatus(status(1, 1, 'ready')); // a late status of a replaced evaluation
    expect(mirror.statuses().map((s) => [s.evaluation, s.callId, s.state])).toEqual([[2, 0, 'ready']]);
    expect(mirror.callAt(20)?.evaluation).toBe(2);
    expect(mirror.material(0)?.cycles).toBe(1);
    mirror.reset();
    mirror.receiveStatus(status(1, 0, 'pending')); // a restarted sandbox counts from 1 again
    expect(mirror.statuses()).toHaveLength(1);
  });
});

function sandbox() {
  const sent: SandboxToPage[] = [];
  const timer = new ManualTimer(0.01);
  let wall = 0;
  const ai = new AiHost({ client: () => { throw new Error('no AI in this test'); } });
  const service = new PatternSandbox({ post: (message) => sent.push(structuredClone(message)), wallNowMs: () => wall, patterns: patternModulesFromFiles({}), ai, timer });
  const advance = (ms: number) => {
    for (let t = 0; t < ms; t += 10) {
      wall += 10;
      timer.fire();
    }
  };
  const result = async (id: number) => {
    for (let i = 0; i < 200 && !sent.some((m) => m.type === 'result' && m.id === id); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    return sent.find((m): m is Extract<SandboxToPage, { type: 'result' }> => m.type === 'result' && m.id === id)!.result;
  };
  const events = () => sent.flatMap((m) => (m.type === 'events' ? m.events : [])) as WireEvent[];
  service.receive({ type: 'clock', audioTime: 0, wallMs: 0, running: true });
  return { service, sent, advance, result, events };
}

describe('PatternSandbox', () => {
  it('evaluates, plays events with their atoms, draws roll notes, and answers stop so the page can drop what is on its way', async () => {
    const { service, sent, advance, result, events } = sandbox();
    service.receive({ type: 'evaluate', id: 1, code: 'note("a4 c5")', swap: 'cycle' });
    expect((await result(1)).errors).toEqual([]);
    const beforeResult = sent.slice(0, sent.findIndex((m) => m.type === 'result'));
    const tempo = beforeResult.filter((m) => m.type === 'tempo').at(-1); // playing before the result is shown
    expect(tempo && tempo.type === 'tempo' && tempo.tempo.playing).toBe(true);
    advance(1500);
    const played = events();
    expect(played.map((e) => e.value)).toEqual([{ note: 'a4' }, { note: 'c5' }]);
    expect(played[1]!.audioTime - played[0]!.audioTime).toBeCloseTo(1, 5);
    expect(played[0]!.locations).toEqual([{ start: 6, end: 8 }]);
    service.receive({ type: 'roll', id: 7, begin: 0, end: 2 });
    const roll = sent.find((m) => m.type === 'roll');
    expect(roll && roll.type === 'roll' ? roll.notes.map((n) => [n.begin, n.midi]).sort((a, b) => a[0]! - b[0]!) : []).toEqual([[0, 69], [0.5, 72], [1, 69], [1.5, 72]]);
    sent.length = 0;
    service.receive({ type: 'stop' });
    service.receive({ type: 'stop' }); // already stopped: answered all the same
    expect(sent.map((m) => m.type === 'tempo' && m.tempo.playing)).toEqual([false, false]);
    advance(1000);
    expect(events()).toEqual([]);
  });

  it("asks the page to load samples(…) and plays once the page says they are loaded", async () => {
    const { service, sent, result } = sandbox();
    service.receive({ type: 'evaluate', id: 1, code: "samples('http://127.0.0.1:9/strudel.json'); s(\"bd\")", swap: 'cycle' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const request = sent.find((m) => m.type === 'samples');
    expect(request).toMatchObject({ type: 'samples', map: 'http://127.0.0.1:9/strudel.json' });
    expect(sent.some((m) => m.type === 'result')).toBe(false); // waiting for the page
    service.receive({ type: 'samplesDone', id: request?.type === 'samples' ? request.id : -1 });
    expect((await result(1)).errors).toEqual([]);
  });

  it('reports a layer that fails while playing, by name, and keeps the others', async () => {
    const { service, sent, advance, result, events } = sandbox();
    service.receive({ type: 'evaluate', id: 1, code: '$: note("a4")\n$: note("c4").withValue(() => { throw new Error(\'boom\') })', swap: 'cycle' });
    expect((await result(1)).errors).toEqual([]);
    advance(2100);
    expect(new Set(events().map((e) => e.layer))).toEqual(new Set(['$0']));
    const error = sent.find((m) => m.type === 'error');
    expect(error && error.type === 'error' ? [error.error.layer, error.error.message] : []).toEqual(['$1', expect.stringContaining('boom')]);
  });
});
