const SHOWN = 40;

/** Invalid seed data. `problems` lists every problem found, each naming its file and entry. */
export class SeedError extends Error {
  readonly problems: readonly string[];

  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    const more = list.length > SHOWN ? `\n - … and ${list.length - SHOWN} more` : '';
    super(
      list.length === 1
        ? list[0]
        : `${list.length} problems in the seed files:\n - ${list.slice(0, SHOWN).join('\n - ')}${more}`,
    );
    this.name = 'SeedError';
    this.problems = list;
  }
}
