// The set-up every pty e2e file shares: for each test a fresh $OPENWORK_HOME whose .env points at a
// fresh local test server, and the app started in a real pty; after it, the app killed, the server
// closed, the home removed. Read `f.home` / `f.server` inside tests: they are replaced before each.
import { afterEach, beforeEach } from 'vitest';
import { startServer, type ServerOptions, type TestServer } from './llmServer.js';
import { tempHome, type TempHome } from './home.js';
import { startApp, type PtyApp, type PtyOptions } from './pty.js';

export const KEY = 'sk-test-master';

/** The .env of the seed guide: the proxy's address and its key. */
export const seedEnv = (url: string): string => `ANTHROPIC_BASE_URL=${url}\nANTHROPIC_API_KEY=${KEY}\n`;

export interface PtyFixture {
  home: TempHome;
  server: TestServer;
  /** Starts the built app in a pty on this test's home (killed after the test). */
  start(args: string[], opts?: Omit<PtyOptions, 'home'>): PtyApp;
}

export function eachPtyApp(opts: { server?: ServerOptions; env?: (url: string) => string; before?: (f: PtyFixture) => void } = {}): PtyFixture {
  let started: PtyApp[] = [];
  const f = {
    start(args: string[], o: Omit<PtyOptions, 'home'> = {}): PtyApp {
      const app = startApp(args, { home: f.home.dir, ...o });
      started.push(app);
      return app;
    },
  } as PtyFixture;
  beforeEach(async () => {
    f.home = tempHome();
    // A copy: the server keeps (and setReply changes) the objects it is given, and each test starts afresh.
    f.server = await startServer(opts.server && structuredClone(opts.server));
    f.home.writeEnv((opts.env ?? seedEnv)(f.server.url));
    opts.before?.(f);
  });
  afterEach(async () => {
    // The app writes to its home until it exits (log, sessions.db): remove the folder after that.
    for (const app of started) app.kill();
    await Promise.all(started.map((app) => app.exit));
    started = [];
    await f.server.close();
    f.home.cleanup();
  });
  return f;
}
