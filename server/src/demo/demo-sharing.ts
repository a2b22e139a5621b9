// Benefit sharing in the demo case: the illustrative Yongkang–Wuyi terms (docs/sharing/examples/yongkang-wuyi.json)
// attached to the 2022 framework agreement, production starts and monthly figures for 2024 and 2025 of the
// enterprises resident in the enclave (imported through the indicators module, as an official would), and every
// quarter of those years settled and locked, confirmed for both counties by the demo's system actor. Figures of
// the first quarter of 2026 are recorded but left unsettled, so the console has an open period to run and
// confirm. All of it is invented and flagged illustrative.
import { readFileSync } from "node:fs";
import type { Enterprise } from "../../../contracts/enterprises.ts";
import type { Actor } from "../platform/actor.ts";
import type { Modules } from "../modules.ts";
import { seededRandom } from "./seeded-random.ts";

const years = [2024, 2025];
const quarters = years.flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
/** Recorded, never settled by the demo: 2026-Q1 is the period a user can run. */
const openYear = 2026;
const openMonths = [1, 2, 3];

function termsFor(enclaveId: string): Record<string, unknown> {
  const text = readFileSync(new URL("../../../docs/sharing/examples/yongkang-wuyi.json", import.meta.url), "utf8");
  const terms = JSON.parse(text.replaceAll("yongkang-wuyi-enclave", enclaveId)) as Record<string, unknown>;
  delete terms.$schema;
  return terms;
}

/** Two months after moving in, on the 1st: when the demo's residents start producing. */
function productionStartOf(residentSince: string): string {
  const [y, m] = residentSince.split("-").map(Number) as [number, number];
  const month = m + 2;
  return `${y + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, "0")}-01`;
}

const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, "0")}`;

type Resident = { enterprise: Enterprise; start: string };

/** One enterprise's five figures of a month; `pct` is the month's level in whole percent. */
function monthRows(enterprise: Enterprise, key: string, pct: bigint): string[] {
  const size = BigInt(enterprise.employees ?? 50);
  const output = (size * 6_000_000n * pct) / 100n; // ≈ ¥60,000 output per employee and month
  const vat = (output * 6n) / 1000n; // local retained VAT: the county's part of the VAT on the value added
  const cit = (output * 2n) / 1000n;
  const tce = (size * 8n * pct) / 1000n; // ≈ 0.8 tce per employee and month
  return [
    `${enterprise.uscc},${key},local_retained_vat,${yuan(vat)},`,
    `${enterprise.uscc},${key},local_retained_cit,${yuan(cit)},`,
    `${enterprise.uscc},${key},industrial_output,${yuan(output)},`,
    `${enterprise.uscc},${key},value_added,${yuan((output * 24n) / 100n)},`,
    `${enterprise.uscc},${key},energy_quota,,${tce / 10n}.${tce % 10n}`,
  ];
}

const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}`;

/** A CSV of monthly figures as an enclave's management committee would send it (amounts in 元). */
function figuresCsv(residents: readonly Resident[]): string {
  const random = seededRandom(20240101);
  const rows = ["企业,月份,指标,金额（元）,数量"];
  for (const { enterprise, start } of residents) {
    for (const year of years) {
      for (let month = 1; month <= 12; month += 1) {
        const key = monthKey(year, month);
        if (key < start.slice(0, 7)) continue;
        // Seasonal swing of ±15% and 8% growth in 2025, in whole percent so the arithmetic stays exact.
        rows.push(...monthRows(enterprise, key, BigInt(random.int(85, 115) + (year === 2025 ? 8 : 0))));
      }
    }
  }
  // The open quarter draws from its own generator, so the settled years' figures stay as they were.
  const open = seededRandom(20260101);
  for (const { enterprise, start } of residents) {
    for (const month of openMonths) {
      const key = monthKey(openYear, month);
      if (key >= start.slice(0, 7)) rows.push(...monthRows(enterprise, key, BigInt(open.int(85, 115) + 15)));
    }
  }
  return `${rows.join("\n")}\n`;
}

export async function loadDemoSharing(modules: Modules, actor: Actor, ids: { agreementId: string; enclaveId: string }): Promise<void> {
  await modules.sharing.terms.add(actor, ids.agreementId, termsFor(ids.enclaveId));
  const page = await modules.enterprises.enterprises.list(actor, { enclaveId: ids.enclaveId, page: 1, pageSize: 500, includeArchived: false });
  const residents = page.items
    .filter((e) => e.residentSince !== null)
    .map((enterprise) => ({ enterprise, start: productionStartOf(enterprise.residentSince as string) }));
  for (const { enterprise, start } of residents) {
    await modules.sharing.terms.setProductionStart(actor, enterprise.id, { startedOn: start, note: "Illustrative: two months after moving into the enclave.", illustrative: true });
  }
  const csv = figuresCsv(residents);
  await modules.indicators.imports.start(actor, { fileName: "永武飞地入驻企业月度数据（示例）.csv", bytes: Buffer.from(csv, "utf8") }, { mode: "all_or_nothing", run: "inline" });
  for (const period of quarters) {
    const { run } = await modules.sharing.runs.start(actor, ids.agreementId, { period });
    for (const party of run.parties) await modules.sharing.confirmations.confirm(actor, run.id, party.code);
  }
}
