// Trains in a module Worker (Chromium compiles and instantiates large WebAssembly modules
// synchronously only off the main thread) and puts the result on the page.
const worker = new Worker(new URL('./train-worker.js', import.meta.url), { type: 'module' });
const status = document.getElementById('status');
worker.onmessage = (event) => {
  status.dataset.result = JSON.stringify(event.data);
  status.textContent = 'done';
};
worker.onerror = (event) => {
  status.dataset.result = JSON.stringify({ error: event.message });
  status.textContent = 'done';
};
