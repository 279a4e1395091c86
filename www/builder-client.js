// builder-client.js: the page's side of the report builder's worker (builder-worker.js, which
// runs the builder's wasm). It starts the worker and turns its protocol, one answer per request
// matched by `id`, into promises: `ask({ type, ... })` resolves with the answer or rejects with
// the worker's error. The page never runs the extractor itself, so it never freezes.

/**
 * Starts the module worker at `url`. `onReady({ maxBytes })` runs once the wasm is loaded;
 * `onFailed(error, { starting })` once if it cannot load or the worker dies (`starting`: before
 * it was ready). Every request still waiting rejects too.
 */
export function startWorker(url, handlers) {
  return connect(new Worker(url, { type: 'module' }), handlers);
}

/** The same over any worker-like object (postMessage and `message` / `error` events). */
export function connect(worker, { onReady = () => {}, onFailed = () => {} } = {}) {
  const pending = new Map();
  let nextId = 1;
  let ready = false;
  let failed = null;
  let settle;
  const started = new Promise((resolve, reject) => { settle = { resolve, reject }; });
  // A worker that fails to start is reported through onFailed; each request also rejects.
  started.catch(() => {});

  function fail(error) {
    if (failed) return;
    failed = error;
    settle.reject(error);
    for (const wait of pending.values()) wait.reject(error);
    pending.clear();
    onFailed(error, { starting: !ready });
  }

  worker.addEventListener('message', ({ data }) => {
    if (data?.type === 'ready') {
      ready = true;
      settle.resolve();
      onReady({ maxBytes: data.maxBytes });
      return;
    }
    if (data?.type === 'failed') {
      fail(new Error(data.error));
      return;
    }
    const wait = pending.get(data?.id);
    if (!wait) return;
    pending.delete(data.id);
    if (data.ok) wait.resolve(data);
    else wait.reject(new Error(data.error));
  });
  // A worker that cannot be loaded at all (missing file, blocked by policy) or that dies.
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    fail(new Error(e.message || (ready ? 'the worker stopped' : 'the worker could not be loaded')));
  });

  /** One request; `transfer` lists buffers handed over rather than copied (a file's bytes). */
  async function ask(message, transfer = []) {
    await started;
    if (failed) throw failed;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id }, transfer);
    });
  }

  return { ask };
}
