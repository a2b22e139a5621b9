import { parseArgs } from "node:util";
import type { PartyTotalJson, SettlementRun } from "../../contracts/sharing.ts";
import type { App } from "../../server/src/main.ts";
import { openApp } from "./open-app.ts";
import type { Command } from "./index.ts";
import { UsageError } from "./usage-error.ts";

// Settlement runs from the command line, through the same routes as the API (as the CLI operator).
export const settleCommand: Command = {
  summary: "settle an agreement for a period, or confirm a run (e.g. shanhai settle --agreement ID --period 2024-03)",
  help: `shanhai settle --agreement ID --period 2024-03|2024-Q1|2024
shanhai settle --run ID --confirm PARTY

The first form computes the period from the agreement's sharing terms, the recorded figures and what the ledger
already holds, and prints the run's id, status and each party's totals. Settling again with the same inputs
gives the same run; a locked period whose figures changed gives a restatement. The run is a draft until every
party confirms it; the second form confirms it for one party (the last confirmation locks and posts it).
Amounts: money in yuan (exact, from integer fen), quantities in their unit.`,
  async run(args) {
    const { values } = parsed(args);
    if (values.run || values.confirm) {
      if (!values.run || !values.confirm) throw new UsageError("confirming needs both --run ID and --confirm PARTY");
      return withApp((app) => call(app, "POST", `/api/v1/settlements/${encodeURIComponent(values.run as string)}/confirm`, { party: values.confirm }, `confirmed for ${values.confirm}`));
    }
    if (!values.agreement) throw new UsageError("--agreement ID is required (the agreement's id; see shanhai export agreements)");
    if (!values.period) throw new UsageError("--period is required: a month (2024-03), a quarter (2024-Q1) or a year (2024)");
    return withApp((app) => call(app, "POST", `/api/v1/agreements/${encodeURIComponent(values.agreement as string)}/settlements`, { period: values.period }));
  },
};

function parsed(args: string[]) {
  try {
    return parseArgs({ args, options: { agreement: { type: "string" }, period: { type: "string" }, run: { type: "string" }, confirm: { type: "string" } } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function withApp(work: (app: App) => Promise<number>): Promise<number> {
  const app = await openApp();
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

async function call(app: App, method: "POST", url: string, payload: object, note?: string): Promise<number> {
  const response = await app.http.inject({ method, url, payload });
  const body = response.json() as SettlementRun & { error?: { code: string; message: string; details?: { field?: string; message: string }[] } };
  if (response.statusCode >= 400) {
    process.stderr.write(`shanhai: ${body.error?.message ?? response.body} [${body.error?.code ?? response.statusCode}]\n`);
    for (const d of body.error?.details ?? []) process.stderr.write(`  - ${d.field ? `${d.field}: ` : ""}${d.message}\n`);
    return 1;
  }
  process.stdout.write(describeRun(body, note ?? (response.statusCode === 201 ? "new" : "unchanged inputs: the existing run")));
  return 0;
}

export function describeRun(run: SettlementRun, note: string): string {
  const lines = [
    `run ${run.id}`,
    `  ${run.kind} of ${run.period.label}, ${run.status} (${note})${run.restatesRunId ? `, restates ${run.restatesRunId}` : ""}`,
    `  confirmations: ${run.parties.map((p) => `${p.code} ${p.confirmation ? `by ${p.confirmation.actorName} at ${p.confirmation.confirmedAt}` : "pending"}`).join("; ")}`,
    "  totals:",
  ];
  for (const party of run.parties) {
    lines.push(`    ${party.code} ${party.name}`);
    for (const t of run.totals.filter((x) => x.party === party.code)) lines.push(`      ${t.measure.padEnd(22)} ${amount(t)}`);
  }
  for (const w of run.warnings) lines.push(`  warning: ${w}`);
  return `${lines.join("\n")}\n`;
}

function amount(t: PartyTotalJson): string {
  if (t.unit !== "fen") return `${t.amount} ${t.unit} this period (${t.dueToDate} due to date)`;
  return `¥${yuan(t.amount)} this period (¥${yuan(t.dueToDate)} due to date)`;
}

function yuan(fen: string): string {
  const negative = fen.startsWith("-");
  const digits = (negative ? fen.slice(1) : fen).padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${digits.slice(-2)}`;
}
