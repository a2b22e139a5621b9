// SQL for enterprises' chain links: what each enterprise's links were derived from, the links with their review
// status, and the revision counter every write bumps (it keys the in-memory match index).
import { sql } from "kysely";
import type { Db } from "../../platform/database.ts";
import type { LinkReason } from "./enterprise-links.ts";
import type { ChainsTables } from "./chains.tables.ts";

const tables = (db: Db) => db.withTables<ChainsTables>();

export type DerivationState = { enterpriseId: string; enterpriseVersion: number; chainSetVersion: string; decisions: number };

export type LinkRow = {
  enterpriseId: string;
  nodeId: string;
  origin: "derived" | "added";
  status: "derived" | "confirmed" | "rejected";
  derived: boolean;
  reasons: LinkReason[];
  note: string | null;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
};

/** A fresh derivation of one enterprise: the nodes it produces at, with the reasons. */
export type Derivation = {
  enterpriseId: string;
  homeRegionCode: string;
  enterpriseVersion: number;
  produces: { nodeId: string; reasons: LinkReason[] }[];
};

export async function derivationStates(db: Db, where: { regionCodes: readonly string[] } | { enterpriseId: string }): Promise<Map<string, DerivationState>> {
  let qb = tables(db).selectFrom("chainsEnterpriseState").select(["enterpriseId", "enterpriseVersion", "chainSetVersion", "decisions"]);
  qb = "enterpriseId" in where ? qb.where("enterpriseId", "=", where.enterpriseId) : qb.where("homeRegionCode", "in", [...where.regionCodes]);
  return new Map((await qb.execute()).map((r) => [r.enterpriseId, r]));
}

const batch = 500;

/**
 * Writes derivations, keeping every review: undecided links are replaced by the new ones; a confirmed or rejected
 * link stays as it was decided, only its `derived` flag and reasons follow the new derivation.
 */
export async function writeDerivations(db: Db, chainSetVersion: string, derivations: readonly Derivation[]): Promise<void> {
  for (let i = 0; i < derivations.length; i += batch) {
    const chunk = derivations.slice(i, i + batch);
    const ids = chunk.map((d) => d.enterpriseId);
    await db.transaction().execute(async (trx) => {
      await tables(trx).deleteFrom("chainsEnterpriseLink").where("enterpriseId", "in", ids).where("status", "=", "derived").execute();
      await tables(trx).updateTable("chainsEnterpriseLink").set({ derived: false, reasons: "[]" }).where("enterpriseId", "in", ids).execute();
      const links = chunk.flatMap((d) =>
        d.produces.map((p) => ({ enterpriseId: d.enterpriseId, nodeId: p.nodeId, origin: "derived" as const, status: "derived" as const, derived: true, reasons: JSON.stringify(p.reasons) })),
      );
      if (links.length > 0) {
        await tables(trx)
          .insertInto("chainsEnterpriseLink")
          .values(links)
          .onConflict((oc) => oc.columns(["enterpriseId", "nodeId"]).doUpdateSet({ derived: true, reasons: sql`excluded.reasons` }))
          .execute();
      }
      await tables(trx)
        .insertInto("chainsEnterpriseState")
        .values(chunk.map((d) => ({ enterpriseId: d.enterpriseId, homeRegionCode: d.homeRegionCode, enterpriseVersion: d.enterpriseVersion, chainSetVersion })))
        .onConflict((oc) =>
          oc.column("enterpriseId").doUpdateSet({
            homeRegionCode: sql`excluded.home_region_code`,
            enterpriseVersion: sql`excluded.enterprise_version`,
            chainSetVersion: sql`excluded.chain_set_version`,
            derivedAt: sql`now()`,
          }),
        )
        .execute();
      await bumpRevision(trx);
    });
  }
}

const linkColumns = ["enterpriseId", "nodeId", "origin", "status", "derived", "reasons", "note", "decidedBy", "decidedByName", "decidedAt"] as const;

/** The links in force (not rejected) of the enterprises whose links were last derived for these counties. */
export async function linksInForce(db: Db, regionCodes: readonly string[]): Promise<{ enterpriseId: string; nodeId: string; reasons: LinkReason[] }[]> {
  return (await tables(db)
    .selectFrom("chainsEnterpriseLink as l")
    .innerJoin("chainsEnterpriseState as s", "s.enterpriseId", "l.enterpriseId")
    .select(["l.enterpriseId", "l.nodeId", "l.reasons"])
    .where("s.homeRegionCode", "in", [...regionCodes])
    .where("l.status", "<>", "rejected")
    .orderBy("l.enterpriseId")
    .orderBy("l.nodeId")
    .execute()) as { enterpriseId: string; nodeId: string; reasons: LinkReason[] }[];
}

export async function linksOfEnterprise(db: Db, enterpriseId: string): Promise<LinkRow[]> {
  return (await tables(db).selectFrom("chainsEnterpriseLink").select(linkColumns).where("enterpriseId", "=", enterpriseId).orderBy("nodeId").execute()) as LinkRow[];
}

/** Records a review: the link (made when added by hand), its new status, who and why. */
export async function writeDecision(
  trx: Db,
  decision: { enterpriseId: string; nodeId: string; status: "confirmed" | "rejected"; note: string | null; actorId: string; actorName: string },
): Promise<number> {
  const stamp = { status: decision.status, note: decision.note, decidedBy: decision.actorId, decidedByName: decision.actorName, decidedAt: sql<Date>`now()` };
  await tables(trx)
    .insertInto("chainsEnterpriseLink")
    .values({ enterpriseId: decision.enterpriseId, nodeId: decision.nodeId, origin: "added", derived: false, reasons: "[]", ...stamp })
    .onConflict((oc) => oc.columns(["enterpriseId", "nodeId"]).doUpdateSet(stamp))
    .execute();
  const state = await tables(trx)
    .updateTable("chainsEnterpriseState")
    .set({ decisions: sql`decisions + 1` })
    .where("enterpriseId", "=", decision.enterpriseId)
    .returning("decisions")
    .executeTakeFirstOrThrow();
  await bumpRevision(trx);
  return state.decisions;
}

async function bumpRevision(trx: Db): Promise<void> {
  await tables(trx).updateTable("chainsRevision").set({ revision: sql`revision + 1` }).where("id", "=", 1).execute();
}

export async function linksRevision(db: Db): Promise<string> {
  const row = await tables(db).selectFrom("chainsRevision").select("revision").where("id", "=", 1).executeTakeFirst();
  return String(row?.revision ?? "0");
}
