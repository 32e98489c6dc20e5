// The whole browser entry, evaluated on the page's main thread: it must load without any
// Node module. Training runs in a module Worker (Chromium compiles and instantiates large
// WebAssembly modules synchronously only off the main thread); the result goes on the page.
import * as digitlab from 'digitlab';

const status = document.getElementById('status');
status.dataset.exports = JSON.stringify(Object.keys(digitlab).sort());
const worker = new Worker(new URL('./train-worker.js', import.meta.url), { type: 'module' });
worker.onmessage = (event) => {
  status.dataset.result = JSON.stringify(event.data);
  status.textContent = 'done';
};
worker.onerror = (event) => {
  status.dataset.result = JSON.stringify({ error: event.message });
  status.textContent = 'done';
};
