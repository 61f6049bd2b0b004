// Builds dist/inkwell.cjs once, so the CLI tests run exactly what users run.
import { execFileSync } from 'node:child_process';

export default function setup() {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
