// The focus indicator of one element, measured from the pixels the browser paints (WCAG 2.4.7,
// 1.4.11): a screenshot of the element and the page around it, blurred and then focused from the
// keyboard, compared pixel by pixel. Shared by the builder's and the demo page's specs.

/** WCAG's relative luminance of an sRGB colour [r, g, b] (0–255). */
function luminance([r, g, b]) {
  const lin = (c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG's contrast ratio of two colours, 1 to 21. */
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A PNG screenshot's pixels, decoded by the browser: { width, height, data (RGBA) }. */
async function pixels(page, png) {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext('2d');
    g.drawImage(bitmap, 0, 0);
    const image = g.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width: image.width, height: image.height, data: Array.from(image.data) };
  }, png.toString('base64'));
}

/**
 * Focuses `locator` as the keyboard does (so `:focus-visible` matches) and measures what changed.
 * The page's colour is the commonest colour of the outermost pixels of the blurred shot (`pad`
 * CSS px around the element). Returns:
 * - `strong`: how many pixels changed to a colour 3:1 or more against both the colour they had
 *   (what is next to the indicator there) and the page's colour;
 * - `perimeter`: the element's perimeter in pixels, the least `strong` must reach (a 1 px line
 *   all round, or a thicker bar along part of it);
 * - `page`, `colours`: the page's colour and the focused colours that count, for messages.
 */
export async function focusIndicator(page, locator, { pad = 10 } = {}) {
  await locator.scrollIntoViewIfNeeded();
  await page.evaluate(() => document.activeElement?.blur());
  const box = await locator.boundingBox();
  const clip = { x: Math.max(0, box.x - pad), y: Math.max(0, box.y - pad), width: box.width + 2 * pad, height: box.height + 2 * pad };
  const shot = () => page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  const before = await pixels(page, await shot());
  // A key press makes the keyboard the last input, so the focus that follows is :focus-visible.
  await page.keyboard.press('Shift');
  await locator.focus();
  if (!(await locator.evaluate((el) => el.matches(':focus-visible')))) throw new Error('the element is not :focus-visible');
  const after = await pixels(page, await shot());

  const at = (img, i) => [img.data[i * 4], img.data[i * 4 + 1], img.data[i * 4 + 2]];
  const { width, height } = before;
  const edge = new Map();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (x !== 0 && y !== 0 && x !== width - 1 && y !== height - 1) continue;
      const key = at(before, y * width + x).join(',');
      edge.set(key, (edge.get(key) ?? 0) + 1);
    }
  }
  const pageColour = [...edge].sort((a, b) => b[1] - a[1])[0][0].split(',').map(Number);
  let strong = 0;
  const colours = new Set();
  for (let i = 0; i < width * height; i++) {
    const [b, a] = [at(before, i), at(after, i)];
    if (contrast(a, b) >= 3 && contrast(a, pageColour) >= 3) {
      strong++;
      colours.add(a.join(','));
    }
  }
  const dpr = await page.evaluate(() => devicePixelRatio);
  return {
    strong,
    perimeter: Math.round(2 * (box.width + box.height) * dpr),
    page: pageColour.join(','),
    colours: [...colours].slice(0, 5),
  };
}
