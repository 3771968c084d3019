// Preloaded (with --expose-gc) into the servers under test. SIGUSR2 runs a full, compacting
// garbage collection, so memory per console is measured without the garbage a connect burst
// leaves, nor the half-empty pages it leaves behind (V8's memory reducer compacts those a few
// seconds into idleness; a plain full GC leaves them, and RSS then depends on when it is read);
// SIGTTIN writes a heap snapshot to the temp folder (--heap-snapshot) to see what a console costs.
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";

process.on("SIGUSR2", () => {
  if (typeof globalThis.gc !== "function") return;
  v8.setFlagsFromString("--compact-on-every-full-gc");
  globalThis.gc();
  v8.setFlagsFromString("--no-compact-on-every-full-gc");
});
process.on("SIGTTIN", () => {
  const file = path.join(os.tmpdir(), `switchboard-bench-heap-${process.pid}-${Date.now()}.heapsnapshot`);
  v8.writeHeapSnapshot(file);
});
