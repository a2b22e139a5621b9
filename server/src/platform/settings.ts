// Instance-wide settings kept in the database.
import { sql } from "kysely";
import type { Db } from "./database.ts";

type SettingsTables = { platformSetting: { key: string; value: unknown; updatedAt: Date } };

export async function readSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const row = await db.withTables<SettingsTables>().selectFrom("platformSetting").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value as T | undefined;
}

export async function writeSetting(db: Db, key: string, value: unknown): Promise<void> {
  await db
    .withTables<SettingsTables>()
    .insertInto("platformSetting")
    .values({ key, value: JSON.stringify(value), updatedAt: sql<Date>`now()` })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify(value), updatedAt: sql<Date>`now()` }))
    .execute();
}
