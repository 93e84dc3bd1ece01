/** A photograph-like test image (smooth shading with grain), made by sharp, in the format asked for. */
import sharp from 'sharp';

export async function makePhoto({ width, height, format }: { width: number; height: number; format: 'jpeg' | 'png' | 'webp' }) {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 7;
  const grain = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return (seed % 21) - 10;
  };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      pixels[at] = Math.max(0, Math.min(255, Math.round((255 * x) / width) + grain()));
      pixels[at + 1] = Math.max(0, Math.min(255, Math.round((255 * y) / height) + grain()));
      pixels[at + 2] = Math.max(0, Math.min(255, 128 + grain()));
    }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  const output = await (format === 'jpeg' ? image.jpeg({ quality: 80 }) : format === 'png' ? image.png() : image.webp()).toBuffer();
  return new Uint8Array(output);
}
