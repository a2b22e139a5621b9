// SQL for chain-set versions: immutable rows in the file form; the highest sequence is in force.
import { sql } from "kysely";
import type { Db } from "../../platform/database.ts";
import type { ChainsTables } from "./chains.tables.ts";

const tables = (db: Db) => db.withTables<ChainsTables>();

export type ChainSetRow = {
  version: string;
  sequence: number;
  source: "reference" | "edited";
  nodeCount: number;
  chainCount: number;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
};

const summary = ["version", "sequence", "source", "nodeCount", "chainCount", "createdBy", "createdByName", "createdAt"] as const;

/** The version in force, or undefined while none is stored. */
export async function latestChainSetVersion(db: Db): Promise<string | undefined> {
  const row = await tables(db).selectFrom("chainsChainSet").select("version").orderBy("sequence", "desc").limit(1).executeTakeFirst();
  return row?.version;
}

export async function chainSetDocument(db: Db, version: string): Promise<unknown> {
  const row = await tables(db).selectFrom("chainsChainSet").select("document").where("version", "=", version).executeTakeFirst();
  return row?.document;
}

export async function chainSetRows(db: Db): Promise<ChainSetRow[]> {
  return (await tables(db).selectFrom("chainsChainSet").select(summary).orderBy("sequence", "desc").execute()) as ChainSetRow[];
}

export async function chainSetRow(db: Db, version: string): Promise<ChainSetRow | undefined> {
  return (await tables(db).selectFrom("chainsChainSet").select(summary).where("version", "=", version).executeTakeFirst()) as ChainSetRow | undefined;
}

type NewChainSet = Omit<ChainSetRow, "sequence" | "createdAt"> & { document: unknown };

/** Appends a version after the last one; the sequence's unique key stops two versions taking the same place. */
export async function insertChainSet(trx: Db, row: NewChainSet): Promise<ChainSetRow> {
  const { document, ...rest } = row;
  const inserted = await tables(trx)
    .insertInto("chainsChainSet")
    .values({ ...rest, document: JSON.stringify(document), sequence: sql<number>`(select coalesce(max(sequence), 0) + 1 from chains_chain_set)` })
    .returning(summary)
    .executeTakeFirstOrThrow();
  return inserted as ChainSetRow;
}

/** Stores the reference map as the first version while the table is empty; a no-op once anything is stored. */
export async function seedReferenceChainSet(db: Db, row: NewChainSet): Promise<void> {
  const { document, ...rest } = row;
  await sql`
    insert into chains_chain_set (version, sequence, source, document, node_count, chain_count, created_by, created_by_name)
    select ${rest.version}, 1, ${rest.source}, ${JSON.stringify(document)}::jsonb, ${rest.nodeCount}, ${rest.chainCount}, ${rest.createdBy}, ${rest.createdByName}
    where not exists (select 1 from chains_chain_set)
    on conflict do nothing`.execute(db);
}
