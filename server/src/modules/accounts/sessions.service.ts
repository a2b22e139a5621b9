// Sign-in and sessions (MLPS 2.0 level 3; docs/security.md): argon2id passwords, lockout after repeated failures,
// rate limits per address and per username, a new session (and id) at every sign-in, idle timeout and absolute
// lifetime on the server, a CSRF token per session, sign-out and administrators' ending of sessions. Every
// sign-in (success and failure), lockout, sign-out and end of a session lands in the audit log.
import type { ActiveSession, ChangePassword, SessionInfo, SignIn, User } from "../../../../contracts/accounts.ts";
import { anonymousActor, systemActor, type Actor, type ActorScope } from "../../platform/actor.ts";
import { appendAudit, recordAudit, type AuditEvent } from "../../platform/audit.ts";
import { authorize, auditingDenials } from "../../platform/authorize.ts";
import { DomainError, ValidationFailed } from "../../platform/errors.ts";
import { permissions, roleHolds } from "../../platform/permissions.ts";
import type { AccountsContext } from "./accounts-context.ts";
import { hashPassword, newSecret, passwordExpired, passwordProblems, sameSecret, secretHash, verifyDecoy, verifyPassword } from "./passwords.ts";
import { rateLimiter } from "./rate-limit.ts";
import {
  endSession,
  endSessionsOf,
  insertSession,
  listActiveSessions,
  markTokenUsed,
  sessionById,
  sessionByTokenHash,
  tokenByHash,
  touchSession,
  type EndReason,
  type SessionRow,
} from "./sessions.repository.ts";
import { credentialsOf, loadUser, passwordHashOf, updateUserRow } from "./users.repository.ts";

export type RequestContext = { remoteAddress: string | null; userAgent: string | null };

export type SignedIn = { token: string; info: SessionInfo };

export type SessionsService = {
  /** `previousToken`: the session cookie the browser still carried; that session ends (a new id at every sign-in). */
  signIn(input: SignIn, context: RequestContext & { previousToken?: string | undefined }): Promise<SignedIn>;
  /** The actor of a session cookie; a write (`unsafe`) must carry the session's CSRF token. */
  authenticateSession(token: string, context: RequestContext & { unsafe: boolean; csrfToken: string | undefined }): Promise<Actor>;
  authenticateToken(token: string, context: RequestContext): Promise<Actor>;
  signOut(actor: Actor): Promise<void>;
  whoAmI(actor: Actor, demo: boolean): Promise<SessionInfo>;
  changePassword(actor: Actor, input: ChangePassword): Promise<void>;
  list(actor: Actor): Promise<ActiveSession[]>;
  end(actor: Actor, id: string): Promise<void>;
};

const minute = 60_000;

export class SessionEnded extends DomainError {
  constructor(message = "Your session has ended (signed out, timed out or ended by an administrator). Sign in again.") {
    super("unauthenticated", "auth.session_expired", message);
  }
}

