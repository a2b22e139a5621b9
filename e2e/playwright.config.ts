// Browser journeys in Debian's Chromium (apt: chromium, fonts-wqy-microhei; never a downloaded browser). The
// config starts the server itself — building the web console if needed — on a free port with a fresh data
// directory, so the demo case loads. Screenshots of every journey land in test-results/e2e/.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { authStatePath } from "./fixtures.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

/** A port nobody listens on, found once by the runner; the workers inherit it through the environment. */
function freePort(): string {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim();
}

process.env.SHANHAI_E2E_PORT ??= freePort();
process.env.SHANHAI_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "shanhai-e2e-"));
const port = process.env.SHANHAI_E2E_PORT;
/** SHANHAI_E2E_BASE_URL runs the journeys against a server that is already up (e.g. `vite preview` while developing). */
const external = process.env.SHANHAI_E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.ts$/,
  outputDir: join(root, "test-results", "e2e"),
  // One server, one database: journeys that write run one after another.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  forbidOnly: Boolean(process.env.CI),
  use: {
    baseURL,
    browserName: "chromium",
    viewport: { width: 1440, height: 900 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.SHANHAI_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "sign-in", testMatch: /auth\.setup\.ts$/ },
    { name: "journeys", dependencies: ["sign-in"], use: { storageState: authStatePath } },
  ],
  webServer: external
    ? undefined
    : {
        command: `"${process.execPath}" scripts/build-web-if-needed.ts && "${process.execPath}" cli/shanhai.ts serve`,
        cwd: root,
        url: `${baseURL}/api/health`,
        timeout: 240_000,
        reuseExistingServer: false,
        stdout: "ignore",
        stderr: "pipe",
        env: {
          PORT: port,
          HOST: "127.0.0.1",
          SHANHAI_DATA_DIR: process.env.SHANHAI_E2E_DATA_DIR,
          SHANHAI_DEMO: "auto",
          LOG_LEVEL: "warn",
        },
      },
});
