// Labels of the console's chains pages in zh-CN; chains.en-US.ts has the same keys (catalogue.test.ts checks).
export const chainsZhCN = {
} as const;
