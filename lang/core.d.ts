/**
 * Motif's pattern language, hand-written core: the types every other declaration builds on and
 * precise signatures for the functions a user reaches for first, so that a misspelt name, a wrong
 * argument type or a missing argument is an error in the editor and in `npm run typecheck:patterns`.
 *
 * This is a script (no imports or exports): its declarations are global in the programs that
 * include lang/ (tsconfig.patterns.json, the editor's worker), never in Motif's own src/.
 * The rest of the runtime's names are declared in generated.d.ts; Motif's own in motif.d.ts.
 */

/** Mini-notation: a double-quoted string such as `"c3 [e3 g3]*2"` is a pattern. */
type Mini = string;

/** A number, a mini-notation string of numbers (`"1 2 <4 8>"`) or a pattern of numbers. */
type NumberPattern = number | Mini | Pattern;

/** A name (sound, note, scale, …) or a mini-notation string of names, or a pattern of them. */
type StringPattern = Mini | Pattern;

/** A note name (`"c3"`), a MIDI number, mini-notation of either, or a pattern. */
type NotePattern = number | Mini | Pattern;

/** Control values set on an event, as passed to `.set({ … })` or `sound({ … })`. */
interface ControlMap {
  readonly [control: string]: number | string | boolean;
}

/** Anything that can become a pattern. Arrays become sequences. */
type PatternArg = number | string | boolean | Pattern | ControlMap | readonly PatternArg[];

/** A function from pattern to pattern, as passed to `.every(4, x => x.fast(2))`. */
type Transform = (pattern: Pattern) => Pattern;

/** A callback as Strudel's functions take it: the pattern first, sometimes an index or a count after. */
type Callback = (pattern: Pattern, ...more: number[]) => unknown;

/** A map of arguments, as `.pick({ a: …, b: … })` or a voicing dictionary take it. */
interface ArgMap {
  readonly [key: string]: Arg;
}

/** Any argument a runtime function accepts: a pattern-like value, a callback, a list or a map of them. */
type Arg = PatternArg | Callback | ArgMap | readonly Arg[] | null | undefined;

/** `.add`, `.sub`, `.set`, …: callable, and with variants for how the structure combines. */
interface OperatorMethod {
  (...values: PatternArg[]): Pattern;
  /** Structure comes from the left (the pattern): the default. */
  in(...values: PatternArg[]): Pattern;
  /** Structure comes from the right (the argument). */
  out(...values: PatternArg[]): Pattern;
  /** Structure comes from both sides. */
  mix(...values: PatternArg[]): Pattern;
  /** Each event of the left is squeezed with a whole cycle of the right. */
  squeeze(...values: PatternArg[]): Pattern;
  /** Each event of the right is squeezed with a whole cycle of the left. */
  squeezeout(...values: PatternArg[]): Pattern;
  /** The right restarts the left at each of its events (cycle-relative). */
  reset(...values: PatternArg[]): Pattern;
  /** The right restarts the left from cycle zero at each of its events. */
  restart(...values: PatternArg[]): Pattern;
  /** Polymetric combination. */
  poly(...values: PatternArg[]): Pattern;
}

/** A cycle span event: the unit a pattern is made of. */
interface Hap {
  readonly whole: { readonly begin: { valueOf(): number }; readonly end: { valueOf(): number } } | undefined;
  readonly part: { readonly begin: { valueOf(): number }; readonly end: { valueOf(): number } };
  readonly value: unknown;
  readonly context: { readonly locations?: readonly { start: number; end: number }[] };
  hasOnset(): boolean;
}

/**
 * A pattern: a function of time that answers which events happen in a cycle span. Methods never
 * change the pattern; they return a new one. Double-quoted strings have the same methods.
 */
