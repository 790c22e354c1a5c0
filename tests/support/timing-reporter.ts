import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints, after a run, the seconds each project took (from its first file's start to its last
 * file's end) and the slowest files with what their time went to, so a slow setup shows up.
 */
export default class TimingReporter implements Reporter {
  private readonly spans = new Map<string, { start: number; end: number }>();
  onTestModuleQueued(module: TestModule) {
    const span = this.spans.get(module.project.name);
    if (!span) this.spans.set(module.project.name, { start: performance.now(), end: performance.now() });
  }

  onTestModuleEnd(module: TestModule) {
    const span = this.spans.get(module.project.name);
    if (span) span.end = performance.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    if (modules.length === 0) return;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(8);
    const lines = ['', 'Time per project (first file queued to last file done; files run in parallel):'];
    for (const [name, span] of this.spans) {
      const files = modules.filter((m) => m.project.name === name);
      const busy = files.reduce((sum, m) => sum + m.diagnostic().duration, 0);
      lines.push(
        `  ${name.padEnd(14)}${s(span.end - span.start)}  (${files.length} files, ${s(busy).trim()} in tests and hooks)`,
      );
    }
    lines.push('Slowest files (tests and hooks, + import):');
    const slowest = [...modules]
      .sort((a, b) => b.diagnostic().duration - a.diagnostic().duration)
      .slice(0, 8);
    for (const m of slowest) {
      const d = m.diagnostic();
      const file = m.relativeModuleId;
      lines.push(`  ${s(d.duration)} + ${s(d.collectDuration).trim()}  ${m.project.name.padEnd(13)} ${file}`);
    }
    process.stdout.write(lines.join('\n') + '\n\n');
  }
}
