#!/usr/bin/env node
// Node 20 cannot run TypeScript, and the CLI shares its TypeScript with the checker core, so
// this shim registers tsx's loader and hands over. No build step: `npm install` is all a
// fresh clone needs before `npx selge check`.
//
// tsconfig: false — tsx would otherwise read the tsconfig.json of whatever directory the user
// runs from (or ours, which extends a file WXT generates), and nothing here needs one.
import { register } from 'tsx/esm/api';

register({ tsconfig: false });
const { runFromProcess } = await import('./main.ts');
await runFromProcess();
