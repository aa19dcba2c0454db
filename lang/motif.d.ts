/**
 * Motif's own additions to the language: what evaluate() provides on top of Strudel (tempo,
 * `hush`, `all`, `each`), and the AI transformers the host installs on patterns.
 *
 * Members tagged `@host` are installed by the host application (the AI layer), not by the core
 * runtime: the coverage test lists them apart, and their examples are not run in Node.
 */

interface ContinueOptions {
  /** How many cycles to generate. */
  readonly cycles?: number;
  /** Sampling temperature: low is predictable, high is adventurous. */
  readonly temperature?: number;
  /** Seed for the sampler: the same seed gives the same continuation. */
  readonly seed?: number;
}

interface Pattern {
  /**
   * Continues a melody with the AI model: the pattern's notes are the primer.
   * @host
   * @example note("c4 e4 g4 e4").continue({ cycles: 2, temperature: 0.9, seed: 1 })
   */
  continue(options?: ContinueOptions): Pattern;
  /**
   * Varies a pattern with the AI model, keeping its feel (not in Motif yet: calling it is an error naming it).
   * @host
   * @example s("bd [~ bd] sd hh").vary({ seed: 3 })
   */
  vary(options?: ContinueOptions): Pattern;
  /**
   * Adds AI-chosen harmony under a melody (not in Motif yet: calling it is an error naming it).
   * @host
   * @example note("e4 d4 c4 d4").harmonize()
   */
  harmonize(options?: ContinueOptions): Pattern;
  /**
   * Replaces the chords of a progression with AI-chosen ones (not in Motif yet: calling it is an error naming it).
   * @host
   * @example chord("<C Am F G>").reharmonize().voicing()
   */
  reharmonize(options?: ContinueOptions): Pattern;
}

interface Pattern {
  /**
   * strudel.cc's piano: the `piano` sample bank (which comes from the network there; load it with
   * `samples(…)`), notes held to the end of their event (`clip(1)` unless set), a 0.1 s release,
   * and pan by pitch.
   * @example note("c3 e4 g5").piano()
   */
  piano(): Pattern;
}

/** Options of strudel.cc's visuals (colours, sizes, labels…): accepted and not used by Motif. */
interface VisualOptions {
  readonly [option: string]: unknown;
}

