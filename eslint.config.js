import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

// Untrusted data is text: markup from strings is banned in src/.
const noMarkupFromStrings = [
  { selector: "ImportSpecifier[imported.name='unsafeHTML']", message: 'unsafeHTML is banned: render untrusted data as text.' },
  { selector: "ImportSpecifier[imported.name='unsafeSVG']", message: 'unsafeSVG is banned: render untrusted data as text.' },
  { selector: "ImportSpecifier[imported.name='unsafeStatic']", message: 'unsafeStatic is banned.' },
  { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'innerHTML writes are banned: use Lit templates or textContent.' },
  { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'outerHTML writes are banned.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'insertAdjacentHTML is banned.' },
  { selector: "ImportDeclaration[source.value='zod']", message: "Runtime code imports 'zod/mini' only (classic zod costs ~19 KB)." },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'demo-dist/', 'custom-elements.json', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', console: 'readonly', customElements: 'readonly',
        process: 'readonly', globalThis: 'readonly',
      },
    },
    settings: { wc: { elementBaseClasses: ['LitElement', 'KitElement', 'PartnerKitElement'] } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-undef': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noMarkupFromStrings] },
  },
  {
    // msw is for the demo and tests: production modules never import it.
    files: ['src/**/*.ts'],
    ignores: ['src/mocks/**', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['msw', 'msw/*'], message: 'msw belongs in src/mocks and tests only.' }] }],
    },
  },
  {
    files: ['src/**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
