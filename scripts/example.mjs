// `npm start`: the main job on the embedded example, as a CI step would run it, in .example/:
// throwaway keys (keygen), the content package (build) and its inspection (inspect).
// Secrets are random per run and never printed.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const work = `${root}.example`;
const cli = `${root}dist/cli.cjs`;
mkdirSync(work, { recursive: true });
copyFileSync(`${root}fixtures/example/aem-ioevents.yaml`, `${work}/aem-ioevents.yaml`);

const env = {
  ...process.env,
  IOEVENTS_KEYSTORE_PASSWORD: randomBytes(18).toString('base64url'),
  IOEVENTS_CLIENT_SECRET: `p8e-${randomBytes(24).toString('hex')}`,
  SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH ?? '',
};
if (!env.SOURCE_DATE_EPOCH) delete env.SOURCE_DATE_EPOCH;

const steps = [
  ['keygen', '--out', 'keys', '--force'],
  ['build', '--out', 'dist', '--force'],
  ['inspect', '--strict', '--config', 'aem-ioevents.yaml', 'dist/eventproxy-config-1.0.0.zip'],
];
for (const args of steps) {
  process.stdout.write(`\n$ aem-ioevents ${args.join(' ')}    (in .example/)\n`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: work, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
