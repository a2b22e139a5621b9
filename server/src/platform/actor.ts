// The acting user, passed explicitly to every service call (DESIGN §2.8): who it is, its role and the scope the
// role is bound to, and where the request came from. Authorisation (authorize.ts) decides from role and scope
// alone, so the API, the command line and background jobs obey the same permission table.
import { userInfo } from "node:os";

/**
 * The roles (docs/permissions.md). The three administrators are separate roles (MLPS 2.0 level 3): an account
 * holds exactly one role, so no account can hold two of them.
 */
export const roles = [
  "system_admin",
  "security_admin",
  "audit_admin",
  "viewer",
  "county_official",
  "enclave_manager",
  "enterprise_user",
  "auditor",
  "public",
] as const;
export type Role = (typeof roles)[number];

/** Roles an account can hold (public is the anonymous caller, never an account). */
export const accountRoles = roles.filter((r): r is Exclude<Role, "public"> => r !== "public");
export type AccountRole = (typeof accountRoles)[number];

export type ActorScope = {
  /** county_official: the county (GB/T 2260 code) whose records the official edits. */
  regionCode?: string;
  /** county_official: the counties paired with regionCode (resolved at each request from the pairings). */
  pairedRegionCodes?: readonly string[];
  /** enclave_manager: the enclave managed. */
  enclaveId?: string;
  /** enterprise_user: the enterprise the user acts for. */
  enterpriseId?: string;
};

export type Actor = {
  id: string;
  name: string;
  kind: "user" | "system" | "cli" | "anonymous";
  role: Role;
  scope: ActorScope;
  /** The session the request came with (its public id, never the cookie value). */
  sessionId?: string | null;
  /** The API token the request came with (its id). */
  tokenId?: string | null;
  /** A token is limited to these permissions ("project.read", …) on top of its owner's role. */
  tokenPermissions?: readonly string[] | null;
  remoteAddress?: string | null;
};

/** Background work (the demo loader, jobs): a system-level actor that still goes through the table. */
export const systemActor = (purpose: string, role: Role = "system_admin"): Actor => ({
  id: `system:${purpose}`,
  name: `system (${purpose})`,
  kind: "system",
  role,
  scope: {},
});

export const anonymousActor = (remoteAddress: string | null = null): Actor => ({
  id: "anonymous",
  name: "anonymous",
  kind: "anonymous",
  role: "public",
  scope: {},
  remoteAddress,
});

/**
 * The command line is for operators on the server machine, who can read the database configuration anyway: it
 * acts as a system administrator named after the shell user (docs/security.md). It still obeys the table.
 */
export function cliActor(): Actor {
  const name = safeUserName();
  return { id: `cli:${name}`, name: `${name} (command line)`, kind: "cli", role: "system_admin", scope: {}, remoteAddress: "local" };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown"; // containers without a passwd entry for the uid
  }
}
