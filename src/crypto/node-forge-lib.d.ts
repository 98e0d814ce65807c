// node-forge's submodules (`node-forge/lib/<name>.js`) have no type declarations of their own:
// each registers itself on the shared `forge` object, which `forge.ts` types with @types/node-forge.
declare module 'node-forge/lib/*.js' {
  const forgeNamespace: unknown;
  export default forgeNamespace;
}
