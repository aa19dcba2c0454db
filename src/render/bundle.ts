/**
 * Builds the render page (page/entry.ts and superdough) into one script with esbuild, cached in
 * `.cache/render/`. The cache is reused while every input file keeps its size and mtime.
 */
import { build } from 'esbuild';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const entry = join(root, 'src', 'render', 'page', 'entry.ts');
const cacheDir = join(root, '.cache', 'render');
const bundlePath = join(cacheDir, 'page.js');
const stampPath = join(cacheDir, 'page.inputs.json');

type Stamp = Record<string, string>;

/**
 * esbuild options that are part of the cache key. `production` keeps superdough from logging a
 * deprecation notice for every voice (2 console messages a note, each shipped over DevTools).
 */
const BUILD = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
  define: { 'process.env.NODE_ENV': '"production"' },
} as const;
const OPTIONS_KEY = '(options)';

async function fileStamp(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    return `${info.size}:${info.mtimeMs}`;
  } catch {
    return null;
  }
}

async function cached(): Promise<string | null> {
  try {
    const stamp = JSON.parse(await readFile(stampPath, 'utf8')) as Stamp;
    if (stamp[OPTIONS_KEY] !== JSON.stringify(BUILD)) return null;
    for (const [path, expected] of Object.entries(stamp)) {
      if (path !== OPTIONS_KEY && (await fileStamp(join(root, path))) !== expected) return null;
    }
    return await readFile(bundlePath, 'utf8');
  } catch {
    return null;
  }
}

/** The page script, built if its inputs changed since the last build. */
export async function renderPageScript(): Promise<string> {
  const hit = await cached();
  if (hit !== null) return hit;
  const result = await build({
    ...BUILD,
    entryPoints: [entry],
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: root,
  });
  const script = result.outputFiles[0]!.text;
  const stamp: Stamp = { [OPTIONS_KEY]: JSON.stringify(BUILD) };
  for (const input of Object.keys(result.metafile.inputs)) stamp[input] = (await fileStamp(join(root, input))) ?? '';
  await mkdir(cacheDir, { recursive: true });
  await writeFile(bundlePath, script);
  await writeFile(stampPath, JSON.stringify(stamp));
  return script;
}
