// THE permission table: role × permission → the scopes in which the role holds it. authorize.ts decides every
// request from this table alone, the list queries filter by it in SQL, docs/permissions.md is generated from it
// (scripts/permissions-doc.ts; a test fails when the document is stale), and the permission-matrix test
// compares every route's answers with it.
import { roles, type Role } from "./actor.ts";

/**
 * How a rule matches a record (the record's scope comes from its module's `scopeOf`):
 * - any: every record;
 * - region: the record touches the actor's county (its regions include scope.regionCode);
 * - pairing: the record touches the actor's county or a county paired with it (the pairing's shared records);
 * - enclave: the record belongs to the actor's enclave;
 * - enterprise: the record belongs to the actor's enterprise;
 * - published: the record is published and not archived;
 * - self: the record is the actor's own (its own API tokens).
 */
export const scopeRules = ["any", "region", "pairing", "enclave", "enterprise", "published", "self"] as const;
export type ScopeRule = (typeof scopeRules)[number];

export const registerEntities = ["region", "pairing", "agreement", "enclave", "enterprise", "project", "cooperation_activity"] as const;
export type RegisterEntity = (typeof registerEntities)[number];

/** Registers that carry a `published` flag; the public reads published records only. */
export const publishableEntities = ["agreement", "enclave", "project", "cooperation_activity"] as const satisfies readonly RegisterEntity[];

const registerActions = {
  read: "list, read, history, export (and the aggregates built from the records)",
  create: "create (and import)",
  update: "change (PATCH, attached documents, progress reports)",
  archive: "archive and restore",
} as const;

const registerPermissions = Object.fromEntries(
  registerEntities.flatMap((entity) => Object.entries(registerActions).map(([action, what]) => [`${entity}.${action}`, what])),
) as Record<`${RegisterEntity}.${keyof typeof registerActions}`, string>;

export const permissionCatalogue = {
  ...registerPermissions,
  "enterprise.register": "change an enterprise's identity and place (USCC, home region, enclave residency, and correcting its residency history), on top of enterprise.update",
  "user.read": "list and read accounts and their history",
  "user.create": "create accounts (roles by the separation rules)",
  "user.update": "change an account's name, role or scope; set a new initial password",
  "user.archive": "disable or enable an account (disabling ends its sessions); lift a lockout",
  "session.read": "list the active sessions of all accounts",
  "session.end": "end any session",
  "api_token.read": "list API tokens",
  "api_token.create": "create an API token (shown once) for one's own account",
  "api_token.revoke": "revoke an API token",
  "audit.read": "search and export the audit log",
  "audit.verify": "verify the audit log's hash chain",
  "sharing.read": "read an agreement's sharing terms, settlement runs, explanations, statements, ledger and scenarios; an enclave's sharing summary (its regions and its agreement in scope)",
  "sharing.manage": "add sharing-terms versions, record production starts, start and discard settlement runs",
  "sharing.confirm": "confirm a settlement run for a party (the run locks once every party has confirmed)",
  "figure.read": "list, read, export and trace observed figures and their versions (a figure lies where its enterprise or enclave lies)",
  "figure.record": "record a figure or a corrected version, and import figure files (each row must lie in scope)",
  "figure_import.read": "follow figure imports: progress, counts and problems (one's own imports: self)",
  "chain.read": "read the industry-chain map: chain-set versions, chains with their nodes and edges (public reference data)",
  "chain.manage": "submit an edited chain-set as a new version (validated; the latest is in force)",
  "chain_analysis.read": "a county pair's chain analysis: gaps, complements, target lists and their export, a chain node's enterprises per county, the strongest cross-county matches (every county of the pair must be in scope)",
  "chain_link.read": "read an enterprise's chain links (a link lies where its enterprise lies)",
  "chain_link.confirm": "confirm or reject an enterprise's derived chain links, or link it to a node by hand",
  "chain_match.read": "an enterprise's ranked suppliers and customers in the partner county; recorded match outcomes and their history (a match lies where either of its enterprises lies)",
  "chain_match.create": "record a match outcome (suggested, contacted, agreed, deal)",
  "chain_match.update": "move a recorded match forward; make a deal a project (with project.create)",
  "chain_match.archive": "archive and restore a recorded match",
} as const;
export type Permission = keyof typeof permissionCatalogue;
export const permissions = Object.keys(permissionCatalogue) as Permission[];

type Grants = Partial<Record<Permission, readonly ScopeRule[]>>;

function grant(entities: readonly RegisterEntity[], actions: readonly (keyof typeof registerActions)[], rules: readonly ScopeRule[]): Grants {
  return Object.fromEntries(entities.flatMap((e) => actions.map((a) => [`${e}.${a}`, rules]))) as Grants;
}

/** What the anonymous public and every account may read: regions, pairings and published records. */
const publicReads: Grants = {
  ...grant(["region", "pairing"], ["read"], ["any"]),
  ...grant(publishableEntities, ["read"], ["published"]),
  "chain.read": ["any"],
};
const readEverything = grant(registerEntities, ["read"], ["any"]);
/** The chain map, a pair's analysis, links and matches, read everywhere (viewer, auditor). */
const readChains: Grants = { "chain.read": ["any"], "chain_analysis.read": ["any"], "chain_link.read": ["any"], "chain_match.read": ["any"] };
const ownTokens: Grants = { "api_token.read": ["self"], "api_token.create": ["self"], "api_token.revoke": ["self"] };

