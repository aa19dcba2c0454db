/**
 * The sounds an offline render can play. Until src/audio's default kit lands this is superdough's
 * synths (sine, square, triangle, sawtooth, supersaw, noise, …); see the CLI report.
 */
import { registerSynthSounds } from 'superdough';

export async function registerRenderSounds(_context: BaseAudioContext): Promise<void> {
  registerSynthSounds();
}
