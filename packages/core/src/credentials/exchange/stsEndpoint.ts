/**
 * The STS endpoint as Alibaba's credentials libraries choose it: the profile's `sts_endpoint`, else
 * ALIBABA_CLOUD_STS_ENDPOINT (as ACK's RRSA webhook and the aliyun CLI set it), else
 * sts[-vpc].<region>.aliyuncs.com for `sts_region` / ALIBABA_CLOUD_STS_REGION (vpc with
 * ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=true), else sts.aliyuncs.com. A bare host gets https://; a URL
 * (http://127.0.0.1:<port> for a local stand-in) is used as it is.
 */
export function stsEndpoint(
  env: Readonly<Record<string, string | undefined>>,
  profileEndpoint?: string | undefined,
  profileRegion?: string | undefined,
): string {
  const given = profileEndpoint || env.ALIBABA_CLOUD_STS_ENDPOINT;
  if (given) return given.includes("://") ? given.replace(/\/+$/, "") : `https://${given}`;
  const region = profileRegion || env.ALIBABA_CLOUD_STS_REGION;
  if (!region) return "https://sts.aliyuncs.com";
  const vpc = env.ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED?.toLowerCase() === "true";
  return `https://sts${vpc ? "-vpc" : ""}.${region}.aliyuncs.com`;
}
