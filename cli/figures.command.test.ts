// `shanhai figures import` as an official runs it: a child process on a data directory of its own, whose
// register (a county and two enterprises) the test puts there first.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../server/src/config/config.ts";
import { createApp } from "../server/src/main.ts";
import { illustrativeOrganisationCode, makeUscc } from "../server/src/modules/enterprises/index.ts";
import { systemActor } from "../server/src/platform/actor.ts";

const root = resolve(import.meta.dirname, "..");
let dataDir: string;
const usccs = [0, 1].map((i) => makeUscc({ regionCode: "330723", organisationCode: illustrativeOrganisationCode(9_100_000 + i) }));

function shanhai(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, SHANHAI_DATA_DIR: dataDir, SHANHAI_DEMO: "off", LOG_LEVEL: "silent" };
  delete env.DATABASE_URL;
  const run = spawnSync(process.execPath, [join(root, "cli/shanhai.ts"), ...args], { cwd: root, env, encoding: "utf8", timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function csvFile(name: string, lines: string[]): Promise<string> {
  const path = join(dataDir, name);
  await writeFile(path, lines.join("\n"), "utf8");
  return path;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "shanhai-cli-figures-"));
  const app = await createApp(loadConfig({ SHANHAI_DATA_DIR: dataDir, SHANHAI_DEMO: "off", LOG_LEVEL: "silent" }));
  const actor = systemActor("test");
  await app.modules.regions.regions.create(actor, { code: "330723", nameZh: "武义县", nameEn: "Wuyi", level: "county", kind: null, parentCode: null, facts: [], illustrative: false });
  for (const [i, uscc] of usccs.entries()) {
    await app.modules.enterprises.enterprises.create(actor, {
      uscc, nameZh: `命令行指标企业${i}`, nameEn: null, homeRegionCode: "330723", industryCode: "3471", enclaveId: null, residentSince: null,
      employees: null, foundedOn: null, products: [], registeredCapitalFen: null, note: null, illustrative: false,
    });
  }
  await app.close();
}, 180_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("shanhai figures", () => {
  it("imports a small file at once and says so when the same file comes again", async () => {
    const file = await csvFile("march.csv", ["企业,月份,指标,金额（万元）", `${usccs[0]},2024-03,增值税地方留成,"1,234.5678"`, `命令行指标企业1,2024年3月,local_retained_cit,0.01`]);
    const first = shanhai("figures", "import", file);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("Imported figures from march.csv");
    expect(first.stdout).toContain("rows 2, created 2, corrected 0, unchanged 0, rejected 0");
    const again = shanhai("figures", "import", file);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain("march.csv was imported before");
  }, 120_000);

  it("refuses a file with problems, listing each by row and column, with exit code 1", async () => {
    const file = await csvFile("bad.csv", ["企业,月份,指标,金额（万元）", `${usccs[0]},2024-13,local_retained_vat,1`, `nobody,2024-03,local_retained_vat,1`]);
    const run = shanhai("figures", "import", file);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("Nothing was imported from bad.csv");
    expect(run.stderr).toContain("row 2, column 月份: is not a month");
    expect(run.stderr).toContain("row 3, column 企业: no enterprise with this USCC or name in the register (nobody)");
  }, 120_000);

  it("queues a large file as a background job, and --wait follows one to the end with a progress bar", async () => {
    const large = (name: string, year: number) => {
      const lines = ["企业,月份,指标,金额（元）"];
      for (let i = 0; i < 7000; i += 1) lines.push(`${usccs[i % 2]},${year + Math.floor(i / 24)}-${String((Math.floor(i / 2) % 12) + 1).padStart(2, "0")},value_added,${i}.25`);
      return csvFile(name, lines);
    };
    const queued = shanhai("figures", "import", await large("large.csv", 1700));
    expect(queued.status, queued.stderr).toBe(0);
    const id = /queued as import ([0-9a-f-]{36})/.exec(queued.stdout)?.[1] as string;
    expect(id).toBeDefined();
    // The next start resumes the queued import (it may well be done by the time the status is read).
    const status = shanhai("figures", "status", id);
    expect(status.stdout).toMatch(new RegExp(`(Import ${id} of large.csv|Imported figures from large.csv \\(import ${id}\\))`));
    const waited = shanhai("figures", "import", await large("larger.csv", 1400), "--wait");
    expect(waited.status, waited.stderr).toBe(0);
    expect(waited.stderr).toContain("Writing figures:");
    expect(waited.stdout).toContain("Imported figures from larger.csv");
    expect(waited.stdout).toContain("rows 7000, created 7000, corrected 0, unchanged 0, rejected 0");
  }, 180_000);

  it("answers a missing file and a bad mode with a usage error (exit 2)", () => {
    expect(shanhai("figures", "import", join(dataDir, "nope.csv")).stderr).toContain("no such file");
    const mode = shanhai("figures", "import", "x.csv", "--mode", "some");
    expect(mode.status).toBe(2);
    expect(mode.stderr).toContain("--mode must be all_or_nothing or valid_rows");
    expect(shanhai("figures").status).toBe(2);
  });
});
