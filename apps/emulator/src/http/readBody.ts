import type { IncomingMessage } from "node:http";

const EMPTY = Buffer.alloc(0);

/** The client closed its connection before its body was read whole. */
export class ClientClosedError extends Error {
  override readonly name = "ClientClosedError";
  constructor() {
    super("The client closed the connection before its request body was read.");
  }
}

/**
 * Reads a request body up to `limit` bytes; resolves undefined when it is larger (the rest is not
 * read). Rejects with ClientClosedError when the client goes away first, even before the listeners
 * are attached (Node emits no error then, and the promise would wait forever).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) return Promise.resolve(undefined);
  if (req.destroyed && !req.complete) return Promise.reject(new ClientClosedError());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (done) return;
      done = true;
      resolve(chunks.length === 0 ? EMPTY : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    });
    req.on("error", (error) => {
      if (done) return;
      done = true;
      reject(req.complete ? error : new ClientClosedError());
    });
    req.on("close", () => {
      if (done) return;
      done = true;
      reject(new ClientClosedError());
    });
  });
}
