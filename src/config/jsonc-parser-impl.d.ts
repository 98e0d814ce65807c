// Types of the one jsonc-parser module parse-json.ts imports by path (the package types only its main entry).
declare module 'jsonc-parser/lib/esm/impl/parser.js' {
  export { parseTree } from 'jsonc-parser/lib/esm/main.js';
}
