import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CooperationActivity, CooperationSummary, MeasureCatalogue } from "../../contracts/cooperation.ts";
import type { Pairing } from "../../contracts/regions.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

type ErrorBody = { error: { code: string; message: string; details: { field?: string; message: string }[] } };
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

const path = "/api/v1/cooperation-activities";
const YONGKANG = "330784";
const WUYI = "330723";
const WUCHENG = "330702";

describe.each(databaseTargets())("cooperation activities on %s", (target) => {
  let app: TestApp;
  let pairingId: string;
  let agreementId: string;
  const ids: Record<string, string> = {};

  const create = (body: Record<string, unknown>) => app.api<CooperationActivity & ErrorBody>("POST", path, body);
  const list = (query: string) => app.api<Page<CooperationActivity>>("GET", `${path}?${query}`);
  const titles = (page: Page<CooperationActivity>) => page.items.map((a) => a.titleEn).sort();

  beforeAll(async () => {
    app = await startTestApp(target);
    await app.api("POST", "/api/v1/regions", { code: "330000", nameZh: "浙江省", nameEn: "Zhejiang", level: "province" });
    await app.api("POST", "/api/v1/regions", { code: "330700", nameZh: "金华市", nameEn: "Jinhua", level: "city", parentCode: "330000" });
    await app.api("POST", "/api/v1/regions", { code: YONGKANG, nameZh: "永康市", nameEn: "Yongkang", level: "county", kind: "developed", parentCode: "330700" });
    await app.api("POST", "/api/v1/regions", { code: WUYI, nameZh: "武义县", nameEn: "Wuyi", level: "county", kind: "mountain", parentCode: "330700" });
    await app.api("POST", "/api/v1/regions", { code: WUCHENG, nameZh: "婺城区", nameEn: "Wucheng", level: "county", parentCode: "330700" });
    const pairing = await app.api<Pairing>("POST", "/api/v1/pairings", {
      nameZh: "永康—武义山海协作",
      nameEn: "Yongkang–Wuyi mountain–sea pairing",
      programme: "Zhejiang mountain–sea cooperation",
      sinceYear: 2006,
      regionCodes: [YONGKANG, WUYI],
    });
    pairingId = pairing.body.id;
    // The agreements module owns this table; a bare framework agreement is all an activity needs to point at.
    const agreement = await sql<{ id: string }>`insert into agreements_agreement (pairing_id, title_zh, title_en, kind)
      values (${pairingId}, '共建山海协作产业飞地框架协议', 'Framework agreement on a mountain–sea enclave', 'framework') returning id`.execute(app.database.db);
    agreementId = agreement.rows[0]!.id;
  });
  afterAll(() => app.close());

  const activity = (over: Record<string, unknown>) => ({
    titleZh: "协作活动",
    fromRegionCode: YONGKANG,
    toRegionCode: WUYI,
    pairingId,
    startedOn: "2022-05-01",
    ...over,
  });

  it("records an activity in each of the six domains with its measures", async () => {
    const bodies = [
      activity({ domain: "industry", titleZh: "飞地招商", titleEn: "Enclave investment drive", agreementId, startedOn: "2022-04-02", measures: [{ measure: "enterprises_introduced", value: "3", unit: "item" }, { measure: "investment_fen", value: "125000000000", unit: "fen" }] }),
      activity({ domain: "talent", titleZh: "干部挂职", titleEn: "Cadre secondment", startedOn: "2022-06-15", endedOn: "2022-12-31", measures: [{ measure: "cadres_seconded", value: "5", unit: "person" }, { measure: "person_days_served", value: "10.1", unit: "person-day" }] }),
      activity({ domain: "talent", titleZh: "技能人才服务", titleEn: "Skilled trades service", startedOn: "2023-03-01", measures: [{ measure: "person_days_served", value: "20.2", unit: "person-day" }] }),
      activity({ domain: "technology", titleZh: "五金科技特派员", titleEn: "Hardware technology envoys", startedOn: "2022-07-20", measures: [{ measure: "experts_visits", value: "30", unit: "visit" }, { measure: "technologies_transferred", value: "4", unit: "item" }] }),
      activity({ domain: "culture", titleZh: "温泉文化周", titleEn: "Hot-spring culture week", fromRegionCode: WUYI, toRegionCode: YONGKANG, startedOn: "2022-10-01", endedOn: "2022-10-07", measures: [{ measure: "performances_held", value: "6", unit: "session" }, { measure: "tea_tastings_held", value: "8", unit: "session" }] }),
      activity({ domain: "education", titleZh: "教师交流", titleEn: "Teacher exchange", startedOn: "2022-09-01", measures: [{ measure: "teachers_exchanged", value: "20", unit: "person" }, { measure: "students_enrolled", value: "45", unit: "person" }] }),
      activity({ domain: "health", titleZh: "医疗专家派驻", titleEn: "Doctors to Wuyi", startedOn: "2022-05-10", measures: [{ measure: "doctors_dispatched", value: "12", unit: "person" }, { measure: "patients_treated", value: "3400", unit: "person" }, { measure: "funds_fen", value: "50000000", unit: "fen" }] }),
      activity({ domain: "health", titleZh: "义诊下乡", titleEn: "Rural free clinics", startedOn: "2022-11-05", measures: [{ measure: "doctors_dispatched", value: "8", unit: "person" }, { measure: "clinics_held", value: "4", unit: "session" }] }),
      activity({ domain: "health", titleZh: "婺城义诊", titleEn: "Wucheng clinics", fromRegionCode: WUCHENG, pairingId: null, startedOn: "2022-08-01", illustrative: true, measures: [{ measure: "doctors_dispatched", value: "100", unit: "person" }] }),
    ];
    for (const body of bodies) {
      const created = await create(body);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      ids[created.body.titleEn] = created.body.id;
    }
    const read = await app.api<CooperationActivity>("GET", `${path}/${ids["Doctors to Wuyi"]}`);
    expect(read.body).toMatchObject({
      domain: "health",
      fromRegionCode: YONGKANG,
      toRegionCode: WUYI,
      pairingId,
      agreementId: null,
      startedOn: "2022-05-10",
      endedOn: null,
      version: 1,
      illustrative: false,
      measures: [
        { measure: "doctors_dispatched", value: "12", unit: "person" },
        { measure: "patients_treated", value: "3400", unit: "person" },
        { measure: "funds_fen", value: "50000000", unit: "fen" },
      ],
    });
    const industry = await app.api<CooperationActivity>("GET", `${path}/${ids["Enclave investment drive"]}`);
    expect(industry.body.agreementId).toBe(agreementId);
    const domains = await list("pageSize=100");
    expect(new Set(domains.body.items.map((a) => a.domain))).toEqual(new Set(["industry", "talent", "technology", "culture", "education", "health"]));
  });

  it("sums the measures per domain exactly, for a pairing and the year activities started", async () => {
    const summary = await app.api<CooperationSummary>("GET", `${path}/summary?pairingId=${pairingId}&year=2022`);
    expect(summary.status).toBe(200);
    expect(summary.body.domains.map((d) => d.domain)).toEqual(["industry", "talent", "technology", "culture", "education", "health"]);
    const domain = (name: string) => summary.body.domains.find((d) => d.domain === name)!;
    expect(domain("health").activities).toBe(2); // the Wucheng clinics are outside the pairing
    expect(domain("health").measures).toEqual([
      { measure: "clinics_held", unit: "session", labelZh: "义诊场次", labelEn: "Free clinics held", total: "4" },
      { measure: "doctors_dispatched", unit: "person", labelZh: "派驻医生", labelEn: "Doctors dispatched", total: "20" },
      { measure: "funds_fen", unit: "fen", labelZh: "投入资金", labelEn: "Funds", total: "50000000" },
      { measure: "patients_treated", unit: "person", labelZh: "诊治患者", labelEn: "Patients treated", total: "3400" },
    ]);
    expect(domain("talent")).toMatchObject({ activities: 1, measures: expect.arrayContaining([expect.objectContaining({ measure: "person_days_served", total: "10.1" })]) });
    expect(domain("culture").measures).toContainEqual({ measure: "tea_tastings_held", unit: "session", labelZh: null, labelEn: null, total: "8" });
    expect(domain("industry").measures).toContainEqual(expect.objectContaining({ measure: "investment_fen", total: "125000000000" }));
    expect(summary.body.illustrative).toBe(false);

    const allYears = await app.api<CooperationSummary>("GET", `${path}/summary?pairingId=${pairingId}`);
    const talent = allYears.body.domains.find((d) => d.domain === "talent")!;
    expect(talent.activities).toBe(2);
    // 10.1 + 20.2 in floating point is 30.299999999999997; numeric gives the exact sum.
    expect(talent.measures.find((m) => m.measure === "person_days_served")?.total).toBe("30.3");

    const everything = await app.api<CooperationSummary>("GET", `${path}/summary`);
    const health = everything.body.domains.find((d) => d.domain === "health")!;
    expect(health.activities).toBe(3);
    expect(health.measures.find((m) => m.measure === "doctors_dispatched")?.total).toBe("120");
    expect(everything.body.illustrative).toBe(true);

    const none = await app.api<CooperationSummary>("GET", `${path}/summary?year=2019`);
    expect(none.body.domains.every((d) => d.activities === 0 && d.measures.length === 0)).toBe(true);
  });

  it("refuses a summary for an unknown pairing or an impossible year", async () => {
    const unknown = await app.api<ErrorBody>("GET", `${path}/summary?pairingId=${randomUUID()}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0]?.field).toBe("pairingId");
    const badYear = await app.api<ErrorBody>("GET", `${path}/summary?year=twenty`);
    expect(badYear.status).toBe(400);
    expect(badYear.body.error.details[0]?.field).toBe("year");
  });

  it("serves the measure catalogue for all six domains", async () => {
    const catalogue = await app.api<MeasureCatalogue>("GET", "/api/v1/cooperation-measures");
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.map((d) => d.domain)).toEqual(["industry", "talent", "technology", "culture", "education", "health"]);
    const health = catalogue.body.find((d) => d.domain === "health")!;
    expect(health.labelZh).toBe("卫生健康");
    expect(health.measures).toContainEqual({ measure: "doctors_dispatched", labelZh: "派驻医生", labelEn: "Doctors dispatched", unit: "person" });
  });

  it("names the field of each bad input and writes nothing", async () => {
    const before = (await list("includeArchived=true")).body.total;
    const cases: [string, Record<string, unknown>, string][] = [
      ["same region on both sides", { toRegionCode: YONGKANG }, "toRegionCode"],
      ["end before start", { startedOn: "2022-05-01", endedOn: "2022-04-30" }, "endedOn"],
      ["negative value", { measures: [{ measure: "doctors_dispatched", value: "-3", unit: "person" }] }, "measures.0.value"],
      ["fractional count", { measures: [{ measure: "doctors_dispatched", value: "2.5", unit: "person" }] }, "measures.0.value"],
      ["wrong unit", { measures: [{ measure: "doctors_dispatched", value: "3", unit: "visit" }] }, "measures.0.unit"],
      ["repeated measure", { measures: [{ measure: "doctors_dispatched", value: "3", unit: "person" }, { measure: "doctors_dispatched", value: "4", unit: "person" }] }, "measures.1.measure"],
      ["malformed measure key", { measures: [{ measure: "Doctors Dispatched", value: "3", unit: "person" }] }, "measures.0.measure"],
      ["unknown domain", { domain: "sports" }, "domain"],
      ["unknown region", { fromRegionCode: "339999" }, "fromRegionCode"],
      ["malformed region code", { toRegionCode: "3307" }, "toRegionCode"],
      ["unknown pairing", { pairingId: randomUUID() }, "pairingId"],
      ["region outside the pairing", { fromRegionCode: WUCHENG }, "pairingId"],
      ["unknown agreement", { agreementId: randomUUID() }, "agreementId"],
      ["not a date", { startedOn: "2022-02-30" }, "startedOn"],
    ];
    for (const [what, over, field] of cases) {
      const response = await create(activity({ domain: "health", titleEn: what, ...over }));
      expect(response.status, what).toBe(400);
      expect(response.body.error.details.map((d) => d.field), what).toContain(field);
    }
    const missing = await create({ domain: "health", titleZh: "x", titleEn: "x", fromRegionCode: YONGKANG, toRegionCode: WUYI });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0]?.field).toBe("startedOn");
    expect((await list("includeArchived=true")).body.total).toBe(before);
  });

  it("reports several problems at once", async () => {
    const response = await create(activity({ domain: "health", titleEn: "many", toRegionCode: "339999", endedOn: "2020-01-01", measures: [{ measure: "patients_treated", value: "1", unit: "visit" }] }));
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d) => d.field)).toEqual(["endedOn", "measures.0.unit", "toRegionCode", "pairingId"]);
  });

  it("filters by domain, regions, pairing, agreement, dates, illustrative and title", async () => {
    expect(titles((await list("domain=health")).body)).toEqual(["Doctors to Wuyi", "Rural free clinics", "Wucheng clinics"]);
    expect(titles((await list(`fromRegionCode=${WUYI}`)).body)).toEqual(["Hot-spring culture week"]);
    expect((await list(`toRegionCode=${YONGKANG}`)).body.total).toBe(1);
    expect((await list(`regionCode=${YONGKANG}`)).body.total).toBe(8);
    expect(titles((await list(`regionCode=${WUCHENG}`)).body)).toEqual(["Wucheng clinics"]);
    expect((await list(`pairingId=${pairingId}`)).body.total).toBe(8);
    expect(titles((await list(`agreementId=${agreementId}`)).body)).toEqual(["Enclave investment drive"]);
    expect(titles((await list("startedFrom=2022-09-01&startedTo=2022-10-31")).body)).toEqual(["Hot-spring culture week", "Teacher exchange"]);
    expect(titles((await list("startedFrom=2023-01-01")).body)).toEqual(["Skilled trades service"]);
    expect(titles((await list("illustrative=true")).body)).toEqual(["Wucheng clinics"]);
    expect((await list("illustrative=false")).body.total).toBe(8);
    expect(titles((await list(`q=${encodeURIComponent("义诊")}`)).body)).toEqual(["Rural free clinics", "Wucheng clinics"]);
    expect(titles((await list("q=teacher")).body)).toEqual(["Teacher exchange"]);
    const reversed = await app.api<ErrorBody>("GET", `${path}?startedFrom=2023-01-01&startedTo=2022-01-01`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.details[0]?.field).toBe("startedTo");
    const badDomain = await app.api<ErrorBody>("GET", `${path}?domain=sports`);
    expect(badDomain.status).toBe(400);
    expect(badDomain.body.error.details[0]?.field).toBe("domain");
  });

  it("sorts by start date (newest first by default), domain and title, and paginates", async () => {
    const newest = await list("pageSize=2");
    expect(newest.body.total).toBe(9);
    expect(newest.body.items.map((a) => a.startedOn)).toEqual(["2023-03-01", "2022-11-05"]);
    const oldest = await list("sort=startedOn&pageSize=1&page=1");
    expect(oldest.body.items[0]?.titleEn).toBe("Enclave investment drive");
    const byDomain = await list("sort=domain,titleEn&pageSize=100");
    expect(byDomain.body.items.map((a) => a.domain)).toEqual(["culture", "education", "health", "health", "health", "industry", "talent", "talent", "technology"]);
    expect(byDomain.body.items.slice(2, 5).map((a) => a.titleEn)).toEqual(["Doctors to Wuyi", "Rural free clinics", "Wucheng clinics"]);
    const badSort = await app.api<ErrorBody>("GET", `${path}?sort=fromRegionCode`);
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.details[0]?.field).toBe("sort");
  });

  it("keeps every change with who and when, and reads an activity as of a past moment", async () => {
    const id = ids["Doctors to Wuyi"]!;
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const updated = await app.api<CooperationActivity>(
      "PATCH",
      `${path}/${id}`,
      { endedOn: "2022-12-31", measures: [{ measure: "doctors_dispatched", value: "14", unit: "person" }] },
      { "if-match": "1" },
    );
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(2);
    expect(updated.body.titleEn).toBe("Doctors to Wuyi"); // fields left out stay as they were
    expect(updated.body.measures).toEqual([{ measure: "doctors_dispatched", value: "14", unit: "person" }]);
    const history = await app.api<{ action: string; actor: { id: string }; before: CooperationActivity | null; after: CooperationActivity }[]>("GET", `${path}/${id}/history`);
    expect(history.body.map((h) => h.action)).toEqual(["create", "update"]);
    expect(history.body[1]?.before?.measures).toHaveLength(3);
    expect(history.body[1]?.after.endedOn).toBe("2022-12-31");
    expect(history.body[1]?.actor.id).toBe("local-operator");
    const past = await app.api<CooperationActivity>("GET", `${path}/${id}?asOf=${encodeURIComponent(before)}`);
    expect(past.body.version).toBe(1);
    expect(past.body.measures.find((m) => m.measure === "doctors_dispatched")?.value).toBe("12");
    expect(past.body.endedOn).toBeNull();
    expect((await app.api("GET", `${path}/${id}?asOf=2000-01-01`)).status).toBe(404);
    const stale = await app.api<ErrorBody>("PATCH", `${path}/${id}`, { titleEn: "Stale" }, { "if-match": "1" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("cooperation_activity.version_conflict");
  });

  it("checks a change against the record as it stands", async () => {
    const id = ids["Teacher exchange"]!;
    const endsEarly = await app.api<ErrorBody>("PATCH", `${path}/${id}`, { endedOn: "2022-08-31" });
    expect(endsEarly.status).toBe(400);
    expect(endsEarly.body.error.details[0]?.field).toBe("endedOn");
    const sameRegion = await app.api<ErrorBody>("PATCH", `${path}/${id}`, { toRegionCode: YONGKANG });
    expect(sameRegion.status).toBe(400);
    expect(sameRegion.body.error.details.map((d) => d.field)).toContain("toRegionCode");
    const wrongUnit = await app.api<ErrorBody>("PATCH", `${path}/${id}`, { measures: [{ measure: "teachers_exchanged", value: "20", unit: "person-day" }] });
    expect(wrongUnit.status).toBe(400);
    expect(wrongUnit.body.error.details[0]?.field).toBe("measures.0.unit");
    expect((await app.api<CooperationActivity>("GET", `${path}/${id}`)).body.version).toBe(1);
    expect((await app.api("PATCH", `${path}/${randomUUID()}`, { titleEn: "x" })).status).toBe(404);
    expect((await app.api("GET", `${path}/not-an-id`)).status).toBe(404);
  });

  it("archives an activity out of lists and summaries, and restores it", async () => {
    const id = ids["Rural free clinics"]!;
    await app.api("POST", `${path}/${id}/archive`);
    expect(titles((await list("domain=health")).body)).not.toContain("Rural free clinics");
    const summary = await app.api<CooperationSummary>("GET", `${path}/summary?pairingId=${pairingId}&year=2022`);
    expect(summary.body.domains.find((d) => d.domain === "health")?.activities).toBe(1);
    expect(titles((await list("domain=health&includeArchived=true")).body)).toContain("Rural free clinics");
    const restored = await app.api<CooperationActivity>("POST", `${path}/${id}/restore`);
    expect(restored.body.archivedAt).toBeNull();
  });

  it("exports the list with one column listing the measures", async () => {
    const csv = await app.api<string>("GET", `${path}?format=csv&lang=en&domain=health&sort=startedOn`);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Domain,Title (zh),Title,From region,To region,Pairing,Agreement,Started on,Ended on,Measures,Description,Illustrative");
    expect(lines[1]).toBe(`health,医疗专家派驻,Doctors to Wuyi,${YONGKANG},${WUYI},${pairingId},,2022-05-10,2022-12-31,doctors_dispatched=14 person,,false`);
    expect(lines[3]).toContain("doctors_dispatched=8 person; clinics_held=4 session");
    const zh = await app.api<string>("GET", `${path}?format=csv&domain=culture`);
    expect(zh.body.replace(/^\uFEFF/, "").split("\r\n")[0]).toContain("成效指标");
  });
});