interface Pattern {
  /**
   * Speeds the pattern up by a factor (`*` in mini-notation).
   * @param factor how many times faster; may itself be a pattern
   * @example s("bd hh sd hh").fast(2)
   */
  fast(factor: NumberPattern): Pattern;
  /**
   * Slows the pattern down by a factor (`/` in mini-notation).
   * @param factor how many times slower; may itself be a pattern
   * @example note("c3 e3 g3 b3").slow(2)
   */
  slow(factor: NumberPattern): Pattern;
  /**
   * Shifts the pattern later in time, by a fraction of a cycle.
   * @param offset cycles to delay
   * @example s("bd sd").late(0.25)
   */
  late(offset: NumberPattern): Pattern;
  /**
   * Shifts the pattern earlier in time, by a fraction of a cycle.
   * @param offset cycles to advance
   * @example s("bd sd").early(0.25)
   */
  early(offset: NumberPattern): Pattern;
  /**
   * Applies a transformation every n-th cycle, starting with the first.
   * @param n period in cycles
   * @param transform what to do on those cycles
   * @example s("bd sd hh sd").every(2, x => x.fast(2))
   */
  every(n: NumberPattern, transform: Transform): Pattern;
  /**
   * Applies a transformation on the first of every n cycles.
   * @example note("c3 e3 g3").firstOf(3, x => x.rev())
   */
  firstOf(n: NumberPattern, transform: Transform): Pattern;
  /**
   * Applies a transformation on the last of every n cycles.
   * @example note("c3 e3 g3").lastOf(2, x => x.fast(2))
   */
  lastOf(n: NumberPattern, transform: Transform): Pattern;
  /**
   * Applies a transformation to about half of the events, chosen at random (seeded by time).
   * @example s("hh*8").sometimes(x => x.speed(2))
   */
  sometimes(transform: Transform): Pattern;
  /**
   * Applies a transformation to events with the given probability.
   * @param probability between 0 and 1
   * @example s("hh*8").sometimesBy(0.3, x => x.gain(0.5))
   */
  sometimesBy(probability: NumberPattern, transform: Transform): Pattern;
  /**
   * Applies a transformation to about 75% of the events.
   * @example s("hh*8").often(x => x.gain(0.6))
   */
  often(transform: Transform): Pattern;
  /**
   * Applies a transformation to about 25% of the events.
   * @example s("hh*8").rarely(x => x.speed(0.5))
   */
  rarely(transform: Transform): Pattern;
  /**
   * Applies a transformation to about 10% of the events.
   * @example s("hh*8").almostNever(x => x.speed(2))
   */
  almostNever(transform: Transform): Pattern;
  /**
   * Applies a transformation to about 90% of the events.
   * @example s("hh*8").almostAlways(x => x.gain(0.8))
   */
  almostAlways(transform: Transform): Pattern;
  /**
   * Applies a transformation to about half of the cycles, whole cycles at a time.
   * @example s("bd*4").someCycles(x => x.fast(2))
   */
  someCycles(transform: Transform): Pattern;
  /**
   * Removes events at random with the given probability (seeded by time).
   * @param amount between 0 and 1
   * @example s("hh*16").degradeBy(0.4)
   */
  degradeBy(amount: NumberPattern): Pattern;
  /**
   * Removes about half of the events at random.
   * @example s("hh*16").degrade()
   */
  degrade(): Pattern;
  /**
   * Plays each cycle backwards.
   * @example note("c3 e3 g3 b3").rev()
   */
  rev(): Pattern;
  /**
   * Plays forwards, then backwards, alternating cycles.
   * @example note("c3 e3 g3").palindrome()
   */
  palindrome(): Pattern;
  /**
   * Starts each cycle one subdivision later than the last, in n steps.
   * @example note("c3 d3 e3 f3").iter(4)
   */
  iter(n: NumberPattern): Pattern;
  /**
   * Repeats each event n times within its own span.
   * @example s("bd ~ sd cp").ply(2)
   */
  ply(n: NumberPattern): Pattern;
  /**
   * Plays the pattern in the left channel and a transformed copy in the right.
   * @example s("bd sd hh*2").jux(x => x.rev())
   */
  jux(transform: Transform): Pattern;
  /**
   * Layers a transformed copy, shifted in time.
   * @param time cycles to shift the copy by
   * @example note("c3 e3 g3").off(0.125, x => x.add(12))
   */
  off(time: NumberPattern, transform: Transform): Pattern;
  /**
   * Layers transformed copies on top of the pattern.
   * @example note("c3 e3").superimpose(x => x.add(7))
   */
  superimpose(...transforms: Transform[]): Pattern;
  /**
   * Applies each transformation and stacks the results (without the original).
   * @example note("c3 e3").layer(x => x.add(4), x => x.add(7))
   */
  layer(...transforms: Transform[]): Pattern;
  /**
   * Applies the rhythm of a mask: `x` keeps, `~` rests.
   * @example note("c3,e3,g3").struct("x ~ x x ~ x x ~")
   */
  struct(mask: StringPattern | boolean): Pattern;
  /**
   * Silences the pattern where the mask is `0` or `~`.
   * @example s("hh*8").mask("<1 [0 1]>")
   */
  mask(mask: NumberPattern | boolean): Pattern;
  /**
   * A Euclidean rhythm: `pulses` onsets spread as evenly as possible over `steps`.
   * @example s("bd").euclid(3, 8)
   */
  euclid(pulses: NumberPattern, steps: NumberPattern): Pattern;
  /**
   * A Euclidean rhythm, rotated by `rotation` steps.
   * @example s("hh").euclidRot(3, 8, 2)
   */
  euclidRot(pulses: NumberPattern, steps: NumberPattern, rotation: NumberPattern): Pattern;
  /**
   * Samples the pattern n times per cycle (turns a signal into discrete events).
   * @example n(sine.segment(8).range(0, 7)).scale("C:minor")
   */
  segment(n: NumberPattern): Pattern;
  /**
   * Scales a 0..1 pattern (such as a signal) to the range min..max.
   * @example n(saw.range(0, 7).segment(8)).scale("D:dorian")
   */
  range(min: NumberPattern, max: NumberPattern): Pattern;
  /**
   * Cuts each sample into n parts, played in turn.
   * @example s("bev").chop(4)
   */
  chop(n: NumberPattern): Pattern;
  /**
   * Repeats each event with decaying gain: times, time between echoes, feedback.
   * @example s("bd sd").echo(3, 0.125, 0.5)
   */
  echo(times: NumberPattern, time: NumberPattern, feedback: NumberPattern): Pattern;
  /**
   * Speeds up the pattern and the playback speed of samples together.
   * @example s("bd sd").hurry(2)
   */
  hurry(factor: NumberPattern): Pattern;
  /**
   * Sets the note of each event: a name (`c3`, `eb4`) or a MIDI number.
   * Without an argument, the values of the pattern become notes: `"c3 e3".note()`.
   * @example s("sawtooth*4").note("c2 eb2 g2 bb2")
   */
  note(value?: NotePattern): Pattern;
  /**
   * Sets the sample number, or the scale degree when followed by `.scale()`.
   * @example s("hh*4").n("0 1 2 3")
   */
  n(value?: NumberPattern): Pattern;
  /**
   * Sets the sound: a sample bank name or a synth (`sine`, `sawtooth`, …), `name:index` picks a sample.
   * @example note("c3 e3").s("sawtooth")
   */
  s(value?: StringPattern): Pattern;
  /**
   * Sets the sound; the same as `.s()`.
   * @example note("c3 e3").sound("triangle")
   */
  sound(value?: StringPattern): Pattern;
  /**
   * Selects a sample bank (drum machine), prefixed to the sound name.
   * @example s("bd sd").bank("RolandTR909")
   */
  bank(value: StringPattern): Pattern;
  /**
   * Sets the volume, 0 is silent, 1 is unchanged.
   * @example s("hh*8").gain("0.4 1")
   */
  gain(amount: NumberPattern): Pattern;
  /**
   * Sets the note velocity, 0..1, multiplied with gain.
   * @example note("c3*4").velocity("0.5 1")
   */
  velocity(amount: NumberPattern): Pattern;
  /**
   * Sets the stereo position: 0 is left, 0.5 the middle, 1 right.
   * @example s("hh*8").pan(sine.range(0, 1))
   */
  pan(position: NumberPattern): Pattern;
  /**
   * Sets the sample playback speed; negative plays backwards.
   * @example s("bev").speed("<1 2 -1>")
   */
  speed(rate: NumberPattern): Pattern;
  /**
   * Low-pass filter cutoff in Hz (`freq:resonance` as a string sets both).
   * @example s("sawtooth*4").note("c2").lpf("<400 2000>")
   */
  lpf(frequency: NumberPattern): Pattern;
  /**
   * High-pass filter cutoff in Hz.
   * @example s("hh*8").hpf(3000)
   */
  hpf(frequency: NumberPattern): Pattern;
  /**
   * Low-pass filter resonance (Q).
   * @example note("c2*4").s("sawtooth").lpf(800).lpq(10)
   */
  lpq(resonance: NumberPattern): Pattern;
  /**
   * Envelope attack time in seconds.
   * @example note("c3 e3").attack(0.1)
   */
  attack(seconds: NumberPattern): Pattern;
  /**
   * Envelope decay time in seconds.
   * @example note("c3 e3").decay(0.2)
   */
  decay(seconds: NumberPattern): Pattern;
  /**
   * Envelope sustain level, 0..1.
   * @example note("c3 e3").sustain(0.5)
   */
  sustain(level: NumberPattern): Pattern;
  /**
   * Envelope release time in seconds.
   * @example note("c3 e3").release(0.4)
   */
  release(seconds: NumberPattern): Pattern;
  /**
   * Multiplies each event's duration (1 is legato, below 1 staccato).
   * @example note("c3 e3 g3").clip(0.5)
   */
  clip(factor: NumberPattern): Pattern;
  /**
   * Reverb amount, 0..1.
   * @example s("cp*2").room(0.6)
   */
  room(amount: NumberPattern): Pattern;
  /**
   * Delay send, 0..1 (`amount:time:feedback` as a string sets all three).
   * @example s("rim*2").delay(0.5)
   */
  delay(amount: NumberPattern): Pattern;
  /**
   * Waveshaping distortion, 0..1.
   * @example note("c2*4").s("sawtooth").shape(0.4)
   */
  shape(amount: NumberPattern): Pattern;
  /**
   * Bit crushing: 1 (very crushed) to 16.
   * @example s("bd sd").crush(4)
   */
  crush(bits: NumberPattern): Pattern;
  /**
   * Audio output bus; events on the same orbit share effects.
   * @example s("bd sd").orbit(1)
   */
  orbit(bus: NumberPattern): Pattern;
  /**
   * Turns scale degrees (`n`) into notes of a scale, written `Root:mode` or `"Root mode"`.
   * @param name e.g. `"C:minor"`, `"D:dorian"`, `"<C:major A:minor>"`
   * @example n("0 2 4 7").scale("C:minor")
   */
  scale(name: StringPattern): Pattern;
  /**
   * Moves notes up or down by scale steps, within the pattern's scale.
   * @example n("0 2 4").scale("C:major").scaleTranspose("<0 1 2>")
   */
  scaleTranspose(steps: NumberPattern): Pattern;
  /**
   * Transposes notes by semitones, or by an interval name (`"3M"`, `"-2m"`).
   * @example note("c3 e3 g3").transpose("<0 5 7>")
   */
  transpose(amount: NumberPattern): Pattern;
  /**
   * Turns chord symbols (set with `chord(…)`) into voiced notes.
   * @example chord("<C Am F G7>").voicing()
   */
  voicing(): Pattern;
  /**
   * Sets the chord symbol, to be voiced with `.voicing()`.
   * @example n("0 1 2").chord("<Cm7 F7>").voicing()
   */
  chord(symbol?: StringPattern): Pattern;
  /**
   * Sets the lowest note a voicing may use.
   * @example chord("<C F>").anchor("c4").voicing()
   */
  anchor(note: NotePattern): Pattern;
  /**
   * Adds values: numbers to numbers, semitones to notes, controls to controls.
   * @example note("c3 e3").add("<0 7>")
   */
  readonly add: OperatorMethod;
  /**
   * Subtracts values.
   * @example n("7 4 2").sub(2).scale("C:major")
   */
  readonly sub: OperatorMethod;
  /**
   * Multiplies values.
   * @example n("1 2 3").mul(2).scale("C:major")
   */
  readonly mul: OperatorMethod;
  /**
   * Sets controls from another pattern or a map of controls.
   * @example note("c3 e3").set({ s: "triangle" })
   */
  readonly set: OperatorMethod;
  /**
   * Names the pattern as a layer, as `name:` does; `$` makes an anonymous one.
   * @example note("c3").p("bass")
   */
  p(id: string | number): Pattern;
  /**
   * Applies a function to each event's value.
   * @example n("0 1 2").fmap(v => v).scale("C:major")
   */
  fmap(fn: (value: never) => unknown): Pattern;
  /**
   * The events whose parts fall within a cycle span, as an array (for JavaScript code, not for playing).
   * @example // three events in the first half cycle: play MIDI note 48 + 3
   * note(s("bd*6").queryArc(0, 0.5).length + 48)
   */
  queryArc(begin: number, end: number): Hap[];
  /**
   * The first cycle's events, as an array (for JavaScript code, not for playing).
   * @example note(s("bd sd hh").firstCycle().length + 48)
   */
  firstCycle(withContext?: boolean): Hap[];
}

