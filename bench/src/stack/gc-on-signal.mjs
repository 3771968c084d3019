// Preloaded (with --expose-gc) into the servers under test. SIGUSR2 runs a full garbage
// collection, so memory per console is measured without the garbage a connect burst leaves;
// SIGTTIN writes a heap snapshot to the temp folder (--heap-snapshot) to see what a console costs.
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";

process.on("SIGUSR2", () => {
  if (typeof globalThis.gc === "function") globalThis.gc();
});
process.on("SIGTTIN", () => {
  const file = path.join(os.tmpdir(), `switchboard-bench-heap-${process.pid}-${Date.now()}.heapsnapshot`);
  v8.writeHeapSnapshot(file);
});
