/** WAV files (RIFF, 16-bit PCM, interleaved). Pure. */

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Wraps interleaved 16-bit samples in a WAV header. */
export function encodeWav(interleaved: Int16Array, channels: number, sampleRate: number): Uint8Array {
  const dataBytes = interleaved.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) => {
    for (let i = 0; i < value.length; i++) bytes[offset + i] = value.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true); // byte rate
  view.setUint16(32, channels * 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
  if (LITTLE_ENDIAN) bytes.set(new Uint8Array(interleaved.buffer, interleaved.byteOffset, dataBytes), 44);
  else for (let i = 0; i < interleaved.length; i++) view.setInt16(44 + i * 2, interleaved[i]!, true);
  return bytes;
}

export interface DecodedWav {
  channels: number;
  sampleRate: number;
  /** One Float32Array per channel, samples in [-1, 1). */
  data: Float32Array[];
}

/** Reads a 16-bit PCM WAV (as written by `encodeWav`). */
export function decodeWav(bytes: Uint8Array): DecodedWav {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a WAV file');
  let offset = 12;
  let channels = 0;
  let sampleRate = 0;
  let bits = 0;
  while (offset + 8 <= bytes.length) {
    const id = tag(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      channels = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
      bits = view.getUint16(body + 14, true);
    } else if (id === 'data') {
      if (bits !== 16) throw new Error(`only 16-bit WAV is supported, got ${bits}-bit`);
      const frames = Math.floor(size / 2 / channels);
      const data = Array.from({ length: channels }, () => new Float32Array(frames));
      for (let i = 0; i < frames; i++) for (let c = 0; c < channels; c++) data[c]![i] = view.getInt16(body + (i * channels + c) * 2, true) / 32768;
      return { channels, sampleRate, data };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV file has no data chunk');
}
