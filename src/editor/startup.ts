/** Which code the editor opens with. Pure. */
export type CodeSource = 'shared' | 'saved' | 'example';

export interface InitialCode {
  code: string;
  source: CodeSource;
}

/**
 * A shared link wins (it does not replace the saved code, which stays restorable); then the
 * autosaved code; then the example tune on a first start.
 */
export function initialCode(shared: string | null, saved: string | null, example: string): InitialCode {
  if (shared !== null) return { code: shared, source: 'shared' };
  if (saved !== null && saved.trim() !== '') return { code: saved, source: 'saved' };
  return { code: example, source: 'example' };
}