export const permissionTable: Record<Role, Grants> = {
  // Runs the system: accounts and data administration (loading, correcting). Neither reads the audit log nor
  // manages sessions; holds no API tokens.
  system_admin: {
    ...grant(registerEntities, ["read", "create", "update", "archive"], ["any"]),
    "enterprise.register": ["any"],
    "user.read": ["any"],
    "user.create": ["any"],
    "user.update": ["any"],
    "user.archive": ["any"],
    "sharing.read": ["any"],
    "sharing.manage": ["any"],
    "sharing.confirm": ["any"],
    "figure.read": ["any"],
    "figure.record": ["any"],
    "figure_import.read": ["any"],
    "chain.read": ["any"],
    "chain.manage": ["any"],
    "chain_analysis.read": ["any"],
    "chain_link.read": ["any"],
    "chain_link.confirm": ["any"],
    "chain_match.read": ["any"],
    "chain_match.create": ["any"],
    "chain_match.update": ["any"],
    "chain_match.archive": ["any"],
  },
  // Guards access: sessions, lockouts, disabling accounts, revoking tokens. No business data beyond the public's.
  security_admin: {
    ...publicReads,
    "user.read": ["any"],
    "user.archive": ["any"],
    "session.read": ["any"],
    "session.end": ["any"],
    "api_token.read": ["any"],
    "api_token.revoke": ["any"],
  },
  // Reviews what everyone (the other two administrators included) did.
  audit_admin: { ...publicReads, "audit.read": ["any"], "audit.verify": ["any"] },
  // Province or city: reads every register of the deployment, changes nothing.
  viewer: { ...readEverything, ...readChains, "sharing.read": ["any"], "figure.read": ["any"], "figure_import.read": ["any"], ...ownTokens },
  // Reads everything and the audit log, changes nothing.
  auditor: { ...readEverything, ...readChains, "sharing.read": ["any"], "figure.read": ["any"], "figure_import.read": ["any"], "audit.read": ["any"], "audit.verify": ["any"], ...ownTokens },
  // Edits its own county's records; reads the records of the counties paired with it. Pairings and the
  // creation of regions are the province's (a system administrator's) business.
  county_official: {
    ...publicReads,
    "region.update": ["region"],
    ...grant(publishableEntities, ["read"], ["region", "pairing", "published"]),
    "enterprise.read": ["region", "pairing"],
    ...grant(["agreement", "enclave", "enterprise", "project", "cooperation_activity"], ["create", "update", "archive"], ["region"]),
    "enterprise.register": ["region"],
    // Benefit sharing of the agreements its county is a party to; it confirms runs for its own county only.
    "sharing.read": ["region"],
    "sharing.manage": ["region"],
    "sharing.confirm": ["region"],
    // Figures of its county's enterprises and enclaves; reads those of the paired counties (the other side of a deal).
    "figure.read": ["region", "pairing"],
    "figure.record": ["region"],
    "figure_import.read": ["self"],
    // Industry chains: the analysis of a pair its county belongs to; its county's links and matches to review.
    "chain_analysis.read": ["region", "pairing"],
    "chain_link.read": ["region", "pairing"],
    "chain_link.confirm": ["region"],
    "chain_match.read": ["region", "pairing"],
    "chain_match.create": ["region"],
    "chain_match.update": ["region"],
    "chain_match.archive": ["region"],
    ...ownTokens,
  },
  // Its enclave, the enterprises resident in it and the projects in it.
  enclave_manager: {
    ...publicReads,
    "enclave.read": ["enclave", "published"],
    "enclave.update": ["enclave"],
    "enterprise.read": ["enclave"],
    "enterprise.create": ["enclave"],
    "enterprise.update": ["enclave"],
    "enterprise.register": ["enclave"],
    "project.read": ["enclave", "published"],
    "project.create": ["enclave"],
    "project.update": ["enclave"],
    "figure.read": ["enclave"],
    "figure.record": ["enclave"],
    "figure_import.read": ["self"],
    "chain_link.read": ["enclave"],
    "chain_link.confirm": ["enclave"],
    "chain_match.read": ["enclave"],
    "chain_match.create": ["enclave"],
    "chain_match.update": ["enclave"],
    ...ownTokens,
  },
  // Its own enterprise's profile and figures, and the projects it owns; not its identity or place (USCC, home
  // region, enclave residency: they decide whose records and benefit shares it counts in).
  enterprise_user: {
    ...publicReads,
    "enterprise.read": ["enterprise"],
    "enterprise.update": ["enterprise"],
    "project.read": ["enterprise", "published"],
    "figure.read": ["enterprise"],
    // Its own chain links to check, its suppliers and customers next door, the outcomes of its matches.
    "chain_link.read": ["enterprise"],
    "chain_link.confirm": ["enterprise"],
    "chain_match.read": ["enterprise"],
    "chain_match.create": ["enterprise"],
    "chain_match.update": ["enterprise"],
    ...ownTokens,
  },
  public: publicReads,
};

export function rulesFor(role: Role, permission: Permission): readonly ScopeRule[] {
  return permissionTable[role][permission] ?? [];
}

/** True when the role holds the permission in some scope. */
export function roleHolds(role: Role, permission: Permission): boolean {
  return rulesFor(role, permission).length > 0;
}

export function isPermission(text: string): text is Permission {
  return Object.hasOwn(permissionCatalogue, text);
}

export { roles };
