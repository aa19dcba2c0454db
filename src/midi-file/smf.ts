/**
 * Standard MIDI Files (format 1) to and from a plain note list, in ticks. Pure: bytes in, bytes
 * out; reading and writing files is the CLI's job. Built on the `midi-file` package.
 */
import { parseMidi, writeMidi, type MidiData, type MidiEvent } from 'midi-file';

export interface SmfNote {
  startTick: number;
  endTick: number;
  key: number;
  velocity: number;
  channel: number;
}

export interface SmfTrack {
  name: string;
  notes: SmfNote[];
}

export interface TimeSignature {
  numerator: number;
  denominator: number;
}

export interface SmfSong {
  ticksPerBeat: number;
  /** Quarter notes per minute. */
  bpm: number;
  timeSignature: TimeSignature;
  tracks: SmfTrack[];
  /** What reading found wrong but could read around (a truncated file, a tempo of 0); absent = none. */
  warnings?: string[];
}

/** Tempos outside this range (quarter notes per minute) are read as the default 120. */
export const TEMPO_RANGE = { min: 1, max: 1000 } as const;

/**
 * Checks the chunk structure that the parser reads past: every chunk the header promises is there
 * and whole. Returns one line per problem.
 */
function truncation(bytes: Uint8Array, declaredTracks: number): string[] {
  if (bytes.length < 14) return [`the file is truncated: ${bytes.length} bytes, shorter than a MIDI header`];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8 + view.getUint32(4);
  let tracks = 0;
  while (offset + 8 <= bytes.length) {
    const id = String.fromCharCode(...bytes.subarray(offset, offset + 4));
    const length = view.getUint32(offset + 4);
    if (id === 'MTrk') tracks++;
    if (offset + 8 + length > bytes.length) {
      return [`the file is truncated: track ${tracks} of ${declaredTracks} should have ${length} bytes, ${bytes.length - offset - 8} are there`];
    }
    offset += 8 + length;
  }
  if (offset < bytes.length) return [`the file is truncated: ${bytes.length - offset} stray bytes after track ${tracks}`];
  if (tracks < declaredTracks) return [`the file is truncated: the header promises ${declaredTracks} tracks, ${tracks} are there`];
  return [];
}

interface Timed {
  tick: number;
  /** Note-offs sort before note-ons at the same tick, so a repeated key is not cut short. */
  order: number;
  event: MidiEvent;
}

function withDeltas(timed: Timed[]): MidiEvent[] {
  timed.sort((a, b) => a.tick - b.tick || a.order - b.order);
  let last = 0;
  return timed.map(({ tick, event }) => {
    const delta = tick - last;
    last = tick;
    return { ...event, deltaTime: delta } as MidiEvent;
  });
}

export function encodeSmf(song: SmfSong): Uint8Array {
  const conductor: MidiEvent[] = [
    { deltaTime: 0, meta: true, type: 'trackName', text: 'tempo' },
    { deltaTime: 0, meta: true, type: 'setTempo', microsecondsPerBeat: Math.round(60_000_000 / song.bpm) },
    {
      deltaTime: 0,
      meta: true,
      type: 'timeSignature',
      numerator: song.timeSignature.numerator,
      denominator: song.timeSignature.denominator,
      metronome: 24,
      thirtyseconds: 8,
    },
    { deltaTime: 0, meta: true, type: 'endOfTrack' },
  ];
  const tracks = song.tracks.map((track) => {
    const timed: Timed[] = [{ tick: 0, order: -1, event: { deltaTime: 0, meta: true, type: 'trackName', text: track.name } }];
    for (const note of track.notes) {
      const { channel, key, velocity } = note;
      timed.push({ tick: note.startTick, order: 1, event: { deltaTime: 0, type: 'noteOn', channel, noteNumber: key, velocity } });
      timed.push({ tick: note.endTick, order: 0, event: { deltaTime: 0, type: 'noteOff', channel, noteNumber: key, velocity: 0 } });
    }
    const end = timed.reduce((max, t) => Math.max(max, t.tick), 0);
    timed.push({ tick: end, order: 2, event: { deltaTime: 0, meta: true, type: 'endOfTrack' } });
    return withDeltas(timed);
  });
  const data: MidiData = {
    header: { format: 1, numTracks: tracks.length + 1, ticksPerBeat: song.ticksPerBeat },
    tracks: [conductor, ...tracks],
  };
  return Uint8Array.from(writeMidi(data));
}

export class SmfError extends Error {
  override name = 'SmfError';
}

export function decodeSmf(bytes: Uint8Array): SmfSong {
  let data: MidiData;
  try {
    data = parseMidi(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const cut = bytes.length >= 14 && String.fromCharCode(...bytes.subarray(0, 4)) === 'MThd' ? ' or truncated' : '';
    throw new SmfError(`not a Standard MIDI File${cut} (${reason})`);
  }
  const warnings = truncation(bytes, data.header.numTracks);
  const ticksPerBeat = data.header.ticksPerBeat;
  if (!ticksPerBeat) throw new SmfError('SMPTE-timed MIDI files are not supported (no ticks per beat)');
  let bpm: number | null = null;
  let timeSignature: TimeSignature | null = null;
  const tracks: SmfTrack[] = data.tracks.map((events, index) => {
    let tick = 0;
    let name = `track ${index + 1}`;
    const open = new Map<string, { tick: number; velocity: number }[]>();
    const notes: SmfNote[] = [];
    for (const event of events) {
      tick += event.deltaTime;
      if (event.type === 'trackName') name = event.text;
      else if (event.type === 'setTempo' && bpm === null) {
        const tempo = 60_000_000 / event.microsecondsPerBeat;
        if (tempo >= TEMPO_RANGE.min && tempo <= TEMPO_RANGE.max) bpm = tempo;
        else warnings.push(`a tempo of ${event.microsecondsPerBeat} µs per beat is outside ${TEMPO_RANGE.min}–${TEMPO_RANGE.max} BPM: read as 120 BPM`);
      }
      else if (event.type === 'timeSignature' && timeSignature === null) timeSignature = { numerator: event.numerator, denominator: event.denominator };
      else if (event.type === 'noteOn' || event.type === 'noteOff') {
        const id = `${event.channel}:${event.noteNumber}`;
        if (event.type === 'noteOn' && event.velocity > 0) {
          const stack = open.get(id) ?? [];
          stack.push({ tick, velocity: event.velocity });
          open.set(id, stack);
        } else {
          const started = open.get(id)?.shift();
          if (started) notes.push({ startTick: started.tick, endTick: tick, key: event.noteNumber, velocity: started.velocity, channel: event.channel });
        }
      }
    }
    notes.sort((a, b) => a.startTick - b.startTick || a.key - b.key);
    return { name, notes };
  });
  const song: SmfSong = { ticksPerBeat, bpm: bpm ?? 120, timeSignature: timeSignature ?? { numerator: 4, denominator: 4 }, tracks };
  return warnings.length ? { ...song, warnings } : song;
}
