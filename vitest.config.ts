import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// Unit tests run in Node against real temp folders and real lowdb files; component
// tests opt into a DOM with `// @vitest-environment jsdom` at the top of the file.
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000
  }
})
