import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["server/**/*.test.ts", "cli/**/*.test.ts", "contracts/**/*.test.ts", "web/src/**/*.test.ts", "web/src/**/*.test.tsx"],
    globalSetup: ["server/test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
