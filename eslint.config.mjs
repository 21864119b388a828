import tseslint from 'typescript-eslint';

const pure = ['src/nlu/**', 'src/knowledge/**', 'src/recovery/**', 'src/handoff/**', 'src/shared/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'reports/**', 'public/vendor/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // The engine never depends on the Bot Framework SDK or the HTTP server (conventions: dependency direction).
    files: ['src/**/*.ts'],
    // app.ts is the composition root: the one file in src/ that wires the bot in.
    ignores: ['src/app.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'src/ must not depend on the Bot Framework SDK; keep it in bot/ and dialogs/.' },
        { group: ['**/bot/**', '**/dialogs/**', '../../bot/*', '../../dialogs/*'], message: 'src/ must not import bot/ or dialogs/.' },
      ] }],
    },
  },
  {
    // Pure modules: no I/O, no process.env, no server.
    files: pure,
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['fs', 'node:fs', 'fs/*', 'node:fs/*', 'restify', 'pg', 'better-sqlite3', 'ws', 'botbuilder', 'botbuilder-*'], message: 'pure modules take I/O through ports.' },
        { group: ['../storage/*', '../http/*', '../app', '../server', '../index'], message: 'pure modules import src/shared only.' },
      ] }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'only src/index.ts reads process.env.' }],
    },
  },
  { files: ['src/index.ts', 'src/cli/**', 'bench/**', 'scripts/**', 'tests/**'], rules: { 'no-console': 'off' } },
  // chai's property assertions (`expect(x).to.be.true`) read as bare expressions.
  { files: ['tests/**'], rules: { '@typescript-eslint/no-unused-expressions': 'off' } },
);
