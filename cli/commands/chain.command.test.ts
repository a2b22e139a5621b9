import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainSetToFile } from "../../server/src/modules/chains/chain-graph.ts";
import { miniChainSet, miniEnterprises, W, Y } from "../../server/src/modules/chains/mini-chain.fixture.ts";
import { illustrativeOrganisationCode, makeUscc } from "../../server/src/modules/enterprises/index.ts";
import { startTestApp, testOperator, type TestApp } from "../../server/test/support/test-app.ts";
import { chainGaps, chainMatch, displayWidth } from "./chain.command.ts";
import { UsageError } from "./usage-error.ts";

const shanhai = (...args: string[]) => spawnSync(process.execPath, ["cli/shanhai.ts", ...args], { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" }, timeout: 60_000 });

describe("shanhai chain", () => {
  let app: TestApp;
  const uscc: Record<string, string> = {};
  let text = "";
  const out = (chunk: string | Buffer) => void (text += chunk.toString());

  beforeAll(async () => {
    app = await startTestApp("pglite");
    const m = app.modules;
    for (const code of [Y, W, "330702"]) await m.regions.regions.create(testOperator, { code, nameZh: code, nameEn: code, level: "county", kind: null, parentCode: null, facts: [], illustrative: false });
    await m.regions.pairings.create(testOperator, { nameZh: "永武", nameEn: "Yongkang–Wuyi", programme: "mountain–sea", sinceYear: 2006, since: null, regionCodes: [Y, W], note: null, illustrative: false });
    let n = 0;
    for (const e of miniEnterprises()) {
      uscc[e.id] = makeUscc({ regionCode: e.homeRegionCode, organisationCode: illustrativeOrganisationCode(700 + n++) });
      await m.enterprises.enterprises.create(testOperator, {
        uscc: uscc[e.id] as string, nameZh: e.nameZh, nameEn: e.nameEn, homeRegionCode: e.homeRegionCode, industryCode: e.industryCode, enclaveId: null,
        residentSince: null, employees: e.employees, foundedOn: null, products: e.products, registeredCapitalFen: null, note: null, illustrative: false,
      });
    }
    await m.chains.chainSets.submit(testOperator, chainSetToFile(miniChainSet()));
  });
  afterAll(() => app?.close());

  it("prints the gaps of the one pairing as a table, a CSV target list or JSON", async () => {
    text = "";
    expect(await chainGaps(app, { chain: "tools", "thin-below": "2" }, out)).toBe(0);
    expect(text).toContain(`Chain gaps of ${Y} × ${W} — chain-set mini-1; thin below 2 enterprises`);
    const gears = text.split("\n").find((l) => l.includes("gears gears-zh"));
    expect(gears).toMatch(new RegExp(`2 present +0 gap +gap in ${W} +${W} ← y1公司, y2公司$`));
    text = "";
    await chainGaps(app, { chain: "tools", "thin-below": "2", format: "csv", lang: "en" }, out);
    expect(text.split("\r\n")[0]).toBe("\uFEFFchain,chain_name,node,node_name_zh,node_name_en,stage,gap_in,status,enterprises_here,enterprises_there,rank,target_id,target_name_zh,target_name_en,target_region,employees,output_fen,reason");
    expect(text).toContain("no enterprise at this node in the county; the partner county has 2; target ranked 1 by size (output, then employees)");
    text = "";
    await chainGaps(app, { format: "json" }, out);
    expect((JSON.parse(text) as { chains: unknown[] }).chains).toHaveLength(2);
  });

  it("prints an enterprise's ranked suppliers with the reasons, found by name, USCC or a part of the name", async () => {
    text = "";
    expect(await chainMatch(app, { enterprise: "w1公司", lang: "en" }, out)).toBe(0);
    const lines = text.split("\n");
    expect(lines[0]).toBe(`Suppliers in ${Y} for w1 Co. (${uscc.w1}, ${W}) — chain-set mini-1`);
    expect(lines.filter((l) => /^ {2}\d\. /.test(l))).toEqual(["  1. 860  y3 Co.  (motors → tools)", "  2. 854  y1 Co.  (gears → tools)", "  3. 624  y2 Co.  (gears → tools)"]);
    expect(lines).toContain("       400  node “motors-en” supplies node “tools-en” (chain “Tools”); component → product, the next stage");
    expect(lines).toContain(`        94  the county seats of ${W} and ${Y} are about 30 km apart by road`);
    text = "";
    await chainMatch(app, { enterprise: uscc.y1, role: "customers", limit: "1" }, out);
    expect(text).toContain("1. 854  w1公司");
    await expect(chainMatch(app, { enterprise: "公司" }, out)).rejects.toThrow(UsageError);
    await expect(chainMatch(app, { enterprise: "nobody" }, out)).rejects.toThrow(/no enterprise matches/);
  });

  it("refuses a call without an action or an enterprise before opening the database", () => {
    expect(shanhai("chain").status).toBe(2);
    const missing = shanhai("chain", "match");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--enterprise");
  });

  it("counts Chinese characters as two columns", () => {
    expect(displayWidth("永康 ab")).toBe(7);
  });
});
