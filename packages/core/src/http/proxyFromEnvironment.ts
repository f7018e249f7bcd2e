import { DmsConfigError } from "../errors/localErrors.js";

/** A forward proxy to send requests through. */
export interface ProxySettings {
  /** The proxy's host name. */
  readonly hostname: string;
  /** The proxy's port. */
  readonly port: number;
  /** `Basic …` when the proxy URL carried a user name and password (a secret; never logged). */
  readonly authorization: string | undefined;
  /** `http://host:port` without credentials, for messages. */
  readonly display: string;
}

/** Where a request goes, as far as choosing a proxy is concerned. */
export interface ProxyTarget {
  /** `https:` or `http:`. */
  readonly protocol: string;
  /** The target's host name. */
  readonly hostname: string;
  /** The target's port. */
  readonly port: number;
}

/**
 * Picks the proxy for a target the way curl does: `https_proxy`/`HTTPS_PROXY` for https targets,
 * `http_proxy`/`HTTP_PROXY` for http ones (lower case first), unless `no_proxy`/`NO_PROXY`
 * matches the host.
 */
export function proxyFor(target: ProxyTarget, env: Readonly<Record<string, string | undefined>>): ProxySettings | undefined {
  const https = target.protocol === "https:";
  const url = https ? env.https_proxy || env.HTTPS_PROXY : env.http_proxy || env.HTTP_PROXY;
  if (!url) return undefined;
  if (bypassesProxy(target.hostname, target.port, env.no_proxy ?? env.NO_PROXY ?? "")) return undefined;
  return parseProxy(url, https ? "HTTPS_PROXY" : "HTTP_PROXY");
}

/** Whether a NO_PROXY list (commas or spaces; `*`, host, `.domain`, `host:port`, IP) covers a host. */
export function bypassesProxy(hostname: string, port: number, noProxy: string): boolean {
  const host = hostname.toLowerCase();
  for (const raw of noProxy.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (entry === "") continue;
    if (entry === "*") return true;
    const colon = entry.lastIndexOf(":");
    if (colon > 0 && !entry.includes("]") && /^\d+$/.test(entry.slice(colon + 1)) && entry.indexOf(":") === colon) {
      if (Number(entry.slice(colon + 1)) !== port) continue;
      entry = entry.slice(0, colon);
    }
    if (entry.startsWith("[") && entry.endsWith("]")) entry = entry.slice(1, -1);
    if (entry.startsWith("*.")) entry = entry.slice(1);
    if (entry.startsWith(".")) {
      if (host.endsWith(entry) || host === entry.slice(1)) return true;
    } else if (host === entry || host.endsWith(`.${entry}`)) {
      return true;
    }
  }
  return false;
}

/** Parses an http:// proxy URL (scheme optional); throws DmsConfigError naming `option` when it is not one. */
export function parseProxy(text: string, option: string): ProxySettings {
  let url: URL;
  try {
    url = new URL(text.includes("://") ? text : `http://${text}`);
  } catch {
    throw new DmsConfigError(option, `${option} is not a URL; use e.g. http://proxy.example.com:3128.`);
  }
  if (url.protocol !== "http:") {
    throw new DmsConfigError(option, `${option} must be an http:// proxy (it may tunnel https), got ${url.protocol}//.`);
  }
  const authorization =
    url.username || url.password
      ? `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString("base64")}`
      : undefined;
  const hostname = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return { hostname, port: url.port ? Number(url.port) : 80, authorization, display: `http://${url.host}` };
}
