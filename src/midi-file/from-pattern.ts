/**
 * Pattern events (in cycles) → an SMF song (in ticks). One cycle is one bar of `beatsPerCycle`
 * quarter notes, so BPM = cps × 60 × beatsPerCycle (cps × 240 in 4/4). One track per layer; a
 * layer's drum hits get their own track on channel 10.
 */
import { GM_DRUM_CHANNEL } from './gm-drums.ts';
import { midiVoice } from './from-events.ts';
import type { SmfNote, SmfSong, SmfTrack } from './smf.ts';

export interface CycleEvent {
  /** Onset and end of the whole event, in cycles. */
  begin: number;
  end: number;
  value: unknown;
  layer: string;
}

export interface SongOptions {
  cps: number;
  beatsPerCycle?: number;
  ticksPerBeat?: number;
  /** Where the song starts, in cycles (events are shifted so this is tick 0). */
  offset?: number;
}

export interface PatternSong {
  song: SmfSong;
  /** Events that name no pitch and no kit drum, so have no MIDI note. */
  skipped: number;
}

/** Melodic channel for the n-th layer: 0, 1, …, skipping the drum channel. */
function layerChannel(index: number): number {
  const channel = index % 15;
  return channel >= GM_DRUM_CHANNEL ? channel + 1 : channel;
}

export function patternToSong(events: CycleEvent[], options: SongOptions): PatternSong {
  const beatsPerCycle = options.beatsPerCycle ?? 4;
  const ticksPerBeat = options.ticksPerBeat ?? 480;
  const offset = options.offset ?? 0;
  const ticksPerCycle = beatsPerCycle * ticksPerBeat;
  const layerOrder: string[] = [];
  const tracks = new Map<string, SmfTrack>();
  let skipped = 0;
  for (const event of events) {
    if (!layerOrder.includes(event.layer)) layerOrder.push(event.layer);
    const voice = midiVoice(event.value);
    if (!voice) {
      skipped++;
      continue;
    }
    const channel = voice.channel ?? layerChannel(layerOrder.indexOf(event.layer));
    const drums = channel === GM_DRUM_CHANNEL;
    const id = drums ? `${event.layer} drums` : `${event.layer}`;
    let track = tracks.get(id);
    if (!track) tracks.set(id, (track = { name: id, notes: [] }));
    const startTick = Math.round((event.begin - offset) * ticksPerCycle);
    const endTick = Math.max(startTick + 1, Math.round((event.end - offset) * ticksPerCycle));
    const note: SmfNote = { startTick, endTick, key: voice.key, velocity: voice.velocity, channel };
    track.notes.push(note);
  }
  const song: SmfSong = {
    ticksPerBeat,
    bpm: options.cps * 60 * beatsPerCycle,
    timeSignature: { numerator: beatsPerCycle, denominator: 4 },
    tracks: [...tracks.values()],
  };
  return { song, skipped };
}
