import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Agreement } from "../../contracts/agreements.ts";
import type { Enclave } from "../../contracts/enclaves.ts";
import type { Enterprise } from "../../contracts/enterprises.ts";
import type { Pipeline, Project } from "../../contracts/projects.ts";
import type { Pairing, Region } from "../../contracts/regions.ts";
import { isDemoInstance, loadDemoCase } from "../src/demo/index.ts";
import { checkUscc, isKnownIndustryClass } from "../src/modules/enterprises/index.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

type Page<T> = { items: T[]; total: number };

describe.each(databaseTargets())("the demo case on %s", (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target, {
      onReady: async (modules, database) => {
        await loadDemoCase(modules, database.db);
        return isDemoInstance(database.db);
      },
    });
  });
  afterAll(() => app.close());

  it("lists the 2022-04-02 framework agreement with Yongkang and Wuyi as parties", async () => {
    const list = await app.api<Page<Agreement>>("GET", "/api/v1/agreements");
    const framework = list.body.items.find((a) => a.signedOn === "2022-04-02");
    expect(framework).toMatchObject({ kind: "framework", parties: ["330784", "330723"], illustrative: false, status: "in_force" });
    expect(framework?.principles).toContain("benefit sharing");
    expect(framework?.cooperationDomains).toHaveLength(6);
  });

  it("holds the two counties with their real facts and the pairing since 2006", async () => {
    const wuyi = await app.api<Region>("GET", "/api/v1/regions/330723");
    expect(wuyi.body).toMatchObject({ nameZh: "武义县", kind: "mountain", parentCode: "330700", illustrative: false });
    expect(wuyi.body.facts).toContainEqual(expect.objectContaining({ year: 2020, measure: "population", value: "462462" }));
    const pairings = await app.api<Page<Pairing>>("GET", "/api/v1/pairings?regionCode=330784");
    expect(pairings.body.items[0]?.sinceYear).toBe(2006);
  });

  it("has several hundred illustrative enterprises on both sides with valid codes carrying their county", async () => {
    const all = await app.api<Page<Enterprise>>("GET", "/api/v1/enterprises?pageSize=500");
    expect(all.body.total).toBeGreaterThanOrEqual(300);
    for (const e of all.body.items) {
      const check = checkUscc(e.uscc);
      expect(check.ok && check.regionCode === e.homeRegionCode, e.uscc).toBe(true);
      expect(isKnownIndustryClass(e.industryCode), e.industryCode).toBe(true);
      expect(e.illustrative).toBe(true);
    }
    const counties = new Set(all.body.items.map((e) => e.homeRegionCode));
    expect(counties).toEqual(new Set(["330784", "330723"]));
  });

  it("has projects in every pipeline stage and both traction projects", async () => {
    const pipeline = await app.api<Pipeline>("GET", "/api/v1/projects/pipeline");
    expect(pipeline.body.stages.map((s) => s.stage)).toEqual(["lead", "signed", "landed", "under_construction", "in_production"]);
    for (const stage of pipeline.body.stages) expect(stage.count, stage.stage).toBeGreaterThan(0);
    const traction = await app.api<Page<Project>>("GET", "/api/v1/projects?traction=true");
    expect(traction.body.items.map((p) => p.nameEn).sort()).toEqual(["Provincial road S312 key project (Yongkang–Wuyi section)", "Yongkang–Wuyi expressway"]);
  });

  it("has cooperation activities in all six domains and a flagged illustrative enclave", async () => {
    const summary = await app.api<{ domains: { domain: string; activities: number }[] }>("GET", "/api/v1/cooperation-activities/summary");
    expect(summary.body.domains).toHaveLength(6);
    for (const d of summary.body.domains) expect(d.activities, d.domain).toBeGreaterThan(0);
    const enclaves = await app.api<Page<Enclave>>("GET", "/api/v1/enclaves");
    expect(enclaves.body.items[0]).toMatchObject({ kind: "industrial", hostRegionCode: "330784", sendingRegionCodes: ["330723"], illustrative: true });
  });

  it("says it is a demo instance", async () => {
    const health = await app.api<{ demo: boolean }>("GET", "/api/health");
    expect(health.body.demo).toBe(true);
    const home = await app.http.inject({ method: "GET", url: "/" });
    expect(home.body).toContain("Demo instance");
  });
});
