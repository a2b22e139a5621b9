import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LedgerBalances, LineExplanation, SettlementRun, TermSet } from "../../contracts/sharing.ts";
import {
  addTerms,
  confirmAll,
  createAgreement,
  createCounties,
  createEnclave,
  createEnterprise,
  recordFigure,
  recordMonthly,
  setProductionStart,
  settle,
  shares,
  termsDocument,
  total,
  wuyi,
  yongkang,
  type ErrorBody,
} from "./support/sharing-fixtures.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

// The deals of DOMAIN §3 as worked examples through the API, month-by-month postings against the annual split,
// explanations and scenarios.

const vatRule = (id: string, coverage: unknown, schedule: unknown, extra: Record<string, unknown> = {}) => ({ id, measure: "local_retained_vat", coverage, schedule, ...extra });

describe.each(databaseTargets())("benefit sharing on %s", (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target);
    await createCounties(app);
  });
  afterAll(() => app.close());

  it("refuses terms with every problem and its path", async () => {
    const agreementId = await createAgreement(app, "validation");
    const bad = termsDocument([
      vatRule("vat", { kind: "enclave", enclave: "00000000-0000-4000-8000-000000000000" }, { basis: "calendar", startYear: 2024, windows: [{ fromYear: 1, toYear: null, shares: shares(6000, 3000) }] }),
    ]);
    const refused = await app.api<ErrorBody>("POST", `/api/v1/agreements/${agreementId}/sharing-terms`, bad);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d) => d.field)).toContain("rules.0.schedule.windows.0.shares");
    const unknown = await app.api<ErrorBody>("POST", `/api/v1/agreements/${agreementId}/sharing-terms`, {
      ...termsDocument([vatRule("vat", { kind: "enclave", enclave: "00000000-0000-4000-8000-000000000000" }, { basis: "calendar", startYear: 2024, windows: [{ fromYear: 1, toYear: null, shares: shares(7000, 3000) }] })]),
      parties: [{ code: wuyi, name: "Wuyi" }, { code: yongkang, name: "Yongkang" }, { code: "330702", name: "Wucheng" }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.map((d) => d.field).sort()).toEqual(["parties.2.code", "rules.0.coverage.enclave"]);
    const wrongVersion = await app.api<ErrorBody>("POST", `/api/v1/agreements/${agreementId}/sharing-terms`, { ...termsDocument([]), version: 2 });
    expect(wrongVersion.status).toBe(409);
    expect(wrongVersion.body.error.code).toBe("sharing_terms.version_conflict");
    expect((await app.api("GET", "/api/v1/sharing/production-starts?enterpriseId=not-an-id")).status).toBe(400);
    const badPeriod = await app.api<ErrorBody>("POST", `/api/v1/agreements/${agreementId}/settlements`, { period: "2024-13" });
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.body.error.details[0]?.field).toBe("period");
  });

  it("gives 100% of local retained tax to the sending county for 5 years from production start, then splits it", async () => {
    const agreementId = await createAgreement(app, "Longquan–Xiaoshan style");
    const e1 = await createEnterprise(app);
    await setProductionStart(app, e1, "2019-07-15"); // year 6 begins in July 2024
    await addTerms(
      app,
      agreementId,
      termsDocument([
        vatRule("retained-vat", { kind: "enterprises", enterprises: [e1] }, { basis: "production_start", windows: [{ fromYear: 1, toYear: 5, shares: shares(10000, 0) }, { fromYear: 6, toYear: null, shares: shares(5000, 5000) }] }),
      ]),
    );
    await recordMonthly(app, e1, "local_retained_vat", 2024, 100_000n);
    const run = await settle(app, agreementId, "2024");
    expect(run.status).toBe("draft");
    expect(total(run, wuyi, "local_retained_vat")).toBe("900000"); // 6 × 100,000 + half of 6 × 100,000
    expect(total(run, yongkang, "local_retained_vat")).toBe("300000");

    const line = run.lines.find((l) => l.party === wuyi);
    const explained = await app.api<LineExplanation>("GET", `/api/v1/settlements/${run.id}/lines/${line?.lineNo}/explanation`);
    expect(explained.status).toBe(200);
    expect(explained.body.rule).toMatchObject({ id: "retained-vat" });
    const segments = explained.body.explanation.segments as { window: { fromYear: number }; share: string; figures: { id: string; version: number }[]; rounding: { reason: string } }[];
    expect(segments.map((s) => [s.window.fromYear, s.share, s.figures.length])).toEqual([
      [1, "1", 6],
      [6, "1/2", 6],
    ]);
    expect(segments[0]?.figures.every((f) => f.version === 1 && f.id.length > 0)).toBe(true);
    expect(explained.body.steps.join("\n")).toContain("Due to date 900000 − previously posted 0 = this period's amount 900000");
    const missing = await app.api("GET", `/api/v1/settlements/${run.id}/lines/999/explanation`);
    expect(missing.status).toBe(404);
  });

  it("tops up a short year to the 10% floor and pays nothing in a year that was not short", async () => {
    const agreementId = await createAgreement(app, "Cixi–Changshan style");
    const e2 = await createEnterprise(app);
    await addTerms(
      app,
      agreementId,
      termsDocument([vatRule("vat", { kind: "enterprises", enterprises: [e2] }, { basis: "calendar", startYear: 2024, windows: [{ fromYear: 1, toYear: null, shares: shares(2000, 8000) }] })], {
        guaranteedReturns: [{ id: "floor", kind: "floor", principalFen: "10000000", rate: 1000, payer: yongkang, beneficiary: wuyi, fromYear: 2024, toYear: null, countsRules: ["vat"] }],
      }),
    );
    await recordMonthly(app, e2, "local_retained_vat", 2024, 200_000n); // Wuyi's 20% of 2,400,000 = 480,000 < 1,000,000
    await recordMonthly(app, e2, "local_retained_vat", 2025, 500_000n); // 20% of 6,000,000 = 1,200,000 ≥ 1,000,000
    const short = await settle(app, agreementId, "2024");
    expect(total(short, wuyi, "local_retained_vat")).toBe("480000");
    expect(total(short, wuyi, "guaranteed_return")).toBe("520000");
    expect(total(short, yongkang, "guaranteed_return")).toBe("-520000");
    const full = await settle(app, agreementId, "2025");
    expect(total(full, wuyi, "local_retained_vat")).toBe("1200000");
    expect(total(full, wuyi, "guaranteed_return")).toBe("0");
    const floorLine = full.lines.find((l) => l.kind === "guaranteed_return" && l.party === wuyi);
    const why = await app.api<LineExplanation>("GET", `/api/v1/settlements/${full.id}/lines/${floorLine?.lineNo}/explanation`);
    expect(why.body.steps[0]).toContain("floor met");
    // Read back, the run's lines are what it computed, in line order: the rule lines (stored in blocks) and the
    // guaranteed returns (stored a row each) together; one party's explanations are that party's lines.
    const stored = await app.api<SettlementRun>("GET", `/api/v1/settlements/${full.id}`);
    expect(stored.body.lines).toEqual(full.lines);
    expect(full.lines.map((l) => l.kind)).toEqual(expect.arrayContaining(["rule", "guaranteed_return"]));
    const rule = full.lines.find((l) => l.kind === "rule" && l.party === wuyi);
    const ruleWhy = await app.api<LineExplanation>("GET", `/api/v1/settlements/${full.id}/lines/${rule?.lineNo}/explanation`);
    expect(ruleWhy.status).toBe(200);
    expect(ruleWhy.body.line).toMatchObject({ lineNo: rule?.lineNo, party: wuyi, amount: rule?.amount });
  });

  it("splits tax 7:3 to the fen and attributes statistics 100:0", async () => {
    const agreementId = await createAgreement(app, "Fuzhou style");
    const e3 = await createEnterprise(app);
    await addTerms(
      app,
      agreementId,
      termsDocument([
        vatRule("tax", { kind: "enterprises", enterprises: [e3] }, { basis: "calendar", startYear: 2024, windows: [{ fromYear: 1, toYear: null, shares: shares(7000, 3000) }] }),
        { id: "output", measure: "industrial_output", coverage: { kind: "enterprises", enterprises: [e3] }, schedule: { basis: "calendar", startYear: 2024, windows: [{ fromYear: 1, toYear: null, shares: shares(10000, 0) }] } },
      ]),
    );
    await recordFigure(app, { enterpriseId: e3, month: "2024-01", measure: "local_retained_vat", amountFen: "1000001" });
    await recordFigure(app, { enterpriseId: e3, month: "2024-01", measure: "industrial_output", amountFen: "123456789" });
    const run = await settle(app, agreementId, "2024-01");
    expect(total(run, wuyi, "local_retained_vat")).toBe("700001");
    expect(total(run, yongkang, "local_retained_vat")).toBe("300000");
    expect(total(run, wuyi, "industrial_output")).toBe("123456789");
    expect(total(run, yongkang, "industrial_output")).toBe("0");

    const stored = await app.api<TermSet[]>("GET", `/api/v1/agreements/${agreementId}/sharing-terms`);
    expect(stored.body.map((t) => [t.version, t.settlesThrough])).toEqual([[1, null]]);
    const scenarios = await app.api<{ scenarios: string[]; years: { year: number; projected: boolean; rows: { party: string; measure: string; amounts: { scenario: string; amount: string }[] }[] }[] }>(
      "POST",
      `/api/v1/agreements/${agreementId}/scenarios`,
      {
        termSets: [
          { label: "agreed 7:3", version: 1 },
          { label: "even 5:5", terms: termsDocument([vatRule("tax", { kind: "enterprises", enterprises: [e3] }, { basis: "calendar", startYear: 2024, windows: [{ fromYear: 1, toYear: null, shares: shares(5000, 5000) }] })]) },
        ],
        years: [2024],
        projection: { baseYear: 2024, throughYear: 2025, growthBp: { local_retained_vat: 1000 } },
      },
    );
    expect(scenarios.status, JSON.stringify(scenarios.body)).toBe(200);
    expect(scenarios.body.scenarios).toEqual(["agreed 7:3", "even 5:5"]);
    const vat2024 = scenarios.body.years.find((y) => y.year === 2024)?.rows.find((r) => r.party === wuyi && r.measure === "local_retained_vat");
    expect(vat2024?.amounts).toEqual([
      { scenario: "agreed 7:3", amount: "700001" },
      { scenario: "even 5:5", amount: "500001" },
    ]);
    const projected = scenarios.body.years.find((y) => y.year === 2025);
    expect(projected?.projected).toBe(true);
    // 1,000,001 × 1.1 = 1,100,001.1 → 1,100,001 fen, then 7:3
    expect(projected?.rows.find((r) => r.party === wuyi && r.measure === "local_retained_vat")?.amounts[0]?.amount).toBe("770001");
  });

  it("posts month by month so that the months add up exactly to the annual split", async () => {
    const enclaveId = await createEnclave(app);
    const example = JSON.parse(readFileSync(new URL("../../docs/sharing/examples/yongkang-wuyi.json", import.meta.url), "utf8").replaceAll("yongkang-wuyi-enclave", enclaveId)) as Record<string, unknown>;
    const monthly = await createAgreement(app, "monthly");
    const yearly = await createAgreement(app, "yearly");
    await addTerms(app, monthly, { ...example, id: "yw-monthly" });
    await addTerms(app, yearly, { ...example, id: "yw-yearly" });
    const residents = [
      { since: "2021-01-01", start: "2021-03-20" }, // year 4 (7:3) from March 2024
      { since: "2024-02-01", start: "2024-05-10" }, // production from May: earlier figures are skipped
    ];
    for (const [i, r] of residents.entries()) {
      const id = await createEnterprise(app, { enclaveId, residentSince: r.since });
      await setProductionStart(app, id, r.start);
      const odd = (base: bigint) => Array.from({ length: 12 }, (_, m) => base + BigInt((m + 1) * 7 + i * 3));
      await recordMonthly(app, id, "local_retained_vat", 2024, odd(123_457n));
      await recordMonthly(app, id, "local_retained_cit", 2024, odd(45_679n));
      await recordMonthly(app, id, "industrial_output", 2024, odd(9_876_543n));
      await recordMonthly(app, id, "energy_quota", 2024, Array.from({ length: 12 }, (_, m) => BigInt(600 + m * 11 + i)));
    }
    for (let m = 1; m <= 12; m += 1) await confirmAll(app, await settle(app, monthly, `2024-${String(m).padStart(2, "0")}`));
    const year = await settle(app, yearly, "2024");
    const ledger = await app.api<LedgerBalances>("GET", `/api/v1/agreements/${monthly}/ledger?year=2024`);
    expect(ledger.status).toBe(200);
    expect(ledger.body.consistent).toBe(true);
    expect(ledger.body.entries).toBe(12);
    const annual = year.totals.filter((t) => t.dueToDate !== "0").map((t) => ({ party: t.party, measure: t.measure, amount: t.dueToDate }));
    const posted = ledger.body.balances.filter((b) => b.amount !== "0").map((b) => ({ party: b.party, measure: b.measure, amount: b.amount }));
    const order = (a: { party: string; measure: string }, b: { party: string; measure: string }) => (`${a.party}${a.measure}` < `${b.party}${b.measure}` ? -1 : 1);
    expect(posted.sort(order)).toEqual(annual.sort(order));
    expect(year.lines.some((l) => l.kind === "guaranteed_return")).toBe(true);
    expect(annual.some((t) => t.measure === "energy_quota")).toBe(true);
  });
});
