import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property tests run thousands of cases; on a loaded 2-core machine they may take tens of seconds.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
