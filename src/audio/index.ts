/** Motif's sound: superdough behind a small API, plus the procedural drum kit. */
export { registerDefaultSounds, LIVE_MAX_POLYPHONY, OFFLINE_MAX_POLYPHONY, type AudioEngine, type EngineOptions } from './engine.ts';
export { CEILING, LIMITER_DELAY_SECONDS, type MasterBus } from './master-bus.ts';
export { DRUM_NAMES, drumVariations, synthesizeDrum, type DrumName } from './drums/kit.ts';
