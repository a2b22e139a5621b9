// `shanhai import` as an official runs it: a child process on a data directory of its own, after `shanhai demo`
// has put the regions (and the demo case) in it.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { illustrativeOrganisationCode, makeUscc } from "../server/src/modules/enterprises/index.ts";

const root = resolve(import.meta.dirname, "..");
let dataDir: string;

function shanhai(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, SHANHAI_DATA_DIR: dataDir, SHANHAI_DEMO: "off", LOG_LEVEL: "silent" };
  delete env.DATABASE_URL;
  const run = spawnSync(process.execPath, [join(root, "cli/shanhai.ts"), ...args], { cwd: root, env, encoding: "utf8", timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function csvFile(name: string, text: string): Promise<string> {
  const path = join(dataDir, name);
  await writeFile(path, text, "utf8");
  return path;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "shanhai-cli-import-"));
  const demo = shanhai("demo");
  expect(demo.status, demo.stderr).toBe(0);
}, 180_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("shanhai import", () => {
  // A seed far from the demo's, so the code is new to the register.
  const uscc = makeUscc({ regionCode: "330784", organisationCode: illustrativeOrganisationCode(9_000_001) });

  it("imports a CSV of enterprises and prints the summary; the same file again changes nothing", async () => {
    const file = await csvFile("good.csv", `统一社会信用代码,企业名称,所属地区,行业代码,从业人数\n${uscc},永康市命令行五金有限公司,330784,3312,12\n`);
    const first = shanhai("import", "enterprises", file);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("Imported enterprises from good.csv.");
    expect(first.stdout).toContain("rows 1, created 1, updated 0, unchanged 0, rejected 0");
    const again = shanhai("import", "enterprises", file, "--mode", "valid_rows");
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain("rows 1, created 0, updated 0, unchanged 1, rejected 0");
  }, 120_000);

  it("imports a code whose check character fails, naming it on stderr to look at, and exits 0", async () => {
    const good = makeUscc({ regionCode: "330784", organisationCode: illustrativeOrganisationCode(9_000_002) });
    const failing = `${good.slice(0, 17)}${good.endsWith("0") ? "1" : "0"}`;
    const file = await csvFile("check.csv", `统一社会信用代码,企业名称,所属地区,行业代码\n${failing},永康市旧代码五金有限公司,330784,3312\n`);
    const run = shanhai("import", "enterprises", file);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("rows 1, created 1, updated 0, unchanged 0, rejected 0");
    expect(run.stderr).toContain("1 to look at (imported):");
    expect(run.stderr).toMatch(/row 2, column 统一社会信用代码: check character should be '.', found '.'; kept as the register has it/);
  }, 120_000);

  it("refuses a file with bad rows with exit code 1, listing every problem by row and column", async () => {
    const other = makeUscc({ regionCode: "330723", organisationCode: illustrativeOrganisationCode(9_000_002) });
    const file = await csvFile("bad.csv", `统一社会信用代码,企业名称,所属地区,行业代码\n${other},武义命令行机械有限公司,330723,3432x\n${uscc},永康市命令行五金有限公司,义乌市,3312\n`);
    const refused = shanhai("import", "enterprises", file);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain("Nothing was imported from bad.csv");
    expect(refused.stdout).toContain("rows 2, created 0, updated 0, unchanged 0, rejected 2");
    expect(refused.stderr).toContain("row 2, column 行业代码: ");
    expect(refused.stderr).toContain("(3432X)");
    expect(refused.stderr).toContain("row 3, column 所属地区: no region with this code or name (义乌市)");
  }, 120_000);

  it("imports the good rows of a project file with --mode valid_rows and still exits 1 for the rest", async () => {
    const file = await csvFile("projects.csv", "项目名称,英文名称,项目类型,阶段,所在地区,计划投资（万元）\n命令行测试项目,CLI test project,投资,签约,武义县,12.5\n坏阶段项目,Bad stage,投资,完工了,武义县,1\n");
    const run = shanhai("import", "projects", file, "--mode", "valid_rows");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("Imported projects from projects.csv.");
    expect(run.stdout).toContain("rows 2, created 1, updated 0, unchanged 0, rejected 1");
    expect(run.stderr).toContain("row 3, column 阶段: must be one of 线索 (lead)");
  }, 120_000);

  it("answers a missing file, an unknown register and a bad mode with a usage error (exit 2)", () => {
    const missing = shanhai("import", "enterprises", join(dataDir, "nope.csv"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no such file");
    const register = shanhai("import", "widgets", "x.csv");
    expect(register.status).toBe(2);
    expect(register.stderr).toContain('cannot import into "widgets": enterprises or projects');
    const mode = shanhai("import", "projects", "x.csv", "--mode", "some");
    expect(mode.status).toBe(2);
    expect(mode.stderr).toContain("--mode must be all_or_nothing or valid_rows");
    const nothing = shanhai("import");
    expect(nothing.status).toBe(2);
  });
});
