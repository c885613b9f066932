// Prints what the server entry costs: parseCallback per call, and callbacks handled per second over
// loopback with 16 concurrent senders. Run after `npm run build`: `npm run bench:server`. Figures only.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { createCallbackHandler, parseCallback } from 'ktpay-checkout/server';
const body = readFileSync(new URL('../test/fixtures/server/ktpay-callback-completed.json', import.meta.url), 'utf8');
let t = performance.now();
for (let i = 0; i < 100_000; i++) parseCallback(body);
console.log('parseCallback µs/call', ((performance.now() - t) * 10 / 1000).toFixed(2));
const server = http.createServer(createCallbackHandler({ callbackSecret: false, onResult() {} })).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const url = `http://127.0.0.1:${server.address().port}/`;
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const post = (b) => new Promise((resolve, reject) => { const rq = http.request(url, { method: 'POST', agent, headers: { 'Content-Type': 'application/json' } }, (res) => { res.resume(); res.on('end', resolve); }); rq.on('error', reject); rq.end(b); });
const n = 5000;
t = performance.now();
let i = 0;
await Promise.all(Array.from({ length: 16 }, async () => { while (i < n) { const k = i++; await post(body.replace('af7ed500', String(k).padStart(8, '0'))); } }));
console.log('deliveries/s (16 concurrent, distinct results)', Math.round(n / ((performance.now() - t) / 1000)));
server.close(); agent.destroy();
