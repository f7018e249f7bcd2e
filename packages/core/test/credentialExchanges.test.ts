import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@dmsflow/emulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CredentialCache,
  DmsClient,
  type DmsCredentials,
  DmsCredentialsError,
  getUserActiveTenant,
  resolveCredentials,
} from "../src/index.js";
import { type StandInSettings, startCredentialEndpoints } from "./fixtures/credentialEndpoints.js";
import { cliConfig, tempHome } from "./fixtures/tempHome.js";

// Every mode against a real HTTP stand-in on 127.0.0.1 for STS, the ECS metadata service, a
// credentials URI and CloudSSO, reached through the endpoint overrides the official tools read.
let endpoints: Awaited<ReturnType<typeof startCredentialEndpoints>>;
const DEFAULTS: Partial<StandInSettings> = {
  imdsV2: true,
  stsRefusal: undefined,
  ttlSeconds: 3600,
  uriStatus: 200,
  fixed: undefined,
};
beforeAll(async () => {
  endpoints = await startCredentialEndpoints();
});
afterAll(() => endpoints.close());
beforeEach(() => {
  endpoints.seen.length = 0;
  Object.assign(endpoints.settings, DEFAULTS, { sourceKeys: { "source-id": "source-secret" } });
});

const homes: ReturnType<typeof tempHome>[] = [];
const home = (files: Record<string, string> = {}) => {
  const h = tempHome(files);
  homes.push(h);
  return h;
};
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});

const ROLE = "acs:ram::1234567890:role/dms-operator";
const env = () => ({ ALIBABA_CLOUD_STS_ENDPOINT: endpoints.url, ALIBABA_CLOUD_IMDS_ENDPOINT: endpoints.url });
const profiles = (...list: Record<string, unknown>[]) => ({ ".aliyun/config.json": cliConfig(String(list[0]!.name), list) });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as DmsCredentialsError,
  );

