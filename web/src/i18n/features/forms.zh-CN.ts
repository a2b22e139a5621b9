// Labels of the console's forms pages in zh-CN; forms.en-US.ts has the same keys (catalogue.test.ts checks).
export const formsZhCN = {
} as const;
