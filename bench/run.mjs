// `npm run bench`: runs every bench/*.bench.mjs and writes bench/RESULTS.md with the machine and the date.
// Each module exports `title` and `run()` returning a Markdown section. Timed tests are not used
// anywhere else: speed and memory are measured here only.
import { readdirSync, writeFileSync } from 'node:fs';
import { describeMachine } from './lib.mjs';

const dir = new URL('./', import.meta.url);
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => only.length === 0 || only.some((filter) => name.includes(filter)))
  .sort();
const sections = [];
for (const file of files) {
  const module = await import(new URL(file, dir));
  process.stderr.write(`bench: ${module.title}\n`);
  sections.push(`## ${module.title}\n\n${(await module.run()).trim()}\n`);
}
const header = `# Benchmark results\n\nMachine: ${describeMachine()}\nDate: ${new Date().toISOString().slice(0, 10)}\nCommand: \`npm run bench\` (whole-process wall times, interleaved, medians)\n`;
writeFileSync(new URL('RESULTS.md', dir), `${header}\n${sections.join('\n')}`);
process.stdout.write(`${header}\n${sections.join('\n')}`);
