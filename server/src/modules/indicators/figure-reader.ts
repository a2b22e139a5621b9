// Figures files are read and checked in worker threads (figure-reading.ts), so that an import writes the rows
// already checked while the rest of its file is read, and the server answers other requests meanwhile. A thread
// stays for the next file once it is done; a thread is started per file read at the same time. A thread's start
// (loading the workbook reader) takes about a third of a second, and its first file runs its code cold: the
// server starts one ready and reads a small file through it (`warm`).
import { Worker } from "node:worker_threads";
import ExcelJS from "exceljs";
import { systemActor } from "../../platform/actor.ts";
import type { ReadEvent, ReadRequest } from "./figure-reading.ts";

export type FigureReader = {
  /** The file's events, up to its end (or an unreadable file); a failure of the thread is thrown. */
  read(request: ReadRequest): AsyncIterable<ReadEvent>;
  /** Starts a thread ready for the next file. */
  warm(): Promise<void>;
  close(): Promise<void>;
};

type Told = ReadEvent | { kind: "ready" } | { kind: "failed"; message: string };

const workerFile = new URL("./figure-reader.worker.ts", import.meta.url);

/** A few hundred rows of figures of an enterprise the (empty) register does not know: every path of a read. */
async function practiceFile(): Promise<ReadRequest> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("指标");
  sheet.addRow(["永康—武义飞地 月报"]);
  sheet.addRow(["统一社会信用代码", "月份", "指标", "金额（万元）"]);
  for (let i = 0; i < 500; i += 1) sheet.addRow(["91330723MA2HXXXX0X", `2024-${String((i % 12) + 1).padStart(2, "0")}`, "增值税地方留成", i / 100]);
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return { file: { fileName: "practice.xlsx", bytes }, registers: { enterprises: [], enclaves: [] }, units: [], actor: systemActor("figures reader"), partRows: 100 };
}

export function createFigureReader(): FigureReader {
  const idle: Worker[] = [];
  const busy = new Set<Worker>();
  let closed = false;

  async function start(): Promise<Worker> {
    const worker = new Worker(workerFile);
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => reject(error instanceof Error ? error : new Error(`the figures reader stopped (${String(error)})`));
      worker.once("error", fail);
      worker.once("exit", fail);
      worker.once("message", () => {
        worker.off("error", fail);
        worker.off("exit", fail);
        resolve();
      });
      worker.postMessage("ready?");
    });
    return worker;
  }

  async function* read(request: ReadRequest): AsyncGenerator<ReadEvent> {
    if (closed) throw new Error("the figures reader is closed");
    const worker = idle.pop() ?? (await start());
    worker.ref();
    busy.add(worker);
    const queue: Told[] = [];
    let failure: Error | undefined;
    let wake: (() => void) | undefined;
    const onMessage = (told: Told) => {
      queue.push(told);
      wake?.();
    };
    const onGone = (error: unknown) => {
      failure = error instanceof Error ? error : new Error(`the figures reader stopped (exit ${String(error)})`);
      wake?.();
    };
    worker.on("message", onMessage);
    worker.on("error", onGone);
    worker.on("exit", onGone);
    let finished = false;
    try {
      worker.postMessage(request);
      for (;;) {
        const told = queue.shift();
        if (!told) {
          if (failure) throw failure;
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        if (told.kind === "ready") continue;
        if (told.kind === "failed") throw new Error(`reading the file failed: ${told.message}`);
        yield told;
        if (told.kind === "end" || told.kind === "unreadable") {
          finished = true;
          return;
        }
      }
    } finally {
      worker.off("message", onMessage);
      worker.off("error", onGone);
      worker.off("exit", onGone);
      busy.delete(worker);
      // A thread left in the middle of a file (its reader stopped early, or it failed) is not used again.
      if (finished && !closed && !failure) {
        worker.unref();
        idle.push(worker);
      } else void worker.terminate();
    }
  }

  return {
    read,
    async warm() {
      if (closed || idle.length > 0) return;
      const worker = await start();
      worker.unref();
      if (closed) {
        void worker.terminate();
        return;
      }
      idle.push(worker);
      // A small file read through it first, so that the reader's code is compiled before the first real file.
      for await (const event of read(await practiceFile())) void event;
    },
    async close() {
      closed = true;
      await Promise.all([...idle.splice(0), ...busy].map((w) => w.terminate()));
    },
  };
}
