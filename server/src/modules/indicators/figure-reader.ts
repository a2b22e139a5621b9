// Figures files are read and checked in worker threads (figure-reading.ts), so that an import writes the rows
// already checked while the rest of its file is read, and the server answers other requests meanwhile. A thread
// stays for the next file once it is done; a thread is started per file read at the same time. A thread's start
// (loading the workbook reader) takes about a third of a second: the server starts one ready (`warm`).
import { Worker } from "node:worker_threads";
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
      if (closed) void worker.terminate();
      else idle.push(worker);
    },
    async close() {
      closed = true;
      await Promise.all([...idle.splice(0), ...busy].map((w) => w.terminate()));
    },
  };
}
