// Builds the renderer (React + MapLibre) into build/renderer. The same bundle is loaded by Electron and
// served by browser mode.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: '../assets/public',
  plugins: [react()],
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
});
