/**
 * Double-quoted strings are patterns: `"c e g".fast(2)` is mini-notation with pattern methods.
 * The evaluator turns every double-quoted string into a pattern before the code runs, so every
 * Pattern member is declared on `String` too.
 *
 * Three Pattern members share a name with a method strings already have (`sub`, `slice`,
 * `anchor`); they are declared as overloads here. Since these declarations come after the
 * standard library's, their overloads are tried first: `"c e".slice(4, "0 1")` is a Pattern.
 */
interface String extends Omit<Pattern, 'sub' | 'slice' | 'anchor'> {
  /**
   * Subtracts values (on a mini-notation string).
   * @example n("7 4 2".sub(2)).scale("C:major")
   */
  sub(...values: PatternArg[]): Pattern;
  /**
   * Cuts each sample into n slices and plays the slices the index pattern names.
   * @example s("bev").slice(4, "0 2 1 3")
   */
  slice(slices: NumberPattern, indices: NumberPattern): Pattern;
  /**
   * Sets the lowest note a voicing may use (on a mini-notation string).
   * @example "<C F>".chord().anchor("c4").voicing()
   */
  anchor(note: NotePattern): Pattern;
}
