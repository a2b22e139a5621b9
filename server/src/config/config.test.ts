import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("configuration", () => {
  it("defaults to port 3000 and the embedded database in ./data", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, dataDir: "./data", databaseUrl: undefined, demo: "auto" });
  });

  it("lists every bad key at once", () => {
    try {
      loadConfig({ PORT: "eighty", SHANHAI_DEMO: "maybe" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.split(":")[0])).toEqual(["PORT", "SHANHAI_DEMO"]);
    }
  });
});
