/**
 * The page's copy of the AI calls of the sandbox's latest evaluation: their statuses (for the
 * badges) and what each generated (for bake). The sandbox's AI host owns them; this mirror is
 * fed from its messages and answers as the host would. Pure.
 */
import type { CallStatus } from '../ai/client/host.ts';
import type { GeneratedMaterial } from '../ai/transformers/continuation.ts';

export class AiMirror {
  private evaluation = -1;
  private readonly current = new Map<number, CallStatus>();
  private readonly materials = new Map<number, GeneratedMaterial>();
  private readonly listeners = new Set<(status: CallStatus) => void>();

  private follow(evaluation: number): boolean {
    if (evaluation < this.evaluation) return false;
    if (evaluation > this.evaluation) {
      this.evaluation = evaluation;
      this.current.clear();
      this.materials.clear();
    }
    return true;
  }

  /** A new sandbox numbers its evaluations afresh. */
  reset(): void {
    this.evaluation = -1;
    this.current.clear();
    this.materials.clear();
  }

  receiveStatus(status: CallStatus): void {
    if (this.follow(status.evaluation)) this.current.set(status.callId, status);
    for (const listener of this.listeners) listener(status);
  }

  receiveMaterial(callId: number, evaluation: number, material: GeneratedMaterial): void {
    if (this.follow(evaluation)) this.materials.set(callId, material);
  }

  /** The latest evaluation's calls, by call id. */
  statuses(): CallStatus[] {
    return [...this.current.values()].sort((a, b) => a.callId - b.callId);
  }

  /** The latest evaluation's call whose `.fn(…)` contains `offset` (innermost). */
  callAt(offset: number): CallStatus | undefined {
    const around = this.statuses().filter((status) => status.from >= 0 && status.from <= offset && offset < status.to);
    return around.sort((a, b) => a.to - a.from - (b.to - b.from))[0];
  }

  material(callId: number): GeneratedMaterial | undefined {
    return this.materials.get(callId);
  }

  onStatus(listener: (status: CallStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
