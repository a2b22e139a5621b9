import { parseArgs } from "node:util";
import type { EnterpriseMatches, GapReport } from "../../contracts/chains.ts";
import type { Enterprise } from "../../contracts/enterprises.ts";
import type { App } from "../../server/src/main.ts";
import { openApp } from "./open-app.ts";
import type { Command } from "./index.ts";
import { UsageError } from "./usage-error.ts";

// Industry chains from the command line, through the same routes as the API (as the CLI operator): a pair's gaps
// and target lists, and an enterprise's ranked suppliers or customers with the reasons.
export const chainCommand: Command = {
  summary: "industry-chain gaps of the county pair, and ranked suppliers or customers of an enterprise",
  help: `shanhai chain gaps [--chain electric-tools] [--format table|csv|json] [--pairing ID | --regions A,B] [--thin-below 3] [--lang zh|en]
shanhai chain match --enterprise ID|USCC|NAME [--role suppliers|customers] [--limit 10] [--format table|json] [--lang zh|en]

gaps   Per chain and node, how many enterprises each county has (gap: none; thin: fewer than --thin-below) and,
       where the indicators hold them, their output; a complement is one county's gap where the other is strong.
       table (default) names the first targets of each gap; csv is the full target list, one row per target
       (the API's export); json the whole report. Without --pairing or --regions: the one recorded pairing.
match  The enterprise's suppliers (default) or customers in the partner county, best first, each with its score
       (out of 1000) and the five reasons behind it (chain adjacency, product keywords, size fit, distance,
       enclave). The enterprise is named by its record id, its USCC or its name (an exact name, or a part of it
       that names one enterprise).`,
  async run(args) {
    const [action, ...rest] = args;
    if (action !== "gaps" && action !== "match") throw new UsageError('name an action: "shanhai chain gaps …" or "shanhai chain match --enterprise …"');
    const options = parsed(rest);
    const out = (text: string | Buffer) => void process.stdout.write(text);
    if (action === "match" && !options.enterprise) throw new UsageError("--enterprise ID|USCC|NAME is required");
    const app = await openApp();
    try {
      return action === "gaps" ? await chainGaps(app, options, out) : await chainMatch(app, options, out);
    } finally {
      await app.close();
    }
  },
};

export type ChainOptions = {
  chain?: string | undefined;
  format?: string | undefined;
  pairing?: string | undefined;
  regions?: string | undefined;
  "thin-below"?: string | undefined;
  lang?: string | undefined;
  enterprise?: string | undefined;
  role?: string | undefined;
  limit?: string | undefined;
};

