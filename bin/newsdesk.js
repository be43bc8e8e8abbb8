#!/usr/bin/env node
// The installed `newsdesk` command runs the built server (npm run build makes it).
import '../dist/newsdesk.js';
