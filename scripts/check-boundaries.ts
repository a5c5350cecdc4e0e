/**
 * Feature-level import cycles, which Biome cannot see.
 *
 * Biome (`npm run lint`, biome.json) refuses a reach into another feature's internals
 * (`noRestrictedImports`: another feature only through its `index.ts`) and a cycle between files
 * (`noImportCycles`). Neither sees a cycle between two features whose files never form a loop, e.g.
 * `budgets/policy-pages.ts → eligibility/index.ts → eligibility/service.ts → budgets/index.ts →
 * budgets/versions.ts`. This script reads every product file's imports (type-only ones too: a type
 * is a dependency of the design), folds them into a graph of features and fails when that graph has
 * a cycle. Test code (`*.test.ts`, `*.fixtures.ts`) is left out: no product code imports a test.
 *
 * Run: `node --import tsx scripts/check-boundaries.ts` (part of `npm run lint`); with a directory, it
 * checks that tree instead, allowing no cycle at all (scripts/check-boundaries.test.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export interface FeatureImport {
  /** Importing file, relative to the root, with `/` separators. */
  file: string;
  /** Imported file, relative to the root. */
  target: string;
  fromFeature: string;
  toFeature: string;
}

export function isTestCode(file: string): boolean {
  return /\.(test|fixtures)\.ts$/.test(file);
}

/** The feature a file belongs to (`src/features/<name>/…`), or undefined. */
export function featureOf(file: string): string | undefined {
  const parts = file.split('/');
  return parts[0] === 'src' && parts[1] === 'features' && parts.length > 3 ? parts[2] : undefined;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file names: imports, re-exports, `import()` calls and `import('…')` types. */
export function specifiersOf(source: string, fileName: string): string[] {
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** Every import from one feature's product code into another feature. */
export function featureImports(root: string): FeatureImport[] {
  const edges: FeatureImport[] = [];
  for (const path of walk(join(root, 'src', 'features'))) {
    const file = relative(root, path).split(sep).join('/');
    const fromFeature = featureOf(file);
    if (!fromFeature || isTestCode(file)) continue;
    for (const specifier of specifiersOf(readFileSync(path, 'utf8'), path)) {
      if (!specifier.startsWith('.')) continue;
      const target = relative(root, resolve(dirname(path), specifier))
        .split(sep)
        .join('/');
      const toFeature = featureOf(target);
      if (toFeature && toFeature !== fromFeature) edges.push({ file, target, fromFeature, toFeature });
    }
  }
  return edges;
}

/** The groups of two or more features that reach each other (Tarjan's strongly connected components). */
export function featureCycles(edges: readonly FeatureImport[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { fromFeature, toFeature } of edges) {
    next.set(fromFeature, (next.get(fromFeature) ?? new Set()).add(toFeature));
    if (!next.has(toFeature)) next.set(toFeature, new Set());
  }
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const connect = (feature: string): number => {
    const mine = order.size;
    order.set(feature, mine);
    low.set(feature, mine);
    stack.push(feature);
    for (const other of next.get(feature) ?? []) {
      if (!order.has(other)) low.set(feature, Math.min(low.get(feature) ?? mine, connect(other)));
      else if (stack.includes(other))
        low.set(feature, Math.min(low.get(feature) ?? mine, order.get(other) ?? mine));
    }
    if (low.get(feature) === mine) {
      const group = stack.splice(stack.indexOf(feature));
      if (group.length > 1) groups.push(group.sort());
    }
    return low.get(feature) ?? mine;
  };
  for (const feature of [...next.keys()].sort()) if (!order.has(feature)) connect(feature);
  return groups.sort((a, b) => a.join().localeCompare(b.join()));
}

/**
 * Cycles written down so that no other can join them while one is being broken: none today. An
 * entry fails the check once its cycle is gone, so this list only shrinks.
 */
export const KNOWN_CYCLES: readonly (readonly string[])[] = [];

/** One line per cycle and per import that makes it; empty when the feature graph has no cycle. */
export function checkBoundaries(root: string, known: readonly (readonly string[])[] = []): string[] {
  const edges = featureImports(root);
  const cycles = featureCycles(edges);
  const same = (a: readonly string[], b: readonly string[]) => a.join() === [...b].sort().join();
  return [
    ...cycles
      .filter((group) => !known.some((k) => same(group, k)))
      .flatMap((group) => [
        `Features import each other in a cycle: ${group.join(', ')}`,
        ...edges
          .filter((edge) => group.includes(edge.fromFeature) && group.includes(edge.toFeature))
          .map((edge) => `  ${edge.fromFeature} → ${edge.toFeature}: ${edge.file} imports ${edge.target}`),
      ]),
    ...known
      .filter((k) => !cycles.some((group) => same(group, k)))
      .map((k) => `The known cycle ${[...k].sort().join(', ')} is gone: delete it from KNOWN_CYCLES.`),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = process.argv[2];
  // The real tree carries its known cycles; any other root (a test's fixture) is checked with none.
  const problems = root ? checkBoundaries(resolve(root)) : checkBoundaries(resolve('.'), KNOWN_CYCLES);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    console.error(
      'Break it: move a shared concept to platform/, move the code to the feature that owns it, or pass it in.',
    );
    process.exit(1);
  }
  console.log(
    KNOWN_CYCLES.length ? 'Feature imports: no cycles but the known ones.' : 'Feature imports: no cycles.',
  );
}
