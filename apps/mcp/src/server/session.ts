import type { DmsClient } from "@dmsflow/core";
import { ToolError } from "../tools/toolError.js";
import { type DryRunResult, DryRunStop, dryRunResult } from "./dryRun.js";

/** How a server treats changing operations. */
export interface ChangePolicy {
  /** Whether tools that change state may send (started with --allow-changes). */
  readonly allowChanges: boolean;
  /** Changing calls one session may send; dry runs do not count. */
  readonly maxChanges: number;
}

/** Makes the API clients of a session: the plain one, and one that stops every call after signing. */
export type ClientFactory = (mode: "send" | "dryRun") => DmsClient;

/**
 * One MCP session: its clients (made on first use, so listing tools needs no credentials) and its
 * budget of changing calls. Every changing call goes through `change`, which is the one place that
 * enforces read-only mode, the budget and dry runs.
 */
export class Session {
  readonly #clients = new Map<"send" | "dryRun", DmsClient>();
  #changesSent = 0;

  /**
   * @param policy read-only or not, and the budget.
   * @param makeClient creates a client for a mode.
   */
  constructor(
    readonly policy: ChangePolicy,
    private readonly makeClient: ClientFactory,
  ) {}

  /** The client that sends. */
  client(): DmsClient {
    return this.#client("send");
  }

  /** Changing calls this session may still send. */
  get changesLeft(): number {
    return Math.max(0, this.policy.maxChanges - this.#changesSent);
  }

  /**
   * Runs a changing call. With dryRun, `send` gets the dry-run client and the signed request comes
   * back instead of a result (allowed in read-only mode: nothing leaves the machine). Otherwise the
   * call needs --allow-changes and `calls` of the budget, taken before sending: a call that fails
   * may still have changed something.
   */
  async change<T>(tool: string, dryRun: boolean, send: (client: DmsClient) => Promise<T>, calls = 1): Promise<T | DryRunResult> {
    if (dryRun) {
      try {
        await send(this.#client("dryRun"));
      } catch (error) {
        if (error instanceof DryRunStop) return dryRunResult(error);
        throw error;
      }
      throw new ToolError("DryRunNotStopped", `${tool} finished without signing a request; nothing was sent.`);
    }
    this.authorize(tool, calls);
    this.#changesSent += calls;
    return send(this.client());
  }

  /** Throws unless `calls` changing calls may be sent now. */
  authorize(tool: string, calls: number): void {
    if (!this.policy.allowChanges) {
      throw new ToolError(
        "ChangesNotAllowed",
        `${tool} changes state, and this server is read-only. Pass dryRun: true to see the signed request without sending it, or restart the server with --allow-changes.`,
      );
    }
    if (calls > this.changesLeft) {
      throw new ToolError(
        "ChangeBudgetExhausted",
        `${tool} needs ${calls} changing call${calls === 1 ? "" : "s"} and this session has ${this.changesLeft} left of ${this.policy.maxChanges} (--max-changes). Start a new session or restart the server with a larger --max-changes.`,
      );
    }
  }

  /** Counts changing calls sent outside `change` (a bulk resume reports how many it made). */
  charge(calls: number): void {
    this.#changesSent += calls;
  }

  /** Closes the kept-alive connections of both clients. */
  close(): void {
    for (const client of this.#clients.values()) client.destroy();
    this.#clients.clear();
  }

  #client(mode: "send" | "dryRun"): DmsClient {
    let client = this.#clients.get(mode);
    if (client === undefined) {
      client = this.makeClient(mode);
      this.#clients.set(mode, client);
    }
    return client;
  }
}
