import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EnclaveSharingSummary } from "../../contracts/sharing-summary.ts";
import type { LedgerBalances } from "../../contracts/sharing.ts";
import { illustrativeOrganisationCode, makeUscc } from "../src/modules/enterprises/index.ts";
import { createAccount, sessionHeaders, signIn } from "./support/accounts.ts";
import { addTerms, confirmAll, createAgreement, createCounties, recordFigure, recordMonthly, settle, shares, termsDocument, wuyi, yongkang, type ErrorBody } from "./support/sharing-fixtures.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

// An enclave's headline figures: output and local retained tax of the enclave and its residents (from the month
// each moved in), tax per mu rounded once, and each party's revenue from the locked periods of the ledger only.

let serial = 0;

async function enclaveOf(app: TestApp, agreementId: string | null, areaMu: string): Promise<string> {
  const created = await app.api<{ id: string }>("POST", "/api/v1/enclaves", {
    nameZh: "汇总飞地",
    nameEn: "Summary enclave",
    kind: "industrial",
    hostRegionCode: yongkang,
    sendingRegionCodes: [wuyi],
    agreementId,
    areaMu,
    status: "operating",
    openedOn: "2019-01-15",
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

async function enterpriseOf(app: TestApp, enclaveId: string | null, residentSince: string | null, illustrative = false): Promise<string> {
  serial += 1;
  const created = await app.api<{ id: string }>("POST", "/api/v1/enterprises", {
    uscc: makeUscc({ regionCode: wuyi, organisationCode: illustrativeOrganisationCode(810_000 + serial) }),
    nameZh: `汇总企业${serial}有限公司`,
    homeRegionCode: wuyi,
    industryCode: "3465",
    enclaveId,
    residentSince,
    illustrative,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

const months = (year: number, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, "0")}`);

describe.each(databaseTargets())("an enclave's sharing summary on %s", (target) => {
  let app: TestApp;
  let agreementId = "";
  let enclaveId = "";

  beforeAll(async () => {
    app = await startTestApp(target);
    await createCounties(app);
    agreementId = await createAgreement(app, "summary");
    enclaveId = await enclaveOf(app, agreementId, "120.5");
    const early = await enterpriseOf(app, enclaveId, "2023-06-01");
    const late = await enterpriseOf(app, enclaveId, "2024-03-10", true);
    const outsider = await enterpriseOf(app, null, null);
    await recordMonthly(app, early, "local_retained_vat", 2024, 10_001n);
    await recordMonthly(app, early, "local_retained_cit", 2024, [3_000n, 3_000n, 3_000n, 3_000n, 3_000n, 3_000n]);
    await recordMonthly(app, early, "industrial_output", 2024, 1_000_000n);
    // Recorded for every month, counted from March, when it moved in.
    await recordMonthly(app, late, "local_retained_vat", 2024, 5_000n);
    await recordMonthly(app, late, "industrial_output", 2024, 200_000n);
    await recordMonthly(app, outsider, "local_retained_vat", 2024, 999_999n);
    await recordFigure(app, { enclaveId, month: "2024-12", measure: "other_local_tax", amountFen: "7777" });
    await recordFigure(app, { enterpriseId: early, month: "2025-01", measure: "local_retained_vat", amountFen: "2000" });
    await recordFigure(app, { enterpriseId: early, month: "2025-02", measure: "local_retained_vat", amountFen: "2000" });

    await addTerms(
      app,
      agreementId,
      termsDocument(
        [
          { id: "vat", measure: "local_retained_vat", coverage: { kind: "enclave_residents", enclave: enclaveId }, schedule: { basis: "calendar", startYear: 2024, windows: [{ fromYear: 1, toYear: null, shares: shares(7000, 3000) }] } },
          { id: "output", measure: "industrial_output", coverage: { kind: "enclave_residents", enclave: enclaveId }, schedule: { basis: "calendar", startYear: 2024, windows: [{ fromYear: 1, toYear: null, shares: shares(5000, 5000) }] } },
        ],
        { guaranteedReturns: [{ id: "fixed", kind: "fixed", principalFen: "1000000", rate: 1000, payer: yongkang, beneficiary: wuyi, fromYear: 2024, toYear: null }] },
      ),
    );
    for (const period of ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]) await confirmAll(app, await settle(app, agreementId, period));
    await settle(app, agreementId, "2025-Q1"); // a draft: nothing posted
  });
  afterAll(() => app?.close());

  it("sums output and tax of the enclave and its residents from the month each moved in, with the months covered", async () => {
    const { status, body } = await app.api<EnclaveSharingSummary>("GET", `/api/v1/enclaves/${enclaveId}/sharing-summary?year=2024`);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ enclaveId, year: 2024, yearChosen: "requested", residents: 2 });
    // 12 × 1,000,000 + 10 × 200,000 (March to December)
    expect(body.output).toEqual({ amountFen: "14000000", months: months(2024, 1, 12) });
    // VAT 12 × 10,001 + 10 × 5,000 = 170,012; CIT 6 × 3,000 = 18,000; the enclave's own other local tax 7,777.
    expect(body.tax).toEqual({
      amountFen: "195789",
      months: months(2024, 1, 12),
      byMeasure: [
        { measure: "local_retained_vat", amountFen: "170012" },
        { measure: "local_retained_cit", amountFen: "18000" },
        { measure: "other_local_tax", amountFen: "7777" },
      ],
    });
    // 195,789 ÷ 120.5 = 1,624.80… fen per mu → 1,625.
    expect(body.taxPerMu).toEqual({ amountFen: "1625", areaMu: "120.5" });
    expect(body.illustrativeFigures).toBe(true); // the late resident is flagged illustrative
    expect(body.illustrative).toBe(true);
  });

  it("gives each party its revenue from the locked periods: tax shares and guaranteed returns, not statistics", async () => {
    const { body } = await app.api<EnclaveSharingSummary>("GET", `/api/v1/enclaves/${enclaveId}/sharing-summary?year=2024`);
    expect(body.sharing).toMatchObject({ agreementId, periods: ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"], throughMonth: "2024-12", illustrative: false });
    // VAT 7:3 per enterprise: 120,012 → 84,008 + 36,004; 50,000 → 35,000 + 15,000. The fixed return: 10% of 1,000,000.
    expect(body.sharing?.parties.map((p) => [p.party, p.revenueFen, p.byMeasure])).toEqual([
      [wuyi, "219008", [{ measure: "local_retained_vat", amountFen: "119008" }, { measure: "guaranteed_return", amountFen: "100000" }]],
      [yongkang, "-48996", [{ measure: "local_retained_vat", amountFen: "51004" }, { measure: "guaranteed_return", amountFen: "-100000" }]],
    ]);
    // The same amounts as the journal's balances.
    const ledger = await app.api<LedgerBalances>("GET", `/api/v1/agreements/${agreementId}/ledger?year=2024`);
    const vat = (party: string) => ledger.body.balances.find((b) => b.party === party && b.measure === "local_retained_vat")?.amount;
    expect([vat(wuyi), vat(yongkang)]).toEqual(["119008", "51004"]);
  });

  it("takes the latest year with figures by default and counts no draft period", async () => {
    const { body } = await app.api<EnclaveSharingSummary>("GET", `/api/v1/enclaves/${enclaveId}/sharing-summary`);
    expect(body).toMatchObject({ year: 2025, yearChosen: "latest_with_figures", residents: 1, illustrativeFigures: false, illustrative: false });
    expect(body.output).toEqual({ amountFen: "0", months: [] });
    expect(body.tax.amountFen).toBe("4000");
    expect(body.tax.months).toEqual(["2025-01", "2025-02"]);
    expect(body.taxPerMu.amountFen).toBe("33"); // 4,000 ÷ 120.5 = 33.19…
    expect(body.sharing).toMatchObject({ periods: [], throughMonth: null });
    expect(body.sharing?.parties.map((p) => [p.party, p.revenueFen])).toEqual([
      [wuyi, "0"],
      [yongkang, "0"],
    ]);
  });

  it("answers an enclave without agreement or land with no revenue and no per-mu figure", async () => {
    const bare = await enclaveOf(app, null, "0");
    const { status, body } = await app.api<EnclaveSharingSummary>("GET", `/api/v1/enclaves/${bare}/sharing-summary`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ yearChosen: "current_year", residents: 0, sharing: null, taxPerMu: { amountFen: null, areaMu: "0" }, tax: { amountFen: "0", months: [] } });
  });

  it("counts a former resident in the months it was resident", async () => {
    const other = await enclaveOf(app, null, "10");
    const leaver = await enterpriseOf(app, other, "2024-01-05");
    await recordFigure(app, { enterpriseId: leaver, month: "2024-05", measure: "local_retained_vat", amountFen: "500" });
    const moved = await app.api("PATCH", `/api/v1/enterprises/${leaver}`, { enclaveId: null, residentSince: null });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const { body } = await app.api<EnclaveSharingSummary>("GET", `/api/v1/enclaves/${other}/sharing-summary?year=2024`);
    expect(body).toMatchObject({ residents: 1, tax: { amountFen: "500", months: ["2024-05"] }, taxPerMu: { amountFen: "50" } });
  });

  it("names the bad field, and hides the enclave from those outside its counties", async () => {
    const bad = await app.api<ErrorBody>("GET", `/api/v1/enclaves/${enclaveId}/sharing-summary?year=20x4`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d) => d.field)).toContain("year");
    expect((await app.api("GET", "/api/v1/enclaves/not-an-id/sharing-summary")).status).toBe(404);

    await app.api("POST", "/api/v1/regions", { code: "330782", nameZh: "义乌市", nameEn: "Yiwu", level: "county" });
    await createAccount(app, "summary-wuyi", "county_official", { regionCode: wuyi });
    await createAccount(app, "summary-yiwu", "county_official", { regionCode: "330782" });
    await createAccount(app, "summary-manager", "enclave_manager", { enclaveId });
    const url = `/api/v1/enclaves/${enclaveId}/sharing-summary?year=2024`;
    const asWuyi = await app.api<EnclaveSharingSummary>("GET", url, undefined, sessionHeaders(await signIn(app, "summary-wuyi")));
    expect(asWuyi.status).toBe(200);
    expect(asWuyi.body.tax.amountFen).toBe("195789");
    expect((await app.api("GET", url, undefined, sessionHeaders(await signIn(app, "summary-yiwu")))).status).toBe(404);
    expect((await app.api("GET", url, undefined, sessionHeaders(await signIn(app, "summary-manager")))).status).toBe(403);
  });
});
