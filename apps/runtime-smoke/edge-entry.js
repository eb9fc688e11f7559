// edge-runtime runs a script with a `fetch` event listener (Vercel's edge functions): the same worker.
import worker from './worker-entry.js';

addEventListener('fetch', (event) => event.respondWith(worker.fetch(event.request)));
