import { defineConfig } from 'vitest/config';
import { keysKeptByTextInput } from './scripts/bundle.mjs';

export default defineConfig({
  // The `a` prompt's field as the program ships it: patched at build time (see scripts/bundle.mjs).
  plugins: [
    {
      name: 'text-input-keeps-keys',
      enforce: 'pre',
      transform(code, id) {
        return /[\\/]ink-text-input[\\/]build[\\/]index\.js$/.test(id)
          ? keysKeptByTextInput(id, code)
          : undefined;
      },
    },
  ],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // The CLI tests run the bundled binary: build it once before any test starts.
    globalSetup: ['tests/global-setup.ts'],
    // Loaded through the plugin above rather than straight from node_modules.
    server: { deps: { inline: ['ink-text-input'] } },
  },
});
