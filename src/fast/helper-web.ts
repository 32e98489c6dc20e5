/// <reference lib="webworker" />
// The helper thread's entry in a browser: a Web Worker started by the Lab's training Worker
// (see web-helper-start.ts), which it tells when it listens.
import { HelperLoop } from './helper-loop.js';
import type { AttachMessage, StartMessage } from './thread-protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const loop = new HelperLoop();
scope.onmessage = (event: MessageEvent<StartMessage | AttachMessage>) => loop.receive(event.data);
scope.postMessage({ type: 'ready' });
