// bench/REPORT.md keeps each benchmark's latest run as one section: a run replaces its own section
// (`## <title>` up to the next `## `) wherever it is, or appends it, and leaves the others alone.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchRoot } from './processes.js';

export function replaceReportSection(title: string, body: string) {
  const file = join(benchRoot, 'REPORT.md');
  const report = readFileSync(file, 'utf8');
  const heading = `\n## ${title}\n`;
  const section = `## ${title}\n\n${body.trim()}\n`;
  const at = report.indexOf(heading);
  const next = at < 0 ? -1 : report.indexOf('\n## ', at + heading.length);
  writeFileSync(file, at < 0 ? `${report.trimEnd()}\n\n${section}` : `${report.slice(0, at)}\n${section}${next < 0 ? '' : report.slice(next)}`);
}
