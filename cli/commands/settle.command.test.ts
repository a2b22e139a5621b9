import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SettlementRun } from "../../contracts/sharing.ts";
import { describeRun } from "./settle.command.ts";

const shanhai = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["cli/shanhai.ts", ...args], { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent", SHANHAI_DEMO: "off", ...env }, timeout: 60_000 });

describe("shanhai settle and shanhai statement", () => {
  it("explain what they need, with exit code 2", () => {
    const noAgreement = shanhai(["settle", "--period", "2024-03"]);
    expect(noAgreement.status).toBe(2);
    expect(noAgreement.stderr).toContain("--agreement ID is required");
    const half = shanhai(["settle", "--run", "x"]);
    expect(half.stderr).toContain("--run ID and --confirm PARTY");
    const format = shanhai(["statement", "--run", "x", "--party", "330723", "--format", "docx"]);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain("--format must be xlsx, pdf, json");
  });

  it("answer an unknown agreement or run with the API's message and exit code 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "shanhai-settle-"));
    const settle = shanhai(["settle", "--agreement", "00000000-0000-4000-8000-000000000000", "--period", "2024-03"], { SHANHAI_DATA_DIR: dir });
    expect(settle.status).toBe(1);
    expect(settle.stderr).toContain("agreement.not_found");
    const statement = shanhai(["statement", "--run", "00000000-0000-4000-8000-000000000000", "--party", "330723"], { SHANHAI_DATA_DIR: dir });
    expect(statement.status).toBe(1);
    expect(statement.stderr).toContain("settlement_run.not_found");
  });

  it("prints the run id, status and each party's totals, money in yuan", () => {
    const run = {
      id: "6c1e0000-0000-4000-8000-000000000000",
      kind: "settlement",
      status: "draft",
      restatesRunId: null,
      period: { label: "2024-03", kind: "month", year: 2024, firstMonth: 3, lastMonth: 3 },
      parties: [
        { code: "330723", name: "武义县", confirmation: null },
        { code: "330784", name: "永康市", confirmation: null },
      ],
      totals: [
        { party: "330723", partyName: "武义县", measure: "local_retained_vat", unit: "fen", dueToDate: "123456789", previouslyPosted: "0", amount: "-1234567" },
        { party: "330784", partyName: "永康市", measure: "energy_quota", unit: "tce", dueToDate: "12.5", previouslyPosted: "0", amount: "12.5" },
      ],
      warnings: [],
    } as unknown as SettlementRun;
    const text = describeRun(run, "new");
    expect(text).toContain("run 6c1e0000-0000-4000-8000-000000000000");
    expect(text).toContain("settlement of 2024-03, draft (new)");
    expect(text).toContain("¥-12,345.67 this period (¥1,234,567.89 due to date)");
    expect(text).toContain("12.5 tce this period");
  });
});
