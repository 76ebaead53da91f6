/** Vite's `?inline` CSS imports (a stylesheet's text), used by stories that put a page's CSS around the kit. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
