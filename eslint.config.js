// Lint: typescript-eslint's recommended rules, plus the one-door rule between domain modules (DESIGN §2.1).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", "data/**", "dist/**", "web/dist/**", "test-results/**", "coverage/**", ".scratch/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-empty": ["error", { allowEmptyCatch: false }],
    },
  },
  {
    // A module may use another module only through its index.ts.
    files: ["server/src/modules/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.\\./[a-z-]+/(?!index\\.ts$).+",
              message: "Import another module only through its index.ts (one door per module).",
            },
          ],
        },
      ],
    },
  },
);
