// The README's tables of attributes, events, slots, parts and custom properties say what
// custom-elements.json (generated from the class's JSDoc by `npm run analyze`) says: none missing,
// none extra.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((d) => d.tagName === 'ktpay-checkout');

/** The cells of the first table after `heading` in the README (header and rule left out). */
function tableAfter(heading) {
  const start = readme.indexOf(`\n${heading}\n`);
  assert.notEqual(start, -1, `no "${heading}" in the README`);
  const lines = readme.slice(start + heading.length + 2).split('\n');
  const table = lines.slice(lines.findIndex((line) => line.startsWith('|')));
  const rows = table.slice(0, table.findIndex((line) => !line.startsWith('|'))).slice(2);
  return rows.map((row) => row.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()));
}

const backticked = (cell) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]);

/** The backticked names in the first column of the table that follows `heading`. */
function namesInTable(heading) {
  return tableAfter(heading).flatMap(([first]) => backticked(first)).sort();
}

const sorted = (items) => items.map((item) => item.name).sort();

test('the attributes table lists every attribute of the manifest', () => {
  assert.deepEqual(namesInTable('## Attributes'), sorted(element.attributes));
});

test('the events table lists every event', () => {
  assert.deepEqual(namesInTable('## Events'), sorted(element.events));
});

test('the custom properties table lists every custom property', () => {
  assert.deepEqual(namesInTable('### Custom properties'), sorted(element.cssProperties));
});

test('custom property defaults agree in the styles, the manifest and the README', () => {
  // The defaults: the button's theme on the page's initial path, the modal's light one with the modal.
  const declared = {};
  for (const file of ['src/element/ktpay-checkout.styles.ts', 'src/element/modal/modal.styles.ts']) {
    const styles = readFileSync(new URL(file, root), 'utf8');
    const host = /:host \{([^}]*)\}/.exec(styles)[1];
    for (const [, name, value] of host.matchAll(/(--ktpay-[\w-]+):\s*([^;]+);/g)) {
      assert.equal(declared[name], undefined, `${name}: a default in two stylesheets`);
      declared[name] = value.trim();
    }
  }
  const inReadme = Object.fromEntries(tableAfter('### Custom properties').map(([name, value]) => [backticked(name)[0], backticked(value)[0]]));
  for (const property of element.cssProperties) {
    assert.equal(property.default, declared[property.name], `${property.name}: the JSDoc's default is not the styles'`);
    assert.equal(inReadme[property.name], property.default, `${property.name}: the README's default is not the manifest's`);
  }
});

test('the parts table lists every part', () => {
  assert.deepEqual(namesInTable('### Parts'), sorted(element.cssParts));
});

test('every attribute has a property, and each is described', () => {
  const fields = new Map(element.members.filter((member) => member.kind === 'field').map((field) => [field.name, field]));
  for (const attribute of element.attributes) {
    assert.ok(attribute.description, `${attribute.name} has no description`);
    if (attribute.name !== 'lang') assert.ok(fields.has(attribute.fieldName), `${attribute.name} has no property`);
  }
  for (const list of [element.events, element.cssParts, element.cssProperties, element.slots]) {
    for (const item of list) assert.ok(item.description, `${item.name || 'the default slot'} has no description`);
  }
  for (const event of element.events) assert.match(event.type.text, /^CustomEvent<Ktpay\w+Detail>$/, `${event.name} has no detail type`);
});
