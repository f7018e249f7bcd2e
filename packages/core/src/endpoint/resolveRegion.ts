/** Where `resolveRegion` looks. */
export interface RegionLookupOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The folder holding .aliyun/config.json (default: the user's home). */
  readonly homeDir?: string | undefined;
  /** The aliyun CLI profile; otherwise ALIBABA_CLOUD_PROFILE, then the file's `current`. */
  readonly profile?: string | undefined;
}

// The aliyun CLI's variables for the region, in its order (config/profile.go).
const REGION_VARIABLES = ["ALIBABA_CLOUD_REGION_ID", "ALIBABACLOUD_REGION_ID", "ALICLOUD_REGION_ID", "REGION_ID", "REGION"];

/**
 * The region when none was passed, found as the aliyun CLI finds it: its environment variables, then
 * the `region_id` of the profile in ~/.aliyun/config.json. Undefined when neither has one; a config
 * file that cannot be read or parsed is left to the credentials chain to report.
 */
export function resolveRegion(options: RegionLookupOptions): string | undefined {
  for (const name of REGION_VARIABLES) {
    const value = options.env[name];
    if (value) return value;
  }
  if (options.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED === "true") return undefined;
  const homeDir = options.homeDir ?? process.getBuiltinModule("node:os").homedir();
  const path = process.getBuiltinModule("node:path").join(homeDir, ".aliyun", "config.json");
  let config: { current?: unknown; profiles?: unknown };
  try {
    // Read once, when a client is made without a region; the file is small.
    config = JSON.parse(process.getBuiltinModule("node:fs").readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
  const wanted = options.profile ?? (options.env.ALIBABA_CLOUD_PROFILE || undefined) ?? config?.current ?? "default";
  const profiles = Array.isArray(config?.profiles) ? (config.profiles as { name?: unknown; region_id?: unknown }[]) : [];
  const region = profiles.find((p) => p?.name === wanted)?.region_id;
  return typeof region === "string" && region !== "" ? region : undefined;
}
