// Shared benchmark tools: whole-process wall times of interleaved commands (so a ratio holds
// while the machine's speed drifts, performance.md), medians, and peak resident memory.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { existsSync } from 'node:fs';

/** One command to time: `{ name, cmd, args, env?, cwd?, before?, status? }`; `before()` runs untimed ahead of every run; `status` is the exit code expected (default 0). */
export function runOnce(variant) {
  variant.before?.();
  const start = process.hrtime.bigint();
  const result = spawnSync(variant.cmd, variant.args, {
    cwd: variant.cwd,
    env: { ...process.env, ...variant.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== (variant.status ?? 0)) throw new Error(`${variant.name} failed (${result.status}): ${result.stderr}`);
  return ms;
}

/** Runs the variants interleaved (a, b, a, b, …) `runs` times after `warmup` rounds; returns medians (and the samples, in round order) in ms. */
export function timeInterleaved(variants, { runs = 11, warmup = 2 } = {}) {
  const samples = variants.map(() => []);
  for (let round = 0; round < warmup + runs; round++) {
    variants.forEach((variant, i) => {
      const ms = runOnce(variant);
      if (round >= warmup) samples[i].push(ms);
    });
  }
  return variants.map((variant, i) => ({ name: variant.name, median: median(samples[i]), runs, samples: samples[i] }));
}

/**
 * The variants again without NODE_EXTRA_CA_CERTS when this machine sets it (Node parses those
 * certificates at every start, before any script: a fixed cost on every Node command), else undefined.
 */
export function withoutExtraCaCerts(variants) {
  if (!process.env.NODE_EXTRA_CA_CERTS) return undefined;
  return variants.map((variant) => ({ ...variant, env: { ...variant.env, NODE_EXTRA_CA_CERTS: undefined } }));
}

/** Median over the rounds of `a`'s time divided by `b`'s in the same round: steadier than a ratio of medians when the machine's speed drifts. */
export function pairedRatio(a, b) {
  return median(a.samples.map((value, i) => value / b.samples[i]));
}

/** Median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Peak resident set size of one run, in MB (GNU time, or python3's getrusage of children); `variant.status` is the exit code expected (default 0). */
export function peakRssMb(variant) {
  variant.before?.();
  const env = { ...process.env, ...variant.env };
  const expected = variant.status ?? 0;
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', variant.cmd, ...variant.args], { cwd: variant.cwd, env, encoding: 'utf8' });
    const kb = Number(r.stderr.trim().split('\n').pop());
    if (r.status === expected && Number.isFinite(kb)) return kb / 1024;
  }
  const script = 'import resource,subprocess,sys; r=subprocess.run(sys.argv[1:]); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)';
  const r = spawnSync('python3', ['-c', script, variant.cmd, ...variant.args], { cwd: variant.cwd, env, encoding: 'utf8' });
  if (r.status !== expected) throw new Error(`${variant.name} exited ${r.status}, not ${expected}: ${r.stderr}`);
  return Number(r.stdout.trim().split('\n').pop()) / 1024;
}

/** One line describing the machine, for RESULTS.md. */
export function describeMachine() {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${osType()} ${release()}, Node ${process.version}`;
}

/** Formats milliseconds for a table. */
export const ms = (value) => `${value.toFixed(1)} ms`;
