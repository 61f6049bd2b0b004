import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { keysKeptByTextInput, TEXT_INPUT_MODULE } from './scripts/bundle.mjs';

export default defineConfig({
  // The `a` prompt's field as the program ships it: patched at build time (see scripts/bundle.mjs).
  plugins: [
    {
      name: 'text-input-keeps-keys',
      enforce: 'pre',
      load(id) {
        if (!TEXT_INPUT_MODULE.test(id)) return undefined;
        // Without the package's source map, which the patched lines no longer match.
        const patched = keysKeptByTextInput(id, readFileSync(id, 'utf8'));
        return { code: patched.replace(/^\/\/# sourceMappingURL=.*$/m, ''), map: null };
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