/** strudel.cc's visuals: accepted so that its tunes run; they return the pattern unchanged. */
interface Pattern {
  /**
   * Draws the pattern as a pianoroll on strudel.cc. Motif's pianoroll below the editor shows every pattern.
   * @example note("c3 [e3 g3]").pianoroll({ labels: 1 })
   */
  pianoroll(options?: VisualOptions): Pattern;
  /**
   * strudel.cc's pianoroll inside the code; Motif's pianoroll below the editor shows the pattern.
   * @example note("c3 [e3 g3]")._pianoroll()
   */
  _pianoroll(options?: VisualOptions): Pattern;
  /**
   * A pianoroll of the events as they are played (strudel.cc); shown in Motif's pianoroll.
   * @example note("c3 [e3 g3]").punchcard()
   */
  punchcard(options?: VisualOptions): Pattern;
  /**
   * strudel.cc's punchcard inside the code; shown in Motif's pianoroll.
   * @example note("c3 [e3 g3]")._punchcard()
   */
  _punchcard(options?: VisualOptions): Pattern;
  /**
   * Falling labels of the events (strudel.cc); Motif shows its pianoroll.
   * @example note("c3 [e3 g3]").wordfall()
   */
  wordfall(options?: VisualOptions): Pattern;
  /**
   * A spiral of the cycle (strudel.cc); not drawn by Motif.
   * @example note("c3 [e3 g3]").spiral()
   */
  spiral(options?: VisualOptions): Pattern;
  /**
   * strudel.cc's spiral inside the code; not drawn by Motif.
   * @example note("c3 [e3 g3]")._spiral()
   */
  _spiral(options?: VisualOptions): Pattern;
  /**
   * Pitches on a circle (strudel.cc); not drawn by Motif.
   * @example note("c3 [e3 g3]").pitchwheel()
   */
  pitchwheel(options?: VisualOptions): Pattern;
  /**
   * strudel.cc's pitch wheel inside the code; not drawn by Motif.
   * @example note("c3 [e3 g3]")._pitchwheel()
   */
  _pitchwheel(options?: VisualOptions): Pattern;
  /**
   * An oscilloscope of the sound (strudel.cc); not drawn by Motif.
   * @example s("bd sd").scope()
   */
  scope(options?: VisualOptions): Pattern;
  /**
   * strudel.cc's oscilloscope inside the code; not drawn by Motif.
   * @example note("c3 [e3 g3]")._scope()
   */
  _scope(options?: VisualOptions): Pattern;
  /**
   * An oscilloscope of the sound (strudel.cc); not drawn by Motif.
   * @example note("c3 [e3 g3]").tscope()
   */
  tscope(options?: VisualOptions): Pattern;
  /**
   * strudel.cc's oscilloscope inside the code; not drawn by Motif.
   * @example note("c3 [e3 g3]")._tscope()
   */
  _tscope(options?: VisualOptions): Pattern;
  /**
   * A frequency scope of the sound (strudel.cc); not drawn by Motif.
   * @example note("c3 [e3 g3]").fscope()
   */
  fscope(options?: VisualOptions): Pattern;
  /**
   * strudel.cc's frequency scope inside the code; not drawn by Motif.
   * @example note("c3 [e3 g3]")._fscope()
   */
  _fscope(options?: VisualOptions): Pattern;
  /**
   * A spectrogram of the sound (strudel.cc); not drawn by Motif.
   * @example note("c3 [e3 g3]").spectrum()
   */
  spectrum(options?: VisualOptions): Pattern;
  /**
   * strudel.cc's spectrogram inside the code; not drawn by Motif.
   * @example note("c3 [e3 g3]")._spectrum()
   */
  _spectrum(options?: VisualOptions): Pattern;
  /**
   * Calls a drawing function on strudel.cc's canvas; not called by Motif.
   * @example note("c3 [e3 g3]").draw(() => undefined)
   */
  draw(painter: (...args: readonly unknown[]) => unknown, options?: VisualOptions): Pattern;
  /**
   * Adds a painter for strudel.cc's canvas; not called by Motif.
   * @example note("c3 [e3 g3]").onPaint(() => undefined)
   */
  onPaint(painter: (...args: readonly unknown[]) => unknown): Pattern;
  /**
   * strudel.cc's animation visual; not drawn by Motif.
   * @example note("c3 [e3 g3]").animate()
   */
  animate(options?: VisualOptions): Pattern;
}

/**
 * A number the editor shows with a slider in front of it, as strudel.cc does: moving the slider
 * rewrites the number and changes the playing pattern at once, without evaluating again.
 * @example note("c3 e3 g3").s("sawtooth").lpf(slider(800, 200, 4000))
 */
declare function slider(value: number, min?: number, max?: number, step?: number): Pattern;
/**
 * What the transpiler turns `slider(value, min, max)` into; write `slider` instead.
 * @example note("c3 e3").lpf(sliderWithID("slider_0", 800, 200, 4000))
 */
declare function sliderWithID(id: string, value: number, min?: number, max?: number, step?: number): Pattern;

/**
 * Sets the tempo in cycles per second; the same as `setcps`.
 * @example setCps(0.5)
 * s("bd sd")
 */
declare function setCps(cyclesPerSecond: NumberPattern): Pattern;
/**
 * Sets the tempo in cycles per minute; the same as `setcpm`.
 * @example setCpm(40)
 * s("bd sd")
 */
declare function setCpm(cyclesPerMinute: NumberPattern): Pattern;
/**
 * Silences every layer declared so far in this evaluation.
 * @example $: s("hh*8")
 * hush()
 * $: s("bd sd")
 */
declare function hush(): Pattern;
/**
 * Applies a transformation to everything that plays (all layers stacked).
 * @example $: s("bd sd")
 * $: note("c3 e3")
 * all(x => x.fast(2))
 */
declare function all(transform: Transform): Pattern;
/**
 * Applies a transformation to each layer on its own.
 * @example $: s("bd sd")
 * $: note("c3 e3")
 * each(x => x.gain(0.8))
 */
declare function each(transform: Transform): Pattern;
