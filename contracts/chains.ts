// Industry chains (issue 6): the chain map as versioned chain-sets, enterprises' links to chain nodes, gaps and
// complements of a county pair, ranked cross-county matches with their reasons, and recorded match outcomes.
// Money is integer fen as a string. docs/chains.md explains the rules behind every figure.
import { z } from "zod";
import { Fen, Id, NonNegativeFen, QueryBoolean, RecordMeta, RegionCode, illustrativeInput } from "./common.ts";

export const ChainStage = z.enum(["material", "process", "component", "product", "service"]);

export const ChainNode = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  stage: ChainStage,
  industryCodes: z.array(z.string()).describe("GB/T 4754-2017 classes of enterprises at the node"),
  keywordsZh: z.array(z.string()),
  keywordsEn: z.array(z.string()),
  sourced: z.boolean().describe("true when a stored public source supports the node's place in the chain"),
});
export type ChainNode = z.infer<typeof ChainNode>;

export const ChainEdge = z.object({ supplier: z.string().describe("Node id: enterprises here sell …"), buyer: z.string().describe("… to enterprises here") });

export const ChainView = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  focusOfAgreement: z.boolean(),
  nodes: z.array(ChainNode).describe("The chain's nodes, in the chain's order"),
  edges: z.array(ChainEdge),
});
export type ChainView = z.infer<typeof ChainView>;

export const ChainMap = z.object({ chainSetVersion: z.string(), chains: z.array(ChainView) });
export type ChainMap = z.infer<typeof ChainMap>;

export const ChainOne = z.object({ chainSetVersion: z.string(), chain: ChainView });

export const ChainVersionQuery = z.object({ version: z.string().min(1).max(100).optional().describe("A chain-set version (default: the one in force)") });

