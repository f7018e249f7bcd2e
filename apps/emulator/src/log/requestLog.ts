/** Where log lines go: one JSON object per line, without the trailing newline. */
export type LogSink = (line: string) => void;

/**
 * How a request ended when it is not an ordinary answer: the client closed its connection first
 * (nothing was sent), or its connection was over the connection limits (answered 503).
 */
export type RequestOutcome = "clientClosed" | "connectionLimit";

function levelOf(entry: RequestLogEntry): string {
  if (entry.outcome === "connectionLimit") return "warn";
  return entry.status >= 500 ? "error" : "info";
}

/** What is logged about one request. Never a secret, a security token or a signature. */
export interface RequestLogEntry {
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  readonly action?: string | undefined;
  readonly accessKeyId?: string | undefined;
  readonly signature?: "v3" | "v1" | undefined;
  readonly status: number;
  /** The gateway or business error code, when there was one. */
  readonly code?: string | undefined;
  readonly latencyMs: number;
  /** The injected fault, when there was one. */
  readonly fault?: string | undefined;
  /** For an unexpected failure (a bug): the error's message. */
  readonly error?: string | undefined;
  /** Set when the client had gone (no answer; status 0) or the connection was over the limits (503). */
  readonly outcome?: RequestOutcome | undefined;
}

/** Writes one JSON line per request to the sink. */
export class RequestLogger {
  constructor(
    private readonly sink: LogSink,
    private readonly clock: () => number,
  ) {}

  /** Logs a handled request. Built as text field by field: this runs for every request. */
  request(entry: RequestLogEntry): void {
    let line = `{"time":"${new Date(this.clock()).toISOString()}","level":"${levelOf(entry)}","msg":"request"`;
    line += `,"requestId":"${entry.requestId}","method":${JSON.stringify(entry.method)},"path":${JSON.stringify(entry.path)}`;
    if (entry.action !== undefined) line += `,"action":${JSON.stringify(entry.action)}`;
    if (entry.accessKeyId !== undefined) line += `,"accessKeyId":${JSON.stringify(entry.accessKeyId)}`;
    if (entry.signature !== undefined) line += `,"signature":"${entry.signature}"`;
    line += `,"status":${entry.status}`;
    if (entry.code !== undefined) line += `,"code":${JSON.stringify(entry.code)}`;
    line += `,"latencyMs":${Math.round(entry.latencyMs * 1000) / 1000}`;
    if (entry.fault !== undefined) line += `,"fault":"${entry.fault}"`;
    if (entry.error !== undefined) line += `,"error":${JSON.stringify(entry.error)}`;
    if (entry.outcome !== undefined) line += `,"outcome":"${entry.outcome}"`;
    this.sink(`${line}}`);
  }

  /** Logs an event of the emulator itself (start, seed, shutdown). */
  event(msg: string, fields: Record<string, unknown> = {}): void {
    this.sink(JSON.stringify({ time: new Date(this.clock()).toISOString(), level: "info", msg, ...fields }));
  }
}
