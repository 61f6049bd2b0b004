import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // The CLI tests run the bundled binary: build it once before any test starts.
    globalSetup: ['tests/global-setup.ts'],
  },
});
