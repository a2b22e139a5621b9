import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { accountRoles } from "./actor.ts";
import { renderPermissionsDoc } from "./permissions-doc.ts";
import { permissionTable, permissions, roleHolds } from "./permissions.ts";

describe("the permission table", () => {
  it("is what docs/permissions.md says (run npm run permissions-doc after changing it)", () => {
    const onDisk = readFileSync(new URL("../../../docs/permissions.md", import.meta.url), "utf8");
    expect(onDisk).toBe(renderPermissionsDoc());
  });

  it("keeps the three administrators apart: no role holds two of their duties", () => {
    const duties = { accounts: "user.create", security: "session.end", audit: "audit.read" } as const;
    for (const role of accountRoles) {
      const held = Object.values(duties).filter((p) => roleHolds(role, p));
      expect.soft(held.length, `${role} holds ${held.join(", ")}`).toBeLessThanOrEqual(1);
    }
  });

  it("gives the auditor and the viewer no write of any kind", () => {
    for (const role of ["auditor", "viewer"] as const) {
      const writes = permissions.filter((p) => !/\.(read|verify)$/.test(p) && !p.startsWith("api_token.") && roleHolds(role, p));
      expect(writes).toEqual([]);
    }
  });

  it("names only known permissions", () => {
    for (const grants of Object.values(permissionTable)) for (const p of Object.keys(grants)) expect(permissions).toContain(p);
  });
});
