// Accounts as records: created, changed, disabled and enabled through the register kit (so every change has its
// history and audit entry), by the permission table (system administrators manage accounts; security
// administrators disable, enable and unlock them). One role per account; the role's scope must name an existing
// county, enclave or enterprise, and roles without a scope carry none.
import type { CreateUser, UpdateUser, User, UserFilters } from "../../../../contracts/accounts.ts";
import { systemActor, type Actor } from "../../platform/actor.ts";
import { appendAudit } from "../../platform/audit.ts";
import { DomainError, ValidationFailed, type ErrorDetail } from "../../platform/errors.ts";
import type { HistoryEntry } from "../../platform/history.ts";
import type { Page } from "../../platform/listing.ts";
import { registerKit } from "../../platform/register-kit.ts";
import type { AccountsContext } from "./accounts-context.ts";
import { hashPassword, passwordProblems } from "./passwords.ts";
import { endSessionsOf, revokeTokensOf } from "./sessions.repository.ts";
import { insertUser, listUsers, loadUser, updateUserRow, type UserColumns } from "./users.repository.ts";

export type UsersService = {
  list(actor: Actor, query: UserFilters): Promise<Page<User>>;
  get(actor: Actor, id: string): Promise<User>;
  history(actor: Actor, id: string): Promise<HistoryEntry[]>;
  /** The initial password must be changed at the first sign-in, unless `mustChangePassword` is false (the operator's own, typed at the server). */
  create(actor: Actor, input: CreateUser, options?: { mustChangePassword?: boolean }): Promise<User>;
  update(actor: Actor, id: string, patch: UpdateUser, expectedVersion?: number): Promise<User>;
  /** Sets a new initial password (to be changed at the next sign-in) and ends the account's sessions. */
  setPassword(actor: Actor, id: string, password: string): Promise<User>;
  disable(actor: Actor, id: string): Promise<User>;
  enable(actor: Actor, id: string): Promise<User>;
  /** Lifts a lockout after failed sign-ins. */
  unlock(actor: Actor, id: string): Promise<User>;
};

type Scope = Pick<User, "role" | "regionCode" | "enclaveId" | "enterpriseId">;

