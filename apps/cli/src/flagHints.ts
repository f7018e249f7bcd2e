import type { DmsError } from "@dmsflow/core";

// Core's hints name client options; the CLI's user sets them with flags. Keyed by the error's
// `option`, so a hint core rewords still gets the flag, and an option with no flag has no entry.
const FLAG_HINTS: ReadonlyMap<string, string> = new Map([
  [
    "regionId",
    "Pass --region (e.g. cn-hangzhou), set ALIBABA_CLOUD_REGION_ID, set region_id in your aliyun CLI profile (`aliyun configure`), or pass --endpoint <url> for another region or a private endpoint.",
  ],
  [
    "credentials",
    "Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, run `aliyun configure`, or pick an aliyun CLI profile with --profile <name>.",
  ],
  ["timeoutMs", "Raise --timeout to wait longer."],
  ["locate", "Give --locate listing to learn the ID from the flow's manual runs ('dmsflow instances' lists them)."],
]);

/** The error's message with its hint in flags: core's `hint` replaced by the CLI's for the same option. */
export function messageInFlags(error: DmsError): string {
  const { hint, option } = error;
  const flags = option === undefined ? undefined : FLAG_HINTS.get(option);
  // A literal replacement of the hint core says its message contains, not a search for its wording.
  return hint === undefined || flags === undefined ? error.message : error.message.replace(hint, () => flags);
}
