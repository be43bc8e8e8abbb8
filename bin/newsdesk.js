#!/usr/bin/env -S MALLOC_MMAP_THRESHOLD_=69632 MALLOC_TRIM_THRESHOLD_=1048576 node --max-semi-space-size=4
// The installed `newsdesk` command runs the built server (npm run build makes it), with three
// memory settings (docs/deployment.md "Memory"):
// - --max-semi-space-size=4 caps V8's young generation at 2 x 4 MB. Left to itself V8 grows it
//   to 2 x 16 MB under load (more on later Node versions) and never gives it back.
// - MALLOC_MMAP_THRESHOLD_=69632 (68 KB) fixes glibc's threshold for mapping a block on its
//   own, which otherwise climbs (up to 32 MB) after each large block freed, until every large
//   buffer comes from a heap that never shrinks. 68 KB is just above zlib's 64 KB buffers, so a
//   cache miss reuses them from the heap: at 16 KB each miss mapped and faulted them in anew,
//   and uncached pages were 25-45 % slower. The page cache's 256 KB slabs (http/compress.ts)
//   are mapped, and returned when their pages go.
// - MALLOC_TRIM_THRESHOLD_=1048576 (1 MB): fixing the mmap threshold also fixes glibc's trim
//   threshold at 128 KB, so the heap's free top was handed back after nearly every miss and the
//   next one faulted it in again: gzip of a story took 0.5 ms instead of 0.13, and a whole miss
//   was 15-25 % slower. Keeping up to 1 MB free costs at most that (no measurable RSS change).
// Measured after 3,000 story pages at 100,000 stories: 176-184 MB, against 208-209 MB with no
// glibc setting (docs/performance.md, "2026-12-03, late" and "18:00 UTC"). The image worker
// (src/media/images.ts) runs without the glibc settings, which slow libvips.
// `npm start`, the tests of a real server and the benchmark all start the server through it.
import '../dist/newsdesk.js';
