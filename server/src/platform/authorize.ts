// The one place where access is decided: `authorize(actor, permission, resource)` against the permission table
// (permissions.ts). Services call it (mostly through the register kit, which supplies the record's scope from its
// module's `scopeOf`); lists turn the same rules into a SQL condition, so they filter before paging.
//
// Answers (docs/security.md): no credentials where some are needed → 401 auth.required; a role that lacks the
// permission, or a record the actor may read but not change → 403 auth.forbidden; a record outside everything the
// actor may read → 404, exactly as if it did not exist (existence is not revealed). Every denial is audited (an
// anonymous flood of one kind, once a minute with a count: denial-throttle.ts).
import { sql, type Expression, type SqlBool } from "kysely";
import type { Actor } from "./actor.ts";
import { appendAudit } from "./audit.ts";
import type { Db } from "./database.ts";
import { createDenialThrottle, type DenialThrottle } from "./denial-throttle.ts";
import { DomainError } from "./errors.ts";
import { isPermission, rulesFor, type Permission, type ScopeRule } from "./permissions.ts";

/** Where a record lies, as its module sees it (`scopeOf`). */
export type RecordScope = {
  /** Region codes the record touches (parties, host and sending regions, a project's regions …). */
  regions?: readonly string[];
  enclaveId?: string | null;
  enterpriseId?: string | null;
  /** Published and not archived: what the public may read. */
  published?: boolean;
  /** The account the record belongs to (API tokens). */
  ownerId?: string | null;
};

export type Resource = { entity: string; id?: string | undefined; scope?: RecordScope | undefined };

export type Denial = { outcome: "unauthenticated" | "forbidden" | "hidden"; reason: string };
export type Decision = { allowed: true } | ({ allowed: false } & Denial);

export class AccessDenied extends DomainError {
  readonly permission: Permission;
  readonly resource: Resource;
  readonly reason: string;
  /** Set once the denial is in the audit log (it is written outside the transaction that failed). */
  audited = false;
  constructor(permission: Permission, resource: Resource, denial: Denial) {
    const { entity, id } = resource;
    if (denial.outcome === "hidden") {
      super("not_found", `${entity}.not_found`, `No ${entity} with id ${id ?? "(none)"}.`, [{ field: "id", value: id, message: "not found" }]);
    } else if (denial.outcome === "unauthenticated") {
      super("unauthenticated", "auth.required", "Sign in first: this needs an account.");
    } else {
      super("forbidden", "auth.forbidden", `You may not ${permission.replace(".", ": ")}${id ? ` on ${entity} ${id}` : ""} (${denial.reason}).`);
    }
    this.permission = permission;
    this.resource = resource;
    this.reason = denial.reason;
  }
}

function matches(rule: ScopeRule, actor: Actor, scope: RecordScope): boolean {
  const regions = scope.regions ?? [];
  switch (rule) {
    case "any":
      return true;
    case "region":
      return actor.scope.regionCode !== undefined && regions.includes(actor.scope.regionCode);
    case "pairing": {
      const mine = [actor.scope.regionCode, ...(actor.scope.pairedRegionCodes ?? [])].filter((c) => c !== undefined);
      return regions.some((r) => mine.includes(r));
    }
    case "enclave":
      return actor.scope.enclaveId !== undefined && scope.enclaveId === actor.scope.enclaveId;
    case "enterprise":
      return actor.scope.enterpriseId !== undefined && scope.enterpriseId === actor.scope.enterpriseId;
    case "published":
      return scope.published === true;
    case "self":
      return scope.ownerId !== undefined && scope.ownerId !== null && scope.ownerId === actor.id;
  }
}

/**
 * The decision, pure. Without a scope it answers whether the role holds the permission at all (checked before a
 * request is validated, so a caller without the permission never learns about its input's problems).
 */
export function decide(actor: Actor, permission: Permission, scope?: RecordScope, options: { afterChange?: boolean } = {}): Decision {
  if (actor.tokenPermissions && !actor.tokenPermissions.includes(permission)) {
    return { allowed: false, outcome: "forbidden", reason: `the API token is not scoped to ${permission}` };
  }
  const rules = rulesFor(actor.role, permission);
  if (rules.length === 0) {
    return actor.role === "public"
      ? { allowed: false, outcome: "unauthenticated", reason: "no credentials" }
      : { allowed: false, outcome: "forbidden", reason: `the role ${actor.role} does not hold ${permission}` };
  }
  if (scope === undefined || rules.some((rule) => matches(rule, actor, scope))) return { allowed: true };
  const [entity, action] = permission.split(".") as [string, string];
  const reason = `outside the ${actor.role}'s scope (${rules.join(", ")})`;
  if (action === "create" || options.afterChange) return { allowed: false, outcome: "forbidden", reason };
  if (action === "read") return { allowed: false, outcome: "hidden", reason };
  const read = `${entity}.read`;
  const canRead = isPermission(read) && rulesFor(actor.role, read).some((rule) => matches(rule, actor, scope));
  return { allowed: false, outcome: canRead ? "forbidden" : "hidden", reason };
}

