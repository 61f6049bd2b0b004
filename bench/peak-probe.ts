// The script a measured process is started with (`--require`) to report its own peak memory as it exits.

/**
 * Prints the process's peak memory (kilobytes) to the file INKWELL_BENCH_PEAK names, as it exits. On
 * Linux it is VmHWM, this program's own high-water mark: getrusage's maxRSS survives exec, so a child of a
 * large bench would report the bench's size at fork time.
 */
export const PEAK_PROBE = [
  "process.on('exit', () => {",
  "  const fs = require('node:fs');",
  '  let kb = process.resourceUsage().maxRSS;',
  "  try { kb = Number(/VmHWM:\\s*(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]); } catch {}",
  '  fs.writeFileSync(process.env.INKWELL_BENCH_PEAK, String(kb));',
  '});',
].join('\n');
