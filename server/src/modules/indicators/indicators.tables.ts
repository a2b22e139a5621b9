// Kysely table types of the indicators module (camelCase; the CamelCasePlugin maps them to snake_case). bigint
// and numeric arrive as strings, which keeps them exact.
import type { ColumnType, Generated } from "kysely";
import type { FigureImportMode, FigureImportProblem, FigureImportStatus } from "../../../../contracts/indicators.ts";
import type { SubjectKind } from "./figure-identity.ts";

export type IndicatorsTables = {
  indicatorsMeasure: { key: string; unit: string; builtIn: Generated<boolean>; createdAt: Generated<Date> };
  indicatorsImport: {
    id: Generated<string>;
    fileName: string;
    sha256: string;
    sizeBytes: number;
    fileBytes: ColumnType<Buffer, Uint8Array, Uint8Array>;
    mode: FigureImportMode;
    run: "inline" | "background";
    status: Generated<FigureImportStatus>;
    actorId: string;
    actor: ColumnType<unknown, string, string>;
    rows: number | null;
    toWrite: number | null;
    done: Generated<number>;
    created: number | null;
    corrected: number | null;
    unchanged: number | null;
    rejected: number | null;
    problems: ColumnType<FigureImportProblem[], string, string>;
    error: string | null;
    createdAt: Generated<Date>;
    updatedAt: Generated<Date>;
    finishedAt: Date | null;
  };
  /** An import's rows waiting for its commit, a batch to a row (db/migrations/202611241500_indicators_import_visibility.sql). */
  indicatorsImportBatch: {
    importId: string;
    firstRow: number;
    rowNos: number[];
    figureIds: string[];
    subjectKinds: SubjectKind[];
    enterpriseIds: (string | null)[];
    enclaveIds: (string | null)[];
    months: string[];
    measures: string[];
    units: string[];
    amountsFen: ColumnType<(string | null)[], (string | null)[], never>;
    quantities: ColumnType<(string | null)[], (string | null)[], never>;
    reasons: (string | null)[];
  };
  indicatorsFigureVersion: {
    figureId: string;
    version: number;
    subjectKind: SubjectKind;
    enterpriseId: string | null;
    enclaveId: string | null;
    subjectId: ColumnType<string, never, never>;
    month: string;
    measure: string;
    unit: string;
    amountFen: ColumnType<string | null, string | null, never>;
    quantity: ColumnType<string | null, string | null, never>;
    recordedAt: Generated<Date>;
    recordedById: string;
    recordedByName: string;
    source: "api" | "import";
    importId: string | null;
    reason: string | null;
  };
};
