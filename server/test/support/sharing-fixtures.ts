// Builders for the sharing tests: the two counties, agreements, an enclave with resident enterprises, their
// production starts, monthly figures recorded through the indicators module, and terms documents.
import { expect } from "vitest";
import type { SettlementRun } from "../../../contracts/sharing.ts";
import { illustrativeOrganisationCode, makeUscc } from "../../src/modules/enterprises/index.ts";
import { testOperator, type TestApp } from "./test-app.ts";

export const wuyi = "330723";
export const yongkang = "330784";

export type ErrorBody = { error: { code: string; message: string; details: { field?: string; message: string; value?: unknown }[] } };

export async function createCounties(app: TestApp): Promise<void> {
  for (const region of [
    { code: "330000", nameZh: "浙江省", nameEn: "Zhejiang", level: "province" },
    { code: "330700", nameZh: "金华市", nameEn: "Jinhua", level: "city", parentCode: "330000" },
    { code: yongkang, nameZh: "永康市", nameEn: "Yongkang", level: "county", kind: "developed", parentCode: "330700" },
    { code: wuyi, nameZh: "武义县", nameEn: "Wuyi", level: "county", kind: "mountain", parentCode: "330700" },
  ]) {
    const created = await app.api("POST", "/api/v1/regions", region);
    expect(created.status).toBe(201);
  }
}

export async function createAgreement(app: TestApp, title: string): Promise<string> {
  const created = await app.api<{ id: string }>("POST", "/api/v1/agreements", {
    titleZh: title,
    titleEn: title,
    kind: "enclave",
    parties: [wuyi, yongkang],
    status: "in_force",
    signedOn: "2022-04-02",
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

export async function createEnclave(app: TestApp, openedOn = "2019-01-15"): Promise<string> {
  const created = await app.api<{ id: string }>("POST", "/api/v1/enclaves", {
    nameZh: "测试飞地",
    nameEn: "Test enclave",
    kind: "industrial",
    hostRegionCode: yongkang,
    sendingRegionCodes: [wuyi],
    areaMu: "100",
    status: "operating",
    openedOn,
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

let serial = 0;

export async function createEnterprise(app: TestApp, options: { nameZh?: string; enclaveId?: string | null; residentSince?: string | null; region?: string } = {}): Promise<string> {
  serial += 1;
  const region = options.region ?? wuyi;
  const created = await app.api<{ id: string }>("POST", "/api/v1/enterprises", {
    uscc: makeUscc({ regionCode: region, organisationCode: illustrativeOrganisationCode(700_000 + serial) }),
    nameZh: options.nameZh ?? `测试企业${serial}有限公司`,
    homeRegionCode: region,
    industryCode: "3465",
    enclaveId: options.enclaveId ?? null,
    residentSince: options.residentSince ?? null,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

export async function setProductionStart(app: TestApp, enterpriseId: string, startedOn: string): Promise<void> {
  const saved = await app.api("PUT", `/api/v1/sharing/production-starts/${enterpriseId}`, { startedOn });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}

export type FigureInput = { enterpriseId?: string; enclaveId?: string; month: string; measure: string; amountFen?: string; quantity?: string; reason?: string };

/** Records a figure (or a corrected version of it) through the indicators module's service. */
export async function recordFigure(app: TestApp, figure: FigureInput): Promise<void> {
  await app.modules.indicators.figures.record(testOperator, figure);
}

/** The same amount (or one per month) for each month of a year. */
export async function recordMonthly(app: TestApp, enterpriseId: string, measure: string, year: number, values: bigint | readonly bigint[]): Promise<void> {
  for (let m = 1; m <= 12; m += 1) {
    const value = typeof values === "bigint" ? values : (values[m - 1] ?? 0n);
    const month = `${year}-${String(m).padStart(2, "0")}`;
    await recordFigure(app, measure === "energy_quota" ? { enterpriseId, month, measure, quantity: String(value) } : { enterpriseId, month, measure, amountFen: String(value) });
  }
}

export async function addTerms(app: TestApp, agreementId: string, document: Record<string, unknown>): Promise<void> {
  const added = await app.api("POST", `/api/v1/agreements/${agreementId}/sharing-terms`, document);
  expect(added.status, JSON.stringify(added.body)).toBe(201);
}

export async function settle(app: TestApp, agreementId: string, period: string, expected = 201): Promise<SettlementRun> {
  const run = await app.api<SettlementRun>("POST", `/api/v1/agreements/${agreementId}/settlements`, { period });
  expect(run.status, JSON.stringify(run.body)).toBe(expected);
  return run.body;
}

export async function confirmAll(app: TestApp, run: SettlementRun): Promise<SettlementRun> {
  let last = run;
  for (const party of run.parties) {
    const confirmed = await app.api<SettlementRun>("POST", `/api/v1/settlements/${run.id}/confirm`, { party: party.code });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    last = confirmed.body;
  }
  expect(last.status).toBe("locked");
  return last;
}

export const total = (run: SettlementRun, party: string, measure: string, field: "amount" | "dueToDate" = "amount"): string =>
  run.totals.find((t) => t.party === party && t.measure === measure)?.[field] ?? "0";

const twoCounties = [
  { code: wuyi, name: "武义县 Wuyi" },
  { code: yongkang, name: "永康市 Yongkang" },
];

export function termsDocument(rules: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: "test-terms", version: 1, effectiveFrom: "2015-01-01", parties: twoCounties, rules, ...extra };
}

export function shares(a: number | string, b: number | string) {
  return [
    { party: wuyi, share: a },
    { party: yongkang, share: b },
  ];
}
