import { listTaskFlow } from "@dmsflow/client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CredentialCache, DmsClient, type DmsCredentials, DmsCredentialsError, resolveCredentials } from "../src/index.js";
import { cliConfig, tempHome } from "./fixtures/tempHome.js";
import { TestEmulator } from "./fixtures/testEmulator.js";

const homes: ReturnType<typeof tempHome>[] = [];
const home = (files: Record<string, string> = {}) => {
  const h = tempHome(files);
  homes.push(h);
  return h;
};
afterEach(() => {
  for (const h of homes.splice(0)) h.remove();
});

const akProfile = (name: string, id: string, secret: string) => ({
  name,
  mode: "AK",
  access_key_id: id,
  access_key_secret: secret,
  region_id: "cn-hangzhou",
});

describe("the default chain", () => {
  it("takes the environment first, with an optional security token", async () => {
    const h = home({ ".aliyun/config.json": cliConfig("default", [akProfile("default", "cli-id", "cli-secret")]) });
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: "env-id",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret",
      ALIBABA_CLOUD_SECURITY_TOKEN: "env-token",
    };
    await expect(resolveCredentials({ env, homeDir: h.dir })).resolves.toEqual({
      accessKeyId: "env-id",
      accessKeySecret: "env-secret",
      securityToken: "env-token",
      source: "environment",
    });
  });

  it("says which variable is missing when only half the pair is set", async () => {
    const error = await resolveCredentials({ env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "id" }, homeDir: home().dir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DmsCredentialsError);
    expect((error as Error).message).toBe(
      "ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not; set both or neither.",
    );
  });

  it("then the aliyun CLI profile: ALIBABA_CLOUD_PROFILE, else the file's current one", async () => {
    const h = home({
      ".aliyun/config.json": cliConfig("second", [
        akProfile("default", "id-1", "secret-1"),
        akProfile("second", "id-2", "secret-2"),
        { name: "sts", mode: "StsToken", access_key_id: "id-3", access_key_secret: "secret-3", sts_token: "token-3" },
      ]),
    });
    await expect(resolveCredentials({ env: {}, homeDir: h.dir })).resolves.toMatchObject({
      accessKeyId: "id-2",
      source: expect.stringContaining('profile "second"'),
    });
    await expect(resolveCredentials({ env: { ALIBABA_CLOUD_PROFILE: "default" }, homeDir: h.dir })).resolves.toMatchObject({
      accessKeyId: "id-1",
    });
    await expect(resolveCredentials({ env: {}, homeDir: h.dir, profile: "sts" })).resolves.toMatchObject({
      accessKeyId: "id-3",
      securityToken: "token-3",
    });
  });

  it("skips the environment when a profile is named explicitly", async () => {
    const h = home({ ".aliyun/config.json": cliConfig("default", [akProfile("prod", "prod-id", "prod-secret")]) });
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: "env-id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret" };
    await expect(resolveCredentials({ env, homeDir: h.dir, profile: "prod" })).resolves.toMatchObject({ accessKeyId: "prod-id" });
  });

  it("refuses the CLI modes it does not carry out with a clear 'unsupported' error that says why", async () => {
    const h = home({
      ".aliyun/config.json": cliConfig("web", [{ name: "web", mode: "OAuth", oauth_refresh_token: "r3fr3sh" }]),
    });
    const error = await resolveCredentials({ env: {}, homeDir: h.dir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "DmsCredentialsError", code: "UnsupportedCredentialMode" });
    expect((error as Error).message).toMatch(
      /^aliyun CLI profile "web" uses mode OAuth, which dmsflow does not support \(supported: AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC, CloudSSO, CredentialsURI, External\): OAuth refreshes .*; use a profile in a supported mode/,
    );
    expect((error as Error).message).not.toContain("r3fr3sh");
  });

  it("never quotes a broken config file, which may hold a secret", async () => {
    const h = home({
      ".aliyun/config.json": '{"current":"default","profiles":[{"access_key_secret":"s3cr3t-in-broken-json",}]}',
    });
    const error = await resolveCredentials({ env: {}, homeDir: h.dir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidCredentialsFile" });
    expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain("s3cr3t");
  });

  it("then ~/.alibabacloud/credentials (section ALIBABA_CLOUD_PROFILE or default; not rsa_key_pair)", async () => {
    const ini =
      '# comment\n[default]\ntype = access_key\naccess_key_id = ini-id\naccess_key_secret = ini-secret\n\n[other]\naccess_key_id=o-id\naccess_key_secret="o-secret"\n[role]\ntype = rsa_key_pair\npublic_key_id = r\n';
    const h = home({
      ".alibabacloud/credentials": ini,
      ".aliyun/config.json": cliConfig("default", [{ name: "default", output_format: "json" }]),
    });
    await expect(resolveCredentials({ env: {}, homeDir: h.dir })).resolves.toMatchObject({
      accessKeyId: "ini-id",
      accessKeySecret: "ini-secret",
    });
    await expect(resolveCredentials({ env: { ALIBABA_CLOUD_PROFILE: "other" }, homeDir: h.dir })).resolves.toMatchObject({
      accessKeySecret: "o-secret",
    });
    await expect(resolveCredentials({ env: {}, homeDir: h.dir, profile: "role" })).rejects.toMatchObject({
      code: "UnsupportedCredentialMode",
    });
    const custom = home({ "elsewhere.ini": "[default]\naccess_key_id = f-id\naccess_key_secret = f-secret\n" });
    await expect(
      resolveCredentials({
        env: { ALIBABA_CLOUD_CREDENTIALS_FILE: `${custom.dir}/elsewhere.ini` },
        homeDir: h.dir,
        profile: "default",
      }),
    ).resolves.toMatchObject({ accessKeyId: "f-id" });
  });

  it("lists everything it tried when nothing is found", async () => {
    const h = home();
    const error = await resolveCredentials({ env: {}, homeDir: h.dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DmsCredentialsError);
    const e = error as DmsCredentialsError;
    expect(e.code).toBe("CredentialsNotFound");
    expect(e.tried).toEqual([
      "environment (ALIBABA_CLOUD_ACCESS_KEY_ID): not set",
      `aliyun CLI config ${h.dir}/.aliyun/config.json: not found`,
      `credentials file ${h.dir}/.alibabacloud/credentials: not found`,
    ]);
    expect(e.message).toMatch(
      /^No Alibaba Cloud credentials found\. Tried environment .*; aliyun CLI config .*; credentials file .*\. Set ALIBABA_CLOUD_ACCESS_KEY_ID/,
    );
    expect(e.message).not.toMatch(/\n/);
  });
});

describe("CredentialCache", () => {
  it("calls a provider once while its credentials are fresh, and refreshes shortly before they expire", async () => {
    let now = 1_000_000;
    let calls = 0;
    const provider = async (): Promise<DmsCredentials> => {
      calls++;
      return { accessKeyId: `id-${calls}`, accessKeySecret: "s", expiration: now + 60 * 60_000 };
    };
    const cache = new CredentialCache(provider, {}, () => now);
    await expect(cache.get()).resolves.toMatchObject({ accessKeyId: "id-1" });
    expect(cache.get()).toMatchObject({ accessKeyId: "id-1" }); // synchronous: no await on the hot path
    now += 54 * 60_000; // 6 minutes before expiry: still outside the 5-minute window
    expect(cache.get()).toMatchObject({ accessKeyId: "id-1" });
    expect(calls).toBe(1);
    now += 2 * 60_000; // 4 minutes before expiry: refresh in the background, keep signing
    expect(cache.get()).toMatchObject({ accessKeyId: "id-1" });
    await new Promise((r) => setImmediate(r));
    expect(calls).toBe(2);
    expect(cache.get()).toMatchObject({ accessKeyId: "id-2" });
  });

  it("shares one refresh between concurrent callers and waits for it once expired", async () => {
    let now = 0;
    let calls = 0;
    const cache = new CredentialCache(
      async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 5));
        return { accessKeyId: `id-${calls}`, accessKeySecret: "s", expiration: new Date(now + 1000).toISOString() };
      },
      {},
      () => now,
    );
    const first = await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(first.map((c) => c.accessKeyId)).toEqual(["id-1", "id-1", "id-1"]);
    now += 2000;
    await expect(cache.get()).resolves.toMatchObject({ accessKeyId: "id-2" });
    expect(calls).toBe(2);
  });

  it("asks an object with getCredential() every time (it caches itself)", async () => {
    let calls = 0;
    const cache = new CredentialCache(
      { getCredential: async () => ({ accessKeyId: `id-${++calls}`, accessKeySecret: "s" }) },
      {},
    );
    await cache.get();
    await cache.get();
    expect(calls).toBe(2);
  });

  it("refuses unusable credentials clearly", async () => {
    expect(() => new CredentialCache({ accessKeyId: "id" } as never, {})).toThrow(/credentials has no accessKeySecret/);
    await expect(new CredentialCache(async () => ({ accessKeyId: "", accessKeySecret: "x" }), {}).get()).rejects.toThrow(
      /the credentials provider has no accessKeyId/,
    );
    await expect(new CredentialCache({ accessKeyId: "a", accessKeySecret: "b", expiration: 0 }, {}).get()).rejects.toMatchObject({
      code: "CredentialsExpired",
    });
    await expect(
      new CredentialCache(async () => {
        throw new Error("metadata service down");
      }, {}).get(),
    ).rejects.toThrow("The credentials provider failed: metadata service down");
  });
});

