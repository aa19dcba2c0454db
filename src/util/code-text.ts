/**
 * Text from outside (file names, MIDI track names) written into generated code (pure): as a
 * JavaScript string literal that no character can end early, line terminators included.
 */

/** `text` as a double-quoted JavaScript string literal; U+2028/U+2029, which end a `//` comment, escaped too. */
export function quotedForCode(text: string): string {
  return JSON.stringify(text).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}