/** Every secret the stand-in and the tests know: none may appear in a message. */
const SECRETS = ["source-secret", "source-token", "issued-secret", "issued-token", "oidc-token-from-the-pod", "sso-access-token"];
function expectNoSecret(error: unknown) {
  const text = `${(error as Error).message} ${JSON.stringify(error)}`;
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describe("RamRoleArn and ChainableRamRoleArn: STS AssumeRole signed with V1 by the source credentials", () => {
  it("assumes the profile's role with its AccessKey; the stand-in verifies the signature with core's signer", async () => {
    const h = home(
      profiles({
        name: "ops",
        mode: "RamRoleArn",
        access_key_id: "source-id",
        access_key_secret: "source-secret",
        ram_role_arn: ROLE,
        ram_session_name: "nightly-resume",
        expired_seconds: 900,
      }),
    );
    const credentials = await resolveCredentials({ env: env(), homeDir: h.dir });
    expect(credentials).toMatchObject({
      accessKeyId: expect.stringMatching(/^STS\.issued-\d+$/),
      securityToken: `issued-token-${endpoints.issued()}`,
      source: expect.stringMatching(/^aliyun CLI profile "ops" \(.*config\.json\), mode RamRoleArn$/),
    });
    expect(Date.parse(String(credentials.expiration))).toBeGreaterThan(Date.now());
    const [call] = endpoints.seen;
    expect(call).toMatchObject({ signatureValid: true, method: "POST" });
    expect(call!.params).toMatchObject({
      Action: "AssumeRole",
      Version: "2015-04-01",
      AccessKeyId: "source-id",
      SignatureMethod: "HMAC-SHA1",
      RoleArn: ROLE,
      RoleSessionName: "nightly-resume",
      DurationSeconds: "900",
    });
    expect(call!.params.SecurityToken).toBeUndefined();
  });

  it("signs with the source's security token too, and chains through source_profile", async () => {
    endpoints.settings.sourceKeys["STS.issued-base"] = "unused";
    const h = home(
      profiles(
        { name: "chained", mode: "ChainableRamRoleArn", source_profile: "sts", ram_role_arn: ROLE },
        {
          name: "sts",
          mode: "StsToken",
          access_key_id: "source-id",
          access_key_secret: "source-secret",
          sts_token: "source-token",
        },
      ),
    );
    await expect(resolveCredentials({ env: env(), homeDir: h.dir })).resolves.toMatchObject({
      source: expect.stringMatching(/mode ChainableRamRoleArn$/),
    });
    expect(endpoints.seen[0]).toMatchObject({ signatureValid: true, params: { SecurityToken: "source-token", RoleArn: ROLE } });
    expect(endpoints.seen[0]!.params.RoleSessionName).toMatch(/^dmsflow-\d+$/);
  });

  it("refuses a source_profile loop, naming the profiles", async () => {
    const h = home(
      profiles(
        { name: "a", mode: "ChainableRamRoleArn", source_profile: "b", ram_role_arn: ROLE },
        { name: "b", mode: "ChainableRamRoleArn", source_profile: "a", ram_role_arn: ROLE },
      ),
    );
    const error = await failure(resolveCredentials({ env: env(), homeDir: h.dir }));
    expect(error).toBeInstanceOf(DmsCredentialsError);
    expect(error).toMatchObject({ code: "InvalidCredentialSettings" });
    expect(error!.message).toMatch(/^aliyun CLI profiles "a" -> "b" -> "a" name each other as source_profile in a loop/);
    expect(endpoints.seen).toHaveLength(0);
  });

  it("reports STS's refusal by code, with the mode, the profile, the role and what to check; never a secret", async () => {
    const h = home(
      profiles({
        name: "ops",
        mode: "RamRoleArn",
        access_key_id: "source-id",
        access_key_secret: "not-the-secret",
        sts_token: "source-token",
        ram_role_arn: ROLE,
      }),
    );
    const error = await failure(resolveCredentials({ env: env(), homeDir: h.dir }));
    expect(error).toBeInstanceOf(DmsCredentialsError);
    expect(error).toMatchObject({ code: "CredentialExchangeRefused" });
    expect(error!.message).toBe(
      `aliyun CLI profile "ops" (RamRoleArn): STS AssumeRole for ${ROLE} at ${endpoints.url} answered HTTP 400 SignatureDoesNotMatch (request id stand-in-1); check that the source AccessKey may call sts:AssumeRole on the role and that the role's trust policy names its account.`,
    );
    expectNoSecret(error);
    endpoints.settings.stsRefusal = { status: 403, code: "NoPermission" };
    const h2 = home(
      profiles({ name: "ops", mode: "RamRoleArn", access_key_id: "source-id", access_key_secret: "source-secret" }),
    );
    const incomplete = await failure(resolveCredentials({ env: env(), homeDir: h2.dir }));
    expect(incomplete!.message).toBe(
      'aliyun CLI profile "ops" (RamRoleArn) has no ram_role_arn; run `aliyun configure --mode RamRoleArn --profile ops`.',
    );
  });

  it("says which STS it could not reach, without the path", async () => {
    const h = home(
      profiles({
        name: "ops",
        mode: "RamRoleArn",
        access_key_id: "source-id",
        access_key_secret: "source-secret",
        ram_role_arn: ROLE,
      }),
    );
    const error = await failure(
      resolveCredentials({ env: { ALIBABA_CLOUD_STS_ENDPOINT: "http://127.0.0.1:9" }, homeDir: h.dir }),
    );
    expect(error).toMatchObject({ code: "CredentialEndpointUnreachable" });
    expect(error!.message).toMatch(
      /^aliyun CLI profile "ops" \(RamRoleArn\): STS AssumeRole at http:\/\/127\.0\.0\.1:9 did not answer \(ECONNREFUSED\)/,
    );
  });
});

describe("EcsRamRole: the metadata service, hardened mode (IMDSv2) first", () => {
  it("takes a session token, asks the role's name, then its credentials, each with the token", async () => {
    const h = home(profiles({ name: "ecs", mode: "EcsRamRole" }));
    const credentials = await resolveCredentials({ env: env(), homeDir: h.dir });
    expect(credentials).toMatchObject({
      accessKeyId: expect.stringMatching(/^STS\.issued-\d+$/),
      source: expect.stringMatching(/mode EcsRamRole$/),
    });
    expect(endpoints.seen.map((r) => `${r.method} ${r.path} ${r.headers["x-aliyun-ecs-metadata-token"] ?? "-"}`)).toEqual([
      "PUT /latest/api/token -",
      "GET /latest/meta-data/ram/security-credentials/ imds-session-token",
      "GET /latest/meta-data/ram/security-credentials/dms-operator imds-session-token",
    ]);
    expect(endpoints.seen[0]!.headers["x-aliyun-ecs-metadata-token-ttl-seconds"]).toBe("21600");
  });

  it("falls back to plain reads when hardened mode is off, unless ALIBABA_CLOUD_IMDSV1_DISABLED=true", async () => {
    endpoints.settings.imdsV2 = false;
    const h = home(profiles({ name: "ecs", mode: "EcsRamRole", ram_role_name: "dms-operator" }));
    await expect(resolveCredentials({ env: env(), homeDir: h.dir })).resolves.toMatchObject({
      securityToken: expect.any(String),
    });
    expect(endpoints.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      "PUT /latest/api/token",
      "GET /latest/meta-data/ram/security-credentials/dms-operator",
    ]);
    const error = await failure(resolveCredentials({ env: { ...env(), ALIBABA_CLOUD_IMDSV1_DISABLED: "true" }, homeDir: h.dir }));
    expect(error).toMatchObject({ code: "CredentialExchangeRefused" });
    expect(error!.message).toMatch(
      /^aliyun CLI profile "ecs" \(EcsRamRole\): the ECS metadata service \(IMDSv2 token\) at http:\/\/127\.0\.0\.1:\d+ answered HTTP 403 and ALIBABA_CLOUD_IMDSV1_DISABLED=true forbids the plain mode/,
    );
  });

  it("is in the default chain when ALIBABA_CLOUD_ECS_METADATA names the role; a wrong role says what to check", async () => {
    const h = home();
    await expect(
      resolveCredentials({ env: { ...env(), ALIBABA_CLOUD_ECS_METADATA: "dms-operator" }, homeDir: h.dir }),
    ).resolves.toMatchObject({
      source: "ECS RAM role dms-operator",
    });
    const error = await failure(resolveCredentials({ env: { ...env(), ALIBABA_CLOUD_ECS_METADATA: "other" }, homeDir: h.dir }));
    expect(error!.message).toMatch(
      /^environment \(EcsRamRole, ALIBABA_CLOUD_ECS_METADATA\): the ECS metadata service \(role other\) at .* answered HTTP 404; check that a RAM role is attached to this ECS instance and is named other\.$/,
    );
  });
});

