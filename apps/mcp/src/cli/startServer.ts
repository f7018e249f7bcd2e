import { randomUUID } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { DmsClient, redactRequest } from "@dmsflow/core";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { createMcpServer, type McpServerOptions } from "../server/createServer.js";
import { dryRunMiddleware } from "../server/dryRun.js";
import type { McpArguments } from "./parseArguments.js";

// The variables core's environment credentials read; their values are masked in every answer.
const SECRET_VARIABLES = ["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN"];

/** Server options from the flags: clients from core's default credential chain, nothing echoed. */
export function serverOptions(
  args: McpArguments,
  env: Readonly<Record<string, string | undefined>>,
  version: string,
): McpServerOptions {
  return {
    allowChanges: args.allowChanges,
    maxChanges: args.maxChanges,
    version,
    secrets: SECRET_VARIABLES.map((name) => env[name] ?? "").filter(Boolean),
    makeClient(mode) {
      const client = new DmsClient({
        endpoint: args.endpoint,
        regionId: args.region,
        profile: args.profile,
        userAgent: `dmsflow-mcp/${version}`,
        env,
      });
      if (mode === "dryRun") client.middleware.add(dryRunMiddleware((request) => redactRequest(request, client.endpoint)));
      return client;
    },
  };
}

/** Serves one session over stdin/stdout. */
export async function serveStdio(options: McpServerOptions): Promise<void> {
  const { server } = createMcpServer(options);
  await server.connect(new StdioServerTransport());
}

/**
 * Serves streamable HTTP at http://127.0.0.1:<port>/mcp, one MCP session (and budget) per
 * initialize. Only loopback Host headers are accepted (DNS-rebinding protection).
 */
export async function serveHttp(options: McpServerOptions, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const allowedHosts: string[] = [];
  const http: HttpServer = createServer((req, res) => {
    if (new URL(req.url ?? "/", "http://127.0.0.1").pathname !== "/mcp") {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found: the MCP endpoint is /mcp"}');
      return;
    }
    const id = req.headers["mcp-session-id"];
    let transport = typeof id === "string" ? sessions.get(id) : undefined;
    if (transport === undefined) {
      transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: randomUUID,
        enableDnsRebindingProtection: true,
        allowedHosts,
        onsessioninitialized: (sessionId) => {
          sessions.set(sessionId, transport!);
        },
      });
      const { server } = createMcpServer(options);
      transport.onclose = () => {
        if (transport!.sessionId) sessions.delete(transport!.sessionId);
      };
      void server.connect(transport).then(() => transport!.handleRequest(req, res));
      return;
    }
    void transport.handleRequest(req, res);
  });
  await new Promise<void>((resolve) => http.listen(port, "127.0.0.1", resolve));
  const actual = (http.address() as AddressInfo).port;
  allowedHosts.push(`127.0.0.1:${actual}`, `localhost:${actual}`);
  return {
    url: `http://127.0.0.1:${actual}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of sessions.values()) void t.close();
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}
