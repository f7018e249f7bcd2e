import type { DmsError } from "@dmsflow/core";

// Core's hints name client options; the CLI's user sets them with flags. Keyed by the error's
// `option`, so a hint core rewords still gets the flag, and a new option simply has no entry.
const FLAG_HINTS: ReadonlyMap<string, (code: string) => string> = new Map(
  Object.entries({
    regionId: () =>
      "Pass --region (e.g. cn-hangzhou), set ALIBABA_CLOUD_REGION_ID, set region_id in your aliyun CLI profile (`aliyun configure`), or pass --endpoint <url> for another region or a private endpoint.",
    credentials: () =>
      "Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, run `aliyun configure`, or pick an aliyun CLI profile with --profile <name>.",
    timeoutMs: (code) => (code === "WaiterTimeout" ? "Raise --timeout to wait longer." : "Raise --timeout or check the network."),
    retry: () => "Requests came too fast; slow down or raise --retries.",
  }),
);

/** The error's message with its hint in flags: core's `hint` replaced by the CLI's for the same option. */
export function messageInFlags(error: DmsError): string {
  const { hint, option } = error;
  const flags = option === undefined || hint === undefined ? undefined : FLAG_HINTS.get(option)?.(error.code);
  return flags === undefined ? error.message : error.message.replace(hint!, () => flags);
}