describe("DmsClient and credentials", () => {
  let server: TestEmulator;
  beforeAll(async () => {
    server = await TestEmulator.start();
  });
  afterAll(() => server.close());

  it("resolves the default chain once per client (memoized), from env/homeDir overrides", async () => {
    const h = home({ ".aliyun/config.json": cliConfig("default", [akProfile("default", "testid", "testsecret")]) });
    const client = new DmsClient({ endpoint: server.url, env: {}, homeDir: h.dir });
    await listTaskFlow(client);
    h.write(".aliyun/config.json", cliConfig("default", [akProfile("default", "changed", "changed")]));
    await listTaskFlow(client);
    expect(server.requests.slice(-2).map((r) => [r.valid, r.headers.authorization?.includes("Credential=testid,")])).toEqual([
      [true, true],
      [true, true],
    ]);
    client.destroy();
  });

  it("fails a call (not the constructor) with the chain's error when nothing is configured", async () => {
    const client = new DmsClient({ endpoint: server.url, env: {}, homeDir: home().dir });
    await expect(listTaskFlow(client)).rejects.toMatchObject({ name: "DmsCredentialsError", code: "CredentialsNotFound" });
    client.destroy();
  });

  it("uses a named profile", async () => {
    const h = home({
      ".aliyun/config.json": cliConfig("default", [akProfile("default", "x", "y"), akProfile("test", "testid", "testsecret")]),
    });
    const client = new DmsClient({ endpoint: server.url, env: {}, homeDir: h.dir, profile: "test" });
    await expect(listTaskFlow(client)).resolves.toMatchObject({ Success: true });
    client.destroy();
  });
});
