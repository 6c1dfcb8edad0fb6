// Svelte compiler options (runes mode everywhere).
export default {
  compilerOptions: { runes: true },
};
