// Labels of the console's settlements pages in zh-CN; settlements.en-US.ts has the same keys (catalogue.test.ts checks).
export const settlementsZhCN = {
} as const;
