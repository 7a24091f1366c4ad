// The static import graph of this package's TypeScript sources, for tests that
// prove an entry point does not load a module. Only what Node would load at
// import time counts: `import type` / `export type` statements are erased
// (verbatimModuleSyntax), and a dynamic import() is loaded only when it runs.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import ts from 'typescript';

export interface ImportGraph {
  /** Absolute paths of the package's files reached, the entry included. */
  files: Set<string>;
  /** Bare specifiers (packages and builtins) imported by those files. */
  packages: Set<string>;
  /** Specifiers imported dynamically, relative ones resolved to absolute paths (not followed). */
  dynamic: Set<string>;
}

function staticSpecifiers(file: string): { static: string[]; dynamic: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = { static: [] as string[], dynamic: [] as string[] };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      if (statement.importClause?.phaseModifier === ts.SyntaxKind.TypeKeyword) continue;
      if (ts.isStringLiteral(statement.moduleSpecifier)) found.static.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly || !statement.moduleSpecifier) continue;
      if (ts.isStringLiteral(statement.moduleSpecifier)) found.static.push(statement.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(statement)) {
      throw new Error(`${file}: import = require() is not supported by this walker`);
    }
  }
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.dynamic.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Follows every static import from `entry` through the package's relative imports. */
export function importGraph(entry: string): ImportGraph {
  const graph: ImportGraph = { files: new Set(), packages: new Set(), dynamic: new Set() };
  const pending = [resolve(entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (graph.files.has(file)) continue;
    graph.files.add(file);
    const specifiers = staticSpecifiers(file);
    for (const specifier of specifiers.static) {
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier));
      else graph.packages.add(specifier);
    }
    for (const specifier of specifiers.dynamic) {
      graph.dynamic.add(specifier.startsWith('.') ? resolve(dirname(file), specifier) : specifier);
    }
  }
  return graph;
}