/**
 * Plays notes: names (`c3`, `eb4`, `f#2`) or MIDI numbers, in mini-notation.
 * @example note("c3 [e3 g3] <a3 b3>")
 */
declare function note(value: NotePattern): Pattern;
/**
 * Numbers: sample index, or scale degree when followed by `.scale()`.
 * @example n("0 2 4 <6 7>").scale("C:minor")
 */
declare function n(value: NumberPattern): Pattern;
/**
 * Plays sounds: sample banks (`bd`, `hh`, `bd:3`) or synths (`sine`, `sawtooth`).
 * @example s("bd [~ bd] sd hh")
 */
declare function s(value: StringPattern | ControlMap): Pattern;
/**
 * Plays sounds; the same as `s()`.
 * @example sound("bd sd, hh*4")
 */
declare function sound(value: StringPattern | ControlMap): Pattern;
/**
 * Plays patterns at the same time, like `,` in mini-notation.
 * @example stack(s("bd*2"), s("~ sd"), note("c2 eb2").s("sawtooth"))
 */
declare function stack(...patterns: PatternArg[]): Pattern;
/**
 * Plays one pattern per cycle, in turn, like `<a b>` in mini-notation.
 * @example cat(note("c3 e3"), note("g3 b3 d4"))
 */
declare function cat(...patterns: PatternArg[]): Pattern;
/**
 * Squeezes the patterns into one cycle, one after another, like `[a b]` in mini-notation.
 * @example seq(note("c3"), note("e3 g3"), "~")
 */