function parsed(args: string[]): ChainOptions {
  try {
    return parseArgs({
      args,
      options: {
        chain: { type: "string" },
        format: { type: "string" },
        pairing: { type: "string" },
        regions: { type: "string" },
        "thin-below": { type: "string" },
        lang: { type: "string" },
        enterprise: { type: "string" },
        role: { type: "string" },
        limit: { type: "string" },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

type Http = Pick<App, "http">;
type Out = (text: string | Buffer) => void;

async function get<T>(app: Http, url: string): Promise<{ ok: true; body: T; raw: Buffer } | { ok: false; message: string }> {
  const response = await app.http.inject({ method: "GET", url });
  if (response.statusCode === 200) return { ok: true, body: (String(response.headers["content-type"]).includes("json") ? response.json() : undefined) as T, raw: response.rawPayload };
  const body = response.json() as { error?: { code?: string; message?: string; details?: { field?: string; message: string }[] } };
  const details = (body.error?.details ?? []).map((d) => `\n  - ${d.field ? `${d.field}: ` : ""}${d.message}`).join("");
  return { ok: false, message: `${body.error?.message ?? response.body} [${body.error?.code ?? response.statusCode}]${details}` };
}

function fail(message: string): number {
  process.stderr.write(`shanhai: ${message}\n`);
  return 1;
}

export async function chainGaps(app: Http, o: ChainOptions, out: Out): Promise<number> {
  const format = o.format ?? "table";
  if (!["table", "csv", "json"].includes(format)) throw new UsageError(`--format must be table, csv or json, got "${format}"`);
  const lang = o.lang ?? "zh";
  if (lang !== "zh" && lang !== "en") throw new UsageError(`--lang must be zh or en, got "${lang}"`);
  const query = new URLSearchParams({ format: format === "table" ? "json" : format, lang });
  if (o.chain) query.set("chainId", o.chain);
  if (o.pairing) query.set("pairingId", o.pairing);
  if (o.regions) query.set("regionCodes", o.regions);
  if (o["thin-below"]) query.set("thinBelow", o["thin-below"]);
  const answer = await get<GapReport>(app, `/api/v1/chains/gaps?${query}`);
  if (!answer.ok) return fail(answer.message);
  if (format === "csv") out(answer.raw);
  else if (format === "json") out(`${JSON.stringify(answer.body, null, 2)}\n`);
  else out(gapTable(answer.body, lang));
  return 0;
}

/** Terminal width of a text: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}
const pad = (text: string, width: number) => text + " ".repeat(Math.max(1, width - displayWidth(text)));

export function gapTable(report: GapReport, lang: "zh" | "en"): string {
  const [a, b] = report.pair as [string, string];
  const lines = [
    `Chain gaps of ${a} × ${b} — chain-set ${report.chainSetVersion}; thin below ${report.thinBelow.enterprises} enterprises; output: ${report.output.year ?? "none"} (${report.output.note})`,
  ];
  for (const chain of report.chains) {
    const nameOf = (n: (typeof chain.nodes)[number]) => `${n.nodeId} ${lang === "en" ? n.nameEn : n.nameZh}`;
    const nameWidth = Math.max(...chain.nodes.map((n) => displayWidth(nameOf(n)))) + 2;
    lines.push("", `${chain.chainId}  ${chain.nameZh} / ${chain.nameEn}${chain.focusOfAgreement ? "  (focus of the agreement)" : ""}`);
    lines.push(`  ${pad("node", nameWidth)}${pad("stage", 11)}${pad(a, 14)}${pad(b, 14)}${pad("complement", 16)}targets (partner county, largest first)`);
    for (const node of chain.nodes) {
      const [ca, cb] = node.counties;
      const cell = (c: typeof ca) => (c ? `${c.enterprises} ${c.status}` : "");
      const complement = node.complement ? `${node.complement.status} in ${node.complement.gapIn}` : "—";
      const gapSide = node.counties.find((c) => c.status !== "present" && c.targets.length > 0);
      const targets = gapSide ? `${gapSide.regionCode} ← ${gapSide.targets.slice(0, 3).map((t) => (lang === "en" ? (t.nameEn ?? t.nameZh) : t.nameZh)).join(", ")}${gapSide.targets.length > 3 ? " …" : ""}` : "";
      lines.push(`  ${pad(nameOf(node), nameWidth)}${pad(node.stage, 11)}${pad(cell(ca), 14)}${pad(cell(cb), 14)}${pad(complement, 16)}${targets}`.trimEnd());
    }
  }
  return `${lines.join("\n")}\n`;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An enterprise by record id, USCC or name; a usage error naming the candidates when the name is ambiguous. */
export async function findEnterprise(app: Http, key: string): Promise<Enterprise> {
  if (uuid.test(key)) {
    const found = await get<Enterprise>(app, `/api/v1/enterprises/${key}`);
    if (!found.ok) throw new UsageError(`no enterprise with the id ${key}`);
    return found.body;
  }
  const page = await get<{ items: Enterprise[]; total: number }>(app, `/api/v1/enterprises?${new URLSearchParams({ q: key, pageSize: "20" })}`);
  if (!page.ok) throw new UsageError(page.message);
  const code = key.normalize("NFKC").toUpperCase();
  const exact = page.body.items.filter((e) => e.uscc === code || e.nameZh === key || e.nameEn === key);
  if (exact.length === 1) return exact[0] as Enterprise;
  if (page.body.items.length === 1) return page.body.items[0] as Enterprise;
  if (page.body.total === 0) throw new UsageError(`no enterprise matches "${key}" (by id, USCC or name)`);
  const names = page.body.items.slice(0, 10).map((e) => `\n  ${e.uscc}  ${e.nameZh}`).join("");
  throw new UsageError(`"${key}" matches ${page.body.total} enterprises; name one by its USCC or full name:${names}`);
}

export async function chainMatch(app: Http, o: ChainOptions, out: Out): Promise<number> {
  const role = o.role ?? "suppliers";
  if (role !== "suppliers" && role !== "customers") throw new UsageError(`--role must be suppliers or customers, got "${role}"`);
  const limit = o.limit ?? "10";
  if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 100) throw new UsageError(`--limit must be a whole number from 1 to 100, got "${limit}"`);
  const format = o.format ?? "table";
  if (format !== "table" && format !== "json") throw new UsageError(`--format must be table or json, got "${format}"`);
  const lang = o.lang ?? "zh";
  if (lang !== "zh" && lang !== "en") throw new UsageError(`--lang must be zh or en, got "${lang}"`);
  const enterprise = await findEnterprise(app, o.enterprise ?? "");
  const answer = await get<EnterpriseMatches>(app, `/api/v1/enterprises/${enterprise.id}/matches?${new URLSearchParams({ role, limit })}`);
  if (!answer.ok) return fail(answer.message);
  if (format === "json") out(`${JSON.stringify(answer.body, null, 2)}\n`);
  else out(matchTable(enterprise, answer.body, lang));
  return 0;
}

export function matchTable(enterprise: Pick<Enterprise, "nameZh" | "nameEn" | "uscc" | "homeRegionCode">, matches: EnterpriseMatches, lang: "zh" | "en"): string {
  const partner = matches.pair.find((c) => c !== enterprise.homeRegionCode) ?? matches.pair[1];
  const who = lang === "en" ? (enterprise.nameEn ?? enterprise.nameZh) : enterprise.nameZh;
  const lines = [`${matches.role === "suppliers" ? "Suppliers" : "Customers"} in ${partner} for ${who} (${enterprise.uscc}, ${enterprise.homeRegionCode}) — chain-set ${matches.chainSetVersion}`];
  if (matches.items.length === 0) lines.push("  none: no enterprise of the partner county is adjacent on any chain");
  matches.items.forEach((m, i) => {
    const name = lang === "en" ? (m.partnerNameEn ?? m.partnerNameZh) : m.partnerNameZh;
    const outcome = m.outcome ? `  [recorded: ${m.outcome.status}]` : "";
    lines.push("", `${String(i + 1).padStart(3)}. ${m.score}  ${name}  (${m.supplierNodeId} → ${m.buyerNodeId})${outcome}`);
    for (const r of m.reasons) lines.push(`       ${String(r.points).padStart(3)}  ${lang === "en" ? r.en : r.zh}`);
  });
  return `${lines.join("\n")}\n`;
}
