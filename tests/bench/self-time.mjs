// Self time per trace event name: each event's duration less that of the events nested in it
// on the same thread, so a layout forced by script counts as layout, not twice. `events` are
// one thread's complete ('X') events, sorted by start, the longer first at equal starts.
// Shared by trace.mjs (a whole load) and select-trace.mjs (each selection).
export function selfTimes(events) {
  const self = {};
  const stack = [];
  for (const e of events) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self[parent.name] -= e.dur / 1000;
    self[e.name] = (self[e.name] ?? 0) + e.dur / 1000;
    stack.push(e);
  }
  return self;
}
