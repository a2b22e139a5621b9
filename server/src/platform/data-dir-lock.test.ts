import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirInUse, lockDataDir } from "./data-dir-lock.ts";

describe("the data-directory lock", () => {
  it("refuses a second holder while the first lives, and frees the directory on release", () => {
    const dir = mkdtempSync(join(tmpdir(), "lock-"));
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, "shanhai.lock"), "utf8")).toBe(String(process.pid));
    expect(() => lockDataDir(dir)).toThrow(DataDirInUse);
    lock.release();
    lockDataDir(dir).release();
  });

  it("takes over a lock left by a process that no longer runs", () => {
    const dir = mkdtempSync(join(tmpdir(), "lock-"));
    writeFileSync(join(dir, "shanhai.lock"), "2147483646"); // no such pid
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, "shanhai.lock"), "utf8")).toBe(String(process.pid));
    lock.release();
  });
});
