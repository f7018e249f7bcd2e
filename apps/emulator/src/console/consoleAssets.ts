import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { dependencyFile, packagedFile } from "../packagedFile.js";

/** A static file of the console, with its compressed forms made once. */
interface Asset {
  readonly type: string;
  readonly raw: Buffer;
  readonly etag: string;
  brotli?: Buffer;
  gzip?: Buffer;
}

const TYPES: Record<string, string> = {
  ".html": "text/html;charset=utf-8",
  ".js": "text/javascript;charset=utf-8",
  ".css": "text/css;charset=utf-8",
  ".svg": "image/svg+xml",
};

/** The layout library, served from the package's node_modules under this name. */
export const LAYOUT_ASSET = "dagre.esm.js";

/**
 * The console's static files: the `console` folder shipped in the package (plain ES modules, CSS, the
 * page) and the layout library (@dagrejs/dagre's self-contained ES module). Read once, on first use;
 * answered compressed (brotli, else gzip) with an ETag, so a reload transfers only 304s.
 */
export class ConsoleAssets {
  private assets: Map<string, Asset> | undefined;

  /** Answers GET for an asset name; false when there is no such asset. */
  serve(req: IncomingMessage, res: ServerResponse, name: string): boolean {
    const asset = this.load().get(name);
    if (!asset) return false;
    const headers: Record<string, string | number> = {
      "content-type": asset.type,
      etag: asset.etag,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      vary: "accept-encoding",
    };
    if (name.endsWith(".html")) {
      // The page runs only its own scripts and talks only to the emulator.
      headers["content-security-policy"] =
        "default-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";
    }
    if (req.headers["if-none-match"] === asset.etag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    const accepts = String(req.headers["accept-encoding"] ?? "");
    let body = asset.raw;
    if (/\bbr\b/.test(accepts)) {
      asset.brotli ??= brotliCompressSync(asset.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      body = asset.brotli;
      headers["content-encoding"] = "br";
    } else if (/\bgzip\b/.test(accepts)) {
      asset.gzip ??= gzipSync(asset.raw, { level: 9 });
      body = asset.gzip;
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }

  private load(): Map<string, Asset> {
    if (this.assets) return this.assets;
    const root = packagedFile("console");
    const files = new Map<string, string>();
    for (const name of readdirSync(root)) if (/^[a-zA-Z][\w-]*\.(html|js|css|svg)$/.test(name)) files.set(name, join(root, name));
    files.set(LAYOUT_ASSET, dependencyFile("@dagrejs/dagre", LAYOUT_ASSET));
    const assets = new Map<string, Asset>();
    for (const [name, path] of files) {
      const raw = readFileSync(path);
      const type = TYPES[name.slice(name.lastIndexOf("."))]!;
      assets.set(name, { type, raw, etag: `"${createHash("sha256").update(raw).digest("base64url").slice(0, 22)}"` });
    }
    this.assets = assets;
    return assets;
  }
}
