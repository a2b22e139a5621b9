// Demo accounts: one per role, for the embedded demo only (no instance has default accounts otherwise). The
// password is in the README; the accounts are flagged illustrative.
import type { AccountRole, CreateUser } from "../../../contracts/accounts.ts";
import type { Actor } from "../platform/actor.ts";
import type { Modules } from "../modules.ts";
import { wuyi, yongkang } from "./demo-facts.ts";

/** The one password of every demo account (README, "Demo accounts"). */
export const demoPassword = "Shanhai-demo-2026";

type DemoAccount = { username: string; displayName: string; role: AccountRole; scope?: Partial<Pick<CreateUser, "regionCode" | "enclaveId" | "enterpriseId">> };

export function demoAccounts(ids: { enclaveId: string; enterpriseId: string }): DemoAccount[] {
  return [
    { username: "sysadmin", displayName: "系统管理员（演示）System administrator", role: "system_admin" },
    { username: "secadmin", displayName: "安全管理员（演示）Security administrator", role: "security_admin" },
    { username: "auditadmin", displayName: "审计管理员（演示）Audit administrator", role: "audit_admin" },
    { username: "viewer", displayName: "金华市发改委（演示）Jinhua city viewer", role: "viewer" },
    { username: "yongkang", displayName: "永康市发改局（演示）Yongkang official", role: "county_official", scope: { regionCode: yongkang } },
    { username: "wuyi", displayName: "武义县发改局（演示）Wuyi official", role: "county_official", scope: { regionCode: wuyi } },
    { username: "enclave", displayName: "飞地管委会（演示）Enclave manager", role: "enclave_manager", scope: { enclaveId: ids.enclaveId } },
    { username: "enterprise", displayName: "入驻企业（演示）Enterprise user", role: "enterprise_user", scope: { enterpriseId: ids.enterpriseId } },
    { username: "auditor", displayName: "审计局（演示）Auditor", role: "auditor" },
  ];
}

export async function loadDemoAccounts(modules: Modules, actor: Actor, enclaveId: string): Promise<void> {
  const residents = await modules.enterprises.enterprises.list(actor, { enclaveId, page: 1, pageSize: 1, sort: "nameZh", includeArchived: false });
  const enterpriseId = residents.items[0]?.id;
  if (!enterpriseId) throw new Error("the demo enclave has no resident enterprise for the demo enterprise user");
  for (const account of demoAccounts({ enclaveId, enterpriseId })) {
    await modules.accounts.users.create(
      actor,
      {
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        regionCode: account.scope?.regionCode ?? null,
        enclaveId: account.scope?.enclaveId ?? null,
        enterpriseId: account.scope?.enterpriseId ?? null,
        password: demoPassword,
        illustrative: true,
      },
      { mustChangePassword: false },
    );
  }
}
