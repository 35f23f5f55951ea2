// Loaded with `node --import` into a part's build processes: on exit, writes the process's peak memory (bytes) to
// CHAMBER_PEAK_FILE, so the build can keep parts built at once within its memory. Plain JavaScript: Astro's process
// runs without a TypeScript loader.
import { writeFileSync } from 'node:fs';

const file = process.env.CHAMBER_PEAK_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
