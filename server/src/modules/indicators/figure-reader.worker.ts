// The worker thread that reads figures files (figure-reader.ts): one request at a time, each answered by its
// events; an error that is not the file's is told as a failure, and the thread stays ready for the next file.
import { parentPort } from "node:worker_threads";
import { readFigureFile, type ReadRequest } from "./figure-reading.ts";

const port = parentPort;
if (!port) throw new Error("figure-reader.worker.ts runs as a worker thread");
port.on("message", (request: ReadRequest | "ready?") => {
  if (request === "ready?") {
    port.postMessage({ kind: "ready" });
    return;
  }
  readFigureFile(request, (event) => port.postMessage(event)).catch((error: unknown) => {
    port.postMessage({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
  });
});
