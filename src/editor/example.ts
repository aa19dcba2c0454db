/** The tune the editor opens with on a first start: only built-in synths and the built-in drum kit. */
export const EXAMPLE_TUNE = `// Welcome to Motif. Ctrl+Enter (Cmd+Enter) plays, Ctrl+. stops.
// Change anything and press Ctrl+Enter again: the music follows on the next cycle.
setcps(0.55)

// drums
$: s("bd*2, ~ sd, hh*8").gain(0.6)

// bass: a minor-key riff, filtered sawtooth
$: note("<a1 a1 f1 g1>*2 [~ a2]").s("sawtooth").lpf(600).decay(0.2).sustain(0.3).gain(0.4)

// chords, slow and soft
$: note("<[a3,c4,e4] [f3,a3,c4] [c4,e4,g4] [g3,b3,d4]>").s("triangle").attack(0.05).release(0.4).gain(0.2)

// melody over the scale, one note in four left out
$: n("0 2 4 <7 6> 4 2 <1 3> ~").scale("A4:minor").s("sine").degradeBy(0.25).gain(0.3)
`;