describe("OIDC (RRSA on ACK): AssumeRoleWithOIDC with the token file", () => {
  it("reads ALIBABA_CLOUD_ROLE_ARN, _OIDC_PROVIDER_ARN and _OIDC_TOKEN_FILE before the profiles, unsigned", async () => {
    const h = home({
      token: "oidc-token-from-the-pod\n",
      ...profiles({ name: "d", mode: "AK", access_key_id: "x", access_key_secret: "y" }),
    });
    const oidcEnv = {
      ...env(),
      ALIBABA_CLOUD_ROLE_ARN: ROLE,
      ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "acs:ram::1234567890:oidc-provider/ack-rrsa-c1",
      ALIBABA_CLOUD_OIDC_TOKEN_FILE: `${h.dir}/token`,
      ALIBABA_CLOUD_ROLE_SESSION_NAME: "pod-7",
    };
    await expect(resolveCredentials({ env: oidcEnv, homeDir: h.dir })).resolves.toMatchObject({
      accessKeyId: expect.stringMatching(/^STS\.issued-\d+$/),
      source: "environment (OIDC, ALIBABA_CLOUD_ROLE_ARN)",
    });
    expect(endpoints.seen[0]!.params).toMatchObject({
      Action: "AssumeRoleWithOIDC",
      OIDCProviderArn: "acs:ram::1234567890:oidc-provider/ack-rrsa-c1",
      OIDCToken: "oidc-token-from-the-pod",
      RoleArn: ROLE,
      RoleSessionName: "pod-7",
    });
    expect(endpoints.seen[0]!.params.Signature).toBeUndefined();
    const { ALIBABA_CLOUD_ROLE_ARN: _dropped, ...incomplete } = oidcEnv;
    const error = await failure(resolveCredentials({ env: incomplete, homeDir: h.dir }));
    expect(error).toMatchObject({ code: "IncompleteCredentials" });
    expect(error!.message).toBe(
      "environment (OIDC): ALIBABA_CLOUD_ROLE_ARN is not set; OIDC (RRSA) needs all of ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE.",
    );
  });

  it("works as an OIDC profile; a refused token is reported by code, never quoted", async () => {
    const h = home({
      token: "a-stale-token",
      ...profiles({ name: "pod", mode: "OIDC", ram_role_arn: ROLE, oidc_provider_arn: "acs:ram::1:oidc-provider/p" }),
    });
    const incomplete = await failure(resolveCredentials({ env: env(), homeDir: h.dir }));
    expect(incomplete!.message).toBe(
      'aliyun CLI profile "pod" (OIDC) has no oidc_token_file; run `aliyun configure --mode OIDC --profile pod`.',
    );
    const h2 = home({ token: "a-stale-token" });
    h2.write(
      ".aliyun/config.json",
      cliConfig("pod", [
        {
          name: "pod",
          mode: "OIDC",
          ram_role_arn: ROLE,
          oidc_provider_arn: "acs:ram::1:oidc-provider/p",
          oidc_token_file: `${h2.dir}/token`,
        },
      ]),
    );
    const error = await failure(resolveCredentials({ env: env(), homeDir: h2.dir }));
    expect(error!.message).toMatch(
      /^aliyun CLI profile "pod" \(OIDC\): STS AssumeRoleWithOIDC for .* answered HTTP 400 AuthenticationFail\.OIDCToken\.Invalid \(request id stand-in-2\); check the role's trust policy/,
    );
    expect(error!.message).not.toContain("a-stale-token");
    endpoints.settings.oidcToken = "a-stale-token";
    await expect(resolveCredentials({ env: env(), homeDir: h2.dir })).resolves.toMatchObject({
      source: expect.stringMatching(/mode OIDC$/),
    });
    endpoints.settings.oidcToken = "oidc-token-from-the-pod";
  });
});

