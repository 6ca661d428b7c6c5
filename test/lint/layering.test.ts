import { resolve } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layering } from '../../.eslint/layering.js';

const ROOT = resolve(import.meta.dirname, '../..');
const linter = new Linter({ configType: 'flat' });
const config = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser as Linter.Parser },
    plugins: { briefbot: { rules: { layering } } },
    rules: { 'briefbot/layering': 'error' as const },
  },
];

function problems(file: string, source: string): string[] {
  return linter.verify(source, config, { filename: resolve(ROOT, file) }).map((m) => m.message);
}

describe('the layering rule', () => {
  it('keeps the core free of the rest of the project and of infrastructure packages', () => {
    expect(problems('src/core/dispatch.ts', "import { x } from './args.js';")).toEqual([]);
    expect(problems('src/core/store/index.ts', "import type { E } from '../facts.js';")).toEqual([]);
    expect(problems('src/core/dispatch.ts', "import { c } from '../config.js';")[0]).toMatch(/nothing outside itself/);
    expect(problems('src/core/x.ts', "import Database from 'better-sqlite3';")[0]).toMatch(/may not use better-sqlite3/);
    expect(problems('src/core/x.ts', "import cron from 'node-cron';")[0]).toMatch(/node-cron/);
  });

  it('lets commands and digests see only the core public surface', () => {
    expect(problems('commands/meetings.ts', "import { defineCommand } from '../src/core/index.js';")).toEqual([]);
    expect(problems('commands/meetings.ts', "import { x } from './lib/format.js';")).toEqual([]);
    expect(problems('commands/meetings.ts', "import { UserError } from '../src/core/errors.js';")[0]).toMatch(/public surface/);
    expect(problems('digests/daily-brief.ts', "import { openStore } from '../src/store/open.js';")[0]).toMatch(/public surface/);
    expect(problems('commands/x.ts', "import { App } from '@slack/bolt';")[0]).toMatch(/@slack\/bolt/);
  });

  it('lets adapters import the core and their own files only', () => {
    expect(problems('src/platforms/slack/render.ts', "import { x } from '../../core/index.js';")).toEqual([]);
    expect(problems('src/platforms/slack/render.ts', "import { App } from '@slack/bolt';")).toEqual([]);
    expect(problems('src/platforms/slack/render.ts', "import { y } from '../discord/render.js';")[0]).toMatch(/own files/);
    expect(problems('src/ingest/pipeline/run.ts', "import { openStore } from '../../store/open.js';")[0]).toMatch(/own files/);
    expect(problems('src/store/sqlite/db.ts', "import { c } from '../../config.js';")[0]).toMatch(/own files/);
  });

  it('lets a top-level module use the core and its own parts, in a folder of its name', () => {
    expect(problems('src/config.ts', "import { readTopicsFile } from './config/topics-file.js';")).toEqual([]);
    expect(problems('src/config/topics-file.ts', "import { ConfigError } from './config-error.js';")).toEqual([]);
    expect(problems('src/config.ts', "import { logger } from './logging.js';")[0]).toMatch(/only the core and its own parts/);
    expect(problems('src/config/topics-file.ts', "import { openStore } from '../store/open.js';")[0]).toMatch(/only the core and its own parts/);
    expect(problems('src/logging.ts', "import { readTopicsFile } from './config/topics-file.js';")[0]).toMatch(/only the core and its own parts/);
  });

  it('lets main.ts and cli.ts see everything', () => {
    expect(problems('src/main.ts', "import { openStore } from './store/open.js';\nimport { commands } from '../commands/index.js';")).toEqual([]);
    expect(problems('src/cli.ts', "import { slackManifest } from './platforms/slack/manifest.js';")).toEqual([]);
  });
});
