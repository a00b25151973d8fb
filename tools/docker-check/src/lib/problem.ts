/** One finding of a static check. Errors fail the check; warnings are printed only. */
export interface Problem {
  level: 'error' | 'warning';
  /** Path relative to the checked folder (e.g. `compose.yaml`, `proxy/nginx.conf`). */
  file: string;
  message: string;
}

export const error = (file: string, message: string): Problem => ({ level: 'error', file, message });
export const warning = (file: string, message: string): Problem => ({ level: 'warning', file, message });

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.level === 'error' ? '✖' : '⚠'} ${p.file}: ${p.message}`).join('\n');
}

export const errorsOf = (problems: readonly Problem[]): Problem[] =>
  problems.filter((p) => p.level === 'error');
