import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Pipeline, Project } from "../../contracts/projects.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

type ErrorBody = { error: { code: string; message: string; details: { field?: string; value?: unknown; message: string }[] } };
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type HistoryEntry = { version: number; action: string; before: Project | null; after: Project };

const yongkang = "330784";
const wuyi = "330723";

const expressway = {
  nameZh: "永武高速公路",
  nameEn: "Yongkang–Wuyi expressway",
  kind: "infrastructure",
  stage: "signed",
  stageOn: "2022-04-02",
  regionCodes: [yongkang, wuyi],
  ownerName: "金华市交通投资集团有限公司",
  traction: true,
  plannedInvestmentFen: "1260000000000",
  startedOn: "2022-06-01",
  plannedCompletionOn: "2025-12-31",
  note: "Traction project named at the joint conference of 2 April 2022",
  milestones: [
    { title: "Feasibility study approved", plannedOn: "2022-05-01", actualOn: "2022-05-20" },
    { title: "Opened to traffic", plannedOn: "2025-12-31" },
  ],
  illustrative: true,
};

describe.each(databaseTargets())("projects on %s", (target) => {
  let app: TestApp;
  let road: Project;

  const create = (body: object) => app.api<Project & ErrorBody>("POST", "/api/v1/projects", body);
  const minimal = (extra: object = {}) => ({ nameZh: "项目", nameEn: "Project", kind: "investment", regionCodes: [wuyi], ...extra });

  beforeAll(async () => {
    app = await startTestApp(target);
    await app.api("POST", "/api/v1/regions", { code: "330000", nameZh: "浙江省", nameEn: "Zhejiang", level: "province" });
    await app.api("POST", "/api/v1/regions", { code: "330700", nameZh: "金华市", nameEn: "Jinhua", level: "city", parentCode: "330000" });
    await app.api("POST", "/api/v1/regions", { code: yongkang, nameZh: "永康市", nameEn: "Yongkang", level: "county", kind: "developed", parentCode: "330700" });
    await app.api("POST", "/api/v1/regions", { code: wuyi, nameZh: "武义县", nameEn: "Wuyi", level: "county", kind: "mountain", parentCode: "330700" });
  });
  afterAll(() => app.close());

  it("creates the Yongkang–Wuyi expressway as an infrastructure traction project", async () => {
    const created = await create(expressway);
    expect(created.status).toBe(201);
    road = created.body;
    expect(road).toMatchObject({
      kind: "infrastructure",
      stage: "signed",
      stageHistory: [{ stage: "signed", on: "2022-04-02" }],
      traction: true,
      regionCodes: [yongkang, wuyi],
      plannedInvestmentFen: "1260000000000",
      actualInvestmentFen: null,
      enclaveId: null,
      agreementId: null,
      ownerEnterpriseId: null,
      ownerName: "金华市交通投资集团有限公司",
      progressReports: [],
      version: 1,
    });
    expect(road.milestones.map((m) => [m.title, m.actualOn, m.note])).toEqual([
      ["Feasibility study approved", "2022-05-20", null],
      ["Opened to traffic", null, null],
    ]);
    const read = await app.api<Project>("GET", `/api/v1/projects/${road.id}`);
    expect(read.body).toEqual(road);
    expect((await app.api("GET", "/api/v1/projects/not-an-id")).status).toBe(404);
  });

  it("changes milestones, keeping the id of a milestone it is given and refusing a future actualOn", async () => {
    const [study, opening] = road.milestones;
    const changed = await app.api<Project>("PATCH", `/api/v1/projects/${road.id}`, {
      milestones: [
        { id: study?.id, title: "Feasibility study approved", plannedOn: "2022-05-01", actualOn: "2022-05-20", note: "by the province" },
        { title: "Main works started", plannedOn: "2022-06-01", actualOn: "2022-06-18" },
        { id: opening?.id, title: "Opened to traffic", plannedOn: "2025-12-31" },
      ],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.milestones.map((m) => m.id)).toEqual([study?.id, expect.any(String), opening?.id]);
    expect(changed.body.milestones[0]?.note).toBe("by the province");
    expect(changed.body.stageHistory).toHaveLength(1); // fields left out stay as they were
    const future = await app.api<ErrorBody>("PATCH", `/api/v1/projects/${road.id}`, {
      milestones: [{ title: "Opened to traffic", plannedOn: "2025-12-31", actualOn: "2999-01-01" }],
    });
    expect(future.status).toBe(400);
    expect(future.body.error.details.map((d) => d.field)).toEqual(["milestones.0.actualOn"]);
    const stranger = await app.api<ErrorBody>("PATCH", `/api/v1/projects/${road.id}`, {
      milestones: [{ id: "00000000-0000-4000-8000-000000000000", title: "x", plannedOn: "2025-12-31" }],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details[0]?.field).toBe("milestones.0.id");
    road = changed.body;
  });

  it("appends progress reports as changes of the project and refuses a falling percentage", async () => {
    const first = await app.api<Project>("POST", `/api/v1/projects/${road.id}/progress-reports`, {
      reportedOn: "2023-01-10",
      percentComplete: 20,
      text: "Subgrade works 20% done",
      investmentToDateFen: "250000000000",
    });
    expect(first.status).toBe(201);
    expect(first.body.version).toBe(road.version + 1);
    const second = await app.api<Project>("POST", `/api/v1/projects/${road.id}/progress-reports`, { reportedOn: "2024-01-10", percentComplete: 55, text: "Bridges closed" });
    expect(second.status).toBe(201);
    expect(second.body.progressReports.map((r) => [r.reportedOn, r.percentComplete, r.investmentToDateFen])).toEqual([
      ["2023-01-10", 20, "250000000000"],
      ["2024-01-10", 55, null],
    ]);

    const falling = await app.api<ErrorBody>("POST", `/api/v1/projects/${road.id}/progress-reports`, { reportedOn: "2024-02-01", percentComplete: 50, text: "Re-measured" });
    expect(falling.status).toBe(400);
    expect(falling.body.error.details).toEqual([expect.objectContaining({ field: "percentComplete", value: 50 })]);
    const over = await app.api<ErrorBody>("POST", `/api/v1/projects/${road.id}/progress-reports`, { reportedOn: "2024-02-01", percentComplete: 101, text: "x" });
    expect(over.status).toBe(400);
    expect(over.body.error.details[0]?.field).toBe("percentComplete");
    const fraction = await app.api<ErrorBody>("POST", `/api/v1/projects/${road.id}/progress-reports`, { reportedOn: "2024-02-01", percentComplete: 60.5, text: "x" });
    expect(fraction.status).toBe(400);
    const future = await app.api<ErrorBody>("POST", `/api/v1/projects/${road.id}/progress-reports`, { reportedOn: "2999-01-01", percentComplete: 60, text: "x" });
    expect(future.status).toBe(400);
    expect(future.body.error.details[0]?.field).toBe("reportedOn");
    const earlier = await app.api<ErrorBody>("POST", `/api/v1/projects/${road.id}/progress-reports`, { reportedOn: "2023-06-01", percentComplete: 60, text: "x" });
    expect(earlier.status).toBe(400);
    expect(earlier.body.error.details[0]?.field).toBe("reportedOn");
    const unknown = await app.api<ErrorBody>("POST", "/api/v1/projects/00000000-0000-4000-8000-000000000000/progress-reports", { reportedOn: "2023-06-01", percentComplete: 60, text: "x" });
    expect(unknown.status).toBe(404);

    const history = await app.api<HistoryEntry[]>("GET", `/api/v1/projects/${road.id}/history`);
    expect(history.body.map((h) => h.action)).toEqual(["create", "update", "update", "update"]);
    expect(history.body[3]?.before?.progressReports).toHaveLength(1);
    expect(history.body[3]?.after.progressReports).toHaveLength(2);
    road = second.body;
  });

  it("moves the stage forward, skipping stages, stamps each change and refuses a move back with 409", async () => {
    const forward = await app.api<Project>("PATCH", `/api/v1/projects/${road.id}`, { stage: "under_construction", stageOn: "2022-06-18" });
    expect(forward.status).toBe(200);
    expect(forward.body.stage).toBe("under_construction");
    expect(forward.body.stageHistory).toEqual([
      { stage: "signed", on: "2022-04-02" },
      { stage: "under_construction", on: "2022-06-18" },
    ]);
    const back = await app.api<ErrorBody>("PATCH", `/api/v1/projects/${road.id}`, { stage: "landed" });
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe("project.invalid_transition");
    const same = await app.api<Project>("PATCH", `/api/v1/projects/${road.id}`, { stage: "under_construction", note: "unchanged stage" });
    expect(same.status).toBe(200);
    expect(same.body.stageHistory).toHaveLength(2);
    const dateWithoutChange = await app.api<ErrorBody>("PATCH", `/api/v1/projects/${road.id}`, { stageOn: "2022-07-01" });
    expect(dateWithoutChange.status).toBe(400);
    expect(dateWithoutChange.body.error.details[0]?.field).toBe("stageOn");
    const beforeLastStamp = await app.api<ErrorBody>("PATCH", `/api/v1/projects/${road.id}`, { stage: "in_production", stageOn: "2022-01-01" });
    expect(beforeLastStamp.status).toBe(400);
    expect(beforeLastStamp.body.error.details[0]?.field).toBe("stageOn");
    const stale = await app.api<ErrorBody>("PATCH", `/api/v1/projects/${road.id}`, { note: "stale" }, { "if-match": "1" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("project.version_conflict");
    road = same.body;
  });

  it("reads a project as it stood before a change", async () => {
    const moment = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await app.api("POST", `/api/v1/projects/${road.id}/progress-reports`, { reportedOn: "2024-06-01", percentComplete: 70, text: "Tunnels through" });
    const past = await app.api<Project>("GET", `/api/v1/projects/${road.id}?asOf=${encodeURIComponent(moment)}`);
    expect(past.status).toBe(200);
    expect(past.body.progressReports).toHaveLength(2);
    expect(past.body.version).toBe(road.version);
    const now = await app.api<Project>("GET", `/api/v1/projects/${road.id}`);
    expect(now.body.progressReports).toHaveLength(3);
    const tooEarly = await app.api<ErrorBody>("GET", `/api/v1/projects/${road.id}?asOf=2000-01-01`);
    expect(tooEarly.status).toBe(404);
  });

  it("names the field of each bad input and writes nothing", async () => {
    const cases: [object, string][] = [
      [minimal({ plannedInvestmentFen: "-1" }), "plannedInvestmentFen"],
      [minimal({ actualInvestmentFen: "1.5" }), "actualInvestmentFen"],
      [minimal({ plannedInvestmentFen: 150000 }), "plannedInvestmentFen"],
      [minimal({ startedOn: "2023-05-01", plannedCompletionOn: "2023-04-30" }), "plannedCompletionOn"],
      [minimal({ regionCodes: [wuyi, "339999"] }), "regionCodes.1"],
      [minimal({ regionCodes: [wuyi, wuyi] }), "regionCodes.1"],
      [minimal({ regionCodes: [] }), "regionCodes"],
      [minimal({ kind: "housing" }), "kind"],
      [minimal({ stage: "dreamt" }), "stage"],
      [minimal({ startedOn: "2023-02-30" }), "startedOn"],
      [minimal({ ownerEnterpriseId: "00000000-0000-4000-8000-000000000001", ownerName: "武义县政府" }), "ownerName"],
      [minimal({ stageOn: "2999-01-01" }), "stageOn"],
      [minimal({ enclaveId: "00000000-0000-4000-8000-000000000002" }), "enclaveId"],
      [minimal({ agreementId: "00000000-0000-4000-8000-000000000003" }), "agreementId"],
      [minimal({ ownerEnterpriseId: "00000000-0000-4000-8000-000000000004" }), "ownerEnterpriseId"],
    ];
    for (const [body, field] of cases) {
      const answer = await create(body);
      expect(answer.status, field).toBe(400);
      expect(answer.body.error.details.map((d) => d.field), JSON.stringify(body)).toContain(field);
    }
    const onUpdate = await app.api<ErrorBody>("PATCH", `/api/v1/projects/${road.id}`, { plannedCompletionOn: "2022-05-01" });
    expect(onUpdate.status).toBe(400);
    expect(onUpdate.body.error.details[0]?.field).toBe("plannedCompletionOn");
    const list = await app.api<Page<Project>>("GET", "/api/v1/projects?includeArchived=true");
    expect(list.body.total).toBe(1);
  });

  it("sums the pipeline per stage in SQL, exact past 2^53 fen", async () => {
    // 2^53 = 9007199254740992; as JSON numbers these would round.
    await create(minimal({ nameZh: "武义五金产业园", nameEn: "Wuyi hardware park", stage: "landed", plannedInvestmentFen: "9007199254740993", actualInvestmentFen: "1" }));
    await create(minimal({ nameZh: "电动工具基地", nameEn: "Electric tools base", stage: "landed", plannedInvestmentFen: "9007199254740995", actualInvestmentFen: "2" }));
    await create(minimal({ nameZh: "永康招商线索", nameEn: "Yongkang lead", regionCodes: [yongkang], kind: "public_service" }));
    const all = await app.api<Pipeline>("GET", "/api/v1/projects/pipeline");
    expect(all.status).toBe(200);
    expect(all.body.regionCode).toBeNull();
    expect(all.body.stages).toEqual([
      { stage: "lead", count: 1, plannedInvestmentFen: "0", actualInvestmentFen: "0" },
      { stage: "signed", count: 0, plannedInvestmentFen: "0", actualInvestmentFen: "0" },
      { stage: "landed", count: 2, plannedInvestmentFen: "18014398509481988", actualInvestmentFen: "3" },
      { stage: "under_construction", count: 1, plannedInvestmentFen: "1260000000000", actualInvestmentFen: "0" },
      { stage: "in_production", count: 0, plannedInvestmentFen: "0", actualInvestmentFen: "0" },
    ]);
    const inYongkang = await app.api<Pipeline>("GET", `/api/v1/projects/pipeline?regionCode=${yongkang}`);
    expect(inYongkang.body.regionCode).toBe(yongkang);
    expect(inYongkang.body.stages.map((s) => s.count)).toEqual([1, 0, 0, 1, 0]);
    expect(inYongkang.body.stages[2]?.plannedInvestmentFen).toBe("0");
    const badRegion = await app.api<ErrorBody>("GET", "/api/v1/projects/pipeline?regionCode=33");
    expect(badRegion.status).toBe(400);
  });

  it("filters, searches and sorts, the stage in pipeline order", async () => {
    const names = (page: Page<Project>) => page.items.map((p) => p.nameEn);
    const byStage = await app.api<Page<Project>>("GET", "/api/v1/projects?sort=stage,nameEn");
    expect(byStage.body.items.map((p) => p.stage)).toEqual(["lead", "landed", "landed", "under_construction"]);
    const byStageDesc = await app.api<Page<Project>>("GET", "/api/v1/projects?sort=-stage,nameEn");
    expect(byStageDesc.body.items.map((p) => p.stage)).toEqual(["under_construction", "landed", "landed", "lead"]);
    const byAmount = await app.api<Page<Project>>("GET", "/api/v1/projects?sort=-plannedInvestmentFen");
    expect(names(byAmount.body)).toEqual(["Electric tools base", "Wuyi hardware park", "Yongkang–Wuyi expressway", "Yongkang lead"]);
    expect(names((await app.api<Page<Project>>("GET", "/api/v1/projects?traction=true")).body)).toEqual(["Yongkang–Wuyi expressway"]);
    expect((await app.api<Page<Project>>("GET", "/api/v1/projects?traction=false")).body.total).toBe(3);
    expect(names((await app.api<Page<Project>>("GET", "/api/v1/projects?kind=public_service")).body)).toEqual(["Yongkang lead"]);
    expect((await app.api<Page<Project>>("GET", "/api/v1/projects?stage=landed")).body.total).toBe(2);
    expect((await app.api<Page<Project>>("GET", `/api/v1/projects?regionCode=${yongkang}`)).body.total).toBe(2);
    expect((await app.api<Page<Project>>("GET", "/api/v1/projects?illustrative=true")).body.total).toBe(1);
    expect((await app.api<Page<Project>>("GET", "/api/v1/projects?enclaveId=00000000-0000-4000-8000-000000000002")).body.total).toBe(0);
    const byOwner = await app.api<Page<Project>>("GET", `/api/v1/projects?q=${encodeURIComponent("交通投资")}`);
    expect(names(byOwner.body)).toEqual(["Yongkang–Wuyi expressway"]);
    const byName = await app.api<Page<Project>>("GET", "/api/v1/projects?q=hardware");
    expect(names(byName.body)).toEqual(["Wuyi hardware park"]);
    const paged = await app.api<Page<Project>>("GET", "/api/v1/projects?sort=nameEn&pageSize=3&page=2");
    expect(paged.body.total).toBe(4);
    expect(names(paged.body)).toEqual(["Yongkang–Wuyi expressway"]);
    const badSort = await app.api<ErrorBody>("GET", "/api/v1/projects?sort=stageRank");
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.details[0]?.field).toBe("sort");
  });

  it("archives and restores, leaving archived projects out of lists and the pipeline", async () => {
    await app.api("POST", `/api/v1/projects/${road.id}/archive`);
    expect((await app.api<Page<Project>>("GET", "/api/v1/projects")).body.total).toBe(3);
    const pipeline = await app.api<Pipeline>("GET", "/api/v1/projects/pipeline");
    expect(pipeline.body.stages[3]?.count).toBe(0);
    const restored = await app.api<Project>("POST", `/api/v1/projects/${road.id}/restore`);
    expect(restored.body.archivedAt).toBeNull();
  });

  it("exports amounts in 万元 as exact decimals, with zh or en headers", async () => {
    const csv = await app.api<string>("GET", "/api/v1/projects?format=csv&lang=en&sort=-plannedInvestmentFen");
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body.replace(/^\uFEFF/, "").trim().split("\r\n");
    const header = lines[0]?.split(",") ?? [];
    expect(header.slice(0, 8)).toEqual(["Name (zh)", "Name", "Kind", "Stage", "Stage since", "Regions", "Planned investment (10k yuan)", "Actual investment (10k yuan)"]);
    expect(lines[1]?.split(",").slice(6, 8)).toEqual(["9007199254.740995", "0.000002"]);
    const road = lines.find((l) => l.startsWith("永武高速公路"))?.split(",");
    expect(road?.slice(3, 10)).toEqual(["under_construction", "2022-06-18", "330784; 330723", "1260000", "", "金华市交通投资集团有限公司", "true"]);
    expect(road?.[12]).toBe("70");
    const zh = await app.api<string>("GET", "/api/v1/projects?format=csv");
    expect(zh.body.replace(/^\uFEFF/, "").split("\r\n")[0]).toContain("计划投资（万元）");
  });
});