export function createSessionsService(context: AccountsContext): SessionsService {
  const { db, deps, security, now } = context;
  const policy = { minLength: security.passwordMinLength, minClasses: security.passwordMinClasses, maxAgeDays: security.passwordMaxAgeDays };
  const perIp = rateLimiter(security.signInPerIpPerMinute, minute, now);
  const perUsername = rateLimiter(security.signInPerUsernamePerMinute, minute, now);
  const idleMs = security.sessionIdleMinutes * minute;
  // A busy session would otherwise cost a write on every request (list throughput fell to a third): last-seen and
  // last-used times are written at most this often, so idle expiry may come up to this much early.
  const lastSeenResolutionMs = Math.min(30_000, idleMs / 10);
  const lifetimeMs = security.sessionMaxHours * 60 * minute;
  const reader = systemActor("accounts");

  /** Counties paired with the official's county: the pairing's shared records are readable (docs/permissions.md). */
  async function pairedWith(code: string): Promise<string[]> {
    const pairings = await deps.pairings.list(reader, { regionCode: code, page: 1, pageSize: 500, includeArchived: false });
    return [...new Set(pairings.items.flatMap((p) => p.members.map((m) => m.regionCode)))].filter((c) => c !== code);
  }

  async function actorOf(user: User, extra: Partial<Actor>): Promise<Actor> {
    const scope: ActorScope = {};
    if (user.regionCode) Object.assign(scope, { regionCode: user.regionCode, pairedRegionCodes: await pairedWith(user.regionCode) });
    if (user.enclaveId) scope.enclaveId = user.enclaveId;
    if (user.enterpriseId) scope.enterpriseId = user.enterpriseId;
    return { id: user.id, name: `${user.displayName} (${user.username})`, kind: "user", role: user.role, scope, ...extra };
  }

  /** The account as the actor of its own sign-in events (before it has a session). */
  const accountActor = (user: User, remoteAddress: string | null, sessionId: string | null = null): Actor => ({
    id: user.id,
    name: `${user.displayName} (${user.username})`,
    kind: "user",
    role: user.role,
    scope: {},
    sessionId,
    remoteAddress,
  });

  const failure = (actor: Actor, detail: Record<string, unknown>, recordId: string | null = null): AuditEvent => ({
    action: "auth.sign_in",
    outcome: "failure",
    actor,
    entity: "user",
    recordId,
    detail,
  });

  async function endWithAudit(row: SessionRow, reason: EndReason, actor: Actor): Promise<void> {
    await db.transaction().execute(async (trx) => {
      if (await endSession(trx, row.id, reason, now())) {
        await appendAudit(trx, { action: reason === "sign_out" ? "auth.sign_out" : "auth.session_end", outcome: "success", actor, entity: "session", recordId: row.id, detail: { reason, userId: row.userId } });
      }
    });
  }

  async function newPasswordHash(password: string, username: string, previous: string): Promise<string> {
    const problems = passwordProblems(password, policy, { username, previous });
    if (problems.length > 0) throw new ValidationFailed(problems.map((message) => ({ field: "newPassword", message })));
    return hashPassword(password);
  }

  return {
    async signIn(input, request) {
      const anonymous = anonymousActor(request.remoteAddress);
      const wait = Math.max(perIp.hit(request.remoteAddress ?? "unknown"), perUsername.hit(input.username));
      if (wait > 0) {
        await recordAudit(db, failure(anonymous, { username: input.username, reason: "rate_limited" }));
        throw new DomainError("rate_limited", "auth.rate_limited", `Too many sign-in attempts. Try again in ${wait} seconds.`, [{ message: `retry after ${wait} s`, value: wait }]);
      }
      const found = await credentialsOf(db, input.username);
      if (!found) {
        await verifyDecoy(input.password);
        await recordAudit(db, failure(anonymous, { username: input.username, reason: "unknown_username" }));
        throw invalidCredentials();
      }
      const { user } = found;
      const at = now();
      const self = accountActor(user, request.remoteAddress);
      if (found.lockedUntil && found.lockedUntil > at) {
        await recordAudit(db, failure(self, { username: user.username, reason: "locked", lockedUntil: found.lockedUntil.toISOString() }, user.id));
        throw locked(found.lockedUntil);
      }
      if (!(await verifyPassword(found.passwordHash, input.password))) {
        const attempts = found.failedAttempts + 1;
        const locks = attempts >= security.lockoutAttempts;
        const lockedUntil = locks ? new Date(at.getTime() + security.lockoutMinutes * minute) : null;
        await db.transaction().execute(async (trx) => {
          await updateUserRow(trx, user.id, { failedAttempts: locks ? 0 : attempts, lockedUntil });
          await appendAudit(trx, failure(self, { username: user.username, reason: "wrong_password", attempt: attempts }, user.id));
          if (lockedUntil) {
            await appendAudit(trx, { action: "auth.lockout", outcome: "success", actor: self, entity: "user", recordId: user.id, detail: { attempts, lockedUntil: lockedUntil.toISOString() } });
          }
        });
        throw lockedUntil ? locked(lockedUntil) : invalidCredentials();
      }
      if (user.disabled) {
        await recordAudit(db, failure(self, { username: user.username, reason: "disabled" }, user.id));
        throw new DomainError("forbidden", "auth.account_disabled", "This account is disabled. Ask a security administrator.");
      }
      const mustChange = user.passwordMustChange || passwordExpired(found.passwordChangedAt, policy, at);
      if (mustChange && input.newPassword === undefined) {
        await db.transaction().execute(async (trx) => {
          await updateUserRow(trx, user.id, { failedAttempts: 0 });
          await appendAudit(trx, failure(self, { username: user.username, reason: "password_change_required" }, user.id));
        });
        throw new DomainError("forbidden", "auth.password_change_required", "The password must be changed: sign in again with newPassword.", [
          { field: "newPassword", message: user.passwordMustChange ? "an initial or reset password must be replaced" : `the password is older than ${policy.maxAgeDays} days` },
        ]);
      }
      const newHash = input.newPassword === undefined ? undefined : await newPasswordHash(input.newPassword, user.username, input.password);
      const token = newSecret();
      const csrfToken = newSecret();
      const sessionId = await db.transaction().execute(async (trx) => {
        if (request.previousToken) {
          const previous = await sessionByTokenHash(trx, secretHash(request.previousToken));
          if (previous && !previous.endedAt) await endSession(trx, previous.id, "signed_in_again", at);
        }
        await updateUserRow(trx, user.id, { failedAttempts: 0, lockedUntil: null, lastSignInAt: at, ...(newHash ? { passwordHash: newHash, passwordChangedAt: at, passwordMustChange: false } : {}) });
        if (newHash) {
          await endSessionsOf(trx, user.id, "password_changed", at);
          await appendAudit(trx, { action: "auth.password_changed", outcome: "success", actor: self, entity: "user", recordId: user.id, detail: { at: "sign_in" } });
        }
        const id = await insertSession(trx, {
          tokenHash: secretHash(token),
          userId: user.id,
          csrfToken,
          now: at,
          expiresAt: new Date(at.getTime() + lifetimeMs),
          remoteAddress: request.remoteAddress,
          userAgent: request.userAgent,
        });
        await appendAudit(trx, { action: "auth.sign_in", outcome: "success", actor: { ...self, sessionId: id }, entity: "user", recordId: user.id, detail: { username: user.username } });
        return id;
      });
      const actor = await actorOf({ ...user, passwordMustChange: false }, { sessionId, remoteAddress: request.remoteAddress });
      return { token, info: await infoOf(actor, false) };
    },

    async authenticateSession(token, request) {
      const row = await sessionByTokenHash(db, secretHash(token));
      if (!row || row.endedAt) throw new SessionEnded();
      const at = now();
      const user = await loadUser(db, row.userId);
      const self = user ? accountActor(user, request.remoteAddress, row.id) : anonymousActor(request.remoteAddress);
      if (at >= row.expiresAt) {
        await endWithAudit(row, "expired", self);
        throw new SessionEnded(`Your session reached its lifetime of ${security.sessionMaxHours} hours. Sign in again.`);
      }
      if (at.getTime() - row.lastSeenAt.getTime() > idleMs) {
        await endWithAudit(row, "idle", self);
        throw new SessionEnded(`Your session was idle for more than ${security.sessionIdleMinutes} minutes. Sign in again.`);
      }
      if (!user || user.disabled) {
        await endWithAudit(row, "account_disabled", self);
        throw new SessionEnded("This account is disabled.");
      }
      if (request.unsafe && !(request.csrfToken && sameSecret(request.csrfToken, row.csrfToken))) {
        await recordAudit(db, { action: "auth.denied", outcome: "denied", actor: self, entity: "session", recordId: row.id, detail: { reason: "csrf_token_missing_or_wrong" } });
        throw new DomainError("forbidden", "auth.csrf", "A write with the session cookie needs the x-csrf-token header (GET /api/v1/session returns the token).");
      }
      if (at.getTime() - row.lastSeenAt.getTime() >= lastSeenResolutionMs) await touchSession(db, row.id, at);
      return actorOf(user, { sessionId: row.id, remoteAddress: request.remoteAddress });
    },

    async authenticateToken(token, request) {
      const found = await tokenByHash(db, secretHash(token));
      const at = now();
      const user = found ? await loadUser(db, found.userId) : undefined;
      const usable = found && user && !user.disabled && found.revokedAt === null && (found.expiresAt === null || new Date(found.expiresAt) > at);
      if (!found || !user || !usable) {
        await recordAudit(db, { action: "auth.denied", outcome: "denied", actor: anonymousActor(request.remoteAddress), entity: "api_token", recordId: found?.id ?? null, detail: { reason: "invalid_token" } });
        throw new DomainError("unauthenticated", "auth.invalid_token", "The API token is unknown, revoked, expired, or its account is disabled.");
      }
      if (!found.lastUsedAt || at.getTime() - new Date(found.lastUsedAt).getTime() >= lastSeenResolutionMs) await markTokenUsed(db, found.id, at);
      return actorOf(user, { tokenId: found.id, tokenPermissions: found.permissions, remoteAddress: request.remoteAddress });
    },

    async signOut(actor) {
      if (!actor.sessionId) throw new DomainError("validation", "auth.no_session", "This request carries no session to end (API tokens are revoked, not signed out).");
      const row = await sessionById(db, actor.sessionId);
      if (row) await endWithAudit(row, "sign_out", actor);
    },

    whoAmI: (actor, demo) => infoOf(actor, demo),

    async changePassword(actor, input) {
      if (actor.kind !== "user" || !actor.sessionId) throw new DomainError("forbidden", "auth.forbidden", "Change a password when signed in with a session.");
      const user = await loadUser(db, actor.id);
      const stored = await passwordHashOf(db, actor.id);
      if (!user || !stored || !(await verifyPassword(stored, input.currentPassword))) {
        await recordAudit(db, { action: "auth.password_changed", outcome: "failure", actor, entity: "user", recordId: actor.id, detail: { reason: "wrong_current_password" } });
        throw new ValidationFailed([{ field: "currentPassword", message: "is not the current password" }]);
      }
      const passwordHash = await newPasswordHash(input.newPassword, user.username, input.currentPassword);
      const sessionId = actor.sessionId;
      await db.transaction().execute(async (trx) => {
        await updateUserRow(trx, actor.id, { passwordHash, passwordChangedAt: now(), passwordMustChange: false });
        // Other sessions (another browser, perhaps someone else's) end; this one stays.
        await endSessionsOf(trx, actor.id, "password_changed", now(), sessionId);
        await appendAudit(trx, { action: "auth.password_changed", outcome: "success", actor, entity: "user", recordId: actor.id });
      });
    },

    list: (actor) =>
      auditingDenials(db, actor, async () => {
        authorize(actor, "session.read", { entity: "session" });
        return listActiveSessions(db, now());
      }),

    end: (actor, id) =>
      auditingDenials(db, actor, async () => {
        authorize(actor, "session.end", { entity: "session", id });
        const row = /^[0-9a-f-]{36}$/i.test(id) ? await sessionById(db, id) : undefined;
        if (!row || row.endedAt) throw new DomainError("not_found", "session.not_found", `No active session with id ${id}.`, [{ field: "id", value: id, message: "not found" }]);
        await endWithAudit(row, "ended_by_admin", actor);
      }),
  };

  async function infoOf(actor: Actor, demo: boolean): Promise<SessionInfo> {
    const held = permissions.filter((p) => roleHolds(actor.role, p) && (!actor.tokenPermissions || actor.tokenPermissions.includes(p)));
    const base = { actor: { id: actor.id, name: actor.name, role: actor.role, scope: { ...actor.scope, pairedRegionCodes: actor.scope.pairedRegionCodes ? [...actor.scope.pairedRegionCodes] : undefined } }, permissions: held, demo };
    const user = actor.kind === "user" ? await loadUser(db, actor.id) : undefined;
    const row = actor.sessionId ? await sessionById(db, actor.sessionId) : undefined;
    return {
      ...base,
      authenticated: actor.role !== "public",
      user: user ? { id: user.id, username: user.username, displayName: user.displayName, role: user.role } : null,
      session: row
        ? {
            id: row.id,
            createdAt: row.createdAt.toISOString(),
            lastSeenAt: row.lastSeenAt.toISOString(),
            idleExpiresAt: new Date(row.lastSeenAt.getTime() + idleMs).toISOString(),
            expiresAt: row.expiresAt.toISOString(),
          }
        : null,
      csrfToken: row?.csrfToken ?? null,
    };
  }
}

function invalidCredentials(): DomainError {
  return new DomainError("unauthenticated", "auth.invalid_credentials", "The username or password is wrong.");
}

function locked(until: Date): DomainError {
  return new DomainError("forbidden", "auth.locked", `Too many failed sign-ins: the account is locked until ${until.toISOString()}. A security administrator can unlock it.`, [
    { field: "username", value: until.toISOString(), message: "locked" },
  ]);
}