declare function seq(...patterns: PatternArg[]): Pattern;
/**
 * Squeezes the patterns into one cycle; the same as `seq()`.
 * @example sequence(s("bd"), s("sd sd"))
 */
declare function sequence(...patterns: PatternArg[]): Pattern;
/**
 * Squeezes the patterns into one cycle; the same as `seq()`.
 * @example fastcat(s("bd"), s("hh hh"))
 */
declare function fastcat(...patterns: PatternArg[]): Pattern;
/**
 * One pattern per cycle; the same as `cat()`.
 * @example slowcat(s("bd*2"), s("sd*3"))
 */
declare function slowcat(...patterns: PatternArg[]): Pattern;
/**
 * A pattern that repeats one value, once per cycle.
 * @example note(pure("c3"))
 */
declare function pure(value: number | string | boolean | ControlMap): Pattern;
/**
 * The numbers 0 to n-1, squeezed into one cycle.
 * @example n(run(4)).scale("C:major")
 */
declare function run(n: NumberPattern): Pattern;
/**
 * Sets a chord symbol, to be voiced with `.voicing()`.
 * @example chord("<Dm7 G7 C^7>").voicing()
 */
declare function chord(symbol: StringPattern): Pattern;
/**
 * Random whole numbers from 0 to n-1, a continuous signal: use `.segment()`.
 * @example n(irand(8).segment(4)).scale("C:minor")
 */
