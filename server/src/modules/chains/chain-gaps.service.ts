// Gaps and complements of a county pair (the core's chainGaps on the pair's links in force), measured by output
// too where the indicators module has figures: industrial_output summed over the latest full calendar year with
// any figure of the pair's enterprises (looking back five years), read through the indicators module's door and
// only for callers who may read both counties' figures. The target lists export as CSV or XLSX.
import type { GapQuery, GapReport } from "../../../../contracts/chains.ts";
import type { Actor } from "../../platform/actor.ts";
import { todayInChina } from "../../platform/calendar.ts";
import { invalid } from "../../platform/errors.ts";
import { exportRecords, type ExportColumn, type ExportFile } from "../../platform/export.ts";
import type { ChainAccess } from "./chain-access.ts";
import type { Pairs } from "./chain-pairs.ts";
import type { PairUniverse, Universe } from "./chain-universe.ts";
import { chainGaps, type ChainGapReport, type NodePresence } from "./gaps.ts";

/** The indicators module's door (figuresForSettlement), as the composition root hands it in. */
export type FiguresSource = (query: { enterpriseIds?: string[]; measures?: string[]; fromMonth: string; toMonth: string }) => Promise<
  { subjectKind: "enterprise" | "enclave"; subjectId: string; measure: string; amountFen: bigint | null }[]
>;

export const outputMeasure = "industrial_output";
const yearsBack = 5;

export type ChainGapsService = {
  report(actor: Actor, query: GapQuery): Promise<GapReport>;
  /** The target list of every gap or thin node, one row per target (a node with no target gets one empty row). */
  exportTargets(actor: Actor, query: GapQuery): Promise<ExportFile>;
};

/** The pair's output figures as the gap report and a node's enterprises count them. */
export type PairOutput = { year: number | null; note: string; outputs: Map<string, bigint> };

/**
 * industrial_output of the latest full calendar year with any figure of the pair's enterprises (looking back five
 * years), per enterprise; none when the caller may not read both counties' figures or there is no indicators module.
 */
export function createPairOutput(access: ChainAccess, figures: FiguresSource | undefined) {
  const none = (note: string): PairOutput => ({ year: null, note, outputs: new Map<string, bigint>() });
  return async (actor: Actor, u: PairUniverse, pair: readonly string[]): Promise<PairOutput> => {
    if (!access.mayReadFigures(actor, pair)) return none("output figures are outside the caller's scope: counts only");
    if (!figures) return none("no indicators module: counts only");
    const ids = [...u.enterprises.keys()];
    const lastFullYear = Number(todayInChina().slice(0, 4)) - 1;
    for (let year = lastFullYear; year > lastFullYear - yearsBack; year -= 1) {
      const rows = await figures({ enterpriseIds: ids, measures: [outputMeasure], fromMonth: `${year}-01`, toMonth: `${year}-12` });
      const outputs = new Map<string, bigint>();
      for (const f of rows) {
        if (f.subjectKind !== "enterprise" || f.amountFen === null) continue;
        outputs.set(f.subjectId, (outputs.get(f.subjectId) ?? 0n) + f.amountFen);
      }
      if (outputs.size > 0) return { year, note: `${outputMeasure} of ${year}, summed over the months recorded, for the ${outputs.size} enterprises with figures`, outputs };
    }
    return none(`no ${outputMeasure} figures of the pair's enterprises for ${lastFullYear - yearsBack + 1}–${lastFullYear}: counts only`);
  };
}

export function createChainGapsService(access: ChainAccess, pairs: Pairs, universe: Universe, figures: FiguresSource | undefined): ChainGapsService {
  const outputOf = createPairOutput(access, figures);

  async function compute(actor: Actor, query: GapQuery): Promise<{ report: ChainGapReport; output: GapReport["output"] }> {
    await access.role(actor, "chain_analysis.read");
    const pair = await pairs.resolve(query);
    await access.pair(actor, "chain_analysis.read", pair);
    const u = await universe.pair(pair);
    if (query.chainId !== undefined && !u.graph.chains.has(query.chainId)) {
      throw invalid("chainId", `no chain ${query.chainId} in the chain-set ${u.graph.version} (chains: ${[...u.graph.chains.keys()].join(", ")})`, query.chainId);
    }
    const measured = await outputOf(actor, u, pair);
    const report = chainGaps(u.graph, u.linked, pair, {
      thinBelowEnterprises: query.thinBelow,
      thinBelowOutputFen: query.thinBelowOutputFen === undefined ? null : BigInt(query.thinBelowOutputFen),
      outputFen: measured.outputs,
      targetLimit: query.targets,
    });
    if (query.chainId !== undefined) report.chains = report.chains.filter((c) => c.chainId === query.chainId);
    return { report, output: { measure: outputMeasure, year: measured.year, note: measured.note } };
  }

  return {
    async report(actor, query) {
      const { report, output } = await compute(actor, query);
      return toJson(report, output);
    },
    async exportTargets(actor, query) {
      const { report } = await compute(actor, query);
      const format = query.format === "xlsx" ? "xlsx" : "csv";
      return exportRecords(targetRows(report, query.lang), targetColumns, { format, lang: query.lang, name: "chain-gap-targets" });
    },
  };
}

const presence = (p: NodePresence) => ({ enterprises: p.enterprises, enterprisesWithOutput: p.enterprisesWithOutput, outputFen: p.outputFen.toString(), status: p.status });

