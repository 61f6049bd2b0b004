// Plain front matter read without YAML gives exactly what YAML gives, and anything else is left to YAML.
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { simpleFrontMatter } from '../../src/library/simple-front-matter.js';

const yaml = (text: string) => parseDocument(text, { schema: 'core', uniqueKeys: true }).toJS();

describe('simpleFrontMatter', () => {
  it.each([
    'title: Hello',
    'title: Hello, world\nauthor: Ann',
    'title: "Quoted: with colon # and hash"',
    "title: 'Single, quoted'",
    'title: It\'s a "plain" one\nsource: C# weekly',
    'title: Ünïcödé 日本語 title',
    'date: 2024-01-02',
    'date: 2024-01-02T10:00:00Z',
    'url: https://example.com/a?b=c#frag',
    'tags: [a, b, machine learning]',
    'tags: []',
    'tags: [ spaced ,  out ]',
    'title:    many spaces first',
    'title: 10 things',
    'id: my-id_1.2',
  ])('reads %j as YAML does', (text) => {
    const simple = simpleFrontMatter(text);
    expect(simple).toBeDefined();
    expect(simple).toEqual(yaml(text));
  });

  it.each([
    'title: 2024',
    'title: 1e5',
    'title: true',
    'title: Null',
    'title: ~',
    'title: .inf',
    'title: 0x1F',
    'title: a # comment',
    'title: "escaped \\" quote"',
    "title: 'it''s'",
    'title: "a" trailing',
    'title: trailing ',
    'title:',
    'title: |',
    'title: >',
    'title: - item',
    'title: [a: b]',
    'tags: [a, ]',
    'tags: [1, 2]',
    'tags: [true]',
    'tags: ["quoted"]',
    'tags:\n  - a',
    'title: a\ntitle: b',
    'true: x',
    '__proto__: x',
    '',
    '# comment',
    'title: &anchor x',
    'title: *alias',
    'title: !tag x',
    'title: {a: b}',
    'title: a: b',
    'title:\tx',
    'title: x\n\nauthor: y',
    '"quoted key": x',
    'title: (parenthesised) start',
    'title: Hello, world: not',
  ])('leaves %j to YAML', (text) => {
    expect(simpleFrontMatter(text)).toBeUndefined();
  });
});
