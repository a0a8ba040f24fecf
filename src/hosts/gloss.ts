#!/usr/bin/env node
// The `gloss` executable (package.json "bin"). Built into out/cli/gloss.js by
// scripts/build-cli.ts (plain JavaScript, each command in its own chunk, no tsx at run
// time); `npm run cli -- …` runs this same file from source through tsx.
import { runGloss } from './cli-main'

void runGloss(process.argv.slice(2))
