// The demo case's industry chains (issue 6, "done when"): the electric-tool chain shows real gaps on each side —
// Wuyi has no battery or motor makers, Yongkang no cutting-accessory makers — and a Wuyi electric-tool maker gets
// a ranked list of Yongkang suppliers with their reasons.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChainMatchRecord, EnterpriseMatches, GapReport } from "../../contracts/chains.ts";
import type { Enterprise } from "../../contracts/enterprises.ts";
import { isDemoInstance, loadDemoCase } from "../src/demo/index.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

const yongkang = "330784";
const wuyi = "330723";

describe.each(databaseTargets())("the demo case's industry chains on %s", (target) => {
  let app: TestApp;
  let tools: GapReport["chains"][number] | undefined;
  let report: GapReport;
  beforeAll(async () => {
    app = await startTestApp(target, {
      onReady: async (modules, database) => {
        await loadDemoCase(modules, database.db);
        return isDemoInstance(database.db);
      },
    });
    report = (await app.api<GapReport>("GET", "/api/v1/chains/gaps?chainId=electric-tools")).body;
    tools = report.chains[0];
  });
  afterAll(() => app.close());

  const node = (id: string) => tools?.nodes.find((n) => n.nodeId === id);
  const county = (id: string, code: string) => node(id)?.counties.find((c) => c.regionCode === code);

  it("shows the electric-tool chain of the reference map, both counties present at the finished product", () => {
    expect(report.chainSetVersion).toBe("reference-1");
    expect(report.pair).toEqual([yongkang, wuyi]);
    expect(tools?.chainId).toBe("electric-tools");
    expect(county("electric-tools", yongkang)?.status).toBe("present");
    expect(county("electric-tools", wuyi)?.status).toBe("present");
  });

  it("finds Wuyi's gaps (batteries, motors) where Yongkang is strong, with Yongkang target lists", () => {
    expect(county("lithium-battery-pack", wuyi)?.status).toBe("gap");
    for (const motor of ["motor-brushed", "motor-brushless"]) {
      expect(node(motor)?.complement).toEqual({ gapIn: wuyi, strongIn: yongkang, status: "gap" });
      const targets = county(motor, wuyi)?.targets ?? [];
      expect(targets.length).toBeGreaterThan(0);
      expect(targets.every((t) => t.regionCode === yongkang)).toBe(true);
    }
  });

  it("finds Yongkang's gap (cutting accessories) where Wuyi is strong", () => {
    expect(node("cutting-accessories")?.complement).toEqual({ gapIn: yongkang, strongIn: wuyi, status: "gap" });
    expect(county("cutting-accessories", yongkang)?.targets.every((t) => t.regionCode === wuyi)).toBe(true);
  });

  it("measures output where the demo has figures (the enclave residents)", () => {
    if (report.output.year === null) return expect(report.output.note).toContain("counts only");
    const withOutput = tools?.nodes.flatMap((n) => n.counties).filter((c) => c.enterprisesWithOutput > 0) ?? [];
    expect(withOutput.length).toBeGreaterThan(0);
  });

  it("ranks Yongkang suppliers for a Wuyi electric-tool maker, with reasons in Chinese and English", async () => {
    const makers = await app.api<{ items: Enterprise[] }>("GET", `/api/v1/enterprises?homeRegionCode=${wuyi}&industryCode=3465&sort=-employees&pageSize=1`);
    const maker = makers.body.items[0] as Enterprise;
    const matches = (await app.api<EnterpriseMatches>("GET", `/api/v1/enterprises/${maker.id}/matches?role=suppliers&limit=10`)).body;
    expect(matches.pair).toEqual([wuyi, yongkang]);
    expect(matches.items).toHaveLength(10);
    const scores = matches.items.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const m of matches.items) {
      expect(m.partnerRegionCode).toBe(yongkang);
      expect(m.buyerId).toBe(maker.id);
      expect(m.reasons.map((r) => r.kind)).toEqual(["chain_adjacency", "product_keyword", "size_fit", "distance", "enclave"]);
      expect(m.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(m.score);
      expect(m.reasons.every((r) => r.zh.length > 0 && r.en.length > 0)).toBe(true);
      // The sentences name nodes and counties, never by id or region code.
      const sentences = m.reasons.map((r) => `${r.zh} ${r.en}`).join(" ");
      for (const code of [m.supplierNodeId, m.buyerNodeId, wuyi, yongkang]) expect(sentences).not.toContain(code);
      expect(m.reasons[3]?.en).toMatch(/Wuyi.+Yongkang/);
    }
    // Wuyi's missing link is among what Yongkang supplies it.
    const supplied = new Set((await app.api<EnterpriseMatches>("GET", `/api/v1/enterprises/${maker.id}/matches?limit=100`)).body.items.map((m) => m.supplierNodeId));
    expect([...supplied].some((n) => n.startsWith("motor-"))).toBe(true);
    // The demo records one outcome: the best supplier, contacted.
    expect(matches.items[0]?.outcome?.status).toBe("contacted");
    const outcomes = await app.api<{ items: ChainMatchRecord[] }>("GET", "/api/v1/chain-matches");
    expect(outcomes.body.items.map((o) => [o.supplier.id, o.customer.id, o.illustrative])).toEqual([[matches.items[0]?.supplierId, maker.id, true]]);
  });
});
