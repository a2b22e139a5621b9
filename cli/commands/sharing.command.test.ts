import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "shanhai-sharing-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fuzhouTerms = join(root, "docs/sharing/examples/fuzhou-investment.json");
const figures = join(dir, "figures.csv");
writeFileSync(
  figures,
  [
    "企业,月份,指标,金额（万元）",
    "fuzhou-invested-enterprise,2023-12,local_retained_vat,10.0001",
    "fuzhou-invested-enterprise,2024-01,local_retained_vat,10.0001",
    "fuzhou-invested-enterprise,2024-08,local_retained_vat,20",
    "fuzhou-invested-enterprise,2024-08,工业总产值,500",
  ].join("\n"),
);

function shanhai(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, "cli/shanhai.ts"), ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, SHANHAI_DATA_DIR: dir } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

type Total = { party: string; measure: string; dueToDate: string; previouslyPosted: string; amount: string };
type Output = { settlements: { period: { label: string }; totals: Total[]; lines: { figures?: unknown }[] }[] };

describe("shanhai sharing simulate", () => {
  it("splits every year of the figures and prints JSON with amounts in fen", () => {
    const run = shanhai("sharing", "simulate", "--terms", fuzhouTerms, "--figures", figures);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as Output;
    expect(output.settlements.map((s) => s.period.label)).toEqual(["2023", "2024"]);
    const totals = (output.settlements[1] as Output["settlements"][number]).totals.map((t) => [t.party, t.measure, t.amount]);
    // 2024 VAT: 10.0001 + 20 万元 = 30,000,100 fen; 7:3 gives 21,000,070 and 9,000,030. Output counts 100:0.
    expect(totals).toEqual([
      ["investing-county", "local_retained_vat", "21000070"],
      ["investing-county", "industrial_output", "500000000"],
      ["host-county", "local_retained_vat", "9000030"],
      ["host-county", "industrial_output", "0"],
    ]);
  });

  it("settles one period as the year to date minus the earlier periods, as CSV", () => {
    const run = shanhai("sharing", "simulate", "--terms", fuzhouTerms, "--figures", figures, "--period", "2024-Q3", "--format", "csv");
    expect(run.code).toBe(0);
    const rows = run.stdout.replace(/^\uFEFF/, "").trim().split("\r\n").map((line) => line.split(","));
    expect(rows[0]?.slice(0, 13)).toEqual(["period", "kind", "rule", "measure", "unit", "subject", "party", "party_name", "share", "ytd_total", "due_to_date", "previously_posted", "amount"]);
    const vat = rows.filter((r) => r[2] === "retained-vat").map((r) => [r[6], r[10], r[11], r[12]]);
    // January's 10.0001 万元 (10,000,100 fen) was split 7,000,070 / 3,000,030 in Q1; Q3 adds 20 万元.
    expect(vat).toEqual([
      ["investing-county", "21000070", "7000070", "14000000"],
      ["host-county", "9000030", "3000030", "6000000"],
    ]);
  });

  it("lists every problem of a bad terms file and exits 1", () => {
    const bad = join(dir, "bad-terms.json");
    writeFileSync(bad, JSON.stringify({ id: "x", version: 1, effectiveFrom: "2024-01-01", parties: [{ code: "A", name: "A" }, { code: "B", name: "B" }], rules: [{ id: "r", measure: "local_retained_vat", coverage: { kind: "enterprises", enterprises: ["E"] }, schedule: { basis: "calendar", startYear: 2024, windows: [{ fromYear: 1, toYear: null, shares: [{ party: "A", share: 6000 }, { party: "C", share: 3000 }] }] } }] }));
    const run = shanhai("sharing", "simulate", "--terms", bad, "--figures", figures);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("rules.0.schedule.windows.0.shares.1.party: unknown party C");
    expect(run.stderr).toContain("rules.0.schedule.windows.0.shares: shares add up to 9/10");
    expect(run.stdout).toBe("");
  });

  it("rejects a figures file with the row and column of each problem", () => {
    const broken = join(dir, "broken.csv");
    writeFileSync(broken, "Enterprise,Month,Measure,Amount\nfuzhou-invested-enterprise,2024-02,local_retained_vat,12\n");
    const run = shanhai("sharing", "simulate", "--terms", fuzhouTerms, "--figures", broken);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("row 2, column Amount: has no unit");
  });

  it("refuses a period it cannot read with exit code 2", () => {
    const run = shanhai("sharing", "simulate", "--terms", fuzhouTerms, "--figures", figures, "--period", "2024-13");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--period must be");
  });
});
