import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { TopicDef } from '../core/index.js';
import { ConfigError } from './config-error.js';

/**
 * TOPICS_FILE: topics users add to the built-in taxonomy (or replace by id),
 * read and validated once at startup by src/config.ts.
 */

/** A topic of TOPICS_FILE, in the shape of the built-in ones. */
export type UserTopic = TopicDef;

export const MAX_USER_TOPICS = 200;
const HOW_TO_FIX = 'see "Extending the topic taxonomy" in the README';

/** Null when the phrase can join the taxonomy's combined pattern, else what is wrong with it. */
function phraseProblem(phrase: string): string | null {
  if (phrase.trim() === '') return 'is empty';
  try {
    new RegExp(phrase, 'i');
  } catch (error) {
    return `is not a valid regular expression (${error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error)}); escape special characters such as ( ) [ ] . ? * + with a backslash`;
  }
  // Every topic's phrases share one pattern, whose groups the extractor names and numbers itself.
  if (/\\(?:[1-9]|k<)|\(\?<(?![=!])/.test(phrase.replace(/\\\\|\\\(|\[(?:\\.|[^\]\\])*\]/g, ''))) {
    return 'uses a named group or a back-reference, which the combined pattern cannot keep; use (?:...) for groups';
  }
  if (new RegExp(`^(?:${phrase})$`, 'i').test('')) return 'matches empty text, so it would match everywhere';
  return null;
}

/** A zod error that says "required" for a missing field and `expected` for one of the wrong kind. */
const wanted = (expected: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? `required: ${expected}` : `expected ${expected}`) });

const phraseList = z
  .array(z.string(wanted('text')), wanted('a list of regular-expression sources, such as ["piracy", "naval patrols?"]'))
  .superRefine((phrases, ctx) => {
    phrases.forEach((phrase, i) => {
      const problem = phraseProblem(phrase);
      if (problem) ctx.addIssue({ code: 'custom', path: [i], message: `"${phrase.slice(0, 60)}" ${problem}` });
    });
  });

const topicEntry = z
  .object({
    $comment: z.string().optional(),
    id: z
      .string(wanted('a lowercase slug such as maritime-security'))
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'expected a lowercase slug of letters, digits and hyphens (1 to 40 characters), such as maritime-security'),
    label: z.string(wanted('a label of 1 to 80 characters')).trim().min(1, 'expected a label of 1 to 80 characters').max(80, 'expected a label of 1 to 80 characters'),
    phrases: phraseList.min(1, 'expected at least one phrase'),
    exclude: phraseList.optional(),
    salience: z.number(wanted('a whole number of hits, such as 2')).int('expected a whole number of hits, such as 2').positive('expected a positive number of hits, such as 2').optional(),
    description: z.string(wanted('text')).trim().min(1, 'expected a description of 1 to 300 characters').max(300, 'expected a description of 1 to 300 characters').optional(),
  })
  .strict();

const topicsFileSchema = z.object(
  {
    $comment: z.string().optional(),
    topics: z
      .array(z.unknown(), { message: 'expected a "topics" array' })
      .max(MAX_USER_TOPICS, `expected at most ${MAX_USER_TOPICS} topics`),
  },
  { message: 'expected an object { "topics": [ ... ] }' },
);

/** Where a zod issue points, as the user wrote it: topics[2].phrases[0]. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** Reads and validates TOPICS_FILE once; any problem is one ConfigError line naming the file and the topic. */
export function readTopicsFile(file: string): UserTopic[] {
  const fail = (what: string): never => {
    throw new ConfigError(`TOPICS_FILE: ${file}: ${what}`);
  };
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(`${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code ?? String(error)})`}; set TOPICS_FILE to the path of a JSON topics file (${HOW_TO_FIX})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(`is not valid JSON (${error instanceof Error ? error.message : String(error)}); check quotes, commas and that backslashes in phrases are doubled (\\\\b)`);
  }
  const file_ = topicsFileSchema.safeParse(json);
  if (!file_.success) {
    const issue = file_.error.issues[0]!;
    fail(`${issue.path.length ? `${fieldPath(issue.path)}: ` : ''}${issue.message} (${HOW_TO_FIX})`);
  }
  const topics: UserTopic[] = [];
  const seen = new Map<string, number>();
  file_.data!.topics.forEach((entry, index) => {
    const rawId = (entry as { id?: unknown } | null)?.id;
    const named = `topics[${index}]${typeof rawId === 'string' ? ` (id "${rawId.slice(0, 40)}")` : ''}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) fail(`${named}: expected a topic { "id", "label", "phrases" }`);
    const result = topicEntry.safeParse(entry);
    if (!result.success) {
      // A misspelt field explains a missing one ("phrase" for "phrases"): say that first.
      const issue = result.error.issues.find((i) => i.code === 'unrecognized_keys') ?? result.error.issues[0]!;
      const where = fieldPath(issue.path);
      const message = issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}; expected id, label, phrases, exclude, salience, description` : issue.message;
      fail(`${named}: ${where ? `${where}: ` : ''}${message}`);
    }
    const t = result.data!;
    const earlier = seen.get(t.id);
    if (earlier !== undefined) fail(`${named}: id "${t.id}" is also used by topics[${earlier}]; give each topic its own id`);
    seen.set(t.id, index);
    topics.push({
      id: t.id,
      label: t.label,
      phrases: t.phrases,
      exclude: t.exclude ?? [],
      ...(t.salience !== undefined ? { salience: t.salience } : {}),
      ...(t.description !== undefined ? { description: t.description } : {}),
    });
  });
  return topics;
}
