/** Node adapter of the AI worker: moves messages between `parentPort` and the shared handler. */
import { parentPort } from 'node:worker_threads';
import { setupNodeBackend } from '../tf/node-backend.ts';
import { defaultMelodyCheckpoint } from './checkpoint-node.ts';
import { createAiHandler } from './handler.ts';

const port = parentPort;
if (!port) throw new Error('src/ai/worker/node.ts runs only as a worker_threads Worker');

const handler = createAiHandler({ setupBackend: () => setupNodeBackend(), defaultCheckpoint: defaultMelodyCheckpoint });
port.on('message', (message: unknown) => handler.receive(message, (response) => port.postMessage(response)));
