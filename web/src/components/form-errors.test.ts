import { describe, expect, it } from "vitest";
import { fieldFor, pathOf, placeErrors } from "./form-errors.ts";

const shown = new Set(["nameZh", "parties", "milestones", "milestones.0.title", "milestones.1.plannedOn"]);

describe("placing the server's field errors on a form", () => {
  it("reads list positions in a path as numbers, as the form names them", () => {
    expect(pathOf("milestones.0.title")).toEqual(["milestones", 0, "title"]);
    expect(pathOf("nameZh")).toEqual(["nameZh"]);
  });

  it("puts an error on the deepest field the form shows at or above its path", () => {
    expect(fieldFor(["milestones", 0, "title"], shown)).toEqual(["milestones", 0, "title"]);
    expect(fieldFor(["parties", 1], shown)).toEqual(["parties"]);
    expect(fieldFor(["milestones", 2, "id"], shown)).toEqual(["milestones"]);
    expect(fieldFor(["stageOn"], shown)).toBeUndefined();
  });

  it("gathers the messages per field and keeps the rest for the alert", () => {
    const { byField, rest } = placeErrors(
      [
        { field: "parties.0", value: "330799", message: "no region with this code" },
        { field: "parties.1", value: "330784", message: "is listed twice" },
        { field: "milestones.0.title", message: "Too small" },
        { field: "stageOn", message: "only with a change of stage" },
        { message: "violates the rule x" },
      ],
      shown,
      (detail, exact) => `${exact ? "" : `${String(detail.value)}: `}${detail.message}`,
    );
    expect(byField).toEqual([
      {
        path: ["parties"],
        messages: ["330799: no region with this code", "330784: is listed twice"],
      },
      { path: ["milestones", 0, "title"], messages: ["Too small"] },
    ]);
    expect(rest.map((d) => d.field)).toEqual(["stageOn", undefined]);
  });
});
