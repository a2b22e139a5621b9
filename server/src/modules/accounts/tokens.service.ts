// API tokens for machine clients (a statistics bureau's nightly upload): made by an account for itself, limited
// to some of its role's permissions, shown once, stored as SHA-256, revocable by the owner or a security
// administrator. Tokens never manage accounts, sessions or other tokens.
import type { ApiToken, CreateApiToken } from "../../../../contracts/accounts.ts";
import type { Actor } from "../../platform/actor.ts";
import { appendAudit } from "../../platform/audit.ts";
import { auditingDenials, authorize, readFilter } from "../../platform/authorize.ts";
import { DomainError, ValidationFailed, type ErrorDetail } from "../../platform/errors.ts";
import { isPermission, roleHolds } from "../../platform/permissions.ts";
import type { AccountsContext } from "./accounts-context.ts";
import { newSecret, secretHash } from "./passwords.ts";
import { insertToken, listTokens, revokeToken, tokenById } from "./sessions.repository.ts";

export type TokensService = {
  create(actor: Actor, input: CreateApiToken): Promise<ApiToken & { token: string }>;
  list(actor: Actor): Promise<ApiToken[]>;
  revoke(actor: Actor, id: string): Promise<void>;
};

/** Account management stays with people signed in with a password. */
const notForTokens = /^(user|session|api_token)\./;

export function createTokensService(context: AccountsContext): TokensService {
  const { db, now } = context;
  return {
    create: (actor, input) =>
      auditingDenials(db, actor, async () => {
        authorize(actor, "api_token.create", { entity: "api_token" });
        if (actor.kind !== "user" || actor.tokenId) throw new DomainError("forbidden", "auth.forbidden", "API tokens are made by a signed-in account, not by another token.");
        const problems: ErrorDetail[] = [];
        input.permissions.forEach((p, i) => {
          if (!isPermission(p)) problems.push({ field: `permissions.${i}`, value: p, message: "is not a permission (docs/permissions.md)" });
          else if (notForTokens.test(p)) problems.push({ field: `permissions.${i}`, value: p, message: "account management is not for API tokens" });
          else if (!roleHolds(actor.role, p)) problems.push({ field: `permissions.${i}`, value: p, message: `your role (${actor.role}) does not hold it` });
        });
        const expiresAt = input.expiresOn ? new Date(`${input.expiresOn}T23:59:59.999+08:00`) : null;
        if (expiresAt && expiresAt <= now()) problems.push({ field: "expiresOn", value: input.expiresOn, message: "must be today or later" });
        if (problems.length > 0) throw new ValidationFailed(problems);
        const token = `shk_${newSecret()}`;
        const created = await db.transaction().execute(async (trx) => {
          const row = await insertToken(trx, {
            userId: actor.id,
            name: input.name,
            tokenHash: secretHash(token),
            tokenPrefix: token.slice(0, 12),
            permissions: [...new Set(input.permissions)],
            createdAt: now(),
            expiresAt,
          });
          await appendAudit(trx, { action: "api_token.create", outcome: "success", actor, entity: "api_token", recordId: row.id, detail: { name: row.name, permissions: row.permissions, expiresAt: row.expiresAt } });
          return row;
        });
        return { ...created, token };
      }),

    list: (actor) => auditingDenials(db, actor, async () => listTokens(db, readFilter(actor, "api_token.read", "api_token"))),

    revoke: (actor, id) =>
      auditingDenials(db, actor, async () => {
        authorize(actor, "api_token.revoke", { entity: "api_token", id });
        const found = /^[0-9a-f-]{36}$/i.test(id) ? await tokenById(db, id) : undefined;
        if (!found) throw new DomainError("not_found", "api_token.not_found", `No API token with id ${id}.`, [{ field: "id", value: id, message: "not found" }]);
        authorize(actor, "api_token.revoke", { entity: "api_token", id, scope: { ownerId: found.userId } });
        await db.transaction().execute(async (trx) => {
          if (await revokeToken(trx, id, now())) await appendAudit(trx, { action: "api_token.revoke", outcome: "success", actor, entity: "api_token", recordId: id, detail: { userId: found.userId } });
        });
      }),
  };
}
