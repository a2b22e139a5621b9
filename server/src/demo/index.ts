// The demo case: Zhejiang, Jinhua, Yongkang and Wuyi with their real facts, the pairing since 2006, the
// 2022-04-02 framework agreement and its traction projects, plus illustrative (flagged) enclave, enterprises,
// projects and cooperation activities. Loaded on the first start of the embedded database.
import type { Config } from "../config/config.ts";
import { systemActor } from "../platform/actor.ts";
import type { Database, Db } from "../platform/database.ts";
import { readSetting, writeSetting } from "../platform/settings.ts";
import type { Modules } from "../modules.ts";
import { loadDemoAccounts } from "./demo-accounts.ts";
import { loadDemoAgreement } from "./demo-agreement.ts";
import { loadDemoChains } from "./demo-chains.ts";
import { loadDemoCooperation } from "./demo-cooperation.ts";
import { loadDemoEnterprises } from "./demo-enterprises.ts";
import { loadDemoProjects } from "./demo-projects.ts";
import { loadDemoRegions } from "./demo-regions.ts";
import { loadDemoSharing } from "./demo-sharing.ts";

export type DemoProgress = (done: number, total: number, label: string) => void;

type DemoMarker = { loadedAt: string };


export async function isDemoInstance(db: Db): Promise<boolean> {
  return (await readSetting<DemoMarker>(db, "demo")) !== undefined;
}

// Progress counts in steps of work: 10 for the register basics, one per enterprise (≈420), 40 for the rest.
export async function loadDemoCase(modules: Modules, db: Db, progress: DemoProgress = () => {}): Promise<void> {
  const actor = systemActor("demo");
  const total = 10 + 420 + 40;
  progress(0, total, "regions and pairing");
  const { pairingId } = await loadDemoRegions(modules, actor);
  const { agreementId, enclaveId } = await loadDemoAgreement(modules, actor, pairingId);
  progress(10, total, "enterprises");
  const owners = await loadDemoEnterprises(modules, actor, enclaveId, (done) => progress(10 + done, total, "enterprises"));
  progress(430, total, "industry-chain links");
  await loadDemoChains(modules, actor);
  progress(430, total, "projects");
  await loadDemoProjects(modules, actor, { agreementId, enclaveId }, owners);
  progress(450, total, "cooperation activities");
  await loadDemoCooperation(modules, actor, pairingId, agreementId);
  progress(460, total, "benefit sharing: terms, figures, settlements");
  await loadDemoSharing(modules, actor, { agreementId, enclaveId });
  await loadDemoAccounts(modules, actor, enclaveId);
  await writeSetting(db, "demo", { loadedAt: new Date().toISOString() } satisfies DemoMarker);
  progress(total, total, "done");
}

/** At start: load the demo case when configured to (auto: a newly created embedded database). */
export function demoOnStart(config: Config, progress?: DemoProgress) {
  return async (modules: Modules, database: Database): Promise<boolean> => {
    const wanted = config.demo === "on" || (config.demo === "auto" && database.kind === "pglite" && database.created);
    if (wanted && !(await isDemoInstance(database.db))) await loadDemoCase(modules, database.db, progress);
    return isDemoInstance(database.db);
  };
}