function toJson(report: ChainGapReport, output: GapReport["output"]): GapReport {
  return {
    chainSetVersion: report.chainSetVersion,
    pair: report.pair,
    thinBelow: { enterprises: report.thinBelow.enterprises, outputFen: report.thinBelow.outputFen?.toString() ?? null },
    output,
    chains: report.chains.map((c) => ({
      ...c,
      nodes: c.nodes.map((n) => ({
        ...n,
        counties: n.counties.map((county) => ({
          regionCode: county.regionCode,
          ...presence(county),
          targets: county.targets.map((t) => ({ ...t, outputFen: t.outputFen?.toString() ?? null })),
        })),
        pair: presence(n.pair),
      })),
    })),
  };
}

export type TargetRow = {
  chainId: string;
  chainNameZh: string;
  nodeId: string;
  nodeNameZh: string;
  nodeNameEn: string;
  stage: string;
  gapIn: string;
  status: string;
  enterprisesHere: number;
  enterprisesThere: number;
  rank: number | null;
  enterpriseId: string | null;
  nameZh: string | null;
  nameEn: string | null;
  regionCode: string | null;
  employees: number | null;
  outputFen: string | null;
  /** Why the row is there, in the export's language: the gap or thinness, and the target's place. */
  reason: string;
};

/** Why a county's node is a gap or thin, and where a target ranks, as a sentence in `lang`. */
function reasonOf(report: ChainGapReport, here: NodePresence, there: number, rank: number | null, lang: "zh" | "en"): string {
  const { enterprises: threshold, outputFen: outputLine } = report.thinBelow;
  const yuan = (fen: bigint) => `${fen / 100n}${fen % 100n === 0n ? "" : `.${String(fen % 100n).padStart(2, "0")}`}`;
  const zh =
    here.status === "gap"
      ? `本县该环节没有企业，对方县有 ${there} 家`
      : here.enterprises < threshold
        ? `本县该环节仅 ${here.enterprises} 家企业（少于 ${threshold} 家为薄弱），对方县有 ${there} 家`
        : `本县该环节产值 ${yuan(here.outputFen)} 元，低于薄弱线 ${yuan(outputLine ?? 0n)} 元`;
  const en =
    here.status === "gap"
      ? `no enterprise at this node in the county; the partner county has ${there}`
      : here.enterprises < threshold
        ? `only ${here.enterprises} enterprise${here.enterprises === 1 ? "" : "s"} at this node (thin below ${threshold}); the partner county has ${there}`
        : `output at this node ${yuan(here.outputFen)} yuan, below the thin line of ${yuan(outputLine ?? 0n)} yuan`;
  if (lang === "zh") return rank === null ? zh : `${zh}；目标企业按规模（产值，其次员工人数）排第 ${rank} 位`;
  return rank === null ? en : `${en}; target ranked ${rank} by size (output, then employees)`;
}

export function targetRows(report: ChainGapReport, lang: "zh" | "en" = "zh"): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const chain of report.chains) {
    for (const node of chain.nodes) {
      node.counties.forEach((county, i) => {
        if (county.status === "present") return;
        const other = node.counties[1 - i];
        const base = {
          chainId: chain.chainId,
          chainNameZh: chain.nameZh,
          nodeId: node.nodeId,
          nodeNameZh: node.nameZh,
          nodeNameEn: node.nameEn,
          stage: node.stage,
          gapIn: county.regionCode,
          status: county.status,
          enterprisesHere: county.enterprises,
          enterprisesThere: other?.enterprises ?? 0,
        };
        const empty = { rank: null, enterpriseId: null, nameZh: null, nameEn: null, regionCode: null, employees: null, outputFen: null };
        if (county.targets.length === 0) rows.push({ ...base, ...empty, reason: reasonOf(report, county, base.enterprisesThere, null, lang) });
        county.targets.forEach((t, rank) =>
          rows.push({
            ...base,
            rank: rank + 1,
            enterpriseId: t.enterpriseId,
            nameZh: t.nameZh,
            nameEn: t.nameEn,
            regionCode: t.regionCode,
            employees: t.employees,
            outputFen: t.outputFen?.toString() ?? null,
            reason: reasonOf(report, county, base.enterprisesThere, rank + 1, lang),
          }),
        );
      });
    }
  }
  return rows;
}

const col = (zh: string, en: string, value: ExportColumn<TargetRow>["value"]): ExportColumn<TargetRow> => ({ zh, en, value });
export const targetColumns: readonly ExportColumn<TargetRow>[] = [
  col("产业链", "chain", (r) => r.chainId),
  col("产业链名称", "chain_name", (r) => r.chainNameZh),
  col("节点", "node", (r) => r.nodeId),
  col("节点名称", "node_name_zh", (r) => r.nodeNameZh),
  col("节点英文名称", "node_name_en", (r) => r.nodeNameEn),
  col("环节", "stage", (r) => r.stage),
  col("缺口县", "gap_in", (r) => r.gapIn),
  col("状态", "status", (r) => r.status),
  col("本县企业数", "enterprises_here", (r) => r.enterprisesHere),
  col("对方县企业数", "enterprises_there", (r) => r.enterprisesThere),
  col("排名", "rank", (r) => r.rank),
  col("目标企业ID", "target_id", (r) => r.enterpriseId),
  col("目标企业名称", "target_name_zh", (r) => r.nameZh),
  col("目标企业英文名称", "target_name_en", (r) => r.nameEn),
  col("所在县", "target_region", (r) => r.regionCode),
  col("员工人数", "employees", (r) => r.employees),
  col("产值（分）", "output_fen", (r) => r.outputFen),
  col("原因", "reason", (r) => r.reason),
];
