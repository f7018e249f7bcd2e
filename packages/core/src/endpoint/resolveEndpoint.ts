import { DmsConfigError } from "../errors/localErrors.js";
import { KNOWN_REGIONS } from "./knownRegions.js";

/** Which network to reach the API over: the public endpoint or the VPC one. */
export type DmsNetwork = "public" | "vpc";

/** What decides the endpoint. */
export interface EndpointOptions {
  /** The region ID, e.g. `cn-hangzhou`. */
  readonly regionId?: string | undefined;
  /** A full URL (`http://127.0.0.1:8080` for the emulator) or a bare host (HTTPS); wins over regionId. */
  readonly endpoint?: string | undefined;
  /** `public` (default) or `vpc`. */
  readonly network?: DmsNetwork | undefined;
}

/** Where requests go, split the way node:http wants it. */
export interface ResolvedEndpoint {
  /** `https:` or `http:`. */
  readonly protocol: "https:" | "http:";
  /** The host name without port, e.g. `dms-enterprise.cn-hangzhou.aliyuncs.com` or `127.0.0.1`. */
  readonly hostname: string;
  /** The TCP port. */
  readonly port: number;
  /** The Host header value: hostname, plus `:port` when it is not the scheme's default. */
  readonly host: string;
  /** `protocol//host`, for messages. */
  readonly origin: string;
}

/**
 * Resolves the endpoint: an explicit `endpoint` wins; otherwise
 * `https://dms-enterprise[-vpc].<regionId>.aliyuncs.com` for a known region. Throws DmsConfigError.
 */
export function resolveEndpoint(options: EndpointOptions): ResolvedEndpoint {
  const network = options.network ?? "public";
  if (network !== "public" && network !== "vpc") {
    throw new DmsConfigError("network", `network must be "public" or "vpc", got ${JSON.stringify(network)}.`);
  }
  if (options.endpoint !== undefined) return parseEndpoint(options.endpoint);
  const regionId = options.regionId;
  if (regionId === undefined || regionId === "") {
    const hint =
      "Pass regionId (e.g. cn-hangzhou), set ALIBABA_CLOUD_REGION_ID, set region_id in your aliyun CLI profile (`aliyun configure`), or pass endpoint (a full URL).";
    throw new DmsConfigError("regionId", `No region. ${hint}`, hint);
  }
  const region = KNOWN_REGIONS.find((r) => r.id === regionId);
  if (!region) {
    const suggestion = /^[a-z]+(-[a-z0-9]+)+$/.test(regionId)
      ? `https://dms-enterprise.${regionId}.aliyuncs.com`
      : "https://dms-enterprise.<region>.aliyuncs.com";
    const hint = `For another region or a private endpoint pass endpoint, e.g. endpoint: "${suggestion}".`;
    throw new DmsConfigError(
      "regionId",
      `Unknown DMS region ${JSON.stringify(regionId)}. Known regions: ${KNOWN_REGIONS.map((r) => r.id).join(", ")}. ${hint}`,
      hint,
    );
  }
  if (network === "vpc" && !region.vpc) {
    const withVpc = KNOWN_REGIONS.filter((r) => r.vpc).map((r) => r.id);
    throw new DmsConfigError(
      "network",
      `Region ${regionId} has no DMS VPC endpoint. Use network: "public", or one of: ${withVpc.join(", ")}; or pass endpoint.`,
    );
  }
  const hostname = `dms-enterprise${network === "vpc" ? "-vpc" : ""}.${regionId}.aliyuncs.com`;
  return { protocol: "https:", hostname, port: 443, host: hostname, origin: `https://${hostname}` };
}

function parseEndpoint(endpoint: string): ResolvedEndpoint {
  if (typeof endpoint !== "string" || endpoint.trim() === "") {
    throw new DmsConfigError("endpoint", "endpoint must be a URL such as https://dms-enterprise.cn-hangzhou.aliyuncs.com.");
  }
  const text = endpoint.includes("://") ? endpoint : `https://${endpoint}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DmsConfigError("endpoint", `endpoint ${JSON.stringify(endpoint)} is not a URL; use e.g. http://127.0.0.1:8080.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new DmsConfigError("endpoint", `endpoint must use http:// or https://, got ${url.protocol}//.`);
  }
  if (url.username || url.password) {
    throw new DmsConfigError("endpoint", "endpoint must not carry a user name or password; pass credentials instead.");
  }
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
    throw new DmsConfigError(
      "endpoint",
      `endpoint must be a bare origin without path or query, e.g. ${url.protocol}//${url.host}.`,
    );
  }
  const protocol = url.protocol;
  const port = url.port ? Number(url.port) : protocol === "https:" ? 443 : 80;
  // URL keeps IPv6 literals bracketed in hostname; node:http wants them bare.
  const hostname = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return { protocol, hostname, port, host: url.host, origin: `${protocol}//${url.host}` };
}
