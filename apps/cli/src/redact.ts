/** What replaces a secret in every line dmsflow prints: the same marker as core's redaction. */
export const REDACTED = "***";

const SECRET_VARIABLES = [
  "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
  "ALIBABACLOUD_ACCESS_KEY_SECRET",
  "ALICLOUD_ACCESS_KEY_SECRET",
  "ACCESS_KEY_SECRET",
  "ALIBABA_CLOUD_SECURITY_TOKEN",
  "ALIBABACLOUD_SECURITY_TOKEN",
  "ALICLOUD_SECURITY_TOKEN",
  "SECURITY_TOKEN",
];

/**
 * Masks the secrets the environment holds, wherever they appear in a text. A last line of defence
 * for error messages: core already keeps secrets out of them.
 */
export function redactKnownSecrets(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
  extra: readonly string[] = [],
): string {
  let out = text;
  for (const secret of [...SECRET_VARIABLES.map((name) => env[name]), ...extra]) {
    // Very short values would mask ordinary words; real secrets are long.
    if (secret && secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  return out;
}
