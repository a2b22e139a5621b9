// Unit and component tests of the web console (money and date formatting, catalogues, components rendered to
// static markup). They run in Node: nothing here needs a browser; the browser journeys are in e2e/.
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    environment: "node",
  },
});
