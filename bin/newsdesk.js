#!/usr/bin/env -S MALLOC_MMAP_THRESHOLD_=16384 node --max-semi-space-size=4
// The installed `newsdesk` command runs the built server (npm run build makes it), with two
// memory settings (docs/deployment.md "Memory"):
// - --max-semi-space-size=4 caps V8's young generation at 2 x 4 MB. Left to itself V8 grows it
//   to 2 x 16 MB under load (more on later Node versions) and never gives it back.
// - MALLOC_MMAP_THRESHOLD_=16384 has glibc map blocks of 16 KB and more on their own, so the
//   HTML and zlib buffers each page render frees go back to the system instead of leaving
//   holes between the page cache's pages.
// Together: 182-188 MB instead of 246-265 MB after 3,000 story pages at 100,000 stories, for
// no measurable change in throughput (docs/performance.md, "2026-12-03, night").
// `npm start`, the tests of a real server and the benchmark all start the server through it.
import '../dist/newsdesk.js';
