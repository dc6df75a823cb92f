// The self-contained bundle for a <script type="module"> tag: registers every
// tag and exposes the adapters and helpers a page without a bundler needs.
import './define.js';

export * from './index.js';
