#!/usr/bin/env -S MALLOC_MMAP_THRESHOLD_=16384 node --max-semi-space-size=4
// The installed `newsdesk` command runs the built server (npm run build makes it).
// --max-semi-space-size=4 caps V8's young generation at 2 x 4 MB. Left to itself V8 grows it
// to 2 x 16 MB under load (more on later Node versions) and never gives it back: an instance
// held 40-55 MB more RSS after 3,000 story pages, for no measurable gain in throughput on
// uncached pages (docs/performance.md, "2026-12-03, night"). `npm start`, the tests of a
// real server and the benchmark all start the server through this file.
import '../dist/newsdesk.js';
