/** Strudel's default tempo: 0.5 cycles per second (120 BPM in 4/4). */
export const DEFAULT_CPS = 0.5;
