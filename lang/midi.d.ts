/**
 * MIDI output, as on strudel.cc: `.midi()` sends a pattern's events to a MIDI device instead of
 * Motif's sound engine.
 */

interface Pattern {
  /**
   * Sends the events to a MIDI output instead of playing them: notes (`note`, `n`), `midichan`
   * (1–16), `velocity` × `gain`, control changes (`ccn`, `ccv` 0–1). `device` is an output's name
   * (or part of it; in single quotes when it has spaces, as double quotes are mini-notation) or
   * its index, or a pattern of them; the default is the first output. A `midiport` set on the
   * events wins. Without MIDI access or with no such output, the editor warns once and the other
   * layers play on.
   * @example note("c a f e").midichan(2).midi()
   * @example note("c3 e3 g3").ccn(74).ccv(sine.slow(4)).midi('IAC Driver')
   */
  midi(device?: string | number): Pattern;
}
