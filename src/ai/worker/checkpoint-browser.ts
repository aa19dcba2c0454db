/**
 * The repo's melody checkpoint (`models/melody/`) in the browser: Vite emits every file of the
 * folder as an asset and this maps the checkpoint's relative paths to their URLs.
 */
import type { CheckpointSource } from '../melody/model.ts';

const assetUrls: Record<string, string> = import.meta.glob('../../../models/melody/*', {
  query: '?url',
  import: 'default',
  eager: true,
});

const byName = new Map<string, string>(
  Object.entries(assetUrls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]),
);

export function defaultMelodyCheckpoint(): CheckpointSource {
  return {
    kind: 'files',
    async read(relativePath: string) {
      const url = byName.get(relativePath);
      if (!url) throw new Error(`models/melody/${relativePath} is not part of the build`);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
      return response.arrayBuffer();
    },
  };
}
