// Signs in once for all journeys (when the server has accounts) and keeps the session cookie for them:
// signing in for every test would trip the server's sign-in rate limit, as it should.
import { writeFile } from "node:fs/promises";
import { test as setup, expect } from "@playwright/test";
import { authStatePath, demoPassword, demoUser, hasSessions } from "./fixtures.ts";

setup("sign in as the demo's system administrator", async ({ request }) => {
  if (!(await hasSessions(request))) {
    await writeFile(authStatePath, JSON.stringify({ cookies: [], origins: [] }));
    return;
  }
  const answer = await request.post("/api/v1/session", {
    data: { username: demoUser, password: demoPassword },
  });
  expect(answer.ok(), `sign-in as ${demoUser}: ${answer.status()} ${await answer.text()}`).toBe(true);
  await request.storageState({ path: authStatePath });
});