/** Throws AccessDenied (audited by the caller's boundary: the register kit or the HTTP error handler). */
export function authorize(actor: Actor, permission: Permission, resource: Resource, options: { afterChange?: boolean } = {}): void {
  const decision = decide(actor, permission, resource.scope, options);
  if (!decision.allowed) throw new AccessDenied(permission, resource, decision);
}

/** Writes the denial to the audit log in its own transaction, once. Never inside another transaction. */
export async function auditDenial(db: Db, actor: Actor, error: AccessDenied): Promise<void> {
  if (error.audited) return;
  error.audited = true;
  let unwrittenBefore = 0;
  if (actor.kind === "anonymous") {
    const admitted = throttleOf(db).admit(`${actor.remoteAddress ?? "-"}|${error.permission}|${error.resource.entity}`, Date.now());
    if (!admitted.write) return;
    unwrittenBefore = admitted.unwrittenBefore;
  }
  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      action: "auth.denied",
      outcome: "denied",
      actor,
      entity: error.resource.entity,
      recordId: error.resource.id ?? null,
      detail: { permission: error.permission, reason: error.reason, answer: error.code, ...(unwrittenBefore > 0 ? { unwrittenBefore } : {}) },
    }),
  );
}

/** One throttle per database (an app's): denial-throttle.ts. */
const throttles = new WeakMap<Db, DenialThrottle>();
function throttleOf(db: Db): DenialThrottle {
  let throttle = throttles.get(db);
  if (!throttle) throttles.set(db, (throttle = createDenialThrottle()));
  return throttle;
}

/** Runs `work`; a denial it throws is audited before it travels on. */
export async function auditingDenials<T>(db: Db, actor: Actor, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccessDenied) await auditDenial(db, actor, error);
    throw error;
  }
}

/** The records a list may return, from the same rules: everything, or the union of the matching scopes. */
export type ScopeFilter =
  | { all: true }
  | { all: false; regions: readonly string[]; enclaveId: string | null; enterpriseId: string | null; published: boolean; ownerId: string | null };

/** The filter for a list; throws when the role may not read the entity at all. */
export function readFilter(actor: Actor, permission: Permission, entity: string): ScopeFilter {
  authorize(actor, permission, { entity });
  const rules = rulesFor(actor.role, permission);
  if (rules.includes("any")) return { all: true };
  const regions = new Set<string>();
  if (rules.includes("region") && actor.scope.regionCode) regions.add(actor.scope.regionCode);
  if (rules.includes("pairing")) {
    for (const code of [actor.scope.regionCode, ...(actor.scope.pairedRegionCodes ?? [])]) if (code) regions.add(code);
  }
  return {
    all: false,
    regions: [...regions],
    enclaveId: rules.includes("enclave") ? (actor.scope.enclaveId ?? null) : null,
    enterpriseId: rules.includes("enterprise") ? (actor.scope.enterpriseId ?? null) : null,
    published: rules.includes("published"),
    ownerId: rules.includes("self") ? actor.id : null,
  };
}

/** How a module's table shows a record's scope in SQL; a missing entry never matches. */
export type ScopeSql = {
  /** A condition: the record touches one of these regions. */
  regions?: (codes: readonly string[]) => Expression<SqlBool>;
  enclaveId?: Expression<unknown>;
  enterpriseId?: Expression<unknown>;
  /** A condition: published and not archived. */
  published?: Expression<SqlBool>;
  ownerId?: Expression<unknown>;
};

/** The filter as one SQL condition for `qb.where(...)`. */
export function scopeCondition(filter: ScopeFilter, on: ScopeSql): Expression<SqlBool> {
  if (filter.all) return sql<SqlBool>`true`;
  const parts: Expression<SqlBool>[] = [];
  if (filter.regions.length > 0 && on.regions) parts.push(on.regions(filter.regions));
  if (filter.enclaveId && on.enclaveId) parts.push(sql<SqlBool>`${on.enclaveId} = ${filter.enclaveId}`);
  if (filter.enterpriseId && on.enterpriseId) parts.push(sql<SqlBool>`${on.enterpriseId} = ${filter.enterpriseId}`);
  if (filter.published && on.published) parts.push(on.published);
  if (filter.ownerId && on.ownerId) parts.push(sql<SqlBool>`${on.ownerId} = ${filter.ownerId}`);
  return parts.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}
