import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readTopicsFile } from '../../src/config.js';

const dir = mkdtempSync(join(tmpdir(), 'briefbot-topics-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function topicsFile(content: unknown): string {
  const file = join(dir, `topics-${++n}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const harbour = { id: 'harbour-security', label: 'Harbour security', phrases: ['harbou?r security', 'port inspections?'] };

/** The one line loadConfig fails with for this TOPICS_FILE. */
function failure(file: string): string {
  try {
    loadConfig({ TOPICS_FILE: file });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`${file} was accepted`);
}

describe('TOPICS_FILE', () => {
  it('is optional: without it only the built-in taxonomy is used', () => {
    expect(loadConfig({})).toMatchObject({ topicsFile: undefined, userTopics: [] });
  });

  it('reads a good file once, with defaults for what is left out', () => {
    const file = topicsFile({
      $comment: 'Our topics',
      topics: [
        harbour,
        { id: 'sahel', label: 'Sahel region', phrases: ['sahel', 'liptako'], exclude: ['sahel fund'], salience: 3, description: 'Tuned by us' },
      ],
    });
    const config = loadConfig({ TOPICS_FILE: file });
    expect(config.topicsFile).toBe(file);
    expect(config.userTopics).toEqual([
      { ...harbour, exclude: [] },
      { id: 'sahel', label: 'Sahel region', phrases: ['sahel', 'liptako'], exclude: ['sahel fund'], salience: 3, description: 'Tuned by us' },
    ]);
  });

  it('accepts the built-in taxonomy file itself, so any built-in entry can be copied and tuned', () => {
    const builtIn = readTopicsFile(join(import.meta.dirname, '../../src/ingest/data/topics.json'));
    expect(builtIn.length).toBeGreaterThanOrEqual(14);
    expect(builtIn.map((t) => t.id)).toContain('terrorism-financing');
  });

  const many = Array.from({ length: 201 }, (_, i) => ({ id: `topic-${i}`, label: `Topic ${i}`, phrases: [`word${i}`] }));
  it.each([
    ['a file that is not there', () => join(dir, 'absent.json'), /: no such file; set TOPICS_FILE to the path of a JSON topics file/],
    ['a folder', () => (mkdirSync(join(dir, 'folder.json'), { recursive: true }), join(dir, 'folder.json')), /: is a folder; /],
    ['bad JSON', () => topicsFile('{ "topics": [ { "id": "x", } ] }'), /: is not valid JSON \(.+\); check quotes, commas/],
    ['no topics array', () => topicsFile({ topic: [] }), /: topics: expected a "topics" array/],
    ['too many topics', () => topicsFile({ topics: many }), /: topics: expected at most 200 topics/],
    ['an entry that is not an object', () => topicsFile({ topics: [harbour, 'piracy'] }), /: topics\[1\]: expected a topic \{ "id", "label", "phrases" \}$/],
    ['an id that is not a slug', () => topicsFile({ topics: [{ ...harbour, id: 'Harbour Security' }] }), /: topics\[0\] \(id "Harbour Security"\): id: expected a lowercase slug of letters, digits and hyphens/],
    ['an id too long', () => topicsFile({ topics: [{ ...harbour, id: 'a'.repeat(41) }] }), /: topics\[0\] \(id "a{40}"\): id: expected a lowercase slug/],
    ['a missing id', () => topicsFile({ topics: [{ label: 'x', phrases: ['x'] }] }), /: topics\[0\]: id: required: a lowercase slug/],
    ['an empty label', () => topicsFile({ topics: [{ ...harbour, label: ' ' }] }), /: topics\[0\] \(id "harbour-security"\): label: expected a label of 1 to 80 characters$/],
    ['a label too long', () => topicsFile({ topics: [{ ...harbour, label: 'x'.repeat(81) }] }), /\): label: expected a label of 1 to 80 characters$/],
    ['no phrases', () => topicsFile({ topics: [{ ...harbour, phrases: [] }] }), /\(id "harbour-security"\): phrases: expected at least one phrase$/],
    ['phrases given as one string', () => topicsFile({ topics: [{ ...harbour, phrases: 'piracy' }] }), /\): phrases: expected a list of regular-expression sources/],
    ['a misspelt field', () => topicsFile({ topics: [{ id: 'harbour-security', label: 'x', phrase: ['x'] }] }), /\): unknown field "phrase"; expected id, label, phrases, exclude, salience, description$/],
    ['a phrase that is no regular expression', () => topicsFile({ topics: [harbour, { ...harbour, id: 'docks', phrases: ['docks', 'dock (workers'] }] }), /: topics\[1\] \(id "docks"\): phrases\[1\]: "dock \(workers" is not a valid regular expression \(.*Unterminated group\); escape special characters/],
    ['an exclude that is no regular expression', () => topicsFile({ topics: [{ ...harbour, exclude: ['[port'] }] }), /\): exclude\[0\]: "\[port" is not a valid regular expression/],
    ['a phrase matching empty text', () => topicsFile({ topics: [{ ...harbour, phrases: ['ports?', '(?:harbour)?'] }] }), /\): phrases\[1\]: "\(\?:harbour\)\?" matches empty text/],
    ['an empty phrase', () => topicsFile({ topics: [{ ...harbour, phrases: [''] }] }), /\): phrases\[0\]: "" is empty$/],
    ['a named group', () => topicsFile({ topics: [{ ...harbour, phrases: ['(?<place>port) security'] }] }), /\): phrases\[0\]: .* uses a named group or a back-reference.*use \(\?:\.\.\.\) for groups$/],
    ['a back-reference', () => topicsFile({ topics: [{ ...harbour, phrases: ['(port) \\1'] }] }), /uses a named group or a back-reference/],
    ['salience zero', () => topicsFile({ topics: [{ ...harbour, salience: 0 }] }), /\): salience: expected a positive number of hits, such as 2$/],
    ['salience not whole', () => topicsFile({ topics: [{ ...harbour, salience: 1.5 }] }), /\): salience: expected a whole number of hits/],
    ['the same id twice', () => topicsFile({ topics: [harbour, { ...harbour, label: 'Again' }] }), /: topics\[1\] \(id "harbour-security"\): id "harbour-security" is also used by topics\[0\]; give each topic its own id$/],
  ])('stops startup on %s with one line naming the file and the topic', (_what, make, expected) => {
    const file = make();
    const message = failure(file);
    expect(message.startsWith(`TOPICS_FILE: ${file}: `)).toBe(true);
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });

  it('keeps good escapes: lookbehinds, escaped parentheses and classes are not mistaken for groups', () => {
    const file = topicsFile({ topics: [{ ...harbour, phrases: ['(?<!air)port security', 'port \\(maritime\\)', '[(]harbour[)]', '(port|dock) checks'] }] });
    expect(loadConfig({ TOPICS_FILE: file }).userTopics[0]!.phrases).toHaveLength(4);
  });
});
