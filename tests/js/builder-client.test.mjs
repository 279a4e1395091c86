// The report builder's worker client (www/builder-client.js) over a stand-in worker: requests
// wait for `ready`, answers are matched by id whatever their order, a failed request rejects
// alone, and a worker that fails to start or dies rejects every waiting request and says so
// once. Run with `node --test tests/js/`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect } from '../../www/builder-client.js';

/** A worker as the client sees one: postMessage out, `message` and `error` events in. */
class FakeWorker extends EventTarget {
  sent = [];
  postMessage(message, transfer) { this.sent.push({ message, transfer }); }
  answer(data) { this.dispatchEvent(Object.assign(new Event('message'), { data })); }
  die(message) { this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message })); }
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

test('requests wait for ready; answers are matched by id in any order', async () => {
  const worker = new FakeWorker();
  const ready = [];
  const { ask } = connect(worker, { onReady: (r) => ready.push(r) });
  const first = ask({ type: 'extract', text: 'a' });
  const second = ask({ type: 'stylesheet' }, ['buffer']);
  await tick();
  assert.equal(worker.sent.length, 0, 'nothing is sent before the wasm is ready');
  worker.answer({ type: 'ready', maxBytes: 42 });
  await tick();
  assert.deepEqual(ready, [{ maxBytes: 42 }]);
  assert.deepEqual(worker.sent.map((s) => s.message), [{ type: 'extract', text: 'a', id: 1 }, { type: 'stylesheet', id: 2 }]);
  assert.deepEqual(worker.sent[1].transfer, ['buffer']);
  worker.answer({ id: 2, ok: true, css: 'x' });
  worker.answer({ id: 1, ok: false, error: 'bad text' });
  assert.deepEqual(await second, { id: 2, ok: true, css: 'x' });
  await assert.rejects(first, { message: 'bad text' });
  // An answer nobody waits for (a stale id) is ignored.
  worker.answer({ id: 99, ok: true });
});

test('a worker that cannot start: onFailed once, while starting; every request rejects', async () => {
  const worker = new FakeWorker();
  const failures = [];
  const { ask } = connect(worker, { onFailed: (e, how) => failures.push([e.message, how]) });
  const waiting = ask({ type: 'extract', text: 'a' });
  worker.answer({ type: 'failed', error: 'no wasm' });
  await assert.rejects(waiting, { message: 'no wasm' });
  await assert.rejects(ask({ type: 'stylesheet' }), { message: 'no wasm' });
  worker.die('later');
  assert.deepEqual(failures, [['no wasm', { starting: true }]]);
});

test('a worker that dies after starting: the waiting request rejects, onFailed says not starting', async () => {
  const worker = new FakeWorker();
  const failures = [];
  const { ask } = connect(worker, { onFailed: (e, how) => failures.push([e.message, how]) });
  worker.answer({ type: 'ready', maxBytes: 1 });
  const waiting = ask({ type: 'extract', text: 'a' });
  await tick();
  worker.die('');
  await assert.rejects(waiting, { message: 'the worker stopped' });
  assert.deepEqual(failures, [['the worker stopped', { starting: false }]]);
});