export const ChainSetVersion = z.object({
  version: z.string(),
  sequence: z.number().int().describe("Order of submission; the highest is in force"),
  source: z.enum(["reference", "edited"]),
  inForce: z.boolean(),
  nodes: z.number().int(),
  chains: z.number().int(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
});
export type ChainSetVersion = z.infer<typeof ChainSetVersion>;

/** The file form (snake_case, as data/industry-chains.json); checked by the chains module, which names every problem's path. */
export const ChainSetDocument = z
  .record(z.string(), z.unknown())
  .describe(
    'A chain-set in the file form of server/src/modules/chains/data/industry-chains.json: { version, nodes: [{ id, name_zh, name_en, stage, gbt4754, keywords_zh, keywords_en, sourced }], chains: [{ id, name_zh, name_en, focus_of_agreement, nodes, edges: [[supplier, buyer]] }] }; a new version string',
  );

// ——— Enterprises on the chain ———

export const LinkStatus = z.enum(["derived", "confirmed", "rejected"]);
export type LinkStatus = z.infer<typeof LinkStatus>;

export const LinkReason = z.object({
  kind: z.enum(["industry_code", "product_keyword"]),
  code: z.string().optional(),
  product: z.string().optional(),
  keyword: z.string().optional(),
  zh: z.string(),
  en: z.string(),
});

export const ChainLinkView = z.object({
  nodeId: z.string(),
  nameZh: z.string().nullable().describe("null when the node is not in the chain-set in force"),
  nameEn: z.string().nullable(),
  stage: ChainStage.nullable(),
  status: LinkStatus.describe("derived: from the enterprise's class and products, not yet looked at; confirmed or rejected by an official or the enterprise"),
  origin: z.enum(["derived", "added"]).describe("added: linked by hand"),
  derived: z.boolean().describe("true when the current derivation gives this link"),
  inForce: z.boolean().describe("true when gaps and matching use the link: not rejected, and its node is in the chain-set in force"),
  reasons: z.array(LinkReason).describe("Why the derivation links the enterprise to the node"),
  note: z.string().nullable(),
  decidedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  decidedAt: z.string().nullable(),
});
export type ChainLinkView = z.infer<typeof ChainLinkView>;

export const NeedView = z.object({
  nodeId: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  forNodeIds: z.array(z.string()).describe("The nodes the enterprise produces at that buy from this node"),
  reasons: z.array(z.object({ zh: z.string(), en: z.string() })),
});

export const EnterpriseChainLinks = z.object({
  enterpriseId: Id,
  chainSetVersion: z.string(),
  produces: z.array(ChainLinkView).describe("Every link, rejected ones included (inForce false)"),
  needs: z.array(NeedView).describe("Follow from the links in force: the suppliers' nodes"),
});
export type EnterpriseChainLinks = z.infer<typeof EnterpriseChainLinks>;

export const LinkDecision = z.object({
  nodeId: z.string().trim().min(1).max(100),
  note: z.string().trim().min(1).max(1000).optional().describe("Why (kept with the link)"),
});
export type LinkDecision = z.infer<typeof LinkDecision>;

// ——— Gaps and complements ———

const RegionCodesParam = z
  .string()
  .regex(/^\d{6},\d{6}$/, "must be two 6-digit region codes separated by a comma, e.g. 330784,330723")
  .describe("The county pair, e.g. 330784,330723 (or give pairingId)");

export const PairQuery = z.object({
  pairingId: Id.optional().describe("A pairing of two counties (default: the only pairing, when there is one)"),
  regionCodes: RegionCodesParam.optional(),
});

export const GapQuery = PairQuery.extend({
  chainId: z.string().min(1).max(100).optional().describe("One chain (default: all)"),
  thinBelow: z.coerce.number().int().min(1).max(1000).default(3).describe("A node is thin below this many enterprises"),
  thinBelowOutputFen: NonNegativeFen.optional().describe("Also thin when the node's output (where figures exist) is below this"),
  targets: z.coerce.number().int().min(0).max(100).default(10).describe("Length of each target list"),
  format: z.enum(["json", "csv", "xlsx"]).default("json").describe("csv or xlsx: the target list of every gap or thin node, one row per target"),
  lang: z.enum(["zh", "en"]).default("zh"),
});
export type GapQuery = z.infer<typeof GapQuery>;

const Presence = {
  enterprises: z.number().int(),
  enterprisesWithOutput: z.number().int(),
  outputFen: Fen.describe("Summed output of the enterprises with a figure"),
  status: z.enum(["gap", "thin", "present"]),
};

export const GapTarget = z.object({
  enterpriseId: Id,
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  regionCode: RegionCode,
  employees: z.number().int().nullable(),
  outputFen: Fen.nullable(),
});

export const GapNode = z.object({
  nodeId: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  stage: ChainStage,
  counties: z.array(z.object({ regionCode: RegionCode, ...Presence, targets: z.array(GapTarget).describe("Gap or thin: the partner county's enterprises at the node, largest first") })),
  pair: z.object(Presence),
  complement: z.object({ gapIn: RegionCode, strongIn: RegionCode, status: z.enum(["gap", "thin"]) }).nullable(),
});

export const GapReport = z.object({
  chainSetVersion: z.string(),
  pair: z.array(RegionCode),
  thinBelow: z.object({ enterprises: z.number().int(), outputFen: Fen.nullable() }),
  output: z
    .object({ measure: z.string(), year: z.number().int().nullable(), note: z.string() })
    .describe("Which output figures the report counts (industrial_output of the latest full year with figures), or why none"),
  chains: z.array(z.object({ chainId: z.string(), nameZh: z.string(), nameEn: z.string(), focusOfAgreement: z.boolean(), nodes: z.array(GapNode) })),
});
export type GapReport = z.infer<typeof GapReport>;

// ——— Matchmaking ———

// A reason carries its parts as data (the console writes it from its own catalogue, with names in its language)
// and the server's sentences in Chinese and English (the CLI and exports print those). `code` says which form of
// the reason applies; the parts say what it is about.
const ReasonNode = z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string(), stage: ChainStage });
const ReasonChain = z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() });
const ProductMatch = z.object({
  product: z.string().describe("The enterprise's own product text, as registered (Chinese or English)"),
  keyword: z.string().describe("The node's keyword it matched (Chinese or English)"),
});
const ReasonCounty = z.object({ code: RegionCode, nameZh: z.string(), nameEn: z.string() });
const reasonWords = {
  points: z.number().int(),
  zh: z.string().describe("The reason as a Chinese sentence, with names"),
  en: z.string().describe("The reason as an English sentence, with names"),
};

