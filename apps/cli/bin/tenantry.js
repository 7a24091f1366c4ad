#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), like every app in this workspace.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
