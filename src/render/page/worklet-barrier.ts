/**
 * A barrier for messages to the AudioWorklet thread. superdough talks to some of its worklet
 * voices through their ports (the supersaw's `initialize`, which restarts its phases). When the
 * offline render is stopped, those messages wait in the worklet thread's queue; once it resumes,
 * they arrive at render positions that vary from run to run, so the same file would not give the
 * same samples. Before each resume, the render page sends one message through a node of its own
 * and waits for the echo: messages are handled in the order they were sent, so every message
 * posted before it has then been handled, while the render is still stopped.
 */
const PROCESSOR = 'motif-message-barrier';

/** Source of the echoing processor, for the worklet module the page loads. */
export const BARRIER_PROCESSOR_SCRIPT = `
registerProcessor('${PROCESSOR}', class extends AudioWorkletProcessor {
  constructor() {
    super();
    this.port.onmessage = (event) => this.port.postMessage(event.data);
  }
  process() {
    return true;
  }
});
`;

/** After the module with BARRIER_PROCESSOR_SCRIPT is loaded on `context`: resolves once the worklet thread has handled every message posted before the call. */
export function workletBarrier(context: BaseAudioContext): () => Promise<void> {
  const node = new AudioWorkletNode(context, PROCESSOR, { numberOfInputs: 0, numberOfOutputs: 1 }); // never connected: never rendered
  let sent = 0;
  const waiting = new Map<number, () => void>();
  node.port.onmessage = (event: MessageEvent<number>) => {
    waiting.get(event.data)?.();
    waiting.delete(event.data);
  };
  return () =>
    new Promise<void>((resolve) => {
      const id = ++sent;
      waiting.set(id, resolve);
      node.port.postMessage(id);
    });
}
