// Preloaded (with --expose-gc) into the servers under test: SIGUSR2 runs a full garbage
// collection, so memory per console is measured without the garbage a connect burst leaves.
process.on("SIGUSR2", () => {
  if (typeof globalThis.gc === "function") globalThis.gc();
});
