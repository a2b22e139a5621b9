import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";

// The embedded database in a temporary directory, whatever the environment of the test run says.
const { DATABASE_URL: _ignored, ...environment } = process.env;

const shanhai = (args: string[], dataDir: string, input?: string) =>
  spawnSync(process.execPath, ["cli/shanhai.ts", ...args], {
    encoding: "utf8",
    input,
    env: { ...environment, LOG_LEVEL: "silent", SHANHAI_DATA_DIR: dataDir, SHANHAI_DEMO: "off" },
    timeout: 60_000,
  });

describe("shanhai admin create and shanhai audit verify", () => {
  const dir = mkdtempSync(join(tmpdir(), "shanhai-admin-"));

  it("creates the first system administrator with a password from standard input, never a default", () => {
    const noPassword = shanhai(["admin", "create", "--username", "root"], dir);
    expect(noPassword.status).toBe(2);
    expect(noPassword.stderr).toContain("--password-stdin");
    const created = shanhai(["admin", "create", "--username", "root", "--password-stdin"], dir, "Strong-pass-2026\n");
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/Created the system administrator root/);
  }, 120_000);

  it("finds the audit log intact, then reports the entry edited out of band", async () => {
    const intact = shanhai(["audit", "verify"], dir);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/intact: \d+ entries; head #\d+ [0-9a-f]{64}/);

    const pglite = await PGlite.create(join(dir, "pgdata"));
    await pglite.exec("set session_replication_role = replica; update platform_audit_entry set actor_name = 'nobody' where seq = 1;");
    await pglite.close();
    const broken = shanhai(["audit", "verify"], dir);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain("BROKEN at entry #1");
  }, 120_000);
});
