import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    // The suite waits on sockets, Redis and PostgreSQL far more than it computes: run files side by
    // side even on a 2-CPU machine (each file has its own database and Redis key prefix).
    maxWorkers: 3,
    minWorkers: 1
  }
});
