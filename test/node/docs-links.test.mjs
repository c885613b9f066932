// Every link between the README and docs/ leads somewhere: the file exists, and so does the heading
// its #anchor names (GitHub's anchors: the heading in lower case, punctuation dropped, spaces as -).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];

const slug = (heading) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\- _]/gu, '').replace(/ /g, '-');
const anchors = (text) => new Set([...text.replace(/```[^]*?```/g, '').matchAll(/^#{1,6} (.+)$/gm)].map(([, heading]) => slug(heading)));

test('links between the README and docs/ resolve, anchors included', () => {
  const broken = [];
  for (const page of pages) {
    const text = readFileSync(join(root, page), 'utf8');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue; // https:, mailto:
      const [path, anchor] = target.split('#');
      const file = path ? relative(root, join(root, dirname(page), path)) : page;
      if (!existsSync(join(root, file))) broken.push(`${page}: ${target} (no ${file})`);
      else if (anchor && file.endsWith('.md') && !anchors(readFileSync(join(root, file), 'utf8')).has(anchor)) broken.push(`${page}: ${target} (no heading #${anchor})`);
    }
  }
  assert.deepEqual(broken, []);
});
