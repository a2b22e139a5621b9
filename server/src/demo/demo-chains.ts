// Industry chains in the demo case: the links of every demo enterprise derived from its class and products (the
// reference map, "reference-1"), and one illustrative match outcome — the best Yongkang supplier of Wuyi's largest
// electric-tool maker, contacted — so the outcome register is not empty. Gaps and matches are then computed on
// demand; docs/demo-case.md says what the demo shows.
import type { Actor } from "../platform/actor.ts";
import type { Modules } from "../modules.ts";
import { wuyi, yongkang } from "./demo-facts.ts";

export async function loadDemoChains(modules: Modules, actor: Actor): Promise<{ enterprises: number; links: number }> {
  const derived = await modules.chains.links.derive(actor, [yongkang, wuyi]);
  const makers = await modules.enterprises.enterprises.list(actor, { homeRegionCode: wuyi, industryCode: "3465", sort: "-employees", page: 1, pageSize: 1, includeArchived: false });
  const maker = makers.items[0];
  if (maker) {
    const [best] = (await modules.chains.matches.forEnterprise(actor, maker.id, { role: "suppliers", limit: 1 })).items;
    if (best) {
      await modules.chains.outcomes.record(actor, {
        supplierId: best.supplierId,
        customerId: best.buyerId,
        status: "contacted",
        note: "Illustrative: introduced at the demo's supplier matchmaking day.",
        illustrative: true,
      });
    }
  }
  return derived;
}
