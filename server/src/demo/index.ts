// The demo case: Zhejiang, Jinhua, Yongkang and Wuyi with their real facts, the pairing since 2006, the
// 2022-04-02 framework agreement and its traction projects, plus illustrative (flagged) enclave, enterprises,
// projects and cooperation activities. Loaded on the first start of the embedded database.
import type { Config } from "../config/config.ts";
import { systemActor } from "../platform/actor.ts";
import type { Database, Db } from "../platform/database.ts";
import { readSetting, writeSetting } from "../platform/settings.ts";
import type { Modules } from "../modules.ts";
import { loadDemoRegions } from "./demo-regions.ts";

export type DemoProgress = (done: number, total: number, label: string) => void;

type DemoMarker = { loadedAt: string };

const steps = ["regions and pairing"] as const;

export async function isDemoInstance(db: Db): Promise<boolean> {
  return (await readSetting<DemoMarker>(db, "demo")) !== undefined;
}

export async function loadDemoCase(modules: Modules, db: Db, progress: DemoProgress = () => {}): Promise<void> {
  const actor = systemActor("demo");
  progress(0, steps.length, steps[0]);
  await loadDemoRegions(modules, actor);
  progress(1, steps.length, "done");
  await writeSetting(db, "demo", { loadedAt: new Date().toISOString() } satisfies DemoMarker);
}

/** At start: load the demo case when configured to (auto: a newly created embedded database). */
export function demoOnStart(config: Config, progress?: DemoProgress) {
  return async (modules: Modules, database: Database): Promise<boolean> => {
    const wanted = config.demo === "on" || (config.demo === "auto" && database.kind === "pglite" && database.created);
    if (wanted && !(await isDemoInstance(database.db))) await loadDemoCase(modules, database.db, progress);
    return isDemoInstance(database.db);
  };
}
