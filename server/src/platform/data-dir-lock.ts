// PGlite has no lock of its own: two processes on one data directory corrupt it. We take a lock file holding
// our pid; a second process gets a clear message. A lock left by a dead process (kill -9) is taken over.
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { join, resolve } from "node:path";
import { DomainError } from "./errors.ts";

export type DataDirLock = { path: string; release(): void };

export class DataDirInUse extends DomainError {
  constructor(dir: string, pid: number) {
    super(
      "unavailable",
      "database.data_dir_in_use",
      `The data directory ${dir} is in use by another shanhai process (pid ${pid}). ` +
        `Stop that process, or set SHANHAI_DATA_DIR to another directory.`,
    );
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "shanhai.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { path, release: () => releaseIfOurs(path) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(path);
      if (holder !== undefined && holder !== process.pid && isAlive(holder)) throw new DataDirInUse(dir, holder);
      if (holder === process.pid) throw new DataDirInUse(dir, holder);
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${path}`);
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined; // vanished between open and read: treat as stale
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function releaseIfOurs(path: string): void {
  if (readHolder(path) === process.pid) rmSync(path, { force: true });
}
