// Production build of the peer: one minified ES module, dist/tradecover-peer.js, exporting the
// mount functions, with React bundled in (the page loads nothing else), no hashes in file names,
// relative base. Built as an application entry (not Vite's library mode, which keeps whitespace
// in ES output so that consumers can tree-shake it): what ships to a browser.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    modulePreload: false,
    rolldownOptions: {
      input: 'src/index.ts',
      preserveEntrySignatures: 'exports-only',
      output: {
        format: 'es',
        entryFileNames: 'tradecover-peer.js',
        chunkFileNames: '[name].js',
        assetFileNames: '[name][extname]',
      },
    },
  },
});
