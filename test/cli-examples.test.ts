/** Every file in examples/ evaluates and has events, so the examples never rot. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';

const dir = join(import.meta.dirname, '..', 'examples');
const files = readdirSync(dir).filter((file) => /\.(js|ts|motif)$/.test(file));

describe('examples/', () => {
  it('has examples', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(`${file} queries cleanly over 4 cycles`, async () => {
      const io = memoryIO(dir);
      const code = await main(['query', file, '--cycles', '4', '--json'], io);
      expect(io.err).toBe('');
      expect(code).toBe(0);
      expect(io.out.trim().split('\n').length).toBeGreaterThan(4);
    });
  }
});
