/**
 * The types a TypeScript user meets in the published declarations but cannot import: each type
 * that an export of `index.d.ts` names (in a signature, a property, a base type), directly or
 * through other such types, that its own module exports but the package does not.
 * Types a module keeps to itself (no `export`) are its author's choice and are not listed.
 */
import { join, relative } from 'node:path';
import ts from 'typescript';

/** `Name (file.d.ts)` of every such type, sorted; empty when the public surface is closed. */
export function findUnexportedTypes(program: ts.Program, typesDir: string): string[] {
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(join(typesDir, 'index.d.ts'));
  const moduleSymbol = index && checker.getSymbolAtLocation(index);
  if (moduleSymbol === undefined) throw new Error(`${typesDir}/index.d.ts is not in the program`);
  const real = (symbol: ts.Symbol): ts.Symbol => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const exported = new Set(checker.getExportsOfModule(moduleSymbol).map(real));
  const missing = new Set<string>();
  const seen = new Set<ts.Symbol>();
  const work = [...exported];
  const note = (found: ts.Symbol | undefined): void => {
    if (found === undefined) return;
    const symbol = real(found);
    const declaration = symbol.declarations?.[0];
    if (declaration === undefined || symbol.flags & ts.SymbolFlags.TypeParameter || exported.has(symbol)) return;
    const file = declaration.getSourceFile().fileName;
    if (!file.startsWith(typesDir) || !(ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Export)) return;
    missing.add(`${symbol.name} (${relative(typesDir, file)})`);
    work.push(symbol);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node)) note(checker.getSymbolAtLocation(node.typeName));
    else if (ts.isExpressionWithTypeArguments(node)) note(checker.getSymbolAtLocation(node.expression));
    else if (ts.isTypeQueryNode(node)) note(checker.getSymbolAtLocation(node.exprName));
    else if (ts.isImportTypeNode(node)) {
      const type = checker.getTypeFromTypeNode(node);
      note(type.aliasSymbol ?? type.getSymbol());
    }
    ts.forEachChild(node, visit);
  };
  for (let symbol = work.pop(); symbol !== undefined; symbol = work.pop()) {
    if (seen.has(symbol)) continue;
    seen.add(symbol);
    for (const declaration of symbol.declarations ?? []) visit(declaration);
  }
  return [...missing].sort();
}
