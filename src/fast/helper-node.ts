// The helper thread's entry in Node (a worker_threads Worker, see node-helper-start.ts), which
// it tells when it listens.
import { parentPort } from 'node:worker_threads';
import { HelperLoop } from './helper-loop.js';
import type { AttachMessage, StartMessage } from './thread-protocol.js';

const loop = new HelperLoop();
parentPort?.on('message', (message: StartMessage | AttachMessage) => loop.receive(message));
parentPort?.postMessage({ type: 'ready' });