describe("credentials URI, CloudSSO and External", () => {
  it("reads ALIBABA_CLOUD_CREDENTIALS_URI last in the chain, and a CredentialsURI profile; failures hide the URI's path and query", async () => {
    const h = home();
    const uri = `${endpoints.url}/credentials?token=uri-secret`;
    await expect(resolveCredentials({ env: { ALIBABA_CLOUD_CREDENTIALS_URI: uri }, homeDir: h.dir })).resolves.toMatchObject({
      accessKeyId: expect.stringMatching(/^STS\.issued-\d+$/),
      source: "credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)",
    });
    const h2 = home(profiles({ name: "uri", mode: "CredentialsURI", credentials_uri: uri }));
    await expect(resolveCredentials({ env: {}, homeDir: h2.dir })).resolves.toMatchObject({
      source: expect.stringMatching(/mode CredentialsURI$/),
    });
    endpoints.settings.uriStatus = 500;
    const error = await failure(resolveCredentials({ env: {}, homeDir: h2.dir }));
    expect(error!.message).toBe(
      `aliyun CLI profile "uri" (CredentialsURI): the credentials URI at ${endpoints.url} answered HTTP 500; check the credential service behind it.`,
    );
  });

  it("exchanges a CloudSSO sign-in for credentials, and says to sign in again once it has expired", async () => {
    const sso = {
      name: "sso",
      mode: "CloudSSO",
      cloud_sso_sign_in_url: `${endpoints.url}/device/login`,
      cloud_sso_account_id: "1234567890",
      cloud_sso_access_config: "ac-dms",
      access_token: "sso-access-token",
      cloud_sso_access_token_expire: Math.floor(Date.now() / 1000) + 3600,
    };
    const h = home(profiles(sso));
    await expect(resolveCredentials({ env: {}, homeDir: h.dir })).resolves.toMatchObject({
      accessKeyId: expect.stringMatching(/^STS\.issued-\d+$/),
      source: expect.stringMatching(/mode CloudSSO$/),
    });
    expect(endpoints.seen.at(-1)).toMatchObject({
      path: "/cloud-credentials",
      params: { AccountId: "1234567890", AccessConfigurationId: "ac-dms" },
      headers: { authorization: "Bearer sso-access-token" },
    });
    const expired = home(profiles({ ...sso, cloud_sso_access_token_expire: Math.floor(Date.now() / 1000) - 1 }));
    const error = await failure(resolveCredentials({ env: {}, homeDir: expired.dir }));
    expect(error).toMatchObject({ code: "CredentialsExpired" });
    expect(error!.message).toBe(
      'aliyun CLI profile "sso" (CloudSSO): the CloudSSO sign-in has expired; run `aliyun configure --mode CloudSSO --profile sso` to sign in again.',
    );
    const refused = home(profiles({ ...sso, access_token: "revoked" }));
    const refusal = await failure(resolveCredentials({ env: {}, homeDir: refused.dir }));
    expect(refusal!.message).toMatch(
      /answered HTTP 401 InvalidAccessToken; run `aliyun configure --mode CloudSSO --profile sso` to sign in again/,
    );
    expectNoSecret(refusal);
  });

  it("runs an External profile's process_command; a failing command is reported without its output", async () => {
    const print = (value: unknown) =>
      `${JSON.stringify(process.execPath)} -e ${JSON.stringify(`console.log(${JSON.stringify(JSON.stringify(value))})`)}`;
    const h = home(
      profiles({
        name: "ext",
        mode: "External",
        process_command: print({
          mode: "StsToken",
          access_key_id: "ext-id",
          access_key_secret: "ext-secret",
          sts_token: "ext-token",
        }),
      }),
    );
    await expect(resolveCredentials({ env: {}, homeDir: h.dir })).resolves.toMatchObject({
      accessKeyId: "ext-id",
      accessKeySecret: "ext-secret",
      securityToken: "ext-token",
    });
    const bad = home(
      profiles({ name: "ext", mode: "External", process_command: print({ mode: "AK", access_key_secret: "leaked-secret" }) }),
    );
    const error = await failure(resolveCredentials({ env: {}, homeDir: bad.dir }));
    expect(error!.message).toBe(
      'aliyun CLI profile "ext" (External): process_command printed JSON without access_key_id, access_key_secret (and sts_token in StsToken mode); run it by hand to see why, then fix it or the profile.',
    );
  });

  it("reads ram_role_arn and ecs_ram_role sections of ~/.alibabacloud/credentials", async () => {
    const h = home({
      ".alibabacloud/credentials": `[default]\ntype = ram_role_arn\naccess_key_id = source-id\naccess_key_secret = source-secret\nrole_arn = ${ROLE}\nrole_session_name = ini\n[ecs]\ntype = ecs_ram_role\nrole_name = dms-operator\n`,
    });
    await expect(resolveCredentials({ env: env(), homeDir: h.dir })).resolves.toMatchObject({
      source: expect.stringMatching(/^credentials file .* \[default\] \(ram_role_arn, via STS\)$/),
    });
    expect(endpoints.seen[0]).toMatchObject({ signatureValid: true, params: { RoleSessionName: "ini" } });
    await expect(resolveCredentials({ env: env(), homeDir: h.dir, profile: "ecs" })).resolves.toMatchObject({
      source: expect.stringMatching(/\[ecs\] \(ecs_ram_role, via the ECS metadata service\)$/),
    });
  });
});

