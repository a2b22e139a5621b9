// Domain errors carry a stable code; one mapper (http/error-mapper.ts) turns them into HTTP answers.
// Services throw these and never import HTTP.

export type ErrorDetail = {
  /** The field path ("parties.1") or, for files, the column name. */
  field?: string;
  /** 1-based row of an uploaded file. */
  row?: number;
  column?: string;
  value?: unknown;
  message: string;
};

export type ErrorKind = "validation" | "unauthenticated" | "not_found" | "conflict" | "too_large" | "forbidden" | "rate_limited" | "unavailable";

export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly details: ErrorDetail[];
  constructor(kind: ErrorKind, code: string, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

export class ValidationFailed extends DomainError {
  constructor(details: ErrorDetail[], message = describeDetails(details), code = "validation.failed") {
    super("validation", code, message, details);
  }
}

export class NotFound extends DomainError {
  constructor(entity: string, id: string) {
    super("not_found", `${entity}.not_found`, `No ${entity} with id ${id}.`, [{ field: "id", value: id, message: "not found" }]);
  }
}

export class Conflict extends DomainError {
  constructor(code: string, message: string, details: ErrorDetail[] = []) {
    super("conflict", code, message, details);
  }
}

/** One field problem, the common case. */
export function invalid(field: string, message: string, value?: unknown): ValidationFailed {
  return new ValidationFailed([{ field, message, ...(value === undefined ? {} : { value }) }]);
}

function describeDetails(details: ErrorDetail[]): string {
  const first = details[0];
  if (!first) return "The input is not valid.";
  const where = first.row !== undefined ? `row ${first.row}${first.column ? `, column ${first.column}` : ""}` : first.field;
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? "s" : ""})` : "";
  return `${where ? `${where}: ` : ""}${first.message}${more}`;
}
