/**
 * Counts what each entry point of the package exports: values (functions, classes, constants)
 * and types (interfaces and type aliases; a class counts as a value). `--list` prints the names.
 *
 *   node --import tsx scripts/api-surface.ts [--list]
 */
import ts from 'typescript';

const ENTRIES = { digitlab: 'src/index.ts', 'digitlab/node': 'src/node.ts', 'digitlab/embed': 'src/lab/embed/index.ts' } as const;

const program = ts.createProgram(Object.values(ENTRIES), { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true });
const checker = program.getTypeChecker();
const list = process.argv.includes('--list');
for (const [name, file] of Object.entries(ENTRIES)) {
  const source = program.getSourceFile(file);
  const symbol = source && checker.getSymbolAtLocation(source);
  if (!symbol) throw new Error(`${file}: not a module`);
  const values: string[] = [];
  const types: string[] = [];
  for (const exported of checker.getExportsOfModule(symbol)) {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    // `export type { X }` of a class is a type-only export: it carries no value.
    const typeOnly = exported.declarations?.some((d) => ts.isTypeOnlyExportDeclaration(d)) ?? false;
    (target.flags & ts.SymbolFlags.Value && !typeOnly ? values : types).push(exported.name);
  }
  console.log(`${name}: ${values.length} values, ${types.length} types`);
  if (list) console.log(`  values: ${values.sort().join(', ')}\n  types: ${types.sort().join(', ')}`);
}
