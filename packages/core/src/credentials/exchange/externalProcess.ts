import { exec } from "node:child_process";
import { CredentialExchangeFailure } from "./CredentialExchangeFailure.js";
import type { ExchangeContext, ExchangedCredentials } from "./ExchangeContext.js";

/**
 * Credentials printed by an External profile's `process_command`, as the aliyun CLI runs it: JSON
 * {mode: "AK" | "StsToken", access_key_id, access_key_secret, sts_token?}. Neither its output nor
 * its stderr appears in a message: both may hold the secret.
 */
export async function externalProcess(command: string, context: ExchangeContext): Promise<ExchangedCredentials> {
  const fail = (why: string) =>
    new CredentialExchangeFailure(
      "CredentialExchangeRefused",
      `${context.where}: process_command ${why}; run it by hand to see why, then fix it or the profile.`,
    );
  const stdout = await new Promise<string>((resolve, reject) => {
    exec(command, { timeout: 60_000, maxBuffer: 1 << 20, windowsHide: true }, (error, out) => {
      if (error) reject(fail(error.killed ? "ran longer than 60 s" : `exited with code ${String(error.code ?? "unknown")}`));
      else resolve(out);
    });
  });
  let printed: Record<string, unknown>;
  try {
    printed = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    throw fail("did not print a JSON object");
  }
  const text = (name: string) =>
    typeof printed?.[name] === "string" && printed[name] !== "" ? (printed[name] as string) : undefined;
  const accessKeyId = text("access_key_id");
  const accessKeySecret = text("access_key_secret");
  const securityToken = text("sts_token");
  if (!accessKeyId || !accessKeySecret || (printed.mode === "StsToken" && !securityToken)) {
    throw fail("printed JSON without access_key_id, access_key_secret (and sts_token in StsToken mode)");
  }
  return { accessKeyId, accessKeySecret, securityToken: printed.mode === "StsToken" ? securityToken : undefined };
}
