// A progress bar on stderr for long CLI work; on a non-terminal (CI logs) it prints a line every 10 %.
export type Progress = (done: number, total: number, label?: string) => void;

export function progressBar(title: string, stream: NodeJS.WriteStream = process.stderr): Progress & { finish(): void } {
  let lastTenth = -1;
  let last = "";
  const draw = (done: number, total: number, label = "") => {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const percent = Math.floor(fraction * 100);
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      last = `${title} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${percent}% ${done}/${total} ${label}`;
      stream.write(`\r${last}\u001b[K`);
    } else if (Math.floor(percent / 10) !== lastTenth) {
      lastTenth = Math.floor(percent / 10);
      stream.write(`${title}: ${percent}% (${done}/${total}) ${label}\n`);
    }
  };
  return Object.assign(draw, {
    finish() {
      if (stream.isTTY && last) stream.write("\n");
    },
  });
}
