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
   * Varies a pattern with the AI model, keeping its feel (not installed yet).
   * @host
   * @example s("bd [~ bd] sd hh").vary({ seed: 3 })
   */
  vary(options?: ContinueOptions): Pattern;
  /**
   * Adds AI-chosen harmony under a melody (not installed yet).
   * @host
   * @example note("e4 d4 c4 d4").harmonize()
   */
  harmonize(options?: ContinueOptions): Pattern;
  /**
   * Replaces the chords of a progression with AI-chosen ones (not installed yet).
   * @host
   * @example chord("<C Am F G>").reharmonize().voicing()
   */
  reharmonize(options?: ContinueOptions): Pattern;
}

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
