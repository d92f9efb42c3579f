// The extension proper, as the bundle dist/main.js that the entry (src/entry/index.ts) loads on first use: the
// extension's own activate(), and the hand-over that gives its commands, trees and serializers to the entry's
// stand-ins.
export { activate, deactivate } from '../extension';
export { handOver } from './handover';
