/**
 * Words for errors that Strudel's code throws while a pattern plays (pure): JavaScript's own
 * messages say nothing to a musician, so the known ones get a hint at the likely cause.
 */
const HINTS: ReadonlyArray<[RegExp, string]> = [
  [/^Invalid argument$/, 'a number in it cannot be read: is an operator such as * or / missing its number?'],
  [/Maximum call stack size exceeded/, 'it is too large to play (a range such as 0 .. 100000?)'],
  [/Invalid array length/, 'a count in it cannot be used (a negative or huge number of steps?)'],
];

/** `message` with a hint when it is one of the library errors above; unchanged otherwise. */
export function explainLibraryError(message: string): string {
  const hint = HINTS.find(([pattern]) => pattern.test(message));
  return hint ? `${hint[1]} (${message})` : message;
}