describe("refresh before expiry", () => {
  it("keeps exchanged credentials while fresh, refreshes them in the background before they expire", async () => {
    const h = home(
      profiles({
        name: "ops",
        mode: "RamRoleArn",
        access_key_id: "source-id",
        access_key_secret: "source-secret",
        ram_role_arn: ROLE,
      }),
    );
    let clock = Date.now();
    const cache = new CredentialCache(undefined, { env: env(), homeDir: h.dir }, () => clock);
    const first = (await cache.get()) as DmsCredentials;
    expect(cache.get()).toBe(first);
    expect(endpoints.seen).toHaveLength(1);
    // 50 minutes on: within five minutes of the one-hour expiry, so still valid but due for a refresh.
    clock += 56 * 60_000;
    expect(cache.get()).toBe(first);
    await expect.poll(() => endpoints.seen.length).toBe(2);
    await expect.poll(() => (cache.get() as DmsCredentials).accessKeyId).not.toBe(first.accessKeyId);
    expect((cache.get() as DmsCredentials).accessKeyId).toBe(`STS.issued-${endpoints.issued()}`);
  });
});

describe("end to end", () => {
  it("a DmsClient with a RamRoleArn profile calls the real emulator with the STS key it was issued", async () => {
    const sts = { AccessKeyId: "STS.emulator-key", AccessKeySecret: "emulator-sts-secret", SecurityToken: "emulator-sts-token" };
    endpoints.settings.fixed = sts;
    const emulator = await startEmulator({
      seed: {
        tenants: [{ Tid: 3, name: "ops" }],
        accessKeys: [{ id: sts.AccessKeyId, secret: sts.AccessKeySecret, securityToken: sts.SecurityToken, tenants: [3] }],
      },
    });
    const h = home(
      profiles({
        name: "ops",
        mode: "RamRoleArn",
        access_key_id: "source-id",
        access_key_secret: "source-secret",
        ram_role_arn: ROLE,
      }),
    );
    const client = new DmsClient({ env: { ...env(), ALIBABA_CLOUD_ENDPOINT: emulator.url }, homeDir: h.dir });
    try {
      const answer = await getUserActiveTenant(client, {});
      expect(answer.Tenant).toMatchObject({ Tid: "3" });
      expect(endpoints.seen.filter((r) => r.params.Action === "AssumeRole")).toHaveLength(1);
    } finally {
      client.destroy();
      await emulator.close();
    }
  });
});

describe("the built package", () => {
  it("loads the exchanges from their own file, from ESM and from CommonJS, and throws its own DmsCredentialsError", () => {
    const esm = fileURLToPath(new URL("../dist/esm/index.js", import.meta.url));
    const cjs = fileURLToPath(new URL("../dist/cjs/index.js", import.meta.url));
    expect(existsSync(esm) && existsSync(cjs), "build @dmsflow/core first (npm run build)").toBe(true);
    const h = home(profiles({ name: "web", mode: "OAuth" }));
    const probe = (load: string) =>
      `${load}.then(async (c) => { const e = await c.resolveCredentials({ env: {}, homeDir: ${JSON.stringify(h.dir)} }).catch((x) => x); process.stdout.write(e.code + " " + (e instanceof c.DmsCredentialsError)); })`;
    for (const load of [`import(${JSON.stringify(esm)})`, `Promise.resolve(require(${JSON.stringify(cjs)}))`]) {
      // Written as plain text: console.log colours a boolean when the suite runs with FORCE_COLOR (nx in CI).
      const out = execFileSync(process.execPath, ["-e", probe(load)], { encoding: "utf8" });
      expect(out.trim()).toBe("UnsupportedCredentialMode true");
    }
  });
});
