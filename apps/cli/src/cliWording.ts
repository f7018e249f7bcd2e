// Core speaks to programmers (option names); the CLI's user types flags. Each pair rewrites one
// phrase of core's messages; a phrase core no longer uses simply never matches.
const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/pass regionId \(e\.g\. ([\w-]+)\)/, "pass --region (e.g. $1)"],
  [/or pass endpoint \(a full URL\)/, "or pass --endpoint <url>"],
  [/pass endpoint, e\.g\. endpoint: "([^"]+)"/, "pass --endpoint, e.g. --endpoint $1"],
  [/, or pass credentials\./, ", or pick an aliyun CLI profile with --profile <name>."],
  [/Raise timeoutMs to wait longer\./, "Raise --timeout to wait longer."],
  [/raise retry\.maxAttempts/, "raise --retries"],
];

/** Rewrites core's option names in an error message into the dmsflow flags that set them. */
export function cliWording(message: string): string {
  let out = message;
  for (const [phrase, replacement] of PHRASES) out = out.replace(phrase, replacement);
  return out;
}
