// Merchants' apps (test/apps/), each built by its own bundler against this package's packed
// tarball and served as it would be in production: for the tests that pay in them
// (test/node/framework-apps.test.mjs) and the bench that times them (tools/bench-apps.mjs).
import { execFile, spawn } from 'node:child_process';
import { createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { packedProject, root } from './packed-project.mjs';

/** How long one build may take on two cores before it is taken for hung (a build takes 2–20 s). */
const TOOL_MS = 120_000;
/** How long the server may take to answer once built (`next start`: about a second). */
const START_MS = 60_000;
/** A test's whole time with one app: its build, its server's start and the payment, each bounded. */
export const BUILD_MS = 2 * TOOL_MS + START_MS + 60_000;

/** The Next.js app's server settings: the callback's secret and the secret_hash its postLinks carry. */
export const NEXT_SERVER_ENV = { KTPAY_CALLBACK_SECRET: 'shop-secret-for-tests', EPAY_SECRET_HASH: 'secret-hash-for-tests' };

const QUIET_TOOLS = { NEXT_TELEMETRY_DISABLED: '1', NG_CLI_ANALYTICS: 'false' };

/**
 * Each app: the fixture it is copied from, how it is built (a tool of this repository's
 * node_modules, its arguments and environment), and how it is served: `next start`, or the built
 * folder as static files.
 */
export const APPS = {
  // `next build` evaluates the route modules, where the handlers are made: they need their secrets then too.
  'next-turbopack': { fixture: 'next', build: ['next/dist/bin/next', ['build'], { KTPAY_REPOSITORY: root, ...NEXT_SERVER_ENV }], serve: { next: true } },
  // The Turbopack build type-checks the app (the route handlers' exports among it); once is enough.
  'next-webpack': {
    fixture: 'next',
    build: ['next/dist/bin/next', ['build', '--webpack'], { KTPAY_REPOSITORY: root, KTPAY_SKIP_TYPECHECK: '1', ...NEXT_SERVER_ENV }],
    serve: { next: true },
  },
  'vite-react': { fixture: 'vite-react', build: ['vite/bin/vite.js', ['build'], {}], serve: { folder: 'dist' } },
  'angular-cli': { fixture: 'angular-cli', build: ['@angular/cli/bin/ng.js', ['build'], {}], serve: { folder: 'dist/browser' } },
};

/** Runs a package's command-line tool from this repository's node_modules in `cwd`; rejects with its output if it fails. */
async function tool(cwd, script, args, env) {
  try {
    await promisify(execFile)(process.execPath, [join(root, 'node_modules', script), ...args], {
      cwd,
      env: { ...process.env, ...QUIET_TOOLS, CI: 'true', ...env },
      timeout: TOOL_MS,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const how = error.killed ? `was stopped after ${TOOL_MS / 1000} s` : 'failed';
    const failure = new Error(`${script} ${args.join(' ')} ${how}; its output:\n${error.stdout ?? ''}${error.stderr ?? ''}`, { cause: error });
    throw Object.assign(failure, { hung: !!error.killed });
  }
}

/** A free port on loopback: one the system gave and took back. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** A static server for a built folder (index.html for any path without a file). */
async function serveFolder(folder) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    let file = join(folder, path);
    if (!file.startsWith(folder) || !existsSync(file) || statSync(file).isDirectory()) file = join(folder, 'index.html');
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    stop: () => (server.closeAllConnections(), new Promise((resolve) => server.close(resolve))),
  };
}

/** `next start` on a free port; resolves once it answers. */
async function nextStart(project) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: project,
    env: { ...process.env, ...QUIET_TOOLS, ...NEXT_SERVER_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', () => resolve(true)));
  const stop = () => (child.kill(), exited);
  const deadline = Date.now() + START_MS;
  for (;;) {
    if (await fetch(origin).then(() => true, () => false)) return { origin, stop };
    if (await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 200, false))])) throw new Error(`next start ended:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within ${START_MS / 1000} s; its output:\n${output}`);
    }
  }
}

/**
 * App `name` (a key of APPS) built in a new folder inside the repository (`.apps/`: Turbopack
 * reads no file outside its root, which must hold the linked node_modules too) and served.
 * `stop()` ends the server and removes the folder.
 */
export async function builtApp(name) {
  const { fixture, build, serve } = APPS[name];
  let project = packedProject(fixture, { from: 'test/apps', inRepository: true });
  const remove = () => rmSync(project, { recursive: true, force: true });
  try {
    try {
      await tool(project, ...build);
    } catch (error) {
      // A build that hangs is tried once more, in a new folder, and said so: Turbopack's `next
      // build` is known to stop at 0% CPU now and then on the same source (vercel/next.js#93908,
      // #96509), which is the bundler's trouble, not this package's.
      if (!error.hung) throw error;
      console.warn(`${name}: its build was stopped after ${TOOL_MS / 1000} s; building it once more, in a new folder`);
      remove();
      project = packedProject(fixture, { from: 'test/apps', inRepository: true });
      await tool(project, ...build);
    }
    const server = serve.next ? await nextStart(project) : await serveFolder(join(project, serve.folder));
    return { project, origin: server.origin, stop: () => server.stop().finally(remove) };
  } catch (error) {
    remove();
    throw error;
  }
}
