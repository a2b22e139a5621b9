// Where a server's field error belongs in a form. The server names a field by its path in the request body
// ("title", "parties.1", "milestones.0.plannedOn"); the forms name their fields the same way, so an error goes to
// the deepest field the form shows at or above that path: "parties.1" to the parties select, "milestones.0.id"
// (no field of its own) to the milestone list. Errors that no field shows stay for the alert above the form.
import type { ErrorDetail } from "../api/client.ts";

export type FieldPath = (string | number)[];

/** "milestones.0.title" → ["milestones", 0, "title"]: list positions are numbers, as in the form's names. */
export function pathOf(field: string): FieldPath {
  return field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export const pathKey = (path: readonly (string | number)[]): string => path.join(".");

/** The deepest of the form's fields (given by their keys) at or above `path`, or undefined. */
export function fieldFor(path: FieldPath, shown: ReadonlySet<string>): FieldPath | undefined {
  for (let length = path.length; length > 0; length--) {
    const candidate = path.slice(0, length);
    if (shown.has(pathKey(candidate))) return candidate;
  }
  return undefined;
}

export type PlacedErrors<Message> = {
  /** Per field the form shows: its path and the messages for it, in the server's order. */
  byField: { path: FieldPath; messages: Message[] }[];
  /** The details no field shows. */
  rest: ErrorDetail[];
};

/** Sorts the server's details into those a field of the form shows and the rest. */
export function placeErrors<Message>(
  details: readonly ErrorDetail[],
  shown: ReadonlySet<string>,
  /** `exact` is false when the field shows the error of a part of it (one of the parties, say). */
  render: (detail: ErrorDetail, exact: boolean) => Message,
): PlacedErrors<Message> {
  const byKey = new Map<string, { path: FieldPath; messages: Message[] }>();
  const rest: ErrorDetail[] = [];
  for (const detail of details) {
    const path = detail.field ? fieldFor(pathOf(detail.field), shown) : undefined;
    if (!path) {
      rest.push(detail);
      continue;
    }
    const key = pathKey(path);
    const entry = byKey.get(key) ?? { path, messages: [] };
    entry.messages.push(render(detail, key === detail.field));
    byKey.set(key, entry);
  }
  return { byField: [...byKey.values()], rest };
}
