import { openWebKit } from './webkit.js';
import { describeSite } from './site-checks.js';

// WebKitGTK (2.50) makes the page cross-origin isolated but shares no memory between Workers:
// posting a shared WebAssembly.Memory or its SharedArrayBuffer to a Worker throws
// DataCloneError, and there is no global SharedArrayBuffer — JavaScriptCore's
// `useSharedArrayBuffer` option is off in this port (with JSC_useSharedArrayBuffer=1 in the
// browser's environment both work, and the Lab trains on two threads to the same weights: run
// this file so to see it). So by default the Lab trains on one thread there, with the same bits.
describeSite('webkit', openWebKit, { sharesMemoryWhenIsolated: /^(1|true)$/.test(process.env.JSC_useSharedArrayBuffer ?? '') });