export function createUsersService(context: AccountsContext): UsersService {
  const { db, deps, security, now } = context;
  const kit = registerKit<User>({ db, entity: "user", table: "accounts_user", load: loadUser, scopeOf: (u) => ({ ownerId: u.id }) });
  const policy = { minLength: security.passwordMinLength, minClasses: security.passwordMinClasses, maxAgeDays: security.passwordMaxAgeDays };
  // Scope references are checked as the system: an administrator need not be able to read a record to bind an account to it.
  const checker = systemActor("accounts");

  async function exists(read: () => Promise<unknown>): Promise<boolean> {
    try {
      await read();
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.kind === "not_found") return false;
      throw error;
    }
  }

  /** The scope each role needs, and no other. */
  async function scopeProblems(scope: Scope): Promise<ErrorDetail[]> {
    const problems: ErrorDetail[] = [];
    const needs = { county_official: "regionCode", enclave_manager: "enclaveId", enterprise_user: "enterpriseId" } as const;
    for (const field of ["regionCode", "enclaveId", "enterpriseId"] as const) {
      const needed = (needs as Record<string, string>)[scope.role] === field;
      const value = scope[field];
      if (needed && value === null) problems.push({ field, message: `is required for the role ${scope.role}` });
      if (!needed && value !== null) problems.push({ field, value, message: `must be null for the role ${scope.role}` });
    }
    if (scope.role === "county_official" && scope.regionCode) {
      const code = scope.regionCode;
      let level: string | undefined;
      if (await exists(async () => (level = (await deps.regions.get(checker, code)).level))) {
        if (level !== "county") problems.push({ field: "regionCode", value: code, message: `is a ${level}; a county official is bound to a county` });
      } else problems.push({ field: "regionCode", value: code, message: "no region with this code" });
    }
    const enclaveId = scope.enclaveId;
    if (scope.role === "enclave_manager" && enclaveId && !(await exists(() => deps.enclaves.get(checker, enclaveId)))) {
      problems.push({ field: "enclaveId", value: enclaveId, message: "no enclave with this id" });
    }
    const enterpriseId = scope.enterpriseId;
    if (scope.role === "enterprise_user" && enterpriseId && !(await exists(() => deps.enterprises.get(checker, enterpriseId)))) {
      problems.push({ field: "enterpriseId", value: enterpriseId, message: "no enterprise with this id" });
    }
    return problems;
  }

  function notSelf(actor: Actor, id: string, what: string): void {
    if (actor.id === id) throw new DomainError("forbidden", "auth.forbidden", `You cannot ${what} your own account; another administrator must.`);
  }

  async function newPasswordHash(password: string, username: string, field = "password"): Promise<string> {
    const problems = passwordProblems(password, policy, { username });
    if (problems.length > 0) throw new ValidationFailed(problems.map((message) => ({ field, message })));
    return hashPassword(password);
  }

  return {
    list: async (actor, query) => listUsers(db, query, await kit.readFilter(actor)),
    get: (actor, id) => kit.get(actor, id),
    history: (actor, id) => kit.history(actor, id),

    async create(actor, input, options = {}) {
      await kit.allow(actor, "create");
      const problems = await scopeProblems(input);
      problems.push(...passwordProblems(input.password, policy, { username: input.username }).map((message) => ({ field: "password", message })));
      if (problems.length > 0) throw new ValidationFailed(problems);
      const { password, ...columns } = input;
      const passwordHash = await hashPassword(password);
      return kit.create(actor, (trx) => insertUser(trx, columns, passwordHash, now(), options.mustChangePassword ?? true));
    },

    async update(actor, id, patch, expectedVersion) {
      const before = await kit.authorized(actor, "update", id);
      const role = patch.role ?? before.role;
      if (patch.role !== undefined && patch.role !== before.role) notSelf(actor, id, "change the role of");
      // Fields the new role does not use are cleared; the ones it needs come from the change or the record.
      const keep = (field: "regionCode" | "enclaveId" | "enterpriseId", forRole: User["role"]) => (role === forRole ? (patch[field] === undefined ? before[field] : patch[field]) : null);
      const scope: Scope = { role, regionCode: keep("regionCode", "county_official"), enclaveId: keep("enclaveId", "enclave_manager"), enterpriseId: keep("enterpriseId", "enterprise_user") };
      const problems = await scopeProblems({ ...scope, ...definedOnly(patch, role) });
      if (problems.length > 0) throw new ValidationFailed(problems);
      const changesAccess = scope.role !== before.role || scope.regionCode !== before.regionCode || scope.enclaveId !== before.enclaveId || scope.enterpriseId !== before.enterpriseId;
      return kit.update(
        actor,
        id,
        async (trx) => {
          const columns: UserColumns = { ...scope, ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}) };
          await updateUserRow(trx, id, columns);
          // New rights start with a new sign-in; tokens made for the old rights stop.
          if (changesAccess) {
            await endSessionsOf(trx, id, "account_changed", now());
            await revokeTokensOf(trx, id, now());
          }
        },
        expectedVersion,
      );
    },

    async setPassword(actor, id, password) {
      const before = await kit.authorized(actor, "update", id);
      const passwordHash = await newPasswordHash(password, before.username);
      return kit.update(actor, id, async (trx) => {
        await updateUserRow(trx, id, { passwordHash, passwordChangedAt: now(), passwordMustChange: true, failedAttempts: 0, lockedUntil: null });
        await endSessionsOf(trx, id, "password_changed", now());
      });
    },

    async disable(actor, id) {
      await kit.authorized(actor, "archive", id);
      notSelf(actor, id, "disable");
      const user = await kit.archive(actor, id);
      // The sign-in check refuses a disabled account on every request anyway; this also shows in the session list.
      await db.transaction().execute((trx) => endSessionsOf(trx, id, "account_disabled", now()));
      return user;
    },

    enable: (actor, id) => kit.restore(actor, id),

    async unlock(actor, id) {
      await kit.authorized(actor, "archive", id);
      // Lock state is operational, not part of the record's versions: audited, not versioned.
      await db.transaction().execute(async (trx) => {
        await updateUserRow(trx, id, { failedAttempts: 0, lockedUntil: null });
        await appendAudit(trx, { action: "auth.unlock", outcome: "success", actor, entity: "user", recordId: id });
      });
      return kit.get(actor, id);
    },
  };
}

/** The scope fields a change names explicitly, so that a field sent for the wrong role is refused, not dropped. */
function definedOnly(patch: UpdateUser, role: User["role"]): Partial<Scope> {
  const given: Partial<Scope> = {};
  const owner = { regionCode: "county_official", enclaveId: "enclave_manager", enterpriseId: "enterprise_user" } as const;
  for (const field of ["regionCode", "enclaveId", "enterpriseId"] as const) {
    if (patch[field] !== undefined && patch[field] !== null && owner[field] !== role) given[field] = patch[field];
  }
  return given;
}
