// Responsive image sizes, matched to the layout in src/styles/global.css: a card list is a grid of
// columns at least 17rem wide inside a 72rem wrap with 1rem padding on each side.
//   - up to 40rem of viewport, one or two columns: at most the viewport less the padding;
//   - up to 56rem, two or three columns: at most about 27rem (two columns just before a third fits);
//   - wider, three columns: at most (70rem - 2 gaps) / 3, about 22.5rem.
// The widths cover those sizes at device pixel ratios 1 and 2 (a 390 px phone draws about 358 px).
export const cardImage = {
  sizes: "(max-width: 40rem) calc(100vw - 2rem), (max-width: 56rem) 27rem, 23rem",
  widths: [400, 560, 720, 880, 1200],
};
