/**
 * Dependency boundaries, checked in `npm test` (`npm run lint`):
 * the engine imports only itself, platforms never import one another, only the composition reads the registry.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles anywhere: a shared shape goes in its own module (e.g. core/statements/cue-types.ts).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      comment: 'src/core is the pure engine: it imports only src/core (and packages), never the app, platforms, store or io.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'platforms-apart',
      comment: 'A platform never imports another platform; shared text safety, splitting and plain rendering live in src/platforms/shared.',
      severity: 'error',
      from: { path: '^src/platforms/([^/]+)/' },
      to: { path: '^src/platforms/([^/]+)/', pathNot: ['^src/platforms/$1/', '^src/platforms/shared/'] },
    },
    {
      name: 'registry-only-in-app',
      comment: 'Only the composition (src/app) reads the platform registry.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/app/' },
      to: { path: '^src/platforms/index\\.ts$' },
    },
    {
      name: 'no-app-below',
      comment: 'Nothing below the composition imports it (the CLI and the entry points may).',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/app/', '^src/cli/', '^src/main\\.ts$', '^src/cli\\.ts$'] },
      to: { path: '^src/app/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