export const MatchReason = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("chain_adjacency"),
    code: z.enum(["next_stage", "same_stage", "stages_skipped", "backward"]),
    ...reasonWords,
    supplierNode: ReasonNode,
    buyerNode: ReasonNode,
    chains: z.array(ReasonChain).describe("The chains carrying the edge supplierNode → buyerNode"),
    step: z.number().int().describe("Stages from the supplier's node to the buyer's (material → process → component → product → service): 1 the next, 0 the same, 2–4 skipping step − 1, negative backwards"),
  }),
  z.object({
    kind: z.literal("product_keyword"),
    code: z.enum(["both", "supplier", "buyer", "industry_code_only"]).describe("Whose product text names its node"),
    ...reasonWords,
    supplierNode: ReasonNode,
    buyerNode: ReasonNode,
    supplierMatch: ProductMatch.nullable().describe("The supplier's product naming the supplier's node, if any"),
    buyerMatch: ProductMatch.nullable().describe("The buyer's product naming the buyer's node, if any"),
  }),
  z.object({
    kind: z.literal("size_fit"),
    code: z.enum(["ratio", "unknown"]),
    ...reasonWords,
    supplierEmployees: z.number().int().nullable().describe("null when not known"),
    buyerEmployees: z.number().int().nullable(),
    ratioPercent: z.number().int().nullable().describe("⌊100 × smaller ÷ larger⌋; null when either is not known"),
  }),
  z.object({
    kind: z.literal("distance"),
    code: z.enum(["by_road", "not_recorded"]),
    ...reasonWords,
    km: z.number().nullable().describe("Road distance between the county seats; null when not in the table"),
    counties: z.array(ReasonCounty).describe("The two counties"),
  }),
  z.object({
    kind: z.literal("enclave"),
    code: z.enum(["same_enclave", "different_enclaves", "one_side", "neither"]),
    ...reasonWords,
    residents: z.array(z.enum(["supplier", "buyer"])).describe("The sides resident in an enclave"),
  }),
]);
export type MatchReason = z.infer<typeof MatchReason>;

export const MatchOutcomeStatus = z.enum(["suggested", "contacted", "agreed", "deal"]);
export type MatchOutcomeStatus = z.infer<typeof MatchOutcomeStatus>;
export const matchOutcomeStatuses = MatchOutcomeStatus.options;

export const MatchView = z.object({
  supplierId: Id,
  buyerId: Id,
  partnerId: Id,
  partnerNameZh: z.string(),
  partnerNameEn: z.string().nullable(),
  partnerRegionCode: RegionCode,
  score: z.number().int().describe("Points out of 1000; the reasons' points add up to it"),
  supplierNodeId: z.string(),
  buyerNodeId: z.string(),
  chainIds: z.array(z.string()),
  reasons: z.array(MatchReason),
  outcome: z.object({ id: Id, status: MatchOutcomeStatus }).nullable().describe("The recorded outcome of this supplier–buyer pair, if any"),
});
export type MatchView = z.infer<typeof MatchView>;

export const EnterpriseMatchQuery = z.object({
  role: z.enum(["suppliers", "customers"]).default("suppliers"),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  partnerRegionCode: RegionCode.optional().describe("The partner county (default: the one county paired with the enterprise's)"),
});

export const EnterpriseMatches = z.object({
  enterpriseId: Id,
  role: z.enum(["suppliers", "customers"]),
  pair: z.array(RegionCode),
  chainSetVersion: z.string(),
  items: z.array(MatchView),
});
export type EnterpriseMatches = z.infer<typeof EnterpriseMatches>;

export const PairMatchQuery = PairQuery.extend({ limit: z.coerce.number().int().min(1).max(200).default(20) });

