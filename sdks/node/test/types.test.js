// The hand-written declarations must describe the package as it runs: every runtime export is declared,
// nothing declared as a value is missing at runtime, and every mapped method has a signature.

import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import * as runtime from 'payfunctions';
import { OPERATIONS } from 'payfunctions';

const TYPES = new URL('../types/', import.meta.url);
let sources;

before(async () => {
  const files = (await readdir(TYPES)).filter((name) => name.endsWith('.d.ts'));
  sources = Object.fromEntries(await Promise.all(files.map(async (name) => [name, await readFile(new URL(name, TYPES), 'utf8')])));
});

/** The body of `interface Name { … }` or `class Name … { … }`, up to its closing brace at the start of a line. */
function declaration(name) {
  for (const text of Object.values(sources)) {
    const match = new RegExp(`^export (?:interface|declare class) ${name}\\b[^{]*\\{([\\s\\S]*?)^\\}`, 'm').exec(text);
    if (match) return match[1];
  }
  return assert.fail(`no declaration of ${name}`);
}

describe('type declarations', () => {
  it('declare every value the package exports, and only those', () => {
    const declared = new Set();
    for (const text of Object.values(sources)) {
      for (const [, name] of text.matchAll(/^export declare (?:class|function|const) (\w+)/gm)) declared.add(name);
    }
    const exported = Object.keys(runtime).filter((name) => name !== 'default');
    assert.deepEqual([...declared].sort(), exported.sort());
    assert.match(sources['index.d.ts'], /^export default PayFunctions;$/m);
  });

  it('give every mapped method a signature on the resource the client exposes', () => {
    const client = declaration('PayFunctions');
    for (const [id, path] of Object.entries(OPERATIONS)) {
      const names = path.split('.');
      let type = 'PayFunctions';
      let body = client;
      for (const property of names.slice(0, -1)) {
        const field = new RegExp(`readonly ${property}: (\\w+);`).exec(body);
        assert.ok(field, `${id}: ${type} has no ${property}`);
        type = field[1];
        body = declaration(type);
      }
      assert.match(body, new RegExp(`^\\s+${names.at(-1)}\\(`, 'm'), `${id}: ${type} has no ${names.at(-1)}()`);
    }
  });

  it('balance their brackets in every file', () => {
    for (const [name, text] of Object.entries(sources)) {
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/'[^']*'|`[^`]*`/g, "''");
      const stack = [];
      for (const char of code) {
        if ('{(['.includes(char)) stack.push(char);
        else if ('})]'.includes(char)) assert.equal(stack.pop(), '{(['['})]'.indexOf(char)], `${name}: unbalanced ${char}`);
      }
      assert.deepEqual(stack, [], `${name}: unclosed brackets`);
    }
  });

  it('are the package’s types entry', async () => {
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    assert.equal(manifest.types, './types/index.d.ts');
    assert.equal(manifest.exports['.'].types, './types/index.d.ts');
  });
});
