/**
 * `samples(…)` in code run by the CLI. On strudel.cc (and in Motif's editor) it loads a sample map
 * (`samples('https://…/strudel.json')`, `samples({ kick: 'kick.wav' }, 'http://…/')`). Events do not
 * depend on it, so the CLI only records the calls; `motif render` loads them in its page, where a
 * map that cannot load gives one warning naming it. Pure.
 */
export interface SampleMapRequest {
  /** A URL (or a `github:` shortcut superdough expands), or a map of names to files. */
  map: string | Record<string, unknown>;
  baseUrl?: string;
}

/** A `samples` function for the evaluation scope, and the calls it received. */
export function recordSampleMaps(): { samples: (map: unknown, baseUrl?: unknown) => Promise<void>; requests: SampleMapRequest[] } {
  const requests: SampleMapRequest[] = [];
  const samples = (map: unknown, baseUrl?: unknown): Promise<void> => {
    if (typeof map !== 'string' && (typeof map !== 'object' || map === null)) {
      return Promise.reject(new TypeError(`samples(…) takes a URL or a map of sample names to files, not ${JSON.stringify(map)}`));
    }
    requests.push({ map: map as SampleMapRequest['map'], ...(typeof baseUrl === 'string' ? { baseUrl } : {}) });
    return Promise.resolve();
  };
  return { samples, requests };
}
