import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/runtime/evaluate.ts';
import { setSliderValue } from '../src/runtime/sliders.ts';
import { Fraction, State, TimeSpan, type Pattern } from '@strudel/core';

function events(pattern: Pattern | null, begin = 0, end = 1) {
  if (!pattern) throw new Error('no pattern');
  return pattern
    .queryArc(begin, end)
    .filter((hap) => hap.hasOnset())
    .map((hap) => ({ begin: hap.whole!.begin.valueOf(), end: hap.whole!.end.valueOf(), value: hap.value }));
}

describe('evaluate', () => {
  it('runs mini-notation with Strudel semantics', async () => {
    const result = await evaluate('note("c3 [e3 g3]*2").fast(2)');
    expect(result.errors).toEqual([]);
    const evs = events(result.pattern);
    expect(evs).toHaveLength(10);
    expect(evs[0]).toEqual({ begin: 0, end: 0.25, value: { note: 'c3' } });
    expect(evs.map((e) => e.value)).toContainEqual({ note: 'g3' });
  });

  it('treats "a*3 b" like "[a a a] b"', async () => {
    const a = await evaluate('s("a*3 b")');
    const b = await evaluate('s("[a a a] b")');
    expect(events(a.pattern)).toEqual(events(b.pattern));
  });

  it('collects $: layers, skips muted ones, and keeps named ones', async () => {
    const result = await evaluate('$: s("bd*4")\n_$: s("hh*8")\nbass: note("c2")\n$: s("~ sd")');
    expect(result.errors).toEqual([]);
    expect(result.layers.map((l) => l.id)).toEqual(['$0', 'bass', '$1']);
    expect(result.layers.map((l) => l.position.line)).toEqual([1, 3, 4]);
    expect(events(result.pattern)).toHaveLength(4 + 1 + 1);
  });

  it("accepts strudel.cc's visuals, events unchanged, noting once each one Motif does not draw", async () => {
    const plain = await evaluate('$: note("c3 [e3 g3]")\n$: s("bd sd")');
    const drawn = await evaluate('$: note("c3 [e3 g3]").pianoroll({ labels: 1 })._punchcard().spiral()\n$: s("bd sd")._scope().scope().spiral()');
    expect(drawn.errors).toEqual([]);
    expect(events(drawn.pattern)).toEqual(events(plain.pattern));
    expect(drawn.warnings).toHaveLength(3); // spiral (once), _scope, scope; the pianoroll forms are shown by Motif
    expect(drawn.warnings.join('\n')).toMatch(/\.spiral\(\).*\n.*\._scope\(\).*\n.*\.scope\(\)/);
    expect((await evaluate('note("c3")')).warnings).toEqual([]); // nothing carried over
  });

  it("has strudel.cc's .piano(): the piano bank, held notes, a short release, pan by pitch", async () => {
    const result = await evaluate('note("c3 c8 c9").piano()');
    expect(result.errors).toEqual([]);
    const values = events(result.pattern).map((e) => e.value as Record<string, unknown>);
    expect(values.map((v) => [v.s, v.clip, v.release])).toEqual([['piano', 1, 0.1], ['piano', 1, 0.1], ['piano', 1, 0.1]]);
    expect(values.map((v) => v.pan)).toEqual([0.25 + 0.5 * (48 / 108), 0.75, 0.75]); // C8 and above: right edge of the middle half
    const clipped = await evaluate('note("c3").clip(0.5).pan(0.5).piano()');
    expect(events(clipped.pattern)[0]!.value).toMatchObject({ clip: 0.5, pan: 0.5 * (0.25 + 0.5 * (48 / 108)) });
  });

  it("plays a strudel.cc slider's value, lists where it is, and follows it when it moves", async () => {
    const code = 'note("c3 e3").lpf(slider(800, 200, 4000)).gain(slider(0.5))';
    const result = await evaluate(code);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(events(result.pattern).map((e) => e.value)).toEqual([
      { note: 'c3', cutoff: 800, gain: 0.5 },
      { note: 'e3', cutoff: 800, gain: 0.5 },
    ]);
    const [cutoff, gain] = result.sliders;
    expect(code.slice(cutoff!.from, cutoff!.to)).toBe('800');
    expect(cutoff).toMatchObject({ value: 800, min: 200, max: 4000 });
    expect(gain).toMatchObject({ value: 0.5, min: 0, max: 1 });
    setSliderValue(cutoff!.id, 1200);
    expect(events(result.pattern).map((e) => (e.value as { cutoff: number }).cutoff)).toEqual([1200, 1200]);
    await evaluate(code); // evaluating again starts from the value in the code
    expect(events(result.pattern).map((e) => (e.value as { cutoff: number }).cutoff)).toEqual([800, 800]);
  });

  it('reads setcps and setcpm', async () => {
    expect((await evaluate('setcps(0.75)\ns("bd")')).cps).toBe(0.75);
    expect((await evaluate('setcpm(30)\ns("bd")')).cps).toBe(0.5);
  });

  it('supports tonal scales and chords', async () => {
    const result = await evaluate('n("0 2 4").scale("C:minor")');
    expect(events(result.pattern).map((e) => e.value)).toEqual([{ note: 'C3' }, { note: 'Eb3' }, { note: 'G3' }]);
    const voiced = await evaluate('chord("<C Am>").voicing()');
    expect(events(voiced.pattern).length).toBeGreaterThanOrEqual(3);
  });

  it('stops code that never ends, naming the line of its loop; loops that end run as written', async () => {
    const started = Date.now();
    for (const [code, line] of [
      ['let i = 0\nwhile (true) { i++ }\nnote("c4")', 2],
      ['note("c4")\nfor (;;) ;\nnote("e4")', 2],
      ['const f = () => { do {} while (1) }\n\n\nf()\nnote("c4")', 1],
      ['for (let i = 0; i < 2; i++)\n  for (const x of [1, 2]) while (x) {}\nnote("c4")', 2],
    ] as const) {
      const result = await evaluate(code);
      expect(result.pattern).toBeNull();
      expect(result.errors).toEqual([{ kind: 'runtime', message: 'This code ran longer than 1000 ms at line ' + line + ' (an endless loop?)', line, column: 1 }]);
    }
    expect(Date.now() - started).toBeLessThan(20_000);
    const counted = await evaluate("let notes = []\nfor (let i = 0; i < 3; i++) notes.push('c4')\nlet j = 0\nwhile (j < 2) j++\nnote(notes.join(' ') + ' e4'.repeat(j))");
    expect(counted.errors).toEqual([]);
    expect(events(counted.pattern)).toHaveLength(5);
  }, 30_000);

  it('stops a query whose user code never ends, at the deadline it runs under', async () => {
    const { withDeadline } = await import('../src/runtime/deadline.ts');
    const result = await evaluate('note("c4").withValue((v) => { while (true) {} })');
    expect(result.errors).toEqual([]);
    expect(() => withDeadline(50, () => result.pattern!.query(new State(new TimeSpan(Fraction(0), Fraction(1)))))).toThrow(/ran longer than 50 ms at line 1/);
  });

  it('refuses mini-notation too long or too deeply nested, at its position, before parsing it', async () => {
    const started = Date.now();
    const long = await evaluate(`x = 1\nnote("${Array(7000).fill('c4').join(' ')}")`);
    expect(long.errors).toEqual([{ kind: 'syntax', message: expect.stringMatching(/^This mini-notation string has 20999 characters; Motif reads up to 8000/), line: 2, column: 6 }]);
    const deep = await evaluate(`note("${'['.repeat(1000)}c4${']'.repeat(1000)}")`);
    expect(deep.errors).toEqual([{ kind: 'syntax', message: 'This mini-notation string nests brackets 1000 deep; Motif reads up to 64 levels', line: 1, column: 6 }]);
    expect(Date.now() - started).toBeLessThan(5000);
    const fine = await evaluate(`note("${'['.repeat(20)}c4 e4${']'.repeat(20)}")`);
    expect(fine.errors).toEqual([]);
  });

  it('reports a syntax error with its line and column, and never throws', async () => {
    const result = await evaluate('s("bd")\nnote("c3").fast(2))');
    expect(result.pattern).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ kind: 'syntax', line: 2, column: 19 });
  });

  it('names an unknown function and where it is', async () => {
    const result = await evaluate('s("bd")\n  .fasst(2)');
    expect(result.errors[0]).toMatchObject({ line: 2, column: 4 });
    expect(result.errors[0]!.message).toMatch(/fasst/);
    const unknown = await evaluate('$: s("bd")\n$: foo("c e")');
    expect(unknown.errors[0]).toMatchObject({ kind: 'reference', line: 2, column: 4 });
    expect(unknown.errors[0]!.message).toMatch(/foo/);
  });

  it('reports bad mini-notation', async () => {
    const result = await evaluate('note("c3 [e3")');
    expect(result.pattern).toBeNull();
    expect(result.errors[0]!.message.length).toBeGreaterThan(0);
  });

  it('records the source locations of mini-notation atoms on haps', async () => {
    const code = 'note("c3 e3")';
    const result = await evaluate(code);
    const [first] = result.pattern!.queryArc(0, 0.5);
    const loc = first!.context.locations![0]!;
    expect(code.slice(loc.start, loc.end)).toBe('c3');
    expect(result.miniLocations.length).toBe(2);
  });
});
