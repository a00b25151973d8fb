/**
 * DOCX → PDF with LibreOffice headless (`soffice --headless --convert-to pdf`). Each conversion runs in its
 * own temporary folder with a fresh user profile (-env:UserInstallation), so parallel conversions — two jobs,
 * two API processes — never share LibreOffice's profile lock; everything is removed afterwards.
 */
import { PdfConverter } from '@dieu-hanh/api/reporting/application';
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const OFFICE_COMMANDS = ['soffice', 'libreoffice'];

/** An executable on PATH, or null (synchronous: specs decide with it whether to run). */
export function findExecutableSync(
  names: readonly string[],
  path = process.env['PATH'] ?? '',
): string | null {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** `soffice` or `libreoffice` on PATH, or null. */
export function findOfficeSync(): string | null {
  return findExecutableSync(OFFICE_COMMANDS);
}

export interface LibreOfficePdfConverterOptions {
  /** The soffice binary; found on PATH when not given. */
  command?: string | null;
  /** Milliseconds before the conversion is killed (default 60 s: the first start of a fresh profile is slow). */
  timeoutMs?: number;
}

export class LibreOfficePdfConverter extends PdfConverter {
  private readonly command: string | null;
  private readonly timeoutMs: number;

  constructor(options: LibreOfficePdfConverterOptions = {}) {
    super();
    this.command = options.command !== undefined ? options.command : findOfficeSync();
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  async available(): Promise<boolean> {
    if (!this.command) return false;
    try {
      accessSync(this.command, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  }

  async convert(docx: Buffer): Promise<Buffer> {
    if (!this.command || !(await this.available()))
      throw new Error('LibreOffice (soffice) is not installed: PDF export is unavailable');
    const dir = await mkdtemp(join(tmpdir(), 'report-pdf-'));
    try {
      const input = join(dir, 'document.docx');
      const outDir = join(dir, 'out');
      await writeFile(input, docx);
      const profile = pathToFileURL(join(dir, 'profile')).href;
      await run(
        this.command,
        [
          '--headless',
          '--norestore',
          '--nologo',
          '--nodefault',
          '--nolockcheck',
          `-env:UserInstallation=${profile}`,
          '--convert-to',
          'pdf',
          '--outdir',
          outDir,
          input,
        ],
        this.timeoutMs,
      );
      try {
        return await readFile(join(outDir, 'document.pdf'));
      } catch {
        throw new Error('LibreOffice ended without writing the PDF');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** Runs soffice in its own process group so a timeout kills soffice.bin too, not only the launcher. */
function run(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, HOME: process.env['HOME'] ?? tmpdir() },
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString('utf8');
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`LibreOffice could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut)
        return reject(
          new Error(
            `LibreOffice conversion timed out after ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`,
          ),
        );
      if (code === 0) return resolve();
      reject(
        new Error(
          `LibreOffice conversion failed (${signal ?? `exit ${code}`})${stderr ? `: ${stderr.trim().slice(0, 500)}` : ''}`,
        ),
      );
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
