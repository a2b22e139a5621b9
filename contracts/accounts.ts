// Accounts: users (one role each), sign-in sessions, API tokens, and the audit log's entries as the API shows them.
import { z } from "zod";
import { Id, IsoDate, QueryBoolean, RecordMeta, RegionCode, illustrativeInput } from "./common.ts";

export const AccountRole = z
  .enum(["system_admin", "security_admin", "audit_admin", "viewer", "county_official", "enclave_manager", "enterprise_user", "auditor"])
  .describe("One role per account (docs/permissions.md); county_official needs regionCode, enclave_manager enclaveId, enterprise_user enterpriseId");
export type AccountRole = z.infer<typeof AccountRole>;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, "3 to 64 characters: letters, digits, dot, dash, underscore; starting with a letter or digit");

/** A password as typed; the policy (length, character classes) is checked by the service so it can name every rule. */
const Password = z.string().min(1).max(256);

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: AccountRole,
  regionCode: RegionCode.nullable(),
  enclaveId: Id.nullable(),
  enterpriseId: Id.nullable(),
  passwordChangedAt: z.string(),
  passwordMustChange: z.boolean().describe("The next sign-in must set a new password (initial or reset passwords)"),
  lockedUntil: z.string().nullable().describe("Locked after too many failed sign-ins, until this moment"),
  lastSignInAt: z.string().nullable(),
  disabled: z.boolean().describe("A disabled account cannot sign in; disabling ends its sessions (archivedAt says when)"),
  ...RecordMeta,
});
export type User = z.infer<typeof User>;

export const CreateUser = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(200),
  role: AccountRole,
  regionCode: RegionCode.nullable().default(null),
  enclaveId: Id.nullable().default(null),
  enterpriseId: Id.nullable().default(null),
  password: Password.describe("The initial password; the user sets a new one at the first sign-in"),
  ...illustrativeInput,
});
export type CreateUser = z.infer<typeof CreateUser>;

export const UpdateUser = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  role: AccountRole.optional(),
  regionCode: RegionCode.nullable().optional(),
  enclaveId: Id.nullable().optional(),
  enterpriseId: Id.nullable().optional(),
});
export type UpdateUser = z.infer<typeof UpdateUser>;

export const UserFilters = z.object({
  role: AccountRole.optional(),
  q: z.string().trim().min(1).max(200).optional().describe("Part of the username or display name"),
  includeDisabled: QueryBoolean.default(false),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type UserFilters = z.infer<typeof UserFilters>;

export const SetPassword = z.object({ password: Password.describe("A new initial password; the user must change it at the next sign-in") });

export const SignIn = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: Password,
  newPassword: Password.optional().describe("Required when the password has expired or must be changed (initial or reset password)"),
});
export type SignIn = z.infer<typeof SignIn>;

export const ChangePassword = z.object({ currentPassword: Password, newPassword: Password });
export type ChangePassword = z.infer<typeof ChangePassword>;

export const ActorScope = z.object({
  regionCode: z.string().optional(),
  pairedRegionCodes: z.array(z.string()).optional(),
  enclaveId: z.string().optional(),
  enterpriseId: z.string().optional(),
});

export const SessionInfo = z.object({
  authenticated: z.boolean(),
  actor: z.object({ id: z.string(), name: z.string(), role: z.string(), scope: ActorScope }),
  user: z.object({ id: Id, username: z.string(), displayName: z.string(), role: AccountRole }).nullable(),
  session: z
    .object({ id: Id, createdAt: z.string(), lastSeenAt: z.string(), idleExpiresAt: z.string(), expiresAt: z.string() })
    .nullable(),
  csrfToken: z.string().nullable().describe("Send it as the x-csrf-token header with every cookie-authenticated write"),
  permissions: z.array(z.string()).describe("The permissions the role holds (in some scope)"),
  demo: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const ActiveSession = z.object({
  id: Id,
  userId: Id,
  username: z.string(),
  role: AccountRole,
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  remoteAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type ActiveSession = z.infer<typeof ActiveSession>;

export const ApiToken = z.object({
  id: Id,
  userId: Id,
  name: z.string(),
  tokenPrefix: z.string().describe("The first characters, to recognise a token; the token itself is shown once"),
  permissions: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const CreateApiToken = z.object({
  name: z.string().trim().min(1).max(200),
  permissions: z.array(z.string()).min(1).max(100).describe('Permissions from docs/permissions.md, e.g. ["enterprise.read", "enterprise.update"]'),
  expiresOn: IsoDate.nullable().default(null).describe("Last day the token works (China Standard Time); null: until revoked"),
});
export type CreateApiToken = z.infer<typeof CreateApiToken>;

export const CreatedApiToken = ApiToken.extend({ token: z.string().describe("Shown once: send it as Authorization: Bearer <token>") });

export const AuditOutcome = z.enum(["success", "failure", "denied"]);

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  sessionId: z.string().nullable(),
  remoteAddress: z.string().nullable(),
  action: z.string(),
  outcome: AuditOutcome,
  entity: z.string().nullable(),
  recordId: z.string().nullable(),
  detail: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

export const AuditFilters = z.object({
  from: z.string().optional().describe("YYYY-MM-DD (start of that day, China Standard Time) or an ISO timestamp"),
  to: z.string().optional().describe("YYYY-MM-DD (end of that day, China Standard Time) or an ISO timestamp"),
  actorId: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  outcome: AuditOutcome.optional(),
  entity: z.string().max(100).optional(),
  recordId: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  format: z.enum(["json", "csv", "xlsx"]).default("json"),
});
export type AuditFilters = z.infer<typeof AuditFilters>;

export const ChainCheck = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }),
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