export const PairMatch = z.object({
  supplierId: Id,
  supplierNameZh: z.string(),
  supplierNameEn: z.string().nullable(),
  supplierRegionCode: RegionCode,
  buyerId: Id,
  buyerNameZh: z.string(),
  buyerNameEn: z.string().nullable(),
  buyerRegionCode: RegionCode,
  score: z.number().int(),
  supplierNodeId: z.string(),
  buyerNodeId: z.string(),
  chainIds: z.array(z.string()),
  reasons: z.array(MatchReason),
  outcome: z.object({ id: Id, status: MatchOutcomeStatus }).nullable(),
});

export const PairMatches = z.object({ pair: z.array(RegionCode), chainSetVersion: z.string(), items: z.array(PairMatch) });
export type PairMatches = z.infer<typeof PairMatches>;

// ——— A node's enterprises ———

export const NodeEnterprisesQuery = PairQuery.extend({
  regionCode: RegionCode.optional().describe("One county of the pair (default: both, each paged alike)"),
  page: z.coerce.number().int().min(1).default(1).describe("1-based page number, within each county"),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NodeEnterprisesQuery = z.infer<typeof NodeEnterprisesQuery>;

export const NodeEnterprises = z.object({
  chainSetVersion: z.string(),
  chainId: z.string(),
  nodeId: z.string(),
  pair: z.array(RegionCode),
  output: GapReport.shape.output,
  page: z.number().int(),
  pageSize: z.number().int(),
  counties: z
    .array(z.object({ regionCode: RegionCode, total: z.number().int().describe("The county's enterprises at the node"), items: z.array(GapTarget) }))
    .describe("Per county, its enterprises at the node (links in force), largest first: output, then employees, then id"),
});
export type NodeEnterprises = z.infer<typeof NodeEnterprises>;

// ——— Recorded match outcomes ———

const MatchSide = z.object({ id: Id, nameZh: z.string(), nameEn: z.string().nullable(), regionCode: RegionCode, enclaveId: Id.nullable() });

export const ChainMatchRecord = z.object({
  id: Id,
  supplier: MatchSide,
  customer: MatchSide,
  status: MatchOutcomeStatus,
  statusHistory: z.array(z.object({ status: MatchOutcomeStatus, at: z.string(), actor: z.object({ id: z.string(), name: z.string() }) })),
  suggestion: z
    .object({ score: z.number().int(), supplierNodeId: z.string(), buyerNodeId: z.string(), chainSetVersion: z.string() })
    .nullable()
    .describe("The match as the matchmaker scored it when first recorded; null when the two are not adjacent on any chain"),
  projectId: Id.nullable().describe("The project a deal became"),
  note: z.string().nullable(),
  ...RecordMeta,
});
export type ChainMatchRecord = z.infer<typeof ChainMatchRecord>;

export const RecordChainMatch = z.object({
  supplierId: Id,
  customerId: Id,
  status: MatchOutcomeStatus.describe("Forward only: suggested → contacted → agreed → deal (steps may be skipped; the same status again changes nothing)"),
  note: z.string().trim().min(1).max(2000).optional(),
  ...illustrativeInput,
});
export type RecordChainMatch = z.infer<typeof RecordChainMatch>;

export const ChainMatchFilters = z.object({
  status: MatchOutcomeStatus.optional(),
  enterpriseId: Id.optional().describe("Matches with this enterprise on either side"),
  regionCode: RegionCode.optional().describe("Matches with an enterprise of this county on either side"),
  illustrative: QueryBoolean.optional(),
});
export type ChainMatchFilters = z.infer<typeof ChainMatchFilters>;

export const MatchToProject = z.object({
  stage: z.enum(["lead", "signed"]).default("signed"),
  owner: z.enum(["supplier", "customer"]).default("customer").describe("Which side owns the project (default: the buyer)"),
  nameZh: z.string().trim().min(1).max(200).optional(),
  nameEn: z.string().trim().min(1).max(300).optional(),
  plannedInvestmentFen: NonNegativeFen.nullable().default(null),
  published: z.boolean().default(false),
});
export type MatchToProject = z.infer<typeof MatchToProject>;
