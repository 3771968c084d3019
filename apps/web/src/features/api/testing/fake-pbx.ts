import { secretHint } from "@switchboard/auth";
import { FakeAmiServer, type FakeAmiServerOptions } from "@switchboard/pbx/testing";
import type { ApiTestEnv } from "./api-test-env";

const USERNAME = "switchboard";
const SECRET = "ami-secret-123";

/** A fake Asterisk on a random port, configured as the organization's (enabled) AMI connection. */
export async function startFakePbxFor(env: ApiTestEnv, orgId: string, options: Partial<FakeAmiServerOptions> = {}): Promise<FakeAmiServer> {
  const ami = await FakeAmiServer.start({ username: USERNAME, secret: SECRET, ...options });
  await env.runtime.db.pbxConnection.create({
    data: {
      organizationId: orgId,
      host: "127.0.0.1",
      port: ami.port,
      username: USERNAME,
      secretEnc: env.runtime.box.seal(SECRET),
      secretHint: secretHint(SECRET)
    }
  });
  return ami;
}
