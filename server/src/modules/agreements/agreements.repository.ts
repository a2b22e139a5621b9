// SQL for agreements, their ordered parties and their documents. The only file that touches the module's tables.
import { sql } from "kysely";
import type { Agreement, AgreementDocument, AgreementFilters, CreateAgreement, UpdateAgreement } from "../../../../contracts/agreements.ts";
import { scopeCondition, type ScopeFilter } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { containsPattern, pageOf, type ListParams, type Page } from "../../platform/listing.ts";
import { metaOf } from "../../platform/register-kit.ts";
import type { AgreementsTables } from "./agreements.tables.ts";

const tables = (db: Db) => db.withTables<AgreementsTables>();

export const agreementSortFields = ["signedOn", "titleEn", "titleZh", "status", "updatedAt"] as const;

type AgreementRow = Omit<AgreementsTables["agreementsAgreement"], "id" | "published"> & {
  id: string;
  published: boolean;
  version: number;
  illustrative: boolean;
  createdAt: Date;
  updatedAt: Date;
};

// A malformed id can name no record; asking PostgreSQL would fail with a type error instead of "not found".
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isRecordId = (id: string): boolean => uuidPattern.test(id);

// The document list leaves the bytes out: records and history snapshots carry only what describes a file.
const documentColumns = ["id", "agreementId", "fileName", "mediaType", "sizeBytes", "sha256", "uploadedAt", "uploadedBy"] as const;

async function withChildren(db: Db, rows: AgreementRow[]): Promise<Agreement[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [parties, documents] = await Promise.all([
    tables(db).selectFrom("agreementsParty").selectAll().where("agreementId", "in", ids).orderBy("position").execute(),
    tables(db).selectFrom("agreementsDocument").select(documentColumns).where("agreementId", "in", ids).orderBy("uploadedAt").orderBy("id").execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    pairingId: r.pairingId,
    titleZh: r.titleZh,
    titleEn: r.titleEn,
    kind: r.kind as Agreement["kind"],
    parties: parties.filter((p) => p.agreementId === r.id).map((p) => p.regionCode),
    signedOn: r.signedOn,
    signedAt: r.signedAt,
    occasion: r.occasion,
    status: r.status as Agreement["status"],
    principles: r.principles,
    focusIndustries: r.focusIndustries,
    cooperationDomains: r.cooperationDomains as Agreement["cooperationDomains"],
    term: r.term,
    termStart: r.termStart,
    termEnd: r.termEnd,
    note: r.note,
    published: r.published,
    documents: documents
      .filter((d) => d.agreementId === r.id)
      .map((d): AgreementDocument => ({
        id: d.id,
        fileName: d.fileName,
        mediaType: d.mediaType,
        sizeBytes: Number(d.sizeBytes),
        sha256: d.sha256,
        uploadedAt: d.uploadedAt.toISOString(),
        uploadedBy: d.uploadedBy,
      })),
    ...metaOf(r),
  }));
}

export async function loadAgreement(db: Db, id: string): Promise<Agreement | undefined> {
  if (!isRecordId(id)) return undefined;
  const row = await tables(db).selectFrom("agreementsAgreement").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? (await withChildren(db, [row as AgreementRow]))[0] : undefined;
}

/** Where an agreement lies, in SQL: its parties; published and not archived. */
const agreementScope = {
  regions: (codes: readonly string[]) =>
    sql<boolean>`exists (select 1 from agreements_party p where p.agreement_id = agreements_agreement.id and p.region_code in (${sql.join(codes)}))`,
  published: sql<boolean>`(agreements_agreement.published and agreements_agreement.archived_at is null)`,
};

export async function listAgreements(db: Db, query: AgreementFilters & ListParams, scope: ScopeFilter): Promise<Page<Agreement>> {
  let qb = tables(db).selectFrom("agreementsAgreement").selectAll().where(scopeCondition(scope, agreementScope));
  if (!query.includeArchived) qb = qb.where("archivedAt", "is", null);
  if (query.pairingId) qb = qb.where("pairingId", "=", query.pairingId);
  if (query.kind) qb = qb.where("kind", "=", query.kind);
  if (query.status) qb = qb.where("status", "=", query.status);
  if (query.signedFrom) qb = qb.where("signedOn", ">=", query.signedFrom);
  if (query.signedTo) qb = qb.where("signedOn", "<=", query.signedTo);
  if (query.illustrative !== undefined) qb = qb.where("illustrative", "=", query.illustrative);
  if (query.partyCode) {
    const code = query.partyCode;
    qb = qb.where("id", "in", (eb) => eb.selectFrom("agreementsParty").select("agreementId").where("regionCode", "=", code));
  }
  if (query.q) {
    const pattern = containsPattern(query.q);
    qb = qb.where((eb) => eb.or([eb("titleZh", "ilike", pattern), eb("titleEn", "ilike", pattern)]));
  }
  const page = await pageOf(qb, query, agreementSortFields, "-signedOn", "id");
  return { ...page, items: await withChildren(db, page.items as AgreementRow[]) };
}

export async function insertAgreement(trx: Db, input: CreateAgreement): Promise<string> {
  const { parties, ...agreement } = input;
  const { id } = await tables(trx).insertInto("agreementsAgreement").values(agreement).returning("id").executeTakeFirstOrThrow();
  await replaceParties(trx, id, parties);
  return id;
}

export async function updateAgreementRow(trx: Db, id: string, patch: UpdateAgreement): Promise<void> {
  const { parties, ...columns } = patch;
  if (Object.keys(columns).length > 0) await tables(trx).updateTable("agreementsAgreement").set(columns).where("id", "=", id).execute();
  if (parties) await replaceParties(trx, id, parties);
}

async function replaceParties(trx: Db, id: string, parties: string[]): Promise<void> {
  await tables(trx).deleteFrom("agreementsParty").where("agreementId", "=", id).execute();
  await tables(trx)
    .insertInto("agreementsParty")
    .values(parties.map((regionCode, position) => ({ agreementId: id, regionCode, position })))
    .execute();
}

export type NewDocument = { fileName: string; mediaType: string; sha256: string; content: Buffer; uploadedBy: string };

export async function insertDocument(trx: Db, agreementId: string, document: NewDocument): Promise<string> {
  const { id } = await tables(trx)
    .insertInto("agreementsDocument")
    .values({ ...document, agreementId, sizeBytes: document.content.length })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export type StoredDocument = { fileName: string; mediaType: string; sha256: string; content: Buffer };

export async function loadDocumentContent(db: Db, agreementId: string, documentId: string): Promise<StoredDocument | undefined> {
  if (!isRecordId(agreementId) || !isRecordId(documentId)) return undefined;
  return tables(db)
    .selectFrom("agreementsDocument")
    .select(["fileName", "mediaType", "sha256", "content"])
    .where("id", "=", documentId)
    .where("agreementId", "=", agreementId)
    .executeTakeFirst();
}
