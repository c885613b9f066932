// A merchant's project in a temporary folder, with this package installed from its packed tarball
// (`npm pack`, as the registry would serve it) rather than from the source tree. Its other
// dependencies (vue, @angular/*, typescript…) are this repository's own, linked in.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Folders made here, removed as the process exits: a run leaves nothing in the temporary folder. */
const made = [];
process.once('exit', () => made.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

let tarball;
/** Packs the built package once per test process (dist/ must be built: npm run test:node does). */
function packOnce() {
  if (tarball) return tarball;
  const folder = mkdtempSync(join(tmpdir(), 'ktpay-tarball-'));
  made.push(folder);
  const [packed] = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--loglevel=error', '--pack-destination', folder], { cwd: root, encoding: 'utf8' }),
  );
  return (tarball = join(folder, packed.filename));
}

/**
 * Copies `<from>/<fixture>` (test/typecheck by default) to a new folder and installs the tarball
 * there; returns the folder. `inRepository` puts the folder in the repository's `.apps/`, beside
 * the node_modules it links to: Turbopack reads no file outside its root, and the root must hold both.
 */
export function packedProject(fixture, { from = 'test/typecheck', inRepository = false } = {}) {
  const parent = inRepository ? join(root, '.apps') : tmpdir();
  mkdirSync(parent, { recursive: true });
  const project = mkdtempSync(join(parent, `ktpay-${fixture}-`));
  made.push(project);
  cpSync(join(root, from, fixture), project, { recursive: true });
  const modules = join(project, 'node_modules');
  const installed = join(modules, 'ktpay-checkout');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', packOnce(), '-C', installed, '--strip-components=1']);
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry === 'ktpay-checkout' || entry === '.bin' || entry.startsWith('.')) continue;
    symlinkSync(join(root, 'node_modules', entry), join(modules, entry));
  }
  return project;
}

/** Runs a package's command-line tool from this repository; returns its exit code and output. */
export function run(tool, args, cwd) {
  try {
    const output = execFileSync(process.execPath, [join(root, 'node_modules', tool), ...args], { cwd, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output };
  } catch (error) {
    return { code: error.status ?? 1, output: `${error.stdout ?? ''}${error.stderr ?? ''}` };
  }
}

/** The 1-based numbers of a file's lines marked `✗` (a mistake the compiler must report). */
export function markedLines(text) {
  return text.split('\n').flatMap((line, index) => (line.includes('✗') ? [index + 1] : []));
}
