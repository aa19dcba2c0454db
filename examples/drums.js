// The offline drum kit: bd sd hh oh cp rim lt mt ht cr rd.
// npx motif render examples/drums.js --cycles 4 -o drums.wav
// npx motif export examples/drums.js --cycles 4 -o drums.mid   (General MIDI drums, channel 10)
setcps(0.5)
$: s("bd ~ [~ bd] ~, ~ sd ~ sd, hh*8").gain("1 0.8")
$: s("<~ ~ ~ [lt mt ht ~]>/1").gain(0.8)
