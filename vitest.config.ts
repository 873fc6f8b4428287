import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{lang,runtime,stdlib,specs,examples,scripts}/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
    exclude: ["node_modules/**", "dist/**"],
    testTimeout: 30000,
    pool: "forks",
  },
});
