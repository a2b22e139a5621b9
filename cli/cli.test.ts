import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lockDataDir } from "../server/src/platform/data-dir-lock.ts";

const shanhai = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["cli/shanhai.ts", ...args], { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent", ...env }, timeout: 60_000 });

describe("the shanhai command", () => {
  it("lists its commands", () => {
    const help = shanhai(["--help"]);
    expect(help.status).toBe(0);
    for (const command of ["serve", "migrate", "demo", "export"]) expect(help.stdout).toContain(command);
  });

  it("says which command it does not know, with exit code 2", () => {
    const wrong = shanhai(["serv"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('unknown command "serv"');
  });

  it("refuses a data directory another process holds, with a clear message and no stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "shanhai-cli-"));
    const lock = lockDataDir(dir); // this test process plays the running server
    try {
      const second = shanhai(["migrate"], { SHANHAI_DATA_DIR: dir });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`is in use by another shanhai process (pid ${process.pid})`);
      expect(second.stderr).not.toMatch(/\n\s+at /);
    } finally {
      lock.release();
    }
  });

  it("migrates a new embedded database and then finds it up to date", () => {
    const dir = mkdtempSync(join(tmpdir(), "shanhai-cli-"));
    const first = shanhai(["migrate"], { SHANHAI_DATA_DIR: dir });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Applied \d+ migration/);
    const again = shanhai(["migrate"], { SHANHAI_DATA_DIR: dir });
    expect(again.stdout).toContain("up to date");
  });

  it("lists every bad configuration key and stops", () => {
    const bad = shanhai(["migrate"], { PORT: "eighty" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("PORT");
  });
});
