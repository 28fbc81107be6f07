import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

// The layout of src/ (DESIGN.md): no import cycle between files, and no import from a lower
// layer to a higher one. Each domain folder holds its constructs with their building code;
// src/shared/ holds only what several domains use; src/validation/ holds the rules and
// depends on nothing above it.

const SRC = path.join(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every relative import (and `export ... from`) of each file, type-only ones included, as src-relative paths. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf-8'), ts.ScriptTarget.Latest);
    const targets: string[] = [];
    for (const statement of source.statements) {
      const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) ? statement.moduleSpecifier : undefined;
      if (specifier === undefined || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
      const resolved = path.resolve(path.dirname(file), specifier.text);
      const target = fs.existsSync(`${resolved}.ts`) ? `${resolved}.ts` : path.join(resolved, 'index.ts');
      targets.push(path.relative(SRC, target));
    }
    graph.set(path.relative(SRC, file), targets);
  }
  return graph;
}

/** The first import cycle found, as a path of files (first file repeated at the end). */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === 'done') return undefined;
    if (state.get(file) === 'visiting') return [...stack.slice(stack.indexOf(file)), file];
    state.set(file, 'visiting');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

const graph = importGraph();

test('every relative import names a file of src/', () => {
  const missing = [...graph].flatMap(([file, targets]) => targets.filter(t => !graph.has(t)).map(t => `${file} -> ${t}`));
  expect(missing).toEqual([]);
});

test('no import cycle between the files of src/', () => {
  expect(findCycle(graph)).toBeUndefined();
});

/**
 * The layers, lowest first: a file may import files of its own layer and of lower ones only.
 * The environment contract (the interface services join and the registry of what they
 * declare) sits below the services; the FargateEnvironment construct, which builds on load
 * balancers and services, sits above them.
 */
const LAYERS: ReadonlyArray<readonly string[]> = [
  ['validation/'],
  ['shared/'],
  ['network/'],
  ['iam/'],
  ['task/'],
  ['environment/environment.ts', 'environment/registry.ts', 'environment/reachability.ts'],
  ['service/'],
  ['alb/'],
  ['environment/'],
  ['report/'],
  ['index.ts'],
];

/** The layer of a src-relative file: the most specific entry that names it. */
function layerOf(file: string): number {
  const posix = file.split(path.sep).join('/');
  let best = -1;
  let bestLength = -1;
  LAYERS.forEach((entries, i) => {
    for (const e of entries) {
      if ((posix === e || (e.endsWith('/') && posix.startsWith(e))) && e.length > bestLength) {
        best = i;
        bestLength = e.length;
      }
    }
  });
  return best;
}

test('every file of src/ is in a layer', () => {
  expect([...graph.keys()].filter(f => layerOf(f) < 0)).toEqual([]);
});

test('no import from a lower layer to a higher one', () => {
  const upward = [...graph].flatMap(([file, targets]) =>
    targets.filter(t => layerOf(t) > layerOf(file)).map(t => `${file} -> ${t}`));
  expect(upward).toEqual([]);
});

test('src/validation/ imports nothing above it', () => {
  const upward = [...graph]
    .filter(([file]) => file.startsWith(`validation${path.sep}`))
    .flatMap(([file, targets]) => targets.filter(t => !t.startsWith(`validation${path.sep}`)).map(t => `${file} -> ${t}`));
  expect(upward).toEqual([]);
});

test('the cycle finder finds a cycle', () => {
  expect(findCycle(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']]]))).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
  expect(findCycle(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toBeUndefined();
});
