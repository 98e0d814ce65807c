// Makes dist/cli-main.cjs.cache (or the file given as the argument): runs the CLI's main jobs in
// this process on the embedded example (throwaway keys and secrets, random unless
// CODE_CACHE_KEYSTORE_PASSWORD and CODE_CACHE_CLIENT_SECRET are set, in a temporary folder) and saves
// the bytecode V8 compiled for them (src/startup/code-cache.ts). Run by `npm run build` with the
// Node that will run the CLI; another Node version or other V8 flags make V8 refuse the cache, and
// the CLI compiles from source. test/startup/code-cache.test.ts checks no secret lands in it.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const { codeCachePath, formatCodeCache, loadCli } = createRequire(import.meta.url)(join(root, 'dist/cli.cjs'));
// The name V8 stores in the cache and every stack trace of a cached start shows: the package's own
// path, never this machine's folders (the cache ships in the npm package).
const { exports: cli, script, source } = loadCli({ useCache: false, scriptName: 'aem-ioevents/dist/cli-main.cjs' });
const work = mkdtempSync(join(tmpdir(), 'aem-ioevents-code-cache-'));
const io = {
  stdout: { write: () => true },
  stderr: { write: () => true },
  env: {
    IOEVENTS_KEYSTORE_PASSWORD: process.env.CODE_CACHE_KEYSTORE_PASSWORD ?? randomBytes(18).toString('base64url'),
    IOEVENTS_CLIENT_SECRET: process.env.CODE_CACHE_CLIENT_SECRET ?? `p8e-${randomBytes(24).toString('hex')}`,
  },
  cwd: work,
  now: () => new Date(),
};
try {
  copyFileSync(join(root, 'fixtures/example/aem-ioevents.yaml'), join(work, 'aem-ioevents.yaml'));
  // The jobs whose start-up time matters, in the order a pipeline runs them.
  const jobs = [['keygen', '--out', 'keys'], ['build', '--out', 'dist'], ['inspect', 'dist/eventproxy-config-1.0.0.zip'], ['--help']];
  for (const args of jobs) {
    const code = await cli.runCli(args, io);
    if (code !== 0) throw new Error(`code cache training: aem-ioevents ${args.join(' ')} exited with ${code}`);
  }
  writeFileSync(process.argv[2] ?? codeCachePath(join(root, 'dist/cli-main.cjs')), formatCodeCache(source, script.createCachedData()));
} finally {
  rmSync(work, { recursive: true, force: true });
}
