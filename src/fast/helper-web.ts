/// <reference lib="webworker" />
// The helper thread's entry in a browser: a Web Worker started by the Lab's training Worker
// (see web-helper-start.ts).
import { HelperLoop } from './helper-loop.js';
import type { AttachMessage, StartMessage } from './thread-protocol.js';

const loop = new HelperLoop();
(self as unknown as DedicatedWorkerGlobalScope).onmessage = (event: MessageEvent<StartMessage | AttachMessage>) => loop.receive(event.data);