declare function irand(n: NumberPattern): Pattern;
/**
 * Picks at random (seeded by time) from the given values; a continuous signal.
 * @example note(choose("c3", "e3", "g3").segment(4))
 */
declare function choose(...values: (number | string)[]): Pattern;
/**
 * Sets the tempo, in cycles per second.
 * @example setcps(0.6)
 * s("bd sd")
 */
declare function setcps(cyclesPerSecond: NumberPattern): Pattern;
/**
 * Sets the tempo, in cycles per minute.
 * @example setcpm(30)
 * s("bd sd")
 */
declare function setcpm(cyclesPerMinute: NumberPattern): Pattern;
/**
 * The empty pattern: no events.
 * @example stack(s("bd*2"), silence)
 */
declare const silence: Pattern;
/**
 * A sine wave from 0 to 1, once per cycle: a continuous signal, use `.segment()`.
 * @example n(sine.segment(8).range(0, 7)).scale("C:minor")
 */
declare const sine: Pattern;
/**
 * A cosine wave from 0 to 1: a sine shifted by a quarter cycle.
 * @example n(cosine.segment(8).range(0, 7)).scale("C:minor")
 */
declare const cosine: Pattern;
/**
 * A sawtooth ramp from 0 to 1, once per cycle.
 * @example n(saw.segment(8).range(0, 7)).scale("C:minor")
 */
declare const saw: Pattern;
/**
 * A square wave: 0 for the first half cycle, 1 for the second.
 * @example n(square.segment(4).range(0, 7)).scale("C:minor")
 */
declare const square: Pattern;
/**
 * A triangle wave from 0 to 1 and back, once per cycle.
 * @example n(tri.segment(8).range(0, 7)).scale("C:minor")
 */
declare const tri: Pattern;
/**
 * Random numbers from 0 to 1, seeded by time (the same cycle gives the same numbers).
 * @example s("hh*8").gain(rand)
 */
declare const rand: Pattern;
/**
 * Smooth random numbers from 0 to 1 (Perlin noise).
 * @example s("hh*8").gain(perlin.range(0.3, 1))
 */
declare const perlin: Pattern;
