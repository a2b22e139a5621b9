// What the signed-in user may use, for showing only the menus and buttons that work for them. The server
// decides every request (docs/permissions.md); the console follows the permissions the session lists, and
// falls back to a role table when a session names roles only. Without accounts everything shows.

export type MenuKey =
  | "overview"
  | "agreements"
  | "enclaves"
  | "enterprises"
  | "projects"
  | "cooperation"
  | "imports"
  | "regions"
  | "settlements"
  | "chains";

/** undefined: the server has no accounts (or none are needed) and the console offers everything. */
export type Access = { roles: readonly string[]; permissions: readonly string[] | undefined } | undefined;

/** The permission (docs/permissions.md) each menu needs; a pattern where the feature's API is not yet known. */
const menuPermission: Record<MenuKey, string | RegExp> = {
  overview: "pairing.read",
  agreements: "agreement.read",
  enclaves: "enclave.read",
  enterprises: "enterprise.read",
  projects: "project.read",
  cooperation: "cooperation_activity.read",
  regions: "region.read",
  imports: "enterprise.create",
  settlements: /^(settlement|sharing)[._]/,
  chains: /^(chain|industry_chain)[._]/,
};

const readers = [
  "viewer",
  "county_official",
  "enclave_manager",
  "enterprise_user",
  "auditor",
  "system_admin",
];
const writers = ["county_official", "enclave_manager", "enterprise_user", "system_admin"];

/** For sessions that list no permissions: what a role may do, by the kind of action. */
function roleAllows(permission: string | RegExp, roles: readonly string[]): boolean {
  const key = typeof permission === "string" ? permission : permission.source;
  const write = /\.(create|update|archive)$/.test(key);
  const allowed = write
    ? writers
    : key.startsWith("pairing") || key.startsWith("region")
      ? [...readers, "security_admin", "audit_admin", "public"]
      : readers;
  return roles.map(normaliseRole).some((r) => allowed.includes(r));
}

/** "County Official" and "county-official" are the same role as "county_official". */
export function normaliseRole(role: string): string {
  return role
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** Does the user hold the permission (a name like "enterprise.create", or a pattern)? */
export function can(permission: string | RegExp, access: Access): boolean {
  if (!access) return true;
  if (access.permissions)
    return access.permissions.some((p) =>
      typeof permission === "string" ? p === permission : permission.test(p),
    );
  return roleAllows(permission, access.roles);
}

export function canSee(menu: MenuKey, access: Access): boolean {
  return can(menuPermission[menu], access);
}
