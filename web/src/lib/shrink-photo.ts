/** Longest side of an uploaded photo: enough to see a broken lamp, small enough for 4G. */
const MAX_SIDE = 1600;

/**
 * Scales a phone photo down and re-encodes it as JPEG before upload: a 5 MB camera photo
 * becomes ~300 KB, and the browser applies the EXIF orientation while drawing. Falls back to
 * the original file where the browser cannot decode it.
 * @example const blob = await shrinkPhoto(input.files[0])
 */
export async function shrinkPhoto(file: File): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82));
    return blob && blob.size < file.size ? blob : file;
  } catch {
    return file;
  }
}
